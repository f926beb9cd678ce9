package actortest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/tlb"
)

// Sent is what one send did, its transactions described by the contracts
// that name them: a *contract.Result (what handles and generated wrappers
// return), or [Described] for transactions from elsewhere.
type Sent interface {
	Described() []*describe.Tx
}

type described []*describe.Tx

func (d described) Described() []*describe.Tx { return d }

// Described describes txs by the contracts cat knows, for the matchers
// and printers of this package.
func Described(cat describe.Contracts, txs []*actor.Transaction) Sent {
	out := make(described, len(txs))
	for i, tx := range txs {
		out[i] = describe.Describe(cat, tx)
	}
	return out
}

// Find returns the first transaction of the send matching every matcher.
// When none does, the error (wrapping [ErrNoMatch]) draws the whole send
// as a tree, by name, with the closest candidate marked ▸ and what it
// fails under it.
func Find(sent Sent, ms ...Matcher) (*describe.Tx, error) {
	ds := sent.Described()
	for _, d := range ds {
		if matchesAll(d, ms) {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%w %s in the send:\n%s", ErrNoMatch, conditions(ds, ms), drawTree(ds, ms))
}

// Filter returns every transaction of the send matching every matcher.
func Filter(sent Sent, ms ...Matcher) []*describe.Tx {
	var out []*describe.Tx
	for _, d := range sent.Described() {
		if matchesAll(d, ms) {
			out = append(out, d)
		}
	}
	return out
}

// Require fails the test now unless a transaction of the send matches
// every matcher (see [Find]), and returns the first that does.
func Require(t testing.TB, sent Sent, ms ...Matcher) *describe.Tx {
	t.Helper()
	d, err := Find(sent, ms...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// RequireNo fails the test now if a transaction of the send matches every
// matcher; the failure draws the send with the matching ones marked ▸.
func RequireNo(t testing.TB, sent Sent, ms ...Matcher) {
	t.Helper()
	ds := sent.Described()
	if len(Filter(sent, ms...)) > 0 {
		t.Fatalf("want no transaction %s, found (▸):\n%s", conditions(ds, ms), drawTree(ds, ms))
	}
}

// FindTransaction is [Find] on transaction records, described by the
// world's wallet alone (messages by opcode): the first matching one.
func FindTransaction(txs []*actor.Transaction, ms ...Matcher) (*actor.Transaction, error) {
	d, err := Find(Described(catalog.New(), txs), ms...)
	if err != nil {
		return nil, err
	}
	return d.Tx, nil
}

// FilterTransactions returns every transaction matching every matcher.
func FilterTransactions(txs []*actor.Transaction, ms ...Matcher) []*actor.Transaction {
	var out []*actor.Transaction
	for _, d := range Filter(Described(catalog.New(), txs), ms...) {
		out = append(out, d.Tx)
	}
	return out
}

// RequireTransaction fails the test now unless a transaction matches every
// matcher (see [Find]), and returns the first that does.
func RequireTransaction(t testing.TB, txs []*actor.Transaction, ms ...Matcher) *actor.Transaction {
	t.Helper()
	return Require(t, Described(catalog.New(), txs), ms...).Tx
}

// RequireNoTransaction fails the test now if any transaction matches every
// matcher.
func RequireNoTransaction(t testing.TB, txs []*actor.Transaction, ms ...Matcher) {
	t.Helper()
	RequireNo(t, Described(catalog.New(), txs), ms...)
}

func matchesAll(d *describe.Tx, ms []Matcher) bool {
	for _, m := range ms {
		if !m.match(d) {
			return false
		}
	}
	return true
}

// conditions writes the matchers, with the names the last of ds knew.
func conditions(ds []*describe.Tx, ms []Matcher) string {
	p := describe.Printer{Full: true}
	if len(ds) > 0 {
		p.Names = ds[len(ds)-1].Tx
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.text(p)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// drawTree writes the send as a tree, each line with its logical time.
// Transactions matching every matcher are marked ▸; when none does, the
// closest is (the first that most matchers hold for), with the matchers
// it fails under it.
func drawTree(ds []*describe.Tx, ms []Matcher) string {
	if len(ds) == 0 {
		return "  (no transactions)\n"
	}
	marked := map[*describe.Tx]bool{}
	var closest *describe.Tx
	best := 0
	for _, d := range ds {
		n := 0
		for _, m := range ms {
			if m.match(d) {
				n++
			}
		}
		if n == len(ms) {
			marked[d] = true
		}
		if n > best {
			closest, best = d, n
		}
	}
	if len(marked) > 0 {
		closest = nil
	} else if closest != nil {
		marked[closest] = true
	}
	lines := describe.Tree(ds)
	width := 0
	for _, l := range lines {
		width = max(width, len(fmt.Sprint(l.Tx.Tx.LT)))
	}
	var b strings.Builder
	for _, l := range lines {
		mark := "  "
		if marked[l.Tx] {
			mark = "▸ "
		}
		lt := fmt.Sprintf("lt %-*d  ", width, l.Tx.Tx.LT)
		pad := strings.Repeat(" ", len(lt))
		fmt.Fprintf(&b, "%s%s%s%s\n", mark, lt, l.Prefix, l.Text)
		for _, n := range l.Notes {
			fmt.Fprintf(&b, "  %s%s%s\n", pad, n.Prefix, n.Text)
		}
		if l.Tx == closest {
			p := l.Tx.Printer()
			for _, m := range ms {
				if !m.match(l.Tx) {
					fmt.Fprintf(&b, "  %s%s  ✗ %s: %s\n", pad, indentOf(l.Prefix), m.text(p), m.got(l.Tx, p))
				}
			}
		}
	}
	if closest != nil {
		fmt.Fprintf(&b, "the closest (▸) holds %d of %d\n", best, len(ms))
	}
	return b.String()
}

// indentOf turns a line's tree glyphs into the room under them.
func indentOf(prefix string) string {
	return strings.NewReplacer("├─ ", "│  ", "└─ ", "   ").Replace(prefix)
}

// Table writes transactions one per line, as they read when they ran:
// lt, sender → receiver by name, message, exit, flags.
func Table(txs []*actor.Transaction) string {
	return TableWith(catalog.New(), txs)
}

// TableWith is [Table] with the messages named and the exit codes
// explained by the contracts cat knows.
func TableWith(cat describe.Contracts, txs []*actor.Transaction) string {
	if len(txs) == 0 {
		return "  (no transactions)\n"
	}
	var b strings.Builder
	for _, tx := range txs {
		d := describe.Describe(cat, tx)
		fmt.Fprintf(&b, "  lt %d  %s → %s  %s  %s", tx.LT, d.From, d.To, d.Message, d.Exit)
		for _, flag := range []struct {
			on   bool
			name string
		}{{tx.Success, "success"}, {tx.Aborted, "aborted"}, {tx.Deployed, "deployed"}, {tx.Bounced, "bounced"}} {
			if flag.on {
				b.WriteString("  " + flag.name)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// cellText writes wanted fields as values are written, amounts of
// tlb.Coins in TON.
func cellText(f Fields) string {
	names := make([]string, 0, len(f))
	for k := range f {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = k + ": " + wantText(describe.Printer{Full: true}, f[k], nil)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// wantText writes a wanted value by p: as a value of type t when it
// converts, tlb.Coins in TON.
func wantText(p describe.Printer, v any, t *cell.Type) string {
	if c, ok := v.(tlb.Coins); ok {
		return describe.TON(c.Nano())
	}
	in, err := contract.Input(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return p.Typed(in, t)
}
