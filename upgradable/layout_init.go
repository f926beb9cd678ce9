package upgradable

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// stateRead is one read the new code's init makes of the migrated state:
// a struct's fromCell of the cell, or its fromSlice of a slice begun on
// it, after Skip bits the code skips or loads by hand first ("s.skipBits(1);
// HooksV2Layout.fromSlice(s)").
type stateRead struct {
	Struct string
	Skip   []int
	// Expr is the cell it reads as the sources write it where the read is
	// ("stateToBeMigrated", "initParams.stateToBeMigrated", or the
	// parameter of a function the init hands it to).
	Expr   string
	Source Source
	slice  bool
}

// initReads are every read the new code's init, and every function it
// hands the migrated state to, makes of that state, in the order of the
// sources; Guard is a require in the init on a value read from the state
// (a version check), "" when there is none.
type initReads struct {
	Found bool // the sources declare the contract's init
	Reads []stateRead
	Guard string
}

// maxCallDepth bounds how deep initReads follows the migrated state into
// the functions the init calls.
const maxCallDepth = 4

// readsOfInit finds, in next's sources, every read its init makes of the
// migrated state exprs name ("stateToBeMigrated"): in every branch, and in
// the functions the init passes the state to.
func readsOfInit(next *cell.Package, exprs []string) initReads {
	var out initReads
	if next == nil || len(next.Sources) == 0 {
		return out
	}
	body, file, base, ok := initBody(next)
	if !ok {
		return out
	}
	out.Found = true
	for _, e := range exprs {
		scanReads(next, body, file, base, e, 0, &out.Reads)
		if out.Guard == "" {
			out.Guard = guardOn(body, e)
		}
	}
	return out
}

// initBody finds the body of the init of next's contract: the text between
// its braces, comments blanked, the file it is in and its offset there.
func initBody(next *cell.Package) (body []byte, file string, at int, ok bool) {
	name := strings.TrimSuffix(storageName(next), "$Data")
	if name == "" {
		name = next.Name
	}
	decl := regexp.MustCompile(`(?m)^[ \t]*contract[ \t]+` + regexp.QuoteMeta(name) + `\b`)
	initRe := regexp.MustCompile(`\binit\s*\(`)
	for _, f := range slices.Sorted(maps.Keys(next.Sources)) {
		src := stripComments(next.Sources[f])
		loc := decl.FindIndex(src)
		if loc == nil {
			continue
		}
		m := initRe.FindIndex(src[loc[1]:])
		if m == nil {
			return nil, "", 0, false
		}
		start, end, ok := block(src, loc[1]+m[1]-1)
		if !ok {
			return nil, "", 0, false
		}
		return src[start:end], f, start, true
	}
	return nil, "", 0, false
}

// block finds, from the '(' at open, the braces of the body that follows
// the parenthesized list: start and end of the text between them.
func block(src []byte, open int) (start, end int, ok bool) {
	close := matching(src, open, '(', ')')
	if close < 0 {
		return 0, 0, false
	}
	i := close + 1
	for i < len(src) && src[i] != '{' && src[i] != ';' {
		i++
	}
	if i >= len(src) || src[i] != '{' {
		return 0, 0, false
	}
	e := matching(src, i, '{', '}')
	if e < 0 {
		return 0, 0, false
	}
	return i + 1, e, true
}

// matching returns the offset of the bracket closing the one at i, -1
// when there is none; strings are skipped.
func matching(src []byte, i int, open, close byte) int {
	depth := 0
	for ; i < len(src); i++ {
		switch src[i] {
		case '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case open:
			depth++
		case close:
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// notCalls are names a call of the migrated state is not followed into.
var notCalls = map[string]bool{"fromCell": true, "fromSlice": true, "beginParse": true, "require": true, "throwUnless": true, "throwIf": true}

// scanReads appends the reads body (at offset base of file) makes of expr.
func scanReads(pkg *cell.Package, body []byte, file string, base int, expr string, depth int, out *[]stateRead) {
	e := regexp.QuoteMeta(expr)
	line := func(at int) Source {
		return Source{File: file, Line: 1 + strings.Count(string(pkg.Sources[file][:base+at]), "\n")}
	}
	type found struct {
		at int
		r  stateRead
	}
	var reads []found
	// S.fromCell(expr)
	fromCell := regexp.MustCompile(`\b(\w+)\s*\.\s*fromCell\s*\(\s*` + e + `\s*\)`)
	for _, m := range fromCell.FindAllSubmatchIndex(body, -1) {
		reads = append(reads, found{m[0], stateRead{Struct: string(body[m[2]:m[3]]), Expr: expr, Source: line(m[0])}})
	}
	// S.fromSlice(expr.beginParse())
	inline := regexp.MustCompile(`\b(\w+)\s*\.\s*fromSlice\s*\(\s*` + e + `\s*\.\s*beginParse\s*\(\s*\)\s*\)`)
	for _, m := range inline.FindAllSubmatchIndex(body, -1) {
		reads = append(reads, found{m[0], stateRead{Struct: string(body[m[2]:m[3]]), Expr: expr, Source: line(m[0]), slice: true}})
	}
	// let s = expr.beginParse(); s.skipBits(n); … S.fromSlice(s)
	begin := regexp.MustCompile(`\b(?:let|var)\s+(\w+)\s*(?::\s*Slice\s*)?=\s*` + e + `\s*\.\s*beginParse\s*\(\s*\)`)
	for _, m := range begin.FindAllSubmatchIndex(body, -1) {
		v := regexp.QuoteMeta(string(body[m[2]:m[3]]))
		fromSlice := regexp.MustCompile(`\b(\w+)\s*\.\s*fromSlice\s*\(\s*` + v + `\s*\)`)
		loads := regexp.MustCompile(`\b` + v + `\s*\.\s*(skipBits|loadUint|loadInt|loadBool|loadBit)\s*\(\s*(\d*)\s*\)`)
		for _, fm := range fromSlice.FindAllSubmatchIndex(body[m[1]:], -1) {
			r := stateRead{Struct: string(body[m[1]+fm[2] : m[1]+fm[3]]), Expr: expr, Source: line(m[1] + fm[0]), slice: true}
			for _, lm := range loads.FindAllSubmatch(body[m[1]:m[1]+fm[0]], -1) {
				n := 1
				if len(lm[2]) > 0 {
					n, _ = strconv.Atoi(string(lm[2]))
				}
				r.Skip = append(r.Skip, n)
			}
			reads = append(reads, found{m[1] + fm[0], r})
		}
	}
	// f(…, expr, …): the state handed to a function of the sources.
	if depth < maxCallDepth {
		call := regexp.MustCompile(`\b(\w+)\s*\(([^()]*)\)`)
		for _, m := range call.FindAllSubmatchIndex(body, -1) {
			name := string(body[m[2]:m[3]])
			if notCalls[name] {
				continue
			}
			args := strings.Split(string(body[m[4]:m[5]]), ",")
			for i, a := range args {
				if strings.TrimSpace(a) != expr {
					continue
				}
				fbody, ffile, fbase, params, ok := funBody(pkg, name)
				if !ok || i >= len(params) {
					continue
				}
				var inner []stateRead
				scanReads(pkg, fbody, ffile, fbase, params[i], depth+1, &inner)
				for _, r := range inner {
					reads = append(reads, found{m[0], r})
				}
			}
		}
	}
	slices.SortStableFunc(reads, func(a, b found) int { return a.at - b.at })
	for _, f := range reads {
		*out = append(*out, f.r)
	}
}

// funBody finds function name in pkg's sources (a global fun, or a
// method of a contract or trait): its body, file, offset and parameters.
func funBody(pkg *cell.Package, name string) (body []byte, file string, at int, params []string, ok bool) {
	decl := regexp.MustCompile(`\bfun\s+` + regexp.QuoteMeta(name) + `\s*\(`)
	for _, f := range slices.Sorted(maps.Keys(pkg.Sources)) {
		src := stripComments(pkg.Sources[f])
		loc := decl.FindIndex(src)
		if loc == nil {
			continue
		}
		open := loc[1] - 1
		close := matching(src, open, '(', ')')
		if close < 0 {
			continue
		}
		for _, p := range strings.Split(string(src[open+1:close]), ",") {
			if n, _, ok := strings.Cut(p, ":"); ok {
				params = append(params, strings.TrimSpace(n))
			}
		}
		start, end, ok := block(src, open)
		if !ok {
			continue
		}
		return src[start:end], f, start, params, true
	}
	return nil, "", 0, nil, false
}

// guardOn finds a require in body whose condition reads expr, or a value
// bound from it ("let from = storedLayout(stateToBeMigrated); require(from
// <= 2, …)"): the init refuses data it does not know before reading it.
// It returns the require as written, "" when there is none.
func guardOn(body []byte, expr string) string {
	names := []string{regexp.QuoteMeta(expr)}
	bind := regexp.MustCompile(`\b(?:let|var)\s+(\w+)\s*(?::\s*[\w?]+\s*)?=([^;]*)\b` + regexp.QuoteMeta(expr) + `\b`)
	for _, m := range bind.FindAllSubmatch(body, -1) {
		if !strings.Contains(string(m[2]), "fromCell") && !strings.Contains(string(m[2]), "fromSlice") {
			names = append(names, string(m[1]))
		}
	}
	mentions := regexp.MustCompile(`\b(?:` + strings.Join(names, "|") + `)\b`)
	req := regexp.MustCompile(`\brequire\s*\(`)
	for _, loc := range req.FindAllIndex(body, -1) {
		end := matching(body, loc[1]-1, '(', ')')
		if end < 0 {
			continue
		}
		args := body[loc[1]:end]
		cond := args
		if i := strings.LastIndex(string(args), ","); i >= 0 {
			cond = args[:i]
		}
		if mentions.Match(cond) {
			return strings.Join(strings.Fields(string(body[loc[0]:end+1])), " ")
		}
	}
	return ""
}
