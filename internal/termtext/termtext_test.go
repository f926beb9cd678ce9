package termtext_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/internal/termtext"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		first          int
	}{
		{name: "plain", in: "Deploy version 1, owned by owner.", want: "Deploy version 1, owned by owner.", first: -1},
		{name: "newlines and tabs stay", in: "one\ntwo\tthree", want: "one\ntwo\tthree", first: -1},
		{name: "unicode stays", in: "v1 → v2 · 0.05 TON ✓ 日本", want: "v1 → v2 · 0.05 TON ✓ 日本", first: -1},
		{name: "colour", in: "\x1b[31mred\x1b[0m", want: `\x1b[31mred\x1b[0m`, first: 0},
		{name: "clear screen", in: "a\x1b[2Jb", want: `a\x1b[2Jb`, first: 1},
		{name: "window title (OSC)", in: "\x1b]0;pwned\x07", want: `\x1b]0;pwned\x07`, first: 0},
		{name: "NUL", in: "a\x00b", want: `a\x00b`, first: 1},
		{name: "carriage return", in: "ok\rFAIL", want: `ok\x0dFAIL`, first: 2},
		{name: "backspace and DEL", in: "a\bb\x7f", want: `a\x08b\x7f`, first: 1},
		{name: "C1 CSI", in: "a\u009b31m", want: `a\x9b31m`, first: 1},
		{name: "bidi override", in: "abc\u202edef", want: `abc\u202edef`, first: 3},
		{name: "isolate", in: "\u2066x\u2069", want: `\u2066x\u2069`, first: 0},
		{name: "right-to-left mark", in: "a\u200fb", want: `a\u200fb`, first: 1},
		{name: "joiners stay: emoji need them", in: "👨\u200d👩", want: "👨\u200d👩", first: -1},
		{name: "invalid UTF-8", in: "a\xffb", want: `a\xffb`, first: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, termtext.Clean(tt.in))
			assert.Equal(t, tt.first, termtext.First(tt.in))
			assert.Equal(t, -1, termtext.First(termtext.Clean(tt.in)), "clean text is clean")
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "plain", in: "examples/01-upgrade.yaml", want: "examples/01-upgrade.yaml"},
		{name: "unicode stays", in: "exemples/déploiement → v2.yaml", want: "exemples/déploiement → v2.yaml"},
		{name: "a workflow command", in: "a\n::warning::injected\nb.yaml", want: `a\x0a::warning::injected\x0ab.yaml`},
		{name: "tab", in: "a\tb", want: `a\x09b`},
		{name: "colour", in: "x\x1b[31mRED\x1b[0m.yaml", want: `x\x1b[31mRED\x1b[0m.yaml`},
		{name: "invalid UTF-8", in: "a\xffb", want: `a\xffb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := termtext.Line(tt.in)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, "\n", "one line")
		})
	}
}

func FuzzClean(f *testing.F) {
	f.Add("\x1b[31mred\x1b[0m\n")
	f.Add("abc\u202edef\xff")
	f.Fuzz(func(t *testing.T, s string) {
		c := termtext.Clean(s)
		if termtext.First(c) >= 0 {
			t.Fatalf("Clean(%q) = %q still holds an unsafe character", s, c)
		}
		if termtext.First(s) < 0 && c != s {
			t.Fatalf("Clean changed safe text %q to %q", s, c)
		}
		if l := termtext.Line(s); termtext.First(l) >= 0 || strings.ContainsAny(l, "\n\t") {
			t.Fatalf("Line(%q) = %q is not one clean line", s, l)
		}
	})
}
