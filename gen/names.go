package gen

import (
	"go/token"
	"strings"
	"unicode"
)

// initialisms are written in one case in Go names, as golint's list has
// them: "queryId" is QueryID.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true, "GUID": true,
	"HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true, "LHS": true, "QPS": true,
	"RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true, "URL": true,
	"UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// words splits a name of the ABI into words: at every character that is
// not a letter or digit ("type_and_version", "CounterV1$Data",
// "Wrapper<int32>") and where the case changes ("queryId", "NFTItem").
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush(i) // queryId, v1Data
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i) // NFTItem: NFT, Item
			start = i
		}
	}
	flush(len(rs))
	return out
}

// exported writes a name of the ABI as an exported Go identifier:
// "queryId" QueryID, "type_and_version" TypeAndVersion, "CounterV1$Data"
// CounterV1Data. A name that would start with a digit gets an X before it.
func exported(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		if up := strings.ToUpper(w); initialisms[up] {
			b.WriteString(up)
			continue
		}
		rs := []rune(w)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	out := b.String()
	if out == "" || unicode.IsDigit([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// unexported writes a name as a Go parameter or variable: "who", "queryID",
// "id". Go keywords and the names generated code uses itself get "Arg"
// after them.
func unexported(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return "arg"
	}
	first := strings.ToLower(ws[0])
	if unicode.IsDigit([]rune(first)[0]) {
		first = "x" + first
	}
	out := first + strings.TrimPrefix(exported(strings.Join(ws[1:], "_")), "X")
	if len(ws) == 1 {
		out = first
	}
	if token.IsKeyword(out) || reserved[out] {
		out += "Arg"
	}
	return out
}

// reserved are the identifiers the generated methods use for themselves:
// the receiver, the imported packages, the predeclared names a parameter
// could hide.
var reserved = map[string]bool{
	"c": true, "from": true, "value": true, "opts": true, "out": true, "err": true,
	"actor": true, "address": true, "big": true, "cell": true, "contract": true, "embed": true, "tlb": true, "tvmcell": true,
	"bool": true, "string": true, "int": true, "any": true, "len": true, "nil": true, "true": true, "false": true,
}
