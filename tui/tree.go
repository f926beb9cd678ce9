package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// structTree writes a decoded struct as a tree of named fields, as
// cell.PrintStruct does, but with the world's names before the addresses it
// knows and cells on one line.
func structTree(s *cell.Struct, names map[string]string) []string {
	var out []string
	treeFields(s, names, "", &out)
	return out
}

func treeFields(s *cell.Struct, names map[string]string, indent string, out *[]string) {
	for i, f := range s.Fields {
		glyph, more := "├─ ", "│  "
		if i == len(s.Fields)-1 {
			glyph, more = "└─ ", "   "
		}
		treeValue(indent+glyph+f.Name+": ", indent+more, f.Value, names, out)
	}
}

func treeValue(head, indent string, v any, names map[string]string, out *[]string) {
	switch x := v.(type) {
	case *cell.Struct:
		if x != nil {
			*out = append(*out, head+x.Type)
			treeFields(x, names, indent, out)
			return
		}
	case *cell.Map:
		if x != nil && len(x.Entries) > 0 {
			*out = append(*out, fmt.Sprintf("%smap, %d entries", head, len(x.Entries)))
			for i, e := range x.Entries {
				glyph, more := "├─ ", "│  "
				if i == len(x.Entries)-1 {
					glyph, more = "└─ ", "   "
				}
				treeValue(indent+glyph+formatNested(e.Key, names)+": ", indent+more, e.Value, names, out)
			}
			return
		}
	case *tvmcell.Cell, *address.Address:
		*out = append(*out, head+formatNested(v, names))
		return
	}
	*out = append(*out, head+formatNested(v, names))
}

// errText says what an error is, short: an exit code with its meaning for a
// failed TVM run.
func errText(err error) string {
	var exit *actor.ExitError
	if errors.As(err, &exit) {
		if exit.Meaning != "" {
			return fmt.Sprintf("exit %d (%s)", exit.Code, exit.Meaning)
		}
		return fmt.Sprintf("exit %d", exit.Code)
	}
	return err.Error()
}

// shortErr is errText without the meaning: "exit 9".
func shortErr(err error) string {
	var exit *actor.ExitError
	if errors.As(err, &exit) {
		return fmt.Sprintf("exit %d", exit.Code)
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
