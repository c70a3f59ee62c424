//go:build !unix

package project

const nonBlocking = 0
