package mcpserver

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

const (
	uriScheme     = "alembic-patterns://"
	uriRules      = uriScheme + "rules"
	uriRulePrefix = uriRules + "/"
	uriRefPrefix  = uriScheme + "references/"
	markdown      = "text/markdown"
	// referencesDir is where the skill's references live under the plugin root.
	referencesDir = "skills/alembic-patterns/references"
)

// references are the skill's reference files found at startup: name (without
// .md) -> absolute path. Their content is read when a client asks for it.
type references struct {
	dir   string
	files map[string]string
}

// findReferences looks for the references under the plugin root: the given
// one, else $CLAUDE_PLUGIN_ROOT, else the directories around the executable
// (bin/alembic-patterns and .build/alembic-patterns sit one level below it).
func findReferences(root string) *references {
	var candidates []string
	if root != "" {
		candidates = append(candidates, root)
	} else {
		if env := os.Getenv("CLAUDE_PLUGIN_ROOT"); env != "" {
			candidates = append(candidates, env)
		}
		if exe, err := os.Executable(); err == nil {
			if exe, err = filepath.EvalSymlinks(exe); err == nil {
				for d, i := filepath.Dir(exe), 0; i < 3; d, i = filepath.Dir(d), i+1 {
					candidates = append(candidates, d)
				}
			}
		}
	}
	for _, c := range candidates {
		dir := filepath.Join(c, referencesDir)
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		refs := &references{dir: dir, files: map[string]string{}}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") {
				refs.files[strings.TrimSuffix(name, ".md")] = filepath.Join(dir, name)
			}
		}
		return refs
	}
	return &references{files: map[string]string{}}
}

func (s *Server) addResources() {
	s.mcp.AddResource(mcp.NewResource(uriRules, "rules",
		mcp.WithResourceDescription("Index of the alembic-patterns rules: id, severity, profile, summary"),
		mcp.WithMIMEType(markdown)),
		func(_ context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
			return text(req.Params.URI, rulesIndex()), nil
		})
	for _, r := range rules.All() {
		s.mcp.AddResource(mcp.NewResource(uriRulePrefix+r.ID, r.ID,
			mcp.WithResourceDescription(fmt.Sprintf("Rule %s (%s): %s", r.ID, r.Severity, r.Summary)),
			mcp.WithMIMEType(markdown)),
			s.readRule)
	}
	s.mcp.AddResourceTemplate(mcp.NewResourceTemplate(uriRulePrefix+"{id}", "rule",
		mcp.WithTemplateDescription("The documentation of one rule: what it finds, why it fails, an example, what to write instead, fix safety"),
		mcp.WithTemplateMIMEType(markdown)),
		s.readRule)

	for _, name := range slices.Sorted(maps.Keys(s.refs.files)) {
		s.mcp.AddResource(mcp.NewResource(uriRefPrefix+name, name,
			mcp.WithResourceDescription("alembic-patterns skill reference: "+strings.ReplaceAll(name, "-", " ")),
			mcp.WithMIMEType(markdown)),
			s.readReference)
	}
	s.mcp.AddResourceTemplate(mcp.NewResourceTemplate(uriRefPrefix+"{name}", "reference",
		mcp.WithTemplateDescription("A guide from the alembic-patterns skill (e.g. enum-handling)"),
		mcp.WithTemplateMIMEType(markdown)),
		s.readReference)
}

// rulesIndex is report.RulesIndex with its links (id.md, for the references/
// directory) pointing at the rule resources instead.
func rulesIndex() string {
	index := report.RulesIndex()
	for _, r := range rules.All() {
		index = strings.ReplaceAll(index, "]("+r.ID+".md)", "]("+uriRulePrefix+r.ID+")")
	}
	return index
}

func (s *Server) readRule(_ context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
	id := strings.TrimPrefix(req.Params.URI, uriRulePrefix)
	r, ok := rules.Get(id)
	if !ok {
		return nil, fmt.Errorf("no rule %q (the index is %s): %w", id, uriRules, server.ErrResourceNotFound)
	}
	return text(req.Params.URI, report.Markdown(r)), nil
}

// maxReferenceSize bounds a reference read (they are a few KB).
const maxReferenceSize = 1 << 20

func (s *Server) readReference(_ context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
	name := strings.TrimSuffix(strings.TrimPrefix(req.Params.URI, uriRefPrefix), ".md")
	path, ok := s.refs.files[name] // only files listed at startup: no path from the request reaches the file system
	if !ok {
		return nil, fmt.Errorf("no reference %q: %w", name, server.ErrResourceNotFound)
	}
	data, err := inputfile.Read(path, maxReferenceSize)
	if err != nil {
		return nil, fmt.Errorf("reference %q: %w", name, err)
	}
	return text(req.Params.URI, string(data)), nil
}

func text(uri, body string) []mcp.ResourceContents {
	return []mcp.ResourceContents{mcp.TextResourceContents{URI: uri, MIMEType: markdown, Text: body}}
}
