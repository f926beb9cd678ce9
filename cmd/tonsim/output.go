package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
)

// printer writes what each step did.
type printer interface {
	// start is called once before the first step.
	start(r *scenario.Runner)
	step(r *scenario.Runner, res *scenario.Result)
	// failed is called instead of step when the step fails with err.
	failed(r *scenario.Runner, err error)
	// finish returns once everything is written.
	finish()
}

// textLayout says which views of a send the text printer writes.
type textLayout struct {
	// fees adds a table of each transaction's value and fees.
	fees bool
	// tree draws each send as a tree instead of an indented list.
	tree bool
}

// textPrinter writes a human-readable log: a line per step, then a line per
// transaction, indented by its place in the send's tree, with its events,
// skipped actions and debug output under it.
type textPrinter struct {
	w io.Writer
	textLayout
	bg *behind
}

func newTextPrinter(w io.Writer, layout textLayout) textPrinter {
	return textPrinter{w: w, textLayout: layout, bg: &behind{}}
}

func (p textPrinter) start(r *scenario.Runner) {
	fmt.Fprintf(p.w, "config %s\n", r.World.Config())
}

// step words what depends on the world as it is now (the headline, a
// preflight's report) at once, and leaves describing and printing the
// send's transactions, which depend on their records alone, to p.bg.
func (p textPrinter) step(r *scenario.Runner, res *scenario.Result) {
	var head, tail bytes.Buffer
	fmt.Fprintf(&head, "%d. %s\n", res.Step.Index, headline(r, res))
	if res.Step.Note != "" {
		for _, line := range strings.Split(strings.TrimRight(res.Step.Note, "\n"), "\n") {
			fmt.Fprintf(&head, "   # %s\n", termtext.Clean(line))
		}
	}
	for _, line := range operationHead(r, res) {
		fmt.Fprintf(&head, "   %s\n", line)
	}
	for _, line := range describe.Waits(res.Upgraded) {
		fmt.Fprintf(&head, "   %s\n", line)
	}
	for _, line := range operationTail(r, res) {
		fmt.Fprintf(&tail, "   %s\n", line)
	}
	if res.Matrix != nil {
		describe.WriteMatrix(&tail, "   ", res.Matrix)
		for _, note := range describe.MatrixNotes(res.Matrix) {
			fmt.Fprintf(&tail, "   %s\n", note)
		}
	}
	if res.Preflight != nil {
		printReport(&tail, r.World, "   ", res.Preflight, preflightNext(res))
	}
	for _, f := range res.Failures {
		fmt.Fprintf(&tail, "   FAIL %s\n", f)
	}
	var txs []*actor.Transaction
	if res.Trace != nil {
		txs = res.Trace.Transactions
	}
	cat := r.Catalog
	p.bg.do(func() {
		p.w.Write(head.Bytes())
		if txs != nil {
			ds := describeAll(cat, txs)
			if p.tree {
				describe.WriteTree(p.w, "   ", ds)
			} else {
				printTxs(p.w, "   ", ds)
			}
			if p.fees {
				describe.FeesTable(p.w, "   ", ds)
			}
		}
		p.w.Write(tail.Bytes())
		flush(p.w)
	})
}

func (p textPrinter) finish() { p.bg.wait() }

func preflightNext(res *scenario.Result) string {
	if a, ok := res.Step.Action.(*scenario.Preflight); ok {
		return a.To.Name
	}
	return "the new code"
}

// describeAll describes a send's transactions.
func describeAll(cat describe.Contracts, txs []*actor.Transaction) []*describe.Tx {
	out := make([]*describe.Tx, len(txs))
	for i, tx := range txs {
		out[i] = describe.Describe(cat, tx)
	}
	return out
}

// printTxs writes a line per transaction: logical time, sender → receiver
// indented by depth, message, exit, gas and effect; notes under it.
func printTxs(w io.Writer, indent string, ds []*describe.Tx) {
	var t table
	for _, d := range ds {
		p := d.Printer()
		nest := strings.Repeat("  ", depth(d.Tx))
		t.add(indent+"lt "+strconv.FormatUint(d.Tx.LT, 10), nest+d.From.String()+" → "+d.To.String(),
			d.Message.String(), d.Exit.String(), "gas "+strconv.FormatInt(d.Tx.GasUsed, 10), d.Effect(p))
		for _, n := range d.Notes(p) {
			t.note(indent + "     " + nest + "↳ " + n)
		}
	}
	t.write(w)
}

// table lays out rows in columns two spaces apart, with notes between
// rows that take no part in the widths.
type table struct {
	rows []tableRow
}

type tableRow struct {
	cells []string
	note  string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, tableRow{cells: cells}) }

func (t *table) note(text string) { t.rows = append(t.rows, tableRow{note: text}) }

// write writes the table in one piece.
func (t *table) write(w io.Writer) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b bytes.Buffer
	for _, r := range t.rows {
		if r.cells == nil {
			b.WriteString(r.note)
			b.WriteByte('\n')
			continue
		}
		last := len(r.cells) - 1
		for last > 0 && r.cells[last] == "" {
			last--
		}
		for i, c := range r.cells[:last+1] {
			b.WriteString(c)
			if i < last {
				for range widths[i] - utf8.RuneCountInString(c) + 2 {
					b.WriteByte(' ')
				}
			}
		}
		b.WriteByte('\n')
	}
	w.Write(b.Bytes())
}

// depth is how many transactions up a transaction's tree goes.
func depth(tx *actor.Transaction) int {
	n := 0
	for p := tx.Parent; p != nil; p = p.Parent {
		n++
	}
	return n
}

// headline says what a step did in one line.
func headline(r *scenario.Runner, res *scenario.Result) string {
	line := scenario.Describe(res.Step.Action)
	switch a := res.Step.Action.(type) {
	case *scenario.Get:
		if a.Name != nil {
			if addr, err := r.World.Lookup(a.Name.Name); err == nil {
				line += ": " + addr.StringRaw() // what the name now stands for, in full
				break
			}
		}
		line += ": " + getResult(r.World, res.Get)
	case *scenario.Preflight:
		line += ": " + describe.Verdict(res.Preflight)
	case *scenario.Wait:
		line += fmt.Sprintf(" (now %d)", r.World.Now())
	case *scenario.Commit, *scenario.Session:
		line += commitHeadline(res)
	case *scenario.Migrate:
		if res.Undone != nil {
			line += ": undone"
		}
	case *scenario.UpgradePoint:
		if res.Skipped {
			line += " (skipped as written; tonsim test --both-ways also plays it upgraded)"
		}
	}
	return line
}

// getResult writes a getter's outcome: its value by the world's names, or
// how it failed.
func getResult(w *actor.World, g *scenario.GetOutcome) string {
	p := describe.Printer{Names: w}
	switch {
	case g.Err != nil:
		return describe.Err(g.Err, g.Contract)
	case g.Stack != nil:
		return p.Stack(g.Stack)
	}
	return p.Typed(g.Value, g.Type)
}

// printReport writes a preflight report's details.
func printReport(w io.Writer, world *actor.World, indent string, r *upgradable.Report, next string) {
	p := describe.Printer{Names: world}
	if len(r.Getters) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, g := range r.Getters {
			fmt.Fprintf(tw, "%s%s\t%s\t→ %s\n", indent, g.Name, describe.GetterSide(p, g.Before, g.BeforeErr), describe.GetterSide(p, g.After, g.AfterErr))
		}
		tw.Flush()
	}
	if r.Layout != nil {
		fmt.Fprintf(w, "%slayout: %s\n", indent, describe.Layout(r.Layout))
	}
	if g := describe.Gas(r); g != "" {
		fmt.Fprintf(w, "%sgas: %s\n", indent, g)
	}
	if line := describe.StaysUpgradable(r, next); line != "" {
		fmt.Fprintf(w, "%s%s\n", indent, line)
	}
	for _, warning := range describe.Warnings(r, next, p) {
		fmt.Fprintf(w, "%swarning: %s\n", indent, warning)
	}
}
