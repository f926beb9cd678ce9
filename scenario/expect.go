package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Failure is an expectation that did not hold.
type Failure struct {
	File string
	// Pos is where the check is written.
	Pos Pos
	// Key is the check (exit_code, storage.value, result, …); Want is what
	// the file expects and Got what happened.
	Key, Want, Got string
}

func (f Failure) String() string {
	return fmt.Sprintf("%s:%d: %s: want %s, got %s", f.File, f.Pos.Line, f.Key, f.Want, f.Got)
}

// checker evaluates one step's checks and collects what failed.
type checker struct {
	r   *Runner
	out []Failure
}

func (c *checker) fail(pos Pos, key, want, got string) {
	c.out = append(c.out, Failure{File: c.r.Scenario.Path, Pos: pos, Key: key, Want: want, Got: got})
}

func (r *Runner) expect(step *Step, res *Result) []Failure {
	if step.Expect == nil {
		return nil
	}
	c := &checker{r: r}
	var target *describe.Tx
	if res.Tx != nil {
		target = describe.Describe(r.Catalog, res.Tx)
	}
	for _, ch := range step.Expect.Checks {
		if ch.Key == "state_root" {
			c.stateRoot(ch)
			continue
		}
		switch step.Action.(type) {
		case *Upgrade:
			if res.Upgraded == nil {
				continue // refused by its layout check, which failed the step: nothing ran
			}
			if !c.upgrade(ch, res.Upgraded) {
				c.stepTx(ch, res, target)
			}
		case *Deploy, *Send:
			c.stepTx(ch, res, target)
		case *Get:
			c.get(ch, res.Get)
		case *Preflight:
			c.preflight(ch, res.Preflight)
		case *Reinstall, *Migrate:
			c.operation(ch, res)
		}
	}
	return c.out
}

// stepTx checks a deploy's or send's check: about the step's send as a
// whole, or about its target's transaction.
func (c *checker) stepTx(ch *Check, res *Result, d *describe.Tx) {
	switch ch.Key {
	case "transactions":
		c.compare(ch, big.NewInt(int64(len(res.Trace.Transactions))))
		return
	case "bounced":
		c.compare(ch, bouncedBack(res))
		return
	case "has_transaction":
		c.hasTransaction(ch, res)
		return
	}
	if d == nil {
		c.fail(ch.Pos, ch.Key, ch.Want.String(), "no transaction on "+describe.Printer{Names: c.r.World}.Address(res.Target))
		return
	}
	switch ch.Key {
	case "storage":
		c.storage(ch, d)
	case "events":
		c.events(ch.Key, ch.Pos, ch.Want.(EventsWant), d)
	default:
		got, ok := txFact(ch.Key, d)
		if !ok {
			c.fail(ch.Pos, ch.Key, ch.Want.String(), gotText(ch.Key, d))
			return
		}
		c.compare(ch, got)
	}
}

// txFact is the fact a check of the table reads off a transaction: an
// integer, a bool, nanotons, a hash or a party. ok is false when the
// transaction has none (a skipped compute phase has no exit code).
func txFact(key string, d *describe.Tx) (any, bool) {
	tx := d.Tx
	switch key {
	case "exit_code":
		if tx.ComputeSkipped != "" {
			return nil, false
		}
		return big.NewInt(int64(tx.ExitCode)), true
	case "action_code":
		return big.NewInt(int64(tx.ActionCode)), true
	case "success":
		return tx.Success, true
	case "aborted":
		return tx.Aborted, true
	case "deployed":
		return tx.Deployed, true
	case "bounced":
		return tx.Bounced, true
	case "gas_used":
		return big.NewInt(tx.GasUsed), true
	case "lt":
		return new(big.Int).SetUint64(tx.LT), true
	case "op":
		return d, true
	case "from":
		return tx.From, true
	case "to":
		return tx.To, true
	case "data_hash":
		return hashOf(tx.DataAfter), tx.DataAfter != nil
	case "code_hash":
		return hashOf(tx.CodeAfter), tx.CodeAfter != nil
	case "balance":
		return tx.BalanceAfter.Nano(), true
	case "status":
		return tx.StatusAfter, true
	case "storage_due":
		if d.Fees.StorageDue == nil {
			return new(big.Int), true
		}
		return d.Fees.StorageDue, true
	case "fees":
		return tx.Fees.Nano(), true
	case "value_in":
		return tx.Value.Nano(), true
	case "value_out":
		return tx.ValueOut.Nano(), true
	case "skipped_actions":
		return big.NewInt(int64(d.Action.Skipped)), true
	case "out_messages":
		return big.NewInt(int64(len(tx.Out))), true
	}
	return nil, false
}

// gotText says why a transaction has no fact for a check.
func gotText(key string, d *describe.Tx) string {
	if key == "exit_code" && d.Tx.ComputeSkipped != "" {
		return "no exit code: " + d.Exit.String()
	}
	if key == "data_hash" || key == "code_hash" {
		return "none (the account has no code or data)"
	}
	return "nothing"
}

func hashOf(c *tvmcell.Cell) []byte {
	if c == nil {
		return nil
	}
	return c.Hash()
}

// compare checks a fact against a parsed want.
func (c *checker) compare(ch *Check, got any) {
	if ok, text := c.holds(ch.Want, got); !ok {
		c.fail(ch.Pos, ch.Key, ch.Want.String(), text)
	}
}

// holds tells whether got satisfies w, and writes got for a failure.
func (c *checker) holds(w Want, got any) (bool, string) {
	switch w := w.(type) {
	case IntWant:
		n, _ := got.(*big.Int)
		return n != nil && inRange(n, w.Min, w.Max), fmt.Sprint(got)
	case CoinsWant:
		n, _ := got.(*big.Int)
		return n != nil && inRange(n, w.Min, w.Max), describe.TON(n)
	case BoolWant:
		b, _ := got.(bool)
		return b == bool(w), strconv.FormatBool(b)
	case HashWant:
		h, _ := got.([]byte)
		return bytes.Equal(h, w), fmt.Sprintf("%x", h)
	case AccountWant:
		a, _ := got.(*address.Address)
		p := describe.Printer{Names: c.r.World}
		if a == nil {
			return false, "external"
		}
		want, err := c.r.address(w.Ref)
		return err == nil && want.Equals(a), p.Address(a)
	case OpWant:
		d, _ := got.(*describe.Tx)
		return opHolds(w, d)
	case StatusWant:
		st, _ := got.(tlb.AccountStatus)
		return st == tlb.AccountStatus(w), describe.Status(st)
	}
	return false, fmt.Sprint(got)
}

func inRange(n, lo, hi *big.Int) bool {
	return (lo == nil || n.Cmp(lo) >= 0) && (hi == nil || n.Cmp(hi) <= 0)
}

// opHolds checks a transaction's inbound opcode: by number, or by the
// message type its receiver's ABI names.
func opHolds(w OpWant, d *describe.Tx) (bool, string) {
	if d == nil || !d.Tx.HasOpcode {
		return false, "no opcode (" + d.Message.String() + ")"
	}
	got := describe.OpText(d.Tx.Opcode) + " (" + d.Message.String() + ")"
	if w.Type != "" {
		return d.Message.Type == w.Type && d.Message.Kind == describe.MessageTyped, got
	}
	return d.Tx.Opcode == w.Op, got
}

// bouncedBack reports whether the step's message came back as a bounce to
// its sender.
func bouncedBack(res *Result) bool {
	if res.Tx == nil {
		return false
	}
	for _, tx := range res.Tx.Children {
		if tx.Bounced && res.Tx.From != nil && tx.To.Equals(res.Tx.From) {
			return true
		}
	}
	return false
}

func (c *checker) storage(ch *Check, d *describe.Tx) {
	want := ch.Want.(FieldsWant)
	tx := d.Tx
	ct, err := c.r.Catalog.ByCode(tx.CodeAfter)
	if err != nil || ct.Package == nil {
		c.fail(ch.Pos, "storage", "storage decoded by a package", "code the scenario has no package for")
		return
	}
	st, err := ct.Package.DecodeStorage(tx.DataAfter)
	if err != nil {
		c.fail(ch.Pos, "storage", "storage "+ct.Name+" reads", err.Error())
		return
	}
	if !st.Initialized {
		c.fail(ch.Pos, "storage", "initialized storage", "init() has not run yet (a pending migration or deployment)")
		return
	}
	c.matchFields("storage", want.Value, st.Fields)
}

// events checks a transaction's events against the list, in order.
func (c *checker) events(key string, pos Pos, want EventsWant, d *describe.Tx) {
	p := describe.Printer{Names: d.Tx}
	got := make([]string, len(d.Events))
	for i, e := range d.Events {
		got[i] = e.Text(p)
	}
	gotText := "[" + strings.Join(got, ", ") + "]"
	if len(d.Events) != len(want) {
		c.fail(pos, key, fmt.Sprintf("%d event(s) %s", len(want), want), gotText)
		return
	}
	for i, w := range want {
		e := d.Events[i]
		if e.Type != w.Type && e.Message.String() != w.Type {
			c.fail(w.Pos, fmt.Sprintf("%s[%d]", key, i), w.Type, e.Message.String())
			continue
		}
		if w.Fields != nil {
			if e.Body == nil {
				c.fail(w.Pos, fmt.Sprintf("%s[%d]", key, i), w.Fields.String(), "a body no ABI decodes")
				continue
			}
			c.matchFields(fmt.Sprintf("%s[%d]", key, i), w.Fields, e.Body)
		}
	}
}

// hasTransaction checks that each matcher holds for some transaction of
// the send; a failure shows the closest.
func (c *checker) hasTransaction(ch *Check, res *Result) {
	ds := make([]*describe.Tx, len(res.Trace.Transactions))
	for i, tx := range res.Trace.Transactions {
		ds[i] = describe.Describe(c.r.Catalog, tx)
	}
	for _, m := range ch.Want.(MatchersWant) {
		best, bestMisses := -1, []string(nil)
		for i, d := range ds {
			misses := c.misses(m, d)
			if len(misses) == 0 {
				best = -2
				break
			}
			if best == -1 || len(misses) < len(bestMisses) {
				best, bestMisses = i, misses
			}
		}
		if best == -2 {
			continue
		}
		got := "no transactions"
		if best >= 0 {
			d := ds[best]
			got = fmt.Sprintf("none of %d; closest lt %d %s → %s %s %s differs in %s", len(ds), d.Tx.LT, d.From, d.To, d.Message, d.Exit, strings.Join(bestMisses, ", "))
		}
		c.fail(m.Pos, ch.Key, "a transaction "+m.String(), got)
	}
}

// misses lists the checks of a matcher a transaction does not satisfy.
func (c *checker) misses(m Matcher, d *describe.Tx) []string {
	var out []string
	for _, ch := range m.Checks {
		if ch.Key == "events" {
			sub := &checker{r: c.r}
			sub.events(ch.Key, ch.Pos, ch.Want.(EventsWant), d)
			if len(sub.out) > 0 {
				out = append(out, ch.Key)
			}
			continue
		}
		got, ok := txFact(ch.Key, d)
		if !ok {
			out = append(out, ch.Key)
			continue
		}
		if hold, _ := c.holds(ch.Want, got); !hold {
			out = append(out, ch.Key)
		}
	}
	return out
}

// matchFields checks each field written in v against s.
func (c *checker) matchFields(path string, v *Value, s *cell.Struct) {
	for _, e := range v.Entries {
		f, ok := structField(s, e.Key)
		if !ok {
			c.fail(e.KeyPos, path+"."+e.Key, e.Value.String(), "no such field (fields: "+strings.Join(structFields(s), ", ")+")")
			continue
		}
		ft := f.Type
		c.match(path+"."+e.Key, e.Value, f.Value, &ft)
	}
}

func structField(s *cell.Struct, name string) (cell.FieldValue, bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return cell.FieldValue{}, false
}

func structFields(s *cell.Struct) []string {
	out := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		out[i] = f.Name
	}
	return out
}

// match compares a value as written with a decoded one of type t (nil when
// unknown): numbers by value, an Int as coins as TON, names by the address
// or code they stand for, structs field by field, anything else by its
// formatted text.
func (c *checker) match(path string, want *Value, got any, t *cell.Type) {
	if s, ok := got.(*cell.Struct); ok && want.Kind == Mapping {
		c.matchFields(path, want, s)
		return
	}
	if !c.equal(want, got, t) {
		c.fail(want.Pos, path, wantText(want, t), describe.Printer{Names: c.r.World, Full: true}.Typed(got, t))
	}
}

// wantText writes a value as written for a failure, in the words of the
// value it is compared with: an amount of coins in TON, as the got side.
func wantText(want *Value, t *cell.Type) string {
	if want.Kind == Scalar && t != nil && isCoins(*t) {
		if n, err := cell.ParseCoins(want.Text); err == nil {
			return describe.TON(n)
		}
	}
	return want.String()
}

func (c *checker) equal(want *Value, got any, t *cell.Type) bool {
	if want.Kind == Null {
		return got == nil || cell.FormatValue(got) == "null"
	}
	if want.Kind != Scalar {
		return false
	}
	w := want.Text
	switch g := got.(type) {
	case nil:
		return w == "null"
	case *big.Int:
		if t != nil && isCoins(*t) {
			n, err := cell.ParseCoins(w)
			return err == nil && n.Cmp(g) == 0
		}
		n, ok := parseInt(w)
		return ok && n.Cmp(g) == 0
	case bool:
		return w == strconv.FormatBool(g)
	case string:
		return w == g
	case *address.Address:
		if addr, err := c.r.World.Lookup(w); err == nil {
			return addr.Equals(g)
		}
		addr, err := cell.ParseAddress(w)
		return err == nil && addr.Equals(g)
	case *tvmcell.Cell:
		if ct, err := c.r.Catalog.ByName(w); err == nil {
			return bytes.Equal(ct.Code.Hash(), g.Hash())
		}
		cl, err := cell.ParseBOC(w)
		return err == nil && bytes.Equal(cl.Hash(), g.Hash())
	}
	return w == Format(got)
}

func (c *checker) get(ch *Check, g *GetOutcome) {
	var exit *actor.ExitError
	failed := errors.As(g.Err, &exit)
	switch ch.Key {
	case "exit_code":
		got := big.NewInt(0)
		if failed {
			got = big.NewInt(exit.Code)
		}
		c.compare(ch, got)
	case "gas_used":
		c.compare(ch, big.NewInt(g.GasUsed))
	case "result":
		want := ch.Want.(FieldsWant).Value
		if failed {
			c.fail(ch.Pos, ch.Key, want.String(), describe.Err(g.Err, g.Contract))
			return
		}
		var got any = g.Value
		if g.Stack != nil {
			got = describe.Printer{}.Stack(g.Stack)
		}
		c.match(ch.Key, want, got, g.Type)
	}
}

// upgrade checks what is an upgrade's own; it returns false for a check
// about its last transaction.
func (c *checker) upgrade(ch *Check, u *upgradable.Upgraded) bool {
	switch ch.Key {
	case "code_changed":
		c.compare(ch, u.CodeChanged)
	case "protocol":
		c.name(ch, u.Protocol.Name)
	case "version":
		v, err := upgradable.ReadVersion(c.r.World, u.Account, u.Protocol.Version)
		got := v.Version
		if err != nil {
			got = "none (" + describe.Err(err, nil) + ")"
		}
		if want := string(ch.Want.(VersionWant)); got != want {
			c.fail(ch.Pos, ch.Key, want, got)
		}
	default:
		return false
	}
	return true
}

// name checks a name.
func (c *checker) name(ch *Check, got string) {
	if want := string(ch.Want.(TextWant)); want != got {
		c.fail(ch.Pos, ch.Key, want, got)
	}
}

func (c *checker) preflight(ch *Check, rep *upgradable.Report) {
	switch ch.Key {
	case "protocol":
		c.name(ch, rep.Protocol.Name)
	case "code_changed":
		c.compare(ch, rep.CodeChanged)
	case "stays_upgradable":
		c.compare(ch, rep.Upgradable)
	case "rolled_back":
		c.compare(ch, rep.RolledBack)
	case "migration_gas":
		c.compare(ch, big.NewInt(rep.MigrationGas))
	case "warnings":
		var got []string
		for _, p := range rep.Warnings() {
			got = append(got, p.Kind.Key())
		}
		want := ch.Want.(ProbesWant)
		if want.String() != "["+strings.Join(got, ", ")+"]" {
			c.fail(ch.Pos, ch.Key, want.String(), "["+strings.Join(got, ", ")+"]")
		}
	case "defaulted":
		want, got := ch.Want.(NamesWant), NamesWant(rep.Defaulted)
		if want.String() != got.String() {
			c.fail(ch.Pos, ch.Key, want.String(), got.String())
		}
	case "verdict":
		if want := upgradable.Verdict(ch.Want.(VerdictWant)); rep.Verdict != want {
			c.fail(ch.Pos, ch.Key, want.Key(), rep.Verdict.Key())
		}
	case "exit_code":
		c.compare(ch, big.NewInt(rep.ExitCode))
	case "version":
		if want := string(ch.Want.(VersionWant)); rep.After.Version != want {
			got := rep.After.Version
			if got == "" {
				got = "none (" + rep.Verdict.Key() + ")"
			}
			c.fail(ch.Pos, ch.Key, want, got)
		}
	}
}

// Format writes a decoded value as results are printed: strings bare,
// everything else as cell.FormatValue does.
func Format(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return cell.FormatValue(v)
}
