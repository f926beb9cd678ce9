// Package termtext makes text from files safe to print on a terminal.
// A scenario's notes and names are written by whoever wrote the file; raw,
// an escape sequence in them could recolour, move or clear the screen, set
// the window title or hide text, and a bidirectional override could show
// text in another order than it runs. [Clean] shows such characters as
// escapes instead, and [Unsafe] tells them.
package termtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unsafe reports whether r does something on a terminal other than show
// itself: a control character other than newline and tab (C0, DEL, C1,
// ESC among them) or a bidirectional control (Unicode's Bidi_Control:
// marks, embeddings, overrides and isolates), which reorders the text
// shown around it. Joiners and other invisible formatting characters stay:
// emoji sequences need them.
func Unsafe(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == utf8.RuneError:
		return true
	case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
		return true
	}
	return false
}

// Clean returns s with every unsafe character (see [Unsafe]) and every
// invalid UTF-8 byte written as a Go escape: ESC as \x1b, U+202E as
// \u202e. Other text, newlines included, is unchanged.
func Clean(s string) string {
	return clean(s, false)
}

// Line is [Clean] for text that must stay on one line, such as a file
// name: newlines and tabs are escaped too (\x0a, \x09), so a name cannot
// start a line of its own ("::warning::" to a CI runner).
func Line(s string) string {
	return clean(s, true)
}

func clean(s string, line bool) string {
	if First(s) < 0 && (!line || !strings.ContainsAny(s, "\n\t")) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case (Unsafe(r) || line && (r == '\n' || r == '\t')) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// First returns the byte offset of the first unsafe character or invalid
// byte of s, or -1 when there is none.
func First(s string) int {
	for i, r := range s {
		if Unsafe(r) {
			return i
		}
	}
	return -1
}
