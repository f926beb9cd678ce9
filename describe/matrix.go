package describe

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tonsim/tonsim/upgradable"
)

// MatrixCell writes one upgrade of a matrix in a few words: "safe",
// "bricked: exit 9", "rejected: exit 132", "rejected, no way out: exit
// 53617" (no message lifts the refusal), "rolled back: exit 9", "no-op";
// "not reached" when the chain never got to its version; "—"
// on the diagonal.
func MatrixCell(m *upgradable.Matrix, p upgradable.Pair) string {
	if p.From == p.To {
		return "—"
	}
	r := m.Report(p)
	if r == nil {
		return "not reached"
	}
	switch {
	case r.Verdict == upgradable.Safe:
		return "safe"
	case r.Verdict == upgradable.NoOp:
		return "no-op"
	case r.RolledBack:
		return fmt.Sprintf("rolled back: exit %d", r.ExitCode)
	case r.Verdict == upgradable.Rejected && !r.Upgradable:
		return fmt.Sprintf("rejected, no way out: exit %d", r.ExitCode)
	}
	return fmt.Sprintf("%s: exit %d", r.Verdict.Key(), r.ExitCode)
}

// PairName writes an upgrade by its versions' names: "v1 → v3".
func PairName(m *upgradable.Matrix, p upgradable.Pair) string {
	return m.Versions[p.From].Name + " → " + m.Versions[p.To].Name
}

// WriteMatrix writes the matrix as a table, rows from, columns to, each
// line after indent.
func WriteMatrix(w io.Writer, indent string, m *upgradable.Matrix) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"from \\ to"}
	for _, v := range m.Versions {
		head = append(head, v.Name)
	}
	fmt.Fprintln(tw, indent+strings.Join(head, "\t"))
	for i, v := range m.Versions {
		row := []string{v.Name}
		for j := range m.Versions {
			row = append(row, MatrixCell(m, upgradable.Pair{From: i, To: j}))
		}
		fmt.Fprintln(tw, indent+strings.Join(row, "\t"))
	}
	tw.Flush()
}

// MatrixNotes are the sentences under a matrix: the chain, where it
// stopped, each supported upgrade that is not safe, and the warnings of the
// chain's own upgrades but the way back, which the matrix shows itself.
func MatrixNotes(m *upgradable.Matrix) []string {
	var out []string
	var chain []string
	for i := m.Start; i < len(m.Versions) && m.Reached[i]; i++ {
		chain = append(chain, m.Versions[i].Name)
	}
	if len(chain) > 1 {
		out = append(out, "chain "+strings.Join(chain, " → ")+": each upgrade real, each state the next one starts from")
	}
	for i, why := range m.Blocked {
		if why != "" {
			out = append(out, m.Versions[i].Name+" not reached: "+why)
			break
		}
	}
	for _, p := range m.Failing() {
		out = append(out, "supported "+PairName(m, p)+" is not safe: "+MatrixCell(m, p))
	}
	for i := m.Start; i+1 < len(m.Versions); i++ {
		p := upgradable.Pair{From: i, To: i + 1}
		r := m.Report(p)
		if r == nil || r.Verdict != upgradable.Safe {
			continue
		}
		shown := *r
		shown.Probes = nil
		for _, probe := range r.Probes {
			if probe.Kind != upgradable.ProbeUpgradeBack && probe.Kind != upgradable.ProbeRollback {
				shown.Probes = append(shown.Probes, probe)
			}
		}
		for _, w := range Warnings(&shown, m.Versions[i+1].Name, Printer{}) {
			out = append(out, PairName(m, p)+": "+w)
		}
	}
	return out
}
