//go:build !linux

package project

// onPseudoFS: elsewhere only the well-known paths (pseudoDirs) are skipped.
func onPseudoFS(string) bool { return false }
