package tui

import (
	"github.com/charmbracelet/x/ansi"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

// matrixView draws an upgrade matrix: a row per version upgraded from, a
// column per version upgraded to, each cell its verdict, then the notes.
// When the grid is wider than width it lists the upgrades instead, one a
// line.
func matrixView(c *Common, m *upgradable.Matrix, width int) []string {
	s := c.Styles
	style := func(p upgradable.Pair, text string) string {
		switch r := m.Report(p); {
		case p.From == p.To || r == nil:
			return s.Dim.Render(text)
		case r.Verdict == upgradable.Safe:
			return s.Success.Render(text)
		}
		return s.Failure.Render(text)
	}
	const corner = "from \\ to"
	w := len(corner)
	for _, v := range m.Versions {
		w = max(w, ansi.StringWidth(v.Name))
	}
	cw := w
	for i := range m.Versions {
		for j := range m.Versions {
			cw = max(cw, ansi.StringWidth(describe.MatrixCell(m, upgradable.Pair{From: i, To: j})))
		}
	}
	var out []string
	if w+len(m.Versions)*(cw+2) > width {
		pw := 0
		for i := range m.Versions {
			for j := range m.Versions {
				pw = max(pw, ansi.StringWidth(describe.PairName(m, upgradable.Pair{From: i, To: j})))
			}
		}
		for i := range m.Versions {
			for j := range m.Versions {
				if p := (upgradable.Pair{From: i, To: j}); i != j {
					out = append(out, cut(fit(describe.PairName(m, p), pw)+"  "+style(p, describe.MatrixCell(m, p)), width))
				}
			}
		}
	} else {
		head := fit(corner, w)
		for _, v := range m.Versions {
			head += "  " + fit(v.Name, cw)
		}
		out = append(out, s.ColumnHeader.Render(head))
		for i, v := range m.Versions {
			line := fit(v.Name, w)
			for j := range m.Versions {
				p := upgradable.Pair{From: i, To: j}
				line += "  " + style(p, fit(describe.MatrixCell(m, p), cw))
			}
			out = append(out, line)
		}
	}
	for _, note := range describe.MatrixNotes(m) {
		out = append(out, wrap(s.Dim.Render(note), width)...)
	}
	return out
}
