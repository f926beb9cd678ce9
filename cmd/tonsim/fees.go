package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tonsim/tonsim/describe"
)

// printFees writes a table of each transaction's value and fees, in TON,
// as @ton/sandbox's printTransactionFees does: value in and out, total
// fees, the forward fee paid for the inbound message and the one the
// transaction paid for what it sent, the gas fee, storage collected, the
// actions it asked for (skipped ones noted) and the exit and action codes.
func printFees(w io.Writer, indent string, ds []*describe.Tx) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, indent+"lt\tmessage\tvalue in\tvalue out\ttotal fees\tin fwd\tout fwd\tgas fee\tstorage\tactions\texit\taction\t")
	for _, d := range ds {
		actions := "—"
		if d.Action.Ran {
			actions = fmt.Sprint(d.Action.Actions)
			if d.Action.Skipped > 0 {
				actions += fmt.Sprintf(" (%d skipped)", d.Action.Skipped)
			}
		}
		action := "—"
		if d.Action.Ran {
			action = fmt.Sprint(d.Action.Code)
		}
		exit := fmt.Sprint(d.Tx.ExitCode)
		if d.Tx.ComputeSkipped != "" {
			exit = "skipped"
		}
		fmt.Fprintf(tw, "%s%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", indent, d.Tx.LT, cutText(d.Message.String(), 20),
			describe.Nano(d.ValueIn().Nano()), describe.Nano(d.ValueOut().Nano()), describe.Nano(d.Fees.Total), describe.Nano(d.Fees.InForward),
			describe.Nano(d.Fees.Forward), describe.Nano(d.Fees.Gas), describe.Nano(d.Fees.Storage), actions, exit, action)
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

// printTree writes a send as a tree: each transaction under the one whose
// message caused it, with its message, exit and effect.
func printTree(w io.Writer, indent string, ds []*describe.Tx) {
	byTx := map[any]*describe.Tx{}
	for _, d := range ds {
		byTx[d.Tx] = d
	}
	var walk func(d *describe.Tx, head, more string)
	walk = func(d *describe.Tx, head, more string) {
		p := d.Printer()
		line := fmt.Sprintf("%s%s → %s  %s  %s", head, d.From, d.To, d.Message, d.Exit)
		if e := d.Effect(p); e != "" {
			line += "  " + e
		}
		fmt.Fprintln(w, indent+line)
		for _, n := range d.Notes(p) {
			fmt.Fprintf(w, "%s%s  ↳ %s\n", indent, more, n)
		}
		kids := d.Tx.Children
		for i, k := range kids {
			c, ok := byTx[k]
			if !ok {
				continue
			}
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
}
