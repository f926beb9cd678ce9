package scenario

import (
	"errors"
	"fmt"
	"maps"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"go.yaml.in/yaml/v4"
)

// Migrate replaces On with the code of Contract run from fresh data, as
// [actor.World.Migrate] does: the new code is put beside the old one,
// Steps run (sends, getters, waits; inside them [MigrateOld] names the old
// account and [MigrateNew] the new one), and then the new account's code,
// data and balance move under On's address. A failed transaction in the
// steps undoes the whole migration.
type Migrate struct {
	On       Ref
	Contract Ref
	Init     *Value
	Data     *tvmcell.Cell
	Steps    []*Step
}

func (*Migrate) Kind() string { return "migrate" }

// The names a migration's steps give the two accounts; inside the steps
// they win over accounts of the same names.
const (
	MigrateOld = "old"
	MigrateNew = "new"
)

// migrateStepKeys are the actions a migration's steps may take.
var migrateStepKeys = []string{"send", "get", "wait"}

func (p *parser) migrate(n *yaml.Node) (*Migrate, error) {
	f, err := p.fields(n, "migrate", []string{"on", "contract"}, "init", "data", "steps")
	if err != nil {
		return nil, err
	}
	m := &Migrate{}
	if m.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	if m.Contract, err = p.name(f["contract"], "contract"); err != nil {
		return nil, err
	}
	if m.Init, m.Data, err = p.initOrData(f); err != nil {
		return nil, err
	}
	steps := f["steps"]
	if steps == nil || steps.Tag == "!!null" {
		return m, nil
	}
	if resolve(steps).Kind == yaml.SequenceNode && len(resolve(steps).Content) == 0 {
		return m, nil
	}
	if m.Steps, err = p.steps(steps); err != nil {
		return nil, err
	}
	for _, s := range m.Steps {
		if s.Action != nil && !contains(migrateStepKeys, s.Action.Kind()) {
			return nil, &Error{File: p.file, Pos: s.Pos, Msg: fmt.Sprintf("a migration's step %d cannot %s: its steps may %s", s.Index, s.Action.Kind(), strings.Join(migrateStepKeys, ", "))}
		}
	}
	return m, nil
}

// checkMigrate checks the names of a migration's steps, where old and new
// are known too.
func (r *Runner) checkMigrate(m *Migrate, known, wallets map[string]bool) error {
	inner := maps.Clone(known)
	inner[MigrateOld], inner[MigrateNew] = true, true
	return r.checkSteps(m.Steps, inner, wallets)
}

func (r *Runner) migrate(step *Step, m *Migrate, res *Result) error {
	addr, err := r.address(m.On)
	if err != nil {
		return err
	}
	ct, err := r.Catalog.ByName(m.Contract.Name)
	if err != nil {
		return r.errf(m.Contract.Pos, "%v", err)
	}
	data, err := r.initData(ct, m.Init, m.Data, m.Contract.Pos)
	if err != nil {
		return err
	}
	world := r.World
	var stepErr error
	op, err := world.Migrate(addr, ct.Code, data, func(mg actor.Migration) error {
		r.World, r.aliases = mg.World, map[string]*address.Address{MigrateOld: mg.Old, MigrateNew: mg.New}
		defer func() { r.World, r.aliases = world, nil }()
		for _, s := range m.Steps {
			inner, err := r.run(s)
			if err != nil {
				stepErr = err
				return err
			}
			inner.Failures = append(inner.Failures, r.expect(s, inner)...)
			res.Inner = append(res.Inner, inner)
			if failed(inner.Trace) {
				return nil // the migration finds the failed transaction and is undone
			}
		}
		return nil
	})
	if stepErr != nil {
		return stepErr
	}
	res.Target = addr
	for _, inner := range res.Inner {
		res.Failures = append(res.Failures, inner.Failures...)
	}
	var undone *actor.MigrationError
	switch {
	case errors.As(err, &undone):
		res.Undone, res.Trace = undone, innerTrace(res.Inner)
		if !expects(step, "migrated") {
			res.Failures = append(res.Failures, Failure{File: r.Scenario.Path, Pos: m.On.Pos, Key: "migrated", Want: "true", Got: r.undoneText(undone)})
		}
		return nil
	case err != nil:
		return r.errf(m.On.Pos, "migrate: %v", err)
	}
	res.Operation = op
	res.Trace = &actor.Trace{Transactions: op.Transactions}
	return nil
}

// innerTrace gathers the transactions of a migration's steps.
func innerTrace(inner []*Result) *actor.Trace {
	tr := &actor.Trace{}
	for _, res := range inner {
		if res.Trace != nil {
			tr.Transactions = append(tr.Transactions, res.Trace.Transactions...)
		}
	}
	return tr
}

// failed reports whether a trace has a transaction that failed.
func failed(tr *actor.Trace) bool {
	if tr == nil {
		return false
	}
	for _, tx := range tr.Transactions {
		if !tx.Success {
			return true
		}
	}
	return false
}

// expects reports whether a step checks key.
func expects(step *Step, key string) bool {
	if step.Expect == nil {
		return false
	}
	for _, ch := range step.Expect.Checks {
		if ch.Key == key {
			return true
		}
	}
	return false
}

// undoneText says why a migration was undone, in describe's words.
func (r *Runner) undoneText(e *actor.MigrationError) string {
	return describe.Undone(r.Catalog, e)
}

// operation checks a reinstall's or a migration's check.
func (c *checker) operation(ch *Check, res *Result) {
	op := res.Operation
	if ch.Key == "migrated" {
		got := op != nil
		if ok, _ := c.holds(ch.Want, got); !ok {
			text := "true"
			if res.Undone != nil {
				text = c.r.undoneText(res.Undone)
			}
			c.fail(ch.Pos, ch.Key, ch.Want.String(), text)
		}
		return
	}
	if ch.Key == "transactions" {
		n := 0
		for _, inner := range res.Inner {
			if inner.Trace != nil {
				n += len(inner.Trace.Transactions)
			}
		}
		c.compare(ch, big.NewInt(int64(n)))
		return
	}
	if op == nil {
		c.fail(ch.Pos, ch.Key, ch.Want.String(), c.r.undoneText(res.Undone))
		return
	}
	switch ch.Key {
	case "storage":
		c.decoded(ch, op.CodeAfter, op.DataAfter)
	case "lost":
		if pending := describe.LostPending(c.r.Catalog, op.DataBefore); pending != nil {
			// A pending migration's envelope: what was lost is inside it.
			c.matchFields(ch.Key, ch.Want.(FieldsWant).Value, pending.Fields)
			return
		}
		c.decoded(ch, op.CodeBefore, op.DataBefore)
	case "balance":
		c.compare(ch, op.BalanceAfter.Nano())
	case "code_hash":
		c.compare(ch, op.CodeAfter.Hash())
	case "data_hash":
		c.compare(ch, op.DataAfter.Hash())
	}
}

// decoded checks storage fields of data, decoded by the package of code.
func (c *checker) decoded(ch *Check, code, data *tvmcell.Cell) {
	want := ch.Want.(FieldsWant)
	if code == nil || data == nil {
		c.fail(ch.Pos, ch.Key, want.String(), "no storage (the account had no code or data)")
		return
	}
	ct, err := c.r.Catalog.ByCode(code)
	if err != nil || ct.Package == nil {
		c.fail(ch.Pos, ch.Key, "storage decoded by a package", "code the scenario has no package for")
		return
	}
	st, err := ct.Package.DecodeStorage(data)
	if err != nil {
		c.fail(ch.Pos, ch.Key, "storage "+ct.Name+" reads", err.Error())
		return
	}
	// Data init() has not run on yet (a reinstall's, say) holds the init
	// arguments: they are what it has to show.
	c.matchFields(ch.Key, want.Value, st.Fields)
}
