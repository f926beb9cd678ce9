package upgradable

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// Source is where a package's sources declare something: a file of the
// package (as the .pkg names it) and a line, from 1. The zero Source is
// unknown: a package without sources (a Tolk ABI), or a field the
// compiler adds (the lazy-deployment bit).
type Source struct {
	File string
	Line int
}

func (s Source) String() string {
	if s.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// declKeywords are the Tact declarations that hold fields.
const declKeywords = `struct|message(?:\([^)]*\))?|contract|trait`

// fieldSource finds where pkg's sources declare field name of the struct,
// message, contract or trait owner: a contract's storage type
// ("CounterV1$Data") is its contract. A contract that does not declare the
// field itself looks in the traits that do.
func fieldSource(pkg *cell.Package, owner, name string) Source {
	if pkg == nil || len(pkg.Sources) == 0 {
		return Source{}
	}
	owner = strings.TrimSuffix(owner, "$Data")
	if s := declaredField(pkg, regexp.QuoteMeta(owner), name); s.File != "" {
		return s
	}
	return declaredField(pkg, `\w+`, name) // a trait's field
}

// declaredField returns the first declaration of a type whose name matches
// ownerPattern and that holds field name, in the sources' path order.
func declaredField(pkg *cell.Package, ownerPattern, name string) Source {
	decl, err := regexp.Compile(`(?m)^[ \t]*(?:` + declKeywords + `)[ \t]+` + ownerPattern + `\b`)
	if err != nil {
		return Source{}
	}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		src := pkg.Sources[file]
		for _, loc := range decl.FindAllIndex(src, -1) {
			if at, ok := memberAt(src, loc[1], name); ok {
				return Source{File: file, Line: 1 + strings.Count(string(src[:at]), "\n")}
			}
		}
	}
	return Source{}
}

// memberAt scans a declaration from start (just after its name) to the end
// of its body and returns the offset of the field name declared directly in
// it (in its parameters or its braces, not in a nested block): an
// identifier that starts a member and is followed by ':'. Comments and
// strings are skipped.
func memberAt(src []byte, start int, name string) (int, bool) {
	depth, opened := 0, false
	memberStart := false
	for i := start; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(string(src[i+2:]), "*/")
			if end < 0 {
				return 0, false
			}
			i += end + 3
			continue
		case c == '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			memberStart = false
			continue
		case c == '{' || c == '(':
			depth++
			opened = true
			memberStart = depth == 1
			continue
		case c == '}' || c == ')':
			depth--
			if opened && depth <= 0 {
				return 0, false
			}
			memberStart = false
			continue
		case c == ';' || c == ',':
			memberStart = depth == 1
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		if !isIdent(c) {
			memberStart = false
			continue
		}
		j := i
		for j < len(src) && isIdent(src[j]) {
			j++
		}
		if memberStart && string(src[i:j]) == name {
			k := j
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < len(src) && src[k] == ':' {
				return i, true
			}
		}
		memberStart = false
		i = j - 1
	}
	return 0, false
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// parsedWith finds, in pkg's sources, the struct that parses the cell
// named expr: the S of "S.fromCell(expr)". It returns "" when the sources
// say nothing, or name a type the package does not declare.
func parsedWith(pkg *cell.Package, expr string) string {
	if pkg == nil {
		return ""
	}
	re, err := regexp.Compile(`\b(\w+)\s*\.\s*fromCell\s*\(\s*` + regexp.QuoteMeta(expr) + `\s*\)`)
	if err != nil {
		return ""
	}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		for _, m := range re.FindAllSubmatch(stripComments(pkg.Sources[file]), -1) {
			if _, err := pkg.ABI.Type(string(m[1])); err == nil {
				return string(m[1])
			}
		}
	}
	return ""
}

// boundTo finds the variable a source binds to "S.fromCell(expr)": the v of
// "let v = S.fromCell(expr)" (or "val", Tolk's), "" when there is none.
func boundTo(pkg *cell.Package, structName, expr string) string {
	re, err := regexp.Compile(`\b(?:let|val|var)\s+(\w+)\s*(?::\s*\w+\s*)?=\s*` + regexp.QuoteMeta(structName) + `\s*\.\s*fromCell\s*\(\s*` + regexp.QuoteMeta(expr) + `\s*\)`)
	if err != nil {
		return ""
	}
	for _, file := range slices.Sorted(maps.Keys(pkg.Sources)) {
		if m := re.FindSubmatch(stripComments(pkg.Sources[file])); m != nil {
			return string(m[1])
		}
	}
	return ""
}

// stripComments blanks a source's comments, so a commented-out line is
// not taken for code; strings are kept as they are.
func stripComments(src []byte) []byte {
	out := append([]byte(nil), src...)
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '"':
			for i++; i < len(out) && out[i] != '"' && out[i] != '\n'; i++ {
				if out[i] == '\\' {
					i++
				}
			}
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '*':
			for ; i < len(out) && !(out[i] == '*' && i+1 < len(out) && out[i+1] == '/'); i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			if i+1 < len(out) {
				out[i], out[i+1] = ' ', ' '
				i++
			}
		}
	}
	return out
}
