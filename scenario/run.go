package scenario

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Runner plays a scenario's steps on a world, one at a time.
type Runner struct {
	Scenario *Scenario
	World    *actor.World
	Catalog  *catalog.Catalog
	// Pass says whether upgrade points upgrade: as written, they do not.
	Pass Pass
	next int
	// aliases are the names only a migration's steps know (old, new).
	aliases map[string]*address.Address
}

// Result is what one step did.
type Result struct {
	Step *Step
	// Trace is every transaction of a deploy or send; Tx is the one on the
	// step's target (the deployed or addressed account) started by the
	// step's message, nil when none ran there.
	Trace  *actor.Trace
	Tx     *actor.Transaction
	Target *address.Address
	// Get is a getter's outcome.
	Get *GetOutcome
	// Preflight is a preflight's report.
	Preflight *upgradable.Report
	// Matrix is an upgrades step's matrix.
	Matrix *upgradable.Matrix
	// Upgraded is what an upgrade step did (its Trace and Tx are set too:
	// every step's transactions, and the last step's on the contract).
	Upgraded *upgradable.Upgraded
	// Commit is the commit a commit step made, or the one a session step
	// started from.
	Commit *actor.Commit
	// Operation is what a reinstall or a migration did (a migration's
	// Trace holds the transactions of its steps); nil for a migration
	// that was undone, whose Undone says why (and whose Trace holds what
	// its steps ran before, none of it in the history).
	Operation *actor.Operation
	Undone    *actor.MigrationError
	// Inner are the results of a migration's steps, as far as they ran.
	Inner []*Result
	// Skipped is set for an upgrade point the pass as written skipped.
	Skipped bool
	// Failures are the step's expectations that did not hold.
	Failures []Failure
}

// GetOutcome is a getter's result: its value decoded by the ABI (or the raw
// stack when the contract's code is unknown), or the error it failed with.
type GetOutcome struct {
	Method string
	// Args are the arguments pushed, in order, as [actor.World.Get] takes
	// them.
	Args  []any
	Value any
	// Type is the getter's return type by the ABI, nil for unknown code.
	Type *cell.Type
	// Stack is the raw result of a getter of unknown code.
	Stack []any
	Err   error
	// Contract is the contract whose code answered, nil when unknown.
	Contract *catalog.Contract
	// GasUsed is the gas the getter used (0 when it could not run).
	GasUsed int64
}

// NewRunner prepares a run of s on w (a new world when nil): it adds the
// contracts of cat (the scenario's, from [Load]) to the run's catalog,
// creates the scenario's wallets (reusing a wallet w already has under the
// same name) and checks every name the steps use, so a misspelt name fails
// before anything runs.
func NewRunner(s *Scenario, cat *catalog.Catalog, w *actor.World) (*Runner, error) {
	if w == nil {
		opts, err := s.worldOptions()
		if err != nil {
			return nil, err
		}
		if w, err = actor.NewWorld(opts...); err != nil {
			return nil, err
		}
	}
	if cat == nil {
		cat = catalog.New()
	}
	r := &Runner{Scenario: s, World: w, Catalog: cat}
	for _, ct := range cat.Contracts() {
		if ct.Package != nil && ct.Package.Debug() {
			w.SetDebugCode(ct.Code)
		}
	}
	for _, d := range s.Wallets {
		if err := r.wallet(d); err != nil {
			return nil, err
		}
	}
	if err := r.checkProtocols(); err != nil {
		return nil, err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Runner) wallet(d *WalletDecl) error {
	if existing, err := r.World.Lookup(d.Name); err == nil {
		if !r.World.IsWallet(existing) {
			return r.errf(d.Pos, "wallet %s: the world already has an account called %s that is not a wallet", d.Name, d.Name)
		}
		if d.Address != nil && !d.Address.Equals(existing) {
			return r.errf(d.Pos, "wallet %s: the world already has wallet %s at %s", d.Name, d.Name, existing.StringRaw())
		}
		return nil
	}
	var opts []actor.WalletOption
	if d.Address != nil {
		opts = append(opts, actor.WithAddress(d.Address))
	}
	if d.Balance != nil {
		opts = append(opts, actor.WithBalance(*d.Balance))
	}
	if _, err := r.World.NewWallet(d.Name, opts...); err != nil {
		return r.errf(d.Pos, "wallet %s: %v", d.Name, err)
	}
	return nil
}

// check resolves every name the steps use, in order: a deploy's name is
// known from the next step on.
func (r *Runner) check() error {
	known := map[string]bool{}
	wallets := map[string]bool{}
	for _, name := range r.World.Names() {
		known[name] = true
		if addr, err := r.World.Wallet(name); err == nil && addr != nil {
			wallets[name] = true
		}
	}
	return r.checkSteps(r.Scenario.Steps, known, wallets)
}

// checkSteps checks the names steps use, adding those they give to known.
func (r *Runner) checkSteps(steps []*Step, known, wallets map[string]bool) error {
	account := func(ref Ref) error {
		if known[ref.Name] {
			return nil
		}
		if _, err := cell.ParseAddress(ref.Name); err == nil {
			return nil
		}
		return r.errf(ref.Pos, "unknown wallet or account %s%s", quote(ref.Name), suggest(ref.Name, keys(known)))
	}
	wallet := func(ref Ref) error {
		if wallets[ref.Name] {
			return nil
		}
		if known[ref.Name] {
			return r.errf(ref.Pos, "%s is not a wallet: only wallets send", quote(ref.Name))
		}
		return r.errf(ref.Pos, "unknown wallet %s%s", quote(ref.Name), suggest(ref.Name, keys(wallets)))
	}
	contract := func(ref Ref) error {
		if _, err := r.Catalog.ByName(ref.Name); err != nil {
			return r.errf(ref.Pos, "%v", err)
		}
		return nil
	}
	// newName checks a name a step gives an account, known from the next
	// step on.
	newName := func(ref Ref) error {
		if bad := actor.CheckName(ref.Name); bad != nil {
			return r.errf(ref.Pos, "%v", bad)
		}
		if known[ref.Name] {
			return r.errf(ref.Pos, "the name %s is taken", quote(ref.Name))
		}
		known[ref.Name] = true
		return nil
	}
	protocol := func(ref *Ref) error {
		if ref == nil {
			return nil
		}
		if _, err := r.Scenario.ProtocolByName(ref.Name); err != nil {
			return r.errf(ref.Pos, "%v", err)
		}
		return nil
	}

	commits := r.newCommitTracker()
	for _, s := range steps {
		var err error
		switch a := s.Action.(type) {
		case *Deploy:
			err = errors.Join(contract(a.Contract), wallet(a.From), newName(a.Name))
		case *Send:
			err = errors.Join(wallet(a.From), account(a.To))
		case *Get:
			err = account(a.On)
			if err == nil && a.Name != nil {
				err = newName(*a.Name)
			}
		case *Preflight:
			err = errors.Join(account(a.On), contract(a.To), protocol(a.Protocol))
			if err == nil && a.From != nil {
				err = wallet(*a.From)
			}
		case *Upgrade:
			err = errors.Join(account(a.On), contract(a.To), protocol(a.Protocol))
			if err == nil && a.From != nil {
				err = wallet(*a.From)
			}
		case *UpgradePoint:
			err = errors.Join(account(a.On), contract(a.To), protocol(a.Protocol))
			if err == nil && a.From != nil {
				err = wallet(*a.From)
			}
		case *Upgrades:
			err = errors.Join(account(a.On), protocol(a.Protocol))
			for _, v := range a.Versions {
				err = errors.Join(err, contract(v))
			}
			if err == nil && a.From != nil {
				err = wallet(*a.From)
			}
		case *Commit:
			commits.commit(a, known, wallets)
		case *Session:
			known, wallets, err = commits.session(a)
		case *Reinstall:
			err = errors.Join(account(a.On), contract(a.Contract))
		case *Migrate:
			if err = errors.Join(account(a.On), contract(a.Contract)); err == nil {
				err = r.checkMigrate(a, known, wallets)
			}
		}
		if err == nil {
			err = commits.expect(s)
		}
		if err != nil {
			return first(err)
		}
	}
	return nil
}

// first returns the first of joined errors, so one mistake is reported at
// a time, the earliest in the file.
func first(err error) error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()[0]
	}
	return err
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Position returns how many steps have run: the index of the next one.
func (r *Runner) Position() int { return r.next }

// Seek makes step i (from 0) the next to run, so a walkthrough can go back.
// The caller puts the world back as it was before step i (a snapshot taken
// then); the runner keeps no other state.
func (r *Runner) Seek(i int) error {
	if i < 0 || i > len(r.Scenario.Steps) {
		return fmt.Errorf("step %d is outside the scenario's %d steps", i+1, len(r.Scenario.Steps))
	}
	r.next = i
	return nil
}

// Done reports whether every step has run.
func (r *Runner) Done() bool { return r.next >= len(r.Scenario.Steps) }

// Next runs the next step. It returns io.EOF when every step has run, and a
// [*Error] for a mistake only running finds (a field of the wrong type, a
// message the target's ABI does not have); the world is then as the step
// found it. Expectations that do not hold are Failures of the result, not
// errors.
func (r *Runner) Next() (*Result, error) {
	if r.Done() {
		return nil, io.EOF
	}
	step := r.Scenario.Steps[r.next]
	res, err := r.run(step)
	if err != nil {
		return nil, err
	}
	r.next++
	res.Failures = append(res.Failures, r.expect(step, res)...)
	return res, nil
}

// Run runs every remaining step and returns their results; it stops at the
// first error.
func (r *Runner) Run() ([]*Result, error) {
	var out []*Result
	for !r.Done() {
		res, err := r.Next()
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

func (r *Runner) run(step *Step) (*Result, error) {
	res := &Result{Step: step}
	var err error
	switch a := step.Action.(type) {
	case nil:
	case *Deploy:
		err = r.deploy(a, res)
	case *Send:
		err = r.send(a, res)
	case *Get:
		err = r.get(a, res)
	case *Preflight:
		err = r.preflight(a, res)
	case *Upgrade:
		err = r.upgrade(a, res)
	case *UpgradePoint:
		if r.Pass != PassUpgraded {
			res.Skipped = true
			break
		}
		if err = r.upgrade(&a.Upgrade, res); err == nil {
			if f := r.pointFailure(step, a, res); f != nil {
				res.Failures = append(res.Failures, *f)
			}
		}
	case *Upgrades:
		err = r.upgrades(a, res)
	case *Commit:
		err = r.commit(a, res)
	case *Session:
		err = r.session(a, res)
	case *Reinstall:
		err = r.reinstall(a, res)
	case *Migrate:
		err = r.migrate(step, a, res)
	case *Wait:
		now := r.World.Now()
		if uint64(now)+uint64(a.Seconds) > math.MaxUint32 {
			return res, r.errf(step.Pos, "wait %d s is out of range [0, %d]: the clock is a uint32 unix time, now %d, ending at %d", a.Seconds, math.MaxUint32-now, now, uint32(math.MaxUint32))
		}
		err = r.World.SetNow(now + a.Seconds)
		if err != nil {
			err = r.errf(step.Pos, "wait: %v", err)
		}
	}
	return res, err
}

func (r *Runner) sender(ref Ref) (*address.Address, error) {
	addr, err := r.World.Wallet(ref.Name)
	if err != nil {
		return nil, r.errf(ref.Pos, "%v", err)
	}
	return addr, nil
}

func (r *Runner) deploy(d *Deploy, res *Result) error {
	ct, err := r.Catalog.ByName(d.Contract.Name)
	if err != nil {
		return r.errf(d.Contract.Pos, "%v", err)
	}
	from, err := r.sender(d.From)
	if err != nil {
		return err
	}
	data, err := r.initData(ct, d.Init, d.Data, d.Contract.Pos)
	if err != nil {
		return err
	}
	si := &tlb.StateInit{Code: ct.Code, Data: data}
	addr, err := actor.StateInitAddress(si)
	if err != nil {
		return r.errf(d.Name.Pos, "%v", err)
	}
	body, err := r.body(d.Payload, ct, d.Name.Pos)
	if err != nil {
		return err
	}
	// Name the account first, so the deployment's own transactions carry
	// the name; undo it if the send cannot go.
	start := r.World.Snapshot()
	if err := r.World.SetName(d.Name.Name, addr); err != nil {
		return r.errf(d.Name.Pos, "%v", err)
	}
	tr, err := r.World.Send(actor.Message{From: from, StateInit: si, Value: d.Value, NoBounce: d.NoBounce, Body: body})
	if err != nil {
		r.World.Restore(start)
		return r.errf(d.From.Pos, "deploy: %v", err)
	}
	res.Trace, res.Target = tr, addr
	res.Tx = on(tr, from, addr)
	return nil
}

func (r *Runner) send(s *Send, res *Result) error {
	from, err := r.sender(s.From)
	if err != nil {
		return err
	}
	to, err := r.address(s.To)
	if err != nil {
		return err
	}
	var ct *catalog.Contract
	if acc, err := r.World.Account(to); err == nil && acc.Code != nil {
		ct, _ = r.Catalog.ByCode(acc.Code)
	}
	body, err := r.body(s.Payload, ct, s.To.Pos)
	if err != nil {
		return err
	}
	tr, err := r.World.Send(actor.Message{From: from, To: to, Value: s.Value, NoBounce: s.NoBounce, Body: body})
	if err != nil {
		return r.errf(s.From.Pos, "send: %v", err)
	}
	res.Trace, res.Target = tr, to
	res.Tx = on(tr, from, to)
	return nil
}

// on returns the transaction on to that from's message started.
func on(tr *actor.Trace, from, to *address.Address) *actor.Transaction {
	for _, tx := range tr.Transactions {
		if tx.To.Equals(to) && tx.From != nil && tx.From.Equals(from) {
			return tx
		}
	}
	return nil
}

// body builds a message body: by the receiving contract's ABI, raw, as a
// comment, or empty (nil).
func (r *Runner) body(p Payload, ct *catalog.Contract, at Pos) (*tvmcell.Cell, error) {
	switch {
	case p.Body != nil:
		return p.Body, nil
	case p.Comment != nil:
		b := tvmcell.BeginCell()
		if err := errors.Join(b.StoreUInt(0, 32), b.StoreStringSnake(*p.Comment)); err != nil {
			return nil, r.errf(at, "a comment of %d bytes does not fit in a message: %v", len(*p.Comment), err)
		}
		return b.EndCell(), nil
	case p.Message == nil:
		return nil, nil
	}
	if ct == nil || ct.ABI() == nil {
		return nil, r.errf(p.Message.Pos, "message %s: the target runs code the scenario has no package for; give a body (BOC) instead", p.Message.Name)
	}
	t, err := ct.ABI().Type(p.Message.Name)
	if err != nil || t.Header == nil {
		return nil, r.errf(p.Message.Pos, "%s has no message %s%s (messages: %s)", ct.Name, quote(p.Message.Name), suggest(p.Message.Name, messages(ct.ABI())), joinNames(messages(ct.ABI())))
	}
	conv := r.converter(ct.ABI())
	fields, err := conv.fields(p.Fields, t.Fields, t.Name, "")
	if err != nil {
		return nil, err
	}
	c, err := ct.ABI().Encode(t.Name, fields)
	if err != nil {
		return nil, conv.locate(err, p.Message.Pos)
	}
	return c, nil
}

func messages(abi *cell.ABI) []string {
	var out []string
	for _, t := range abi.InternalMessages() {
		out = append(out, t.Name)
	}
	return out
}

func joinNames(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	s := names[0]
	for _, n := range names[1:] {
		s += ", " + n
	}
	return s
}

func (r *Runner) get(g *Get, res *Result) error {
	addr, err := r.address(g.On)
	if err != nil {
		return err
	}
	res.Target = addr
	out := &GetOutcome{Method: g.Method.Name}
	res.Get = out

	var ct *catalog.Contract
	if acc, err := r.World.Account(addr); err == nil && acc.Code != nil {
		ct, _ = r.Catalog.ByCode(acc.Code)
	}
	if ct == nil || ct.ABI() == nil {
		if g.Args != nil {
			return r.errf(g.Args.Pos, "%s runs code the scenario has no package for: its getters take no named arguments", g.On.Name)
		}
		st, err := r.World.Get(addr, g.Method.Name)
		if err == nil {
			out.Stack, out.GasUsed = st.Stack, st.GasUsed
		}
		out.Err = err
		return r.nameResult(g, out)
	}
	getter, err := ct.ABI().Getter(g.Method.Name)
	if err != nil {
		return r.errf(g.Method.Pos, "%s has no getter %s%s", ct.Name, quote(g.Method.Name), suggest(g.Method.Name, getterNames(ct.ABI())))
	}
	out.Contract, out.Type = ct, getter.ReturnType
	conv := r.converter(ct.ABI())
	args, err := conv.fields(g.Args, getter.Arguments, "the arguments of "+getter.Name, "")
	if err != nil {
		return err
	}
	stack, err := ct.ABI().GetterArgs(getter.Name, args)
	if err != nil {
		return conv.locate(err, g.Method.Pos)
	}
	out.Args = stack
	ran, err := r.World.Get(addr, getter.Name, stack...)
	if err != nil {
		var exit *actor.ExitError
		if !errors.As(err, &exit) {
			return r.errf(g.Method.Pos, "%v", err)
		}
		out.Err, out.GasUsed = err, exit.GasUsed
		return nil
	}
	out.GasUsed = ran.GasUsed
	if getter.ReturnType != nil {
		if out.Value, err = ct.ABI().FromGetterStack(*getter.ReturnType, ran.Stack); err != nil {
			out.Err = fmt.Errorf("get %s: %w", getter.Name, err)
		}
	}
	return r.nameResult(g, out)
}

// nameResult gives the address a getter returned the name its step asks
// for; a getter that failed or returned no address is the step's error.
func (r *Runner) nameResult(g *Get, out *GetOutcome) error {
	if g.Name == nil {
		return nil
	}
	if out.Err != nil {
		return r.errf(g.Name.Pos, "name %s: get %s on %s failed: %v", quote(g.Name.Name), g.Method.Name, g.On.Name, out.Err)
	}
	addr, ok := out.Value.(*address.Address)
	if out.Type == nil && len(out.Stack) == 1 {
		// Code without a package: a slice that is an address and no more.
		if sl, isSlice := out.Stack[0].(*tvmcell.Slice); isSlice {
			sl = sl.Copy()
			if a, err := sl.LoadAddr(); err == nil && sl.BitsLeft() == 0 && sl.RefsNum() == 0 {
				addr, ok = a, true
			}
		}
	}
	if !ok || addr == nil {
		return r.errf(g.Name.Pos, "name %s: get %s returns %s, not an address", quote(g.Name.Name), g.Method.Name, resultKind(out))
	}
	if err := r.World.SetName(g.Name.Name, addr); err != nil {
		return r.errf(g.Name.Pos, "name %s: %v", quote(g.Name.Name), err)
	}
	return nil
}

// resultKind says what a getter returned, for an error: its ABI type, or
// "a stack of N values" for code without a package.
func resultKind(out *GetOutcome) string {
	if out.Type != nil {
		return out.Type.String()
	}
	return fmt.Sprintf("a stack of %d values", len(out.Stack))
}

func getterNames(abi *cell.ABI) []string {
	var out []string
	for _, g := range abi.Getters {
		out = append(out, g.Name)
	}
	return out
}

func (r *Runner) preflight(p *Preflight, res *Result) error {
	req, err := r.upgradeRequest(p.On, p.To, p.From, p.Protocol, p.Fields)
	if err != nil {
		return err
	}
	if p.Layout != nil {
		req.Layout = p.Layout.LayoutOptions
	}
	if err := r.checkRenamed(p.Layout, req); err != nil {
		return err
	}
	report, err := upgradable.Preflight(r.World, req)
	if err != nil {
		return r.errf(p.On.Pos, "preflight: %v", err)
	}
	res.Target, res.Preflight = req.Contract, report
	if f := r.layoutFailure(p.Layout, report.Layout, nil); f != nil {
		res.Failures = append(res.Failures, *f)
	}
	return nil
}

func (r *Runner) upgrades(u *Upgrades, res *Result) error {
	addr, err := r.address(u.On)
	if err != nil {
		return err
	}
	req := upgradable.MatrixRequest{Contract: addr, Packages: r.Catalog}
	index := map[string]int{}
	for i, v := range u.Versions {
		ct, err := r.Catalog.ByName(v.Name)
		if err != nil {
			return r.errf(v.Pos, "%v", err)
		}
		if ct.Package == nil {
			return r.errf(v.Pos, "%s has no ABI, so its upgrade messages are unknown", v.Name)
		}
		if _, dup := index[v.Name]; dup {
			return r.errf(v.Pos, "%s is listed twice", v.Name)
		}
		index[v.Name] = i
		req.Versions = append(req.Versions, upgradable.Member{Name: v.Name, Package: ct.Package})
	}
	for _, s := range u.Supported {
		from, ok1 := index[s.From]
		to, ok2 := index[s.To]
		if !ok1 || !ok2 || from == to {
			return r.errf(s.Pos, "supported upgrade %s → %s: want two different versions of the list (%s)", s.From, s.To, strings.Join(refNames(u.Versions), ", "))
		}
		req.Supported = append(req.Supported, upgradable.Pair{From: from, To: to})
	}
	if u.From != nil {
		if req.Sender, err = r.sender(*u.From); err != nil {
			return err
		}
	}
	if u.Protocol != nil {
		if req.Protocol, err = r.Scenario.ProtocolByName(u.Protocol.Name); err != nil {
			return r.errf(u.Protocol.Pos, "%v", err)
		}
	} else if len(u.Versions) > 0 {
		req.Protocol = r.Scenario.DetectProtocol(req.Versions[0].Package.ABI)
	}
	m, err := upgradable.UpgradeMatrix(r.World, req)
	if err != nil {
		return r.errf(u.On.Pos, "upgrades: %v", err)
	}
	res.Target, res.Matrix = addr, m
	for _, p := range m.Failing() {
		pos := u.On.Pos
		for _, s := range u.Supported {
			if index[s.From] == p.From && index[s.To] == p.To {
				pos = s.Pos
			}
		}
		res.Failures = append(res.Failures, Failure{File: r.Scenario.Path, Pos: pos, Key: "supported",
			Want: fmt.Sprintf("%s → %s safe", u.Versions[p.From].Name, u.Versions[p.To].Name), Got: describe.MatrixCell(m, p)})
	}
	return nil
}

func refNames(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return out
}

func (r *Runner) upgrade(u *Upgrade, res *Result) error {
	req, err := r.upgradeRequest(u.On, u.To, u.From, u.Protocol, u.Fields)
	if err != nil {
		return err
	}
	if u.Layout != nil {
		// The gate follows a dry run of the upgrade on a fork where it
		// disagrees with the layout: the dry run ran the real code.
		req.Layout = u.Layout.LayoutOptions
		if err := r.checkRenamed(u.Layout, req); err != nil {
			return err
		}
		l, err := r.judgedLayout(req)
		if f := r.layoutFailure(u.Layout, l, err); f != nil {
			res.Target, res.Failures = req.Contract, append(res.Failures, *f)
			return nil // refused before anything is sent
		}
	}
	done, err := upgradable.Upgrade(r.World, req)
	if err != nil {
		return r.errf(u.On.Pos, "upgrade: %v", err)
	}
	trace := &actor.Trace{}
	for _, tr := range done.Traces {
		trace.Transactions = append(trace.Transactions, tr.Transactions...)
	}
	res.Trace, res.Target, res.Upgraded = trace, req.Contract, done
	if len(done.Steps) > 0 {
		res.Tx = done.Steps[len(done.Steps)-1]
	}
	return nil
}

// judgedLayout is the layout check of the upgrade req asks for, judged by
// a dry run of it on a fork of the world (a preflight); the static check
// when the dry run leaves none (the old code ran on: no new code read the
// data).
func (r *Runner) judgedLayout(req upgradable.Request) (*upgradable.LayoutCheck, error) {
	if report, err := upgradable.Preflight(r.World, req); err == nil && report.Layout != nil {
		return report.Layout, nil
	}
	return upgradable.LayoutOf(r.World, req)
}

// upgradeRequest resolves what a preflight and an upgrade name: the
// account, the code to upgrade to, the sender, the protocol and its fields.
func (r *Runner) upgradeRequest(on, to Ref, from, protocol *Ref, fields *Value) (upgradable.Request, error) {
	addr, err := r.address(on)
	if err != nil {
		return upgradable.Request{}, err
	}
	next, err := r.Catalog.ByName(to.Name)
	if err != nil {
		return upgradable.Request{}, r.errf(to.Pos, "%v", err)
	}
	req := upgradable.Request{Contract: addr, Code: next.Code, Next: next.Package, Packages: r.Catalog}
	if from != nil {
		if req.Sender, err = r.sender(*from); err != nil {
			return req, err
		}
	}
	if protocol != nil {
		if req.Protocol, err = r.Scenario.ProtocolByName(protocol.Name); err != nil {
			return req, r.errf(protocol.Pos, "%v", err)
		}
	} else if acc, err := r.World.Account(addr); err == nil && acc.Code != nil {
		if ct, err := r.Catalog.ByCode(acc.Code); err == nil {
			req.Protocol = r.Scenario.DetectProtocol(ct.ABI()) // the scenario's own first, else the ABI's built-in
		}
	}
	if fields != nil {
		if req.Fields, err = r.protocolFields(addr, req, fields); err != nil {
			return req, err
		}
	}
	return req, nil
}

// protocolFields converts the fields written for a protocol's messages by
// the types those messages give them in the contract's ABI; a data field
// written as a mapping gives fields of the new code's storage, the others
// carried over from the old.
func (r *Runner) protocolFields(addr *address.Address, req upgradable.Request, fields *Value) (map[string]any, error) {
	acc, err := r.World.Account(addr)
	if err != nil || acc.Code == nil {
		return nil, r.errf(fields.Pos, "the contract has no code, so its upgrade messages are unknown")
	}
	ct, err := r.Catalog.ByCode(acc.Code)
	if err != nil || ct.ABI() == nil {
		return nil, r.errf(fields.Pos, "the contract runs code the scenario has no package for: its upgrade messages' fields are unknown")
	}
	proto := req.Protocol
	if proto == nil {
		if proto, err = upgradable.DetectProtocol(ct.ABI()); err != nil {
			return nil, r.errf(fields.Pos, "%v", err)
		}
	}
	var known []cell.Field
	for _, step := range proto.Steps {
		if t, err := ct.ABI().Type(step.Message); err == nil {
			known = append(known, t.Fields...)
		}
	}
	out := map[string]any{}
	conv := r.converter(ct.ABI())
	for _, e := range fields.Entries {
		f, ok := field(known, e.Key)
		if !ok {
			return nil, r.errf(e.KeyPos, "the %s protocol's messages have no field %s%s (fields: %s)", proto.Name, quote(e.Key), suggest(e.Key, fieldNames(known)), strings.Join(fieldNames(known), ", "))
		}
		if f.Type.Type == "cell" && e.Value.Kind == Mapping && req.Next != nil {
			data, err := r.storageFields(req.Next, e.Value)
			if err != nil {
				return nil, err
			}
			out[e.Key] = data
			continue
		}
		v, err := conv.value(e.Value, f.Type, e.Key)
		if err != nil {
			return nil, err
		}
		out[e.Key] = v
	}
	return out, nil
}

// storageFields converts a mapping of some of pkg's storage fields; the
// upgrade carries the others over from the old storage.
func (r *Runner) storageFields(pkg *cell.Package, v *Value) (map[string]any, error) {
	def, err := pkg.ABI.StorageType()
	if err != nil {
		return nil, r.errf(v.Pos, "%s declares no storage: %v", pkg.Name, err)
	}
	return r.converter(pkg.ABI).fields(v, def.Fields, "the storage of "+pkg.Name, "")
}
