package project

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"gopkg.in/ini.v1"

	"github.com/alembic-patterns/alembic-patterns/server/internal/inputfile"
)

// iniConfig is an alembic.ini read with Python configparser semantics:
// case-insensitive keys, case-sensitive sections, no inline comments,
// indented continuation lines, [DEFAULT] inherited by every section and
// %(name)s interpolation with "here" predefined.
type iniConfig struct {
	path     string
	sections []string                     // in file order, without DEFAULT
	values   map[string]map[string]string // section -> key -> raw value
}

const defaultSection = "DEFAULT" // go-ini and configparser agree on the name

func readINI(path, here string) (*iniConfig, error) {
	data, err := inputfile.Read(path, maxConfigSize)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%s is not a text file", path)
	}
	f, err := ini.LoadSources(ini.LoadOptions{
		InsensitiveKeys:            true,
		AllowPythonMultilineValues: true,
		IgnoreContinuation:         true,
		IgnoreInlineComment:        true,
		PreserveSurroundedQuote:    true,
	}, data)
	if err != nil {
		return nil, fmt.Errorf("%s is not a valid INI file: %w", path, err)
	}
	c := &iniConfig{path: path, values: map[string]map[string]string{}}
	for _, s := range f.Sections() {
		keys := s.KeysHash()
		for k, v := range keys {
			keys[k] = normalizeValue(v)
		}
		c.values[s.Name()] = keys
		if s.Name() != defaultSection {
			c.sections = append(c.sections, s.Name())
		}
	}
	// Alembic passes here as a configparser default, which [DEFAULT] in the
	// file may override. Escaped so that a "%" in the path stays literal.
	if _, ok := c.values[defaultSection]["here"]; !ok {
		if c.values[defaultSection] == nil {
			c.values[defaultSection] = map[string]string{}
		}
		c.values[defaultSection]["here"] = strings.ReplaceAll(here, "%", "%%")
	}
	return c, nil
}

// normalizeValue turns go-ini's multi-line value into configparser's: each
// line stripped, comment lines dropped.
func normalizeValue(v string) string {
	if !strings.Contains(v, "\n") {
		return strings.TrimSpace(v)
	}
	var lines []string
	for _, line := range strings.Split(v, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, ";") {
			lines = append(lines, line)
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// owns reports whether section itself (not [DEFAULT]) sets key.
func (c *iniConfig) owns(section, key string) bool {
	_, ok := c.values[section][key]
	return ok
}

// raw returns the uninterpolated value of key in section or [DEFAULT].
func (c *iniConfig) raw(section, key string) (string, bool) {
	if v, ok := c.values[section][key]; ok {
		return v, true
	}
	v, ok := c.values[defaultSection][key]
	return v, ok
}

// get returns the interpolated value of key; found is false when the key is
// not set. An interpolation configparser would reject is an error.
func (c *iniConfig) get(section, key string) (value string, found bool, err error) {
	if _, ok := c.raw(section, key); !ok {
		return "", false, nil
	}
	budget := maxInterpolations
	v, err := c.expand(section, key, 0, &budget)
	if err != nil {
		return "", true, fmt.Errorf("%s ([%s] in %s): %w", key, section, c.path, err)
	}
	return v, true, nil
}

// rawOrExpanded returns the interpolated value of key, or its raw value when
// it cannot be interpolated (its placeholders are filled in by env.py).
func (c *iniConfig) rawOrExpanded(section, key string) string {
	if v, _, err := c.get(section, key); err == nil {
		return v
	}
	v, _ := c.raw(section, key)
	return v
}

const (
	// maxInterpolationDepth is configparser's MAX_INTERPOLATION_DEPTH.
	maxInterpolationDepth = 10
	// maxInterpolations and maxValueLen bound the work of values whose
	// references fan out (a = %(b)s%(b)s, b = %(c)s%(c)s, ...), which
	// configparser would expand exponentially.
	maxInterpolations = 10000
	maxValueLen       = 1 << 16
)

func (c *iniConfig) expand(section, key string, depth int, budget *int) (string, error) {
	raw, ok := c.raw(section, key)
	if !ok {
		return "", fmt.Errorf("%%(%s)s is not defined", key)
	}
	if depth > maxInterpolationDepth {
		return "", errors.New("interpolation is nested too deeply (a reference cycle?)")
	}
	if *budget--; *budget < 0 {
		return "", errors.New("interpolation is too complex")
	}
	return interpolate(raw, func(name string) (string, error) {
		return c.expand(section, name, depth+1, budget)
	})
}

// interpolate expands %(name)s (names are case-insensitive) and %%, and
// rejects any other use of %, as configparser's BasicInterpolation does.
func interpolate(s string, lookup func(name string) (string, error)) (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "%%"):
			b.WriteByte('%')
			s = s[2:]
		case strings.HasPrefix(s, "%("):
			end := strings.IndexByte(s, ')')
			if end <= 2 || !strings.HasPrefix(s[end:], ")s") {
				return "", fmt.Errorf("bad interpolation syntax in %q", s)
			}
			v, err := lookup(strings.ToLower(s[2:end]))
			if err != nil {
				return "", err
			}
			if b.Len()+len(v) > maxValueLen {
				return "", errors.New("interpolated value is too long")
			}
			b.WriteString(v)
			s = s[end+2:]
		default:
			return "", fmt.Errorf("'%%' must be followed by '%%' or '(' in %q", s)
		}
	}
}

// splitPaths splits a version_locations value as alembic does: by
// path_separator (alembic 1.16) or else version_path_separator, or, when
// neither is set, on commas and whitespace (alembic's legacy behaviour, here
// also splitting on newlines).
func (c *iniConfig) splitPaths(section, value string) ([]string, error) {
	var sep string
	for _, key := range []string{"path_separator", "version_path_separator"} {
		name, found, err := c.get(section, key)
		if err != nil {
			return nil, err
		}
		if !found {
			continue
		}
		switch name {
		case "os":
			sep = string(os.PathListSeparator) // Python's os.pathsep
		case "space":
			sep = " "
		case "newline":
			sep = "\n"
		case ":", ";":
			sep = name
		default:
			return nil, fmt.Errorf("%s = %q ([%s] in %s) is not one of os, space, newline, ':', ';'",
				key, name, section, c.path)
		}
		break
	}
	var parts []string
	if sep == "" {
		parts = strings.FieldsFunc(value, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	} else {
		parts = strings.Split(value, sep)
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}
