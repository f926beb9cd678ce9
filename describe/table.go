package describe

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// FeesTable writes a table of each transaction's value and fees, in TON,
// as @ton/sandbox's printTransactionFees does: value in and out, total
// fees, the forward fee paid for the inbound message and the one the
// transaction paid for what it sent, the gas fee, storage collected, the
// actions it asked for (skipped ones noted) and the exit and action codes.
// Each line starts with indent.
func FeesTable(w io.Writer, indent string, ds []*Tx) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, indent+"lt\tmessage\tvalue in\tvalue out\ttotal fees\tin fwd\tout fwd\tgas fee\tstorage\tactions\texit\taction\t")
	for _, d := range ds {
		actions, action := "—", "—"
		if d.Action.Ran {
			actions = fmt.Sprint(d.Action.Actions)
			if d.Action.Skipped > 0 {
				actions += fmt.Sprintf(" (%d skipped)", d.Action.Skipped)
			}
			action = fmt.Sprint(d.Action.Code)
		}
		exit := fmt.Sprint(d.Tx.ExitCode)
		if d.Tx.ComputeSkipped != "" {
			exit = "skipped"
		}
		fmt.Fprintf(tw, "%s%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", indent, d.Tx.LT, cutText(d.Message.String(), 20),
			Nano(d.ValueIn().Nano()), Nano(d.ValueOut().Nano()), Nano(d.Fees.Total), Nano(d.Fees.InForward),
			Nano(d.Fees.Forward), Nano(d.Fees.Gas), Nano(d.Fees.Storage), actions, exit, action)
	}
	tw.Flush()
}

// cutText shortens s to n runes with a trailing "…".
func cutText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// TreeLine is one transaction of a send drawn as a tree: Prefix is the
// glyphs that place it under the transaction whose message caused it
// ("", "└─ ", "│  ├─ "), Text says who sent what to whom, how it ended
// and what it did, and Notes (events, skipped actions, debug output) go
// on lines of their own under it, each with its own Prefix before it.
type TreeLine struct {
	Tx     *Tx
	Prefix string
	Text   string
	Notes  []TreeNote
}

// TreeNote is a line under a [TreeLine].
type TreeNote struct {
	Prefix, Text string
}

// Tree draws a send's transactions as a tree, each under the one whose
// message caused it, in the order they ran among their siblings.
func Tree(ds []*Tx) []TreeLine {
	byTx := map[any]*Tx{}
	for _, d := range ds {
		byTx[d.Tx] = d
	}
	var out []TreeLine
	var walk func(d *Tx, head, more string)
	walk = func(d *Tx, head, more string) {
		p := d.Printer()
		line := TreeLine{Tx: d, Prefix: head, Text: fmt.Sprintf("%s → %s  %s  %s", d.From, d.To, d.Message, d.Exit)}
		if e := d.Effect(p); e != "" {
			line.Text += "  " + e
		}
		for _, n := range d.Notes(p) {
			line.Notes = append(line.Notes, TreeNote{Prefix: more + "  ↳ ", Text: n})
		}
		out = append(out, line)
		var kids []*Tx
		for _, k := range d.Tx.Children {
			if c, ok := byTx[k]; ok {
				kids = append(kids, c)
			}
		}
		for i, c := range kids {
			glyph, next := "├─ ", "│  "
			if i == len(kids)-1 {
				glyph, next = "└─ ", "   "
			}
			walk(c, more+glyph, more+next)
		}
	}
	for _, d := range ds {
		if d.Tx.Parent == nil || byTx[d.Tx.Parent] == nil {
			walk(d, "", "")
		}
	}
	return out
}

// WriteTree writes [Tree] with each line after indent.
func WriteTree(w io.Writer, indent string, ds []*Tx) {
	for _, l := range Tree(ds) {
		fmt.Fprintln(w, indent+l.Prefix+l.Text)
		for _, n := range l.Notes {
			fmt.Fprintln(w, indent+n.Prefix+n.Text)
		}
	}
}
