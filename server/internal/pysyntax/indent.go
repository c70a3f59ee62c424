package pysyntax

import "bytes"

// statementParents are the nodes inside which a line may begin a statement
// or a clause; inside any other node that began on an earlier line (brackets,
// strings, a backslash continuation) a line only continues one.
var statementParents = map[string]bool{
	"module": true, "block": true, "decorated_definition": true, "function_definition": true, "class_definition": true,
	"if_statement": true, "elif_clause": true, "else_clause": true, "for_statement": true, "while_statement": true,
	"try_statement": true, "except_clause": true, "except_group_clause": true, "finally_clause": true,
	"with_statement": true, "match_statement": true, "case_clause": true,
}

// indentError finds what Python's tokenizer refuses and tree-sitter accepts
// in the indentation of a file mixing tabs and spaces. tree-sitter counts a
// tab as 8 columns; Python also measures each indentation with a tab as 1
// column, and a line that compares differently with the enclosing levels
// under the two measures is a TabError. The lines measured are those that
// begin a statement or clause, as in Python (not blank lines, comments, nor
// the continuation lines of brackets, strings and backslashes).
func (t *Tree) indentError() (SyntaxError, bool) {
	if !mixesTabsAndSpaces(t.Src, t.lines) {
		return SyntaxError{}, false
	}
	root := t.Root()
	cols, alts := []int{0}, []int{0} // the enclosing levels, in each measure
	for _, start := range t.lines {
		col, alt, at := measureIndent(t.Src, start)
		if at == len(t.Src) || bytes.IndexByte([]byte("#\r\n"), t.Src[at]) >= 0 || !t.beginsStatement(root, at) {
			continue
		}
		top := len(cols) - 1
		switch {
		case col == cols[top]:
			if alt != alts[top] {
				return t.indentProblem(start, at, "inconsistent use of tabs and spaces in indentation"), true
			}
		case col > cols[top]:
			if alt <= alts[top] {
				return t.indentProblem(start, at, "inconsistent use of tabs and spaces in indentation"), true
			}
			cols, alts = append(cols, col), append(alts, alt)
		default:
			for top > 0 && col < cols[top] {
				top--
			}
			cols, alts = cols[:top+1], alts[:top+1]
			if col != cols[top] {
				return t.indentProblem(start, at, "unindent does not match any outer indentation level"), true
			}
			if alt != alts[top] {
				return t.indentProblem(start, at, "inconsistent use of tabs and spaces in indentation"), true
			}
		}
	}
	return SyntaxError{}, false
}

func (t *Tree) indentProblem(start, end int, msg string) SyntaxError {
	return SyntaxError{Span: t.SpanOf(start, end), Message: msg}
}

// measureIndent measures the indentation of the line at start as Python does:
// col with tabs to the next multiple of 8, alt with a tab as 1 column (a form
// feed resets both). at is the offset of the first other byte.
func measureIndent(src []byte, start int) (col, alt, at int) {
	for at = start; at < len(src); at++ {
		switch src[at] {
		case ' ':
			col, alt = col+1, alt+1
		case '\t':
			col, alt = col/8*8+8, alt+1
		case '\f':
			col, alt = 0, 0
		default:
			return col, alt, at
		}
	}
	return col, alt, at
}

// mixesTabsAndSpaces reports whether some line is indented with a tab and
// some line with a space: otherwise both measures of indentation agree.
func mixesTabsAndSpaces(src []byte, lines []int) bool {
	var tabs, spaces bool
	for _, start := range lines {
		for at := start; at < len(src) && (src[at] == ' ' || src[at] == '\t'); at++ {
			tabs, spaces = tabs || src[at] == '\t', spaces || src[at] == ' '
		}
		if tabs && spaces {
			return true
		}
	}
	return false
}

// beginsStatement reports whether the code at offset at, the first on its
// line, begins a statement or clause: every node around it that began on an
// earlier line is one that holds statements.
func (t *Tree) beginsStatement(root *Node, at int) bool {
	for n := root.NamedDescendantAt(at, at); n != nil; n = n.Parent() {
		if int(n.StartByte()) < at {
			return statementParents[Type(n)]
		}
	}
	return true
}
