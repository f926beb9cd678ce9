package tui

import (
	"strings"

	"github.com/tonsim/tonsim/describe"
)

// errText says what an error is, short: an exit code with its meaning for a
// failed TVM run.
func errText(err error) string { return describe.Err(err, nil) }

// shortErr is errText without the meaning: "exit 9".
func shortErr(err error) string {
	if e, ok := describe.ErrExit(err, nil); ok {
		return e.Brief()
	}
	return "fails"
}

// indentLines prefixes every line.
func indentLines(ls []string, prefix string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = prefix + l
	}
	return out
}

// labeled writes "label    value" with the label in its style and width.
func (c *Common) labeled(label, value string, width int) string {
	return c.Styles.Label.Render(fit(label, width)) + value
}

// labeledWrap writes "label    value", the value wrapped under itself.
func (c *Common) labeledWrap(label, value string, lw, width int) []string {
	ls := wrap(value, max(width-lw, 8))
	for i := range ls {
		if i == 0 {
			ls[i] = c.labeled(label, ls[i], lw)
		} else {
			ls[i] = strings.Repeat(" ", lw) + ls[i]
		}
	}
	return ls
}

// joinNonEmpty joins the non-empty parts.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
