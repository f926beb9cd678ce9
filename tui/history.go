package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
)

// describeChunk is about how many transactions one loading operation
// describes: a chunk ends at the end of a send, so a send's tree is built
// whole.
const describeChunk = 1000

// exitClass is how a log line's exit is styled.
type exitClass uint8

const (
	exitOK exitClass = iota
	exitSkipped
	exitFailed
)

// logLine is one line of the transaction log: a transaction and what the
// log shows of it, worded by the description layer once, when the
// transaction arrived. A line never changes after it is made; the
// transaction's full description is computed again, from its record, when
// the detail pane shows it.
type logLine struct {
	tx *actor.Transaction
	// n is the transaction's place in the timeline, from 1: the world
	// after it is point n.
	n int
	// tree is the index, in the lines, of the first line of this line's
	// send: a send's lines are contiguous, its root first.
	tree int
	// parent is the line of the transaction that caused this one, nil for
	// the first transaction of a send.
	parent *logLine
	// prefix draws the send's tree: "", "└ ", "│ ├ "…
	prefix string
	// from, to, msg, exit and change are the columns' words; events,
	// skipped and actionFailed are what the marks column shows.
	from, to, msg, exit, change string
	events, skipped             int
	actionFailed, bounced       bool
	class                       exitClass
}

// route is the tree's indentation and "from → to".
func (l *logLine) route() string { return l.prefix + l.from + " → " + l.to }

// marks are the glyphs of the marks column: ✉ events, ⚠ skipped actions
// or a failed action phase, ↩ a bounce sent back.
func (l *logLine) marks() string {
	var b strings.Builder
	if l.events > 0 {
		b.WriteString("✉")
	}
	if l.skipped > 0 || l.actionFailed {
		b.WriteString("⚠")
	}
	if l.bounced {
		b.WriteString("↩")
	}
	return b.String()
}

// filterText is what a filter matches: every column, the marks in words.
func (l *logLine) filterText() string {
	parts := []string{fmt.Sprint(l.tx.LT), l.from, l.to, l.msg, l.exit, l.change}
	if l.events > 0 {
		parts = append(parts, describe.Count(l.events, "event"))
	}
	if l.skipped > 0 {
		parts = append(parts, "skipped")
	}
	if l.actionFailed {
		parts = append(parts, "action failed")
	}
	if l.bounced {
		parts = append(parts, "bounced")
	}
	return strings.ToLower(strings.Join(parts, " "))
}

// newLogLine words tx for the log from its description.
func newLogLine(d *describe.Tx, n int, prefix string) *logLine {
	tx := d.Tx
	l := &logLine{
		tx: tx, n: n, prefix: prefix,
		from: d.From.String(), to: d.To.String(), msg: d.Message.String(), exit: d.Exit.String(),
		change:  d.Effect(describe.Printer{Names: tx}),
		events:  len(d.Events),
		skipped: d.Action.Skipped, actionFailed: d.Action.Ran && !d.Action.Success,
	}
	for _, k := range tx.Children {
		if k.Bounced {
			l.bounced = true
		}
	}
	switch {
	case tx.ComputeSkipped != "":
		l.class = exitSkipped
	case !tx.Success:
		l.class = exitFailed
	}
	return l
}

// logWidths are the widest cell of each column so far, so laying out the
// log never walks it.
type logWidths struct {
	lt, route, msg, exit, gas, marks, change int
}

func (w *logWidths) add(l *logLine) {
	w.lt = max(w.lt, len(fmt.Sprint(l.tx.LT)))
	w.route = max(w.route, len([]rune(l.route())))
	w.msg = max(w.msg, len([]rune(l.msg)))
	w.exit = max(w.exit, len([]rune(l.exit)))
	w.gas = max(w.gas, len(fmt.Sprint(l.tx.GasUsed)))
	w.marks = max(w.marks, len([]rune(l.marks())))
	w.change = max(w.change, ansi.StringWidth(l.change))
}

// history is the transaction log as the timeline has described it so far:
// the lines of its first len(lineOf) transactions, each send as a tree.
// A history is a value: extending it shares its arrays and only writes
// past their ends, and cutting it makes new ones, so a view can go on
// reading an older history while the next one is made.
type history struct {
	// lines are the log in display order: each send's tree depth first.
	lines []*logLine
	// lineOf[n-1] is the index in lines of the n-th transaction.
	lineOf []int
	widths logWidths
}

// len is how many transactions the history has described.
func (h history) len() int { return len(h.lineOf) }

// line returns the line of the n-th transaction, nil when it is not
// described yet.
func (h history) line(n int) *logLine {
	if n < 1 || n > len(h.lineOf) {
		return nil
	}
	return h.lines[h.lineOf[n-1]]
}

// treeEnd is the index past the last line of the send starting at line i.
func (h history) treeEnd(i int) int {
	j := i + 1
	for j < len(h.lines) && h.lines[j].tree == i {
		j++
	}
	return j
}

// children are the lines of the transactions l caused, in the log.
func (h history) children(l *logLine) []*logLine {
	var out []*logLine
	if l.tree >= len(h.lines) || h.lines[l.tree].tree != l.tree {
		return nil
	}
	for _, c := range h.lines[l.tree:h.treeEnd(l.tree)] {
		if c.parent == l {
			out = append(out, c)
		}
	}
	return out
}

// extend describes the transactions of txs past the history's end, up to
// about limit of them (all for limit < 0), ending at the end of a send.
func (h history) extend(describeTx func(*actor.Transaction) *describe.Tx, txs []*actor.Transaction, limit int) history {
	from := h.len()
	to := len(txs)
	if limit >= 0 && from+limit < to {
		to = from + limit
		for to < len(txs) && txs[to].Parent != nil {
			to++ // the rest of the send
		}
	}
	if from >= to {
		return h
	}
	batch := txs[from:to]
	pos := make(map[*actor.Transaction]int, len(batch))
	for i, tx := range batch {
		pos[tx] = from + i + 1
	}
	// Lines past the ends of the arrays a view may still read are new
	// memory: append never writes inside an older history's length.
	lines, lineOf := h.lines, append(h.lineOf, make([]int, len(batch))...)
	widths := h.widths
	var walk func(tx *actor.Transaction, parent *logLine, tree int, prefix, indent string)
	walk = func(tx *actor.Transaction, parent *logLine, tree int, prefix, indent string) {
		n := pos[tx]
		l := newLogLine(describeTx(tx), n, prefix)
		l.parent = parent
		if tree < 0 {
			tree = len(lines)
		}
		l.tree = tree
		lineOf[n-1] = len(lines)
		lines = append(lines, l)
		widths.add(l)
		var kids []*actor.Transaction
		for _, k := range tx.Children {
			if pos[k] > 0 {
				kids = append(kids, k)
			}
		}
		for i, k := range kids {
			glyph, more := "├ ", "│ "
			if i == len(kids)-1 {
				glyph, more = "└ ", "  "
			}
			walk(k, l, tree, indent+glyph, indent+more)
		}
	}
	for _, tx := range batch {
		if tx.Parent == nil || pos[tx.Parent] == 0 {
			walk(tx, nil, -1, "", "")
		}
	}
	return history{lines: lines, lineOf: lineOf, widths: widths}
}

// cut keeps the first k transactions: the sends after the k-th dropped,
// the send of the k-th drawn again without its later transactions.
func (h history) cut(k int) history {
	if k >= h.len() {
		return h
	}
	if k <= 0 {
		return history{widths: h.widths}
	}
	last := h.line(k)
	start, end := last.tree, h.treeEnd(last.tree)
	out := history{
		lines:  append([]*logLine(nil), h.lines[:start]...),
		lineOf: append([]int(nil), h.lineOf[:k]...),
		widths: h.widths,
	}
	// Draw the cut send again: its transactions up to the k-th.
	var keep []*actor.Transaction
	old := map[*actor.Transaction]*logLine{}
	for _, l := range h.lines[start:end] {
		if l.n <= k {
			old[l.tx] = l
			keep = append(keep, l.tx)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return old[keep[i]].n < old[keep[j]].n })
	var walk func(tx *actor.Transaction, parent *logLine, prefix, indent string)
	walk = func(tx *actor.Transaction, parent *logLine, prefix, indent string) {
		l := *old[tx]
		l.prefix, l.parent, l.tree = prefix, parent, start
		out.lineOf[l.n-1] = len(out.lines)
		out.lines = append(out.lines, &l)
		var kids []*actor.Transaction
		for _, c := range tx.Children {
			if old[c] != nil {
				kids = append(kids, c)
			}
		}
		for i, c := range kids {
			glyph, more := "├ ", "│ "
			if i == len(kids)-1 {
				glyph, more = "└ ", "  "
			}
			walk(c, &l, indent+glyph, indent+more)
		}
	}
	walk(keep[0], nil, "", "")
	return out
}

// commonPrefix is how many transactions two histories of one world share
// from the start: a world's histories branch, never merge, so the shared
// part is found by halving.
func commonPrefix(a, b []*actor.Transaction) int {
	n := min(len(a), len(b))
	return sort.Search(n, func(i int) bool { return a[i] != b[i] })
}
