package upgradable

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultUpgradeValue is what each message of a dry run carries.
var DefaultUpgradeValue = tlb.MustFromTON("0.05")

// Packages finds the package of a code: a catalog's contracts.
type Packages interface {
	PackageOf(code *tvmcell.Cell) *cell.Package
}

// Request asks [Preflight] about one upgrade.
type Request struct {
	// Contract is the contract the upgrade's messages go to.
	Contract *address.Address
	// Code is the code to upgrade to.
	Code *tvmcell.Cell
	// Next is Code's package, when known: getters and the migrated storage
	// are read by it.
	Next *cell.Package
	// Current is the package of the code the upgraded account runs now,
	// when known (nil: found through Packages).
	Current *cell.Package
	// Protocol is how the contract upgrades; nil means the one its ABI
	// declares ([DetectProtocol]).
	Protocol *Protocol
	// Packages finds the packages of the contract's and the upgraded
	// account's code (a proxy's child's, say); nil knows only Current.
	Packages Packages
	// Fields give the protocol's messages fields by name, over its own
	// values: a time lock's timeout, a direct upgrade's data.
	Fields map[string]any
	// Sender sends the messages; nil means the address the contract's
	// owner getter returns, which must be a wallet of the world.
	Sender *address.Address
	// Value is what each message carries; zero means [DefaultUpgradeValue].
	Value tlb.Coins
	// Layout waives findings of the layout check on purpose.
	Layout LayoutOptions
}

// ProbeKind names what a preflight tried after the upgrade.
type ProbeKind int

// probeKeys are the probes as scenarios name them.
var probeKeys = map[ProbeKind]string{ProbeUpgradeBack: "upgrade_back", ProbeRollback: "rollback", ProbeAgain: "again",
	ProbeBackToBack: "back_to_back", ProbeStranger: "stranger", ProbeReplay: "replay"}

// Key is the probe as scenarios name it: upgrade_back, rollback, again,
// back_to_back, stranger, replay.
func (k ProbeKind) Key() string { return probeKeys[k] }

// ProbeKeys returns every probe's key, in order.
func ProbeKeys() []string {
	out := make([]string, 0, len(probeKeys))
	for k := ProbeUpgradeBack; int(k) < len(probeKeys); k++ {
		out = append(out, k.Key())
	}
	return out
}

const (
	// ProbeUpgradeBack: the protocol again, back to the old code.
	ProbeUpgradeBack ProbeKind = iota
	// ProbeRollback: the old code working after that upgrade back.
	ProbeRollback
	// ProbeAgain: the protocol once more, to the new code, after the rollback.
	ProbeAgain
	// ProbeBackToBack: a second upgrade right after the first, before any
	// message (a lazy protocol's envelope nested in another).
	ProbeBackToBack
	// ProbeStranger: a stranger sending the protocol's last step.
	ProbeStranger
	// ProbeReplay: the last step of a protocol of several sent again after
	// the upgrade.
	ProbeReplay
)

// Probe is one thing a preflight tried on a copy of the world after the
// upgrade, and how it went. Package describe puts it into words.
type Probe struct {
	Kind ProbeKind
	OK   bool
	// ExitCode explains a probe that failed on a transaction or getter
	// that failed with one (0 otherwise).
	ExitCode int64
	Meaning  string
	// Refused is set when the failure was a step the contract refused, as
	// opposed to code that did not change or data the code cannot read.
	Refused bool
	// Migrating is set when a refused upgrade is an eager protocol's last
	// step: the code upgraded to migrates inside that transaction, so the
	// refusal may be its migrate not taking the data, not the running code
	// refusing upgrades.
	Migrating bool
	// Step is the message of the protocol the probe is about.
	Step string
	// Err is what stopped the probe, when it could not run.
	Err error
}

// Report is what [Preflight] found. The world it ran on is unchanged.
type Report struct {
	// Contract is where the messages went; Account the account whose code
	// the upgrade replaces (the contract itself, or a proxy's child).
	Contract, Account *address.Address
	Sender            *address.Address
	Protocol          *Protocol
	Verdict           Verdict
	// ExitCode and Meaning explain a Rejected or Bricked verdict; Step is
	// the protocol step that was rejected (from 1).
	ExitCode int64
	Meaning  string
	Step     int
	// RolledBack is set when an eager upgrade's own transaction failed
	// because its migration threw, so the whole upgrade was undone; not
	// when the old code refused it before the new code ran (an upgrade to
	// the running code's own code is refused the same way, at the same
	// gas): its pre-upgrade check.
	RolledBack bool
	// Tried and WayOut look at a Rejected upgrade the owner sent: Tried
	// are the messages the contract receives (the protocol's own aside)
	// that the preflight sent, each with every field zero and on a fork of
	// its own, before trying the upgrade again; WayOut those after which
	// it was no longer refused so (an Unlock). When none did, Upgradable is
	// false.
	Tried, WayOut []string
	// CodeChanged reports whether Account runs the new code after the
	// protocol's messages.
	CodeChanged bool
	// SameCode is set when the new code is the code Account runs already:
	// the upgrade replaces the code with itself, which a lazy protocol
	// still wraps the data for (its migration then reads the data as the
	// version before's).
	SameCode bool

	// Before and After are the versions the account reports before and
	// after; After is zero unless Safe.
	Before, After Version

	// Steps are the dry run's transactions on the contract, one per step;
	// Upgrade is the last (the one that replaced the code). Migration is a
	// message sent after a lazy upgrade, so that the new code's init runs
	// in a transaction and its result is committed.
	Steps     []*actor.Transaction
	Upgrade   *actor.Transaction
	Migration *actor.Transaction

	// Upgradable is false when the new code refuses a further upgrade:
	// it can never be upgraded again; for a Rejected upgrade, when the
	// running code refuses it and none of the messages Tried changes that
	// (a pre-upgrade check that always fails). An eager protocol's refused upgrade
	// back does not clear it: the old code's migrate refused the data
	// (the probe is Migrating). Probes says what the preflight tried
	// after the upgrade: another upgrade back to the old code and its
	// health, the new code once more, a second upgrade right after this one,
	// a stranger sending the last step, the last step sent again.
	Upgradable bool
	Probes     []Probe

	// MigrationGas is the gas the migration used (a lazy upgrade's next
	// transaction, an eager one's upgrade transaction; 0 when the data does
	// not migrate); GasLimit what that transaction could use, MaxGas the
	// most any transaction may (config param 21). StateCells is the size
	// of the state it migrated. One run says nothing of how the gas grows
	// with the state: a migration that moves a map whole costs the same at
	// any size, one that walks its entries grows with them.
	MigrationGas, GasLimit, MaxGas int64
	StateCells                     int64

	// Defaulted names the new storage's fields a protocol that writes the
	// migrated data itself (direct) wrote as zero: the old storage has no
	// such field and the request gave none. A field default the source
	// declares (Tact's step: Int = 1) is code, not data, and does not
	// apply.
	Defaulted []string

	// StorageBefore is the data now, read by Current; StorageAfter the
	// data after the migration, read by Next. Either is nil when unknown.
	StorageBefore, StorageAfter *cell.Storage
	// Getters compares every getter without arguments both versions have.
	Getters []GetterChange
	// Layout compares the storage with what the new code reads; nil
	// without both packages.
	Layout *LayoutCheck
	// Reinstall is set when the upgrade bricks the account and no upgrade
	// back rescues it: only a reinstall (actor.World.Reinstall: the same
	// address and balance, fresh data) would make it usable again, losing
	// StorageBefore.
	Reinstall bool
}

// Transactions are the dry run's transactions on the contract, in order:
// each step's, then the migration's when a lazy upgrade ran one.
func (r *Report) Transactions() []*actor.Transaction {
	out := append([]*actor.Transaction(nil), r.Steps...)
	if r.Migration != nil {
		out = append(out, r.Migration)
	}
	return out
}

// Replaced is the dry run's transaction that replaced Account's code: the
// Upgrade itself, or for a protocol whose target is another account (a
// proxy's child) the transaction the Upgrade caused on it; nil when the
// dry run ran none. It is the run to trace for an upgrade that migrates
// nothing or migrates inside it (an eager upgrade).
func (r *Report) Replaced() *actor.Transaction {
	if r.Upgrade == nil || r.Account == nil || r.Upgrade.To.Equals(r.Account) {
		return r.Upgrade
	}
	queue := append([]*actor.Transaction(nil), r.Upgrade.Children...)
	for len(queue) > 0 {
		tx := queue[0]
		queue = queue[1:]
		if tx.To.Equals(r.Account) {
			return tx
		}
		queue = append(queue, tx.Children...)
	}
	return r.Upgrade
}

// Warnings are the probes that failed and matter whatever the verdict.
func (r *Report) Warnings() []Probe {
	var out []Probe
	for _, p := range r.Probes {
		if !p.OK {
			out = append(out, p)
		}
	}
	return out
}

// ErrNoCodeToUpgrade is returned when the upgraded account holds no code.
var ErrNoCodeToUpgrade = errors.New("nothing to upgrade")

// Preflight dry-runs an upgrade on a fork of w: it sends the protocol's
// messages, checks that the right account's code became the new code,
// lets the migration run, compares every getter before and after, and
// probes whether the contract stays upgradable. w itself is not touched.
func Preflight(w *actor.World, req Request) (*Report, error) {
	if req.Contract == nil || req.Code == nil {
		return nil, errors.New("preflight needs a contract and the code to upgrade to")
	}
	p, err := newPlan(w, req)
	if err != nil {
		return nil, err
	}
	r := &Report{Contract: req.Contract, Account: p.account, Sender: p.sender, Protocol: p.proto, Upgradable: true, SameCode: sameCode(req.Code, p.code)}
	r.Before, _ = p.version(w)
	if p.current != nil {
		r.StorageBefore, _ = p.current.DecodeStorage(p.data)
		if req.Next != nil {
			r.Layout = CheckLayout(p.current, req.Next, p.data, p.proto, req.Layout)
		}
	}
	before := getters(w, p.account, p.current)

	fork := w.Fork()
	if r.Steps, err = p.run(fork, req.Code, p.sender); err != nil {
		return nil, err
	}
	r.Upgrade = r.Steps[len(r.Steps)-1]
	if i := failed(r.Steps); i >= 0 {
		r.Verdict, r.Step = Rejected, i+1
		r.ExitCode, r.Meaning = failure(r.Steps[i], p.recipient)
		r.RolledBack = p.proto.Migration == MigrationEager && i == len(r.Steps)-1 &&
			!p.refusedWhateverTheCode(w, req.Code, i, r.Steps[i])
		r.Layout.judge(r) // rolled back: the new code's migration ran, and failed
		if !r.RolledBack {
			p.probeWayOut(r, w, req.Code)
		}
		return r, nil
	}
	if r.CodeChanged = p.runs(fork, req.Code); !r.CodeChanged {
		r.Verdict, r.Layout = NoOp, nil // no new code reads the data
		return r, nil
	}
	right := fork.Fork() // the moment right after the upgrade

	after := getters(fork, p.account, req.Next)
	r.Getters = compare(p.current, req.Next, before, after)
	r.After, _ = p.version(fork)
	migration := r.Upgrade
	if p.proto.Migration == MigrationLazy {
		if r.Migration, err = send(fork, p.sender, p.account, nil, p.value); err != nil {
			return nil, err
		}
		migration = r.Migration
	}
	if acc, err := fork.Account(p.account); err == nil && req.Next != nil {
		r.StorageAfter, _ = req.Next.DecodeStorage(acc.Data)
	}
	if bricked(after, r.Migration) {
		r.Verdict, r.After = Bricked, Version{}
		r.ExitCode, r.Meaning = brickExit(after, r.Migration, req.Next)
		r.Layout.judge(r)
		// Can an upgrade back rescue it?
		back := p.probeUpgrade(fork, ProbeUpgradeBack, p.code, req.Next)
		r.Probes, r.Upgradable = append(r.Probes, back), back.OK || back.Migrating
		r.Reinstall = !r.Upgradable
		return r, nil
	}
	r.Layout.judge(r)
	r.Defaulted = p.defaulted()
	if p.proto.Migration != MigrationNone {
		r.gas(fork, migration, p.data)
	}

	p.probeAgain(r, fork.Fork(), req)
	p.probeBackToBack(r, right)
	p.probeStranger(r, w.Fork(), req.Code)
	p.probeReplay(r, fork.Fork())
	return r, nil
}

// failed returns the index of the first failed transaction, -1 for none.
func failed(txs []*actor.Transaction) int {
	for i, tx := range txs {
		if !tx.Success {
			return i
		}
	}
	return -1
}

// bricked reports whether the new code fails on the data: every getter
// failed (Tact runs init before each) and the migration message, when one
// was sent, too.
func bricked(after map[string]getterResult, migration *actor.Transaction) bool {
	if migration != nil && migration.Success {
		return false
	}
	if len(after) == 0 {
		return migration != nil
	}
	for _, g := range after {
		if g.err == nil {
			return false
		}
	}
	return true
}

// brickExit is the exit code a bricked contract fails with.
func brickExit(after map[string]getterResult, migration *actor.Transaction, next *cell.Package) (int64, string) {
	if migration != nil {
		return failure(migration, next)
	}
	for _, g := range after {
		var exit *actor.ExitError
		if errors.As(g.err, &exit) {
			return exit.Code, Meaning(exit.Code, next)
		}
	}
	return 0, ""
}

// gas measures the migration against the limits that apply.
func (r *Report) gas(w *actor.World, tx *actor.Transaction, data *tvmcell.Cell) {
	r.MigrationGas = tx.GasUsed
	if p, err := tx.Phases(); err == nil {
		if vm, ok := p.ComputePhase.Phase.(tlb.ComputePhaseVM); ok && vm.Details.GasLimit != nil {
			r.GasLimit = vm.Details.GasLimit.Int64()
		}
	}
	if g, err := w.GasLimits(); err == nil {
		r.MaxGas = int64(g.GasLimit)
	}
	r.StateCells = cellCount(data)
}

// cellCount counts the distinct cells of a tree.
func cellCount(c *tvmcell.Cell) int64 {
	if c == nil {
		return 0
	}
	seen := map[string]bool{}
	var walk func(c *tvmcell.Cell)
	walk = func(c *tvmcell.Cell) {
		key := string(c.Hash())
		if seen[key] {
			return
		}
		seen[key] = true
		for i := 0; i < int(c.RefsNum()); i++ {
			if ref, err := c.PeekRef(i); err == nil {
				walk(ref)
			}
		}
	}
	walk(c)
	return int64(len(seen))
}

// probeAgain upgrades back to the old code, checks the old code works,
// and upgrades to the new code once more.
func (p *plan) probeAgain(r *Report, fork *actor.World, req Request) {
	back := p.probeUpgrade(fork, ProbeUpgradeBack, p.code, p.current)
	r.Probes = append(r.Probes, back)
	if !back.OK {
		r.Upgradable = back.Migrating
		return
	}
	health := p.probeHealth(fork, ProbeRollback, p.current)
	r.Probes = append(r.Probes, health)
	if health.OK {
		r.Probes = append(r.Probes, p.probeUpgrade(fork, ProbeAgain, req.Code, req.Next))
	}
}

// probeUpgrade runs the protocol on fork towards code.
func (p *plan) probeUpgrade(fork *actor.World, kind ProbeKind, code *tvmcell.Cell, pkg *cell.Package) Probe {
	txs, err := p.run(fork, code, p.sender)
	if err != nil {
		return Probe{Kind: kind, Err: err}
	}
	if i := failed(txs); i >= 0 {
		exit, meaning := failure(txs[i], pkg)
		migrating := p.proto.Migration == MigrationEager && i == len(txs)-1
		return Probe{Kind: kind, ExitCode: exit, Meaning: meaning, Refused: true, Migrating: migrating, Step: p.proto.Steps[i].Message}
	}
	if !p.runs(fork, code) {
		return Probe{Kind: kind}
	}
	return Probe{Kind: kind, OK: true}
}

// probeHealth checks that the account works with pkg's code: a getter, or
// for a lazy protocol a message, succeeds.
func (p *plan) probeHealth(fork *actor.World, kind ProbeKind, pkg *cell.Package) Probe {
	gs := getters(fork, p.account, pkg)
	var tx *actor.Transaction
	if p.proto.Migration == MigrationLazy {
		var err error
		if tx, err = send(fork, p.sender, p.account, nil, p.value); err != nil {
			return Probe{Kind: kind, Err: err}
		}
	}
	if bricked(gs, tx) {
		exit, meaning := brickExit(gs, tx, pkg)
		return Probe{Kind: kind, ExitCode: exit, Meaning: meaning}
	}
	return Probe{Kind: kind, OK: true}
}

// probeBackToBack upgrades again right after the upgrade, before any
// message: a lazy protocol then wraps its pending envelope in a second one,
// which no init reads.
func (p *plan) probeBackToBack(r *Report, fork *actor.World) {
	if p.proto.Migration != MigrationLazy {
		return
	}
	if _, err := p.run(fork, p.code, p.sender); err != nil {
		return
	}
	acc, err := fork.Account(p.account)
	if err != nil {
		return
	}
	if inner, err := p.proto.PendingData(acc.Data); err == nil {
		if _, err := p.proto.PendingData(inner); err == nil {
			r.Probes = append(r.Probes, Probe{Kind: ProbeBackToBack})
			return
		}
	}
	r.Probes = append(r.Probes, Probe{Kind: ProbeBackToBack, OK: true})
}

// probeStranger sends the protocol's steps but the last from the sender,
// the last from a stranger: a contract that lets the stranger finish the
// upgrade can be upgraded by anyone.
func (p *plan) probeStranger(r *Report, fork *actor.World, code *tvmcell.Cell) {
	stranger, err := fork.NewWallet(strangerName(fork))
	if err != nil {
		return
	}
	txs, err := p.runFrom(fork, code, p.sender, stranger)
	if err != nil {
		return
	}
	last := p.proto.Steps[len(p.proto.Steps)-1].Message
	if failed(txs) < 0 && p.runs(fork, code) {
		r.Probes = append(r.Probes, Probe{Kind: ProbeStranger, Step: last})
		return
	}
	r.Probes = append(r.Probes, Probe{Kind: ProbeStranger, OK: true, Step: last})
}

// strangerName is a wallet name the world does not use.
func strangerName(w *actor.World) string {
	name := "preflight stranger"
	for i := 2; ; i++ {
		if _, err := w.Lookup(name); err != nil {
			return name
		}
		name = fmt.Sprintf("preflight stranger %d", i)
	}
}

// probeReplay sends the last step of a protocol of several steps again
// after the upgrade: a request that is not cleared can be confirmed twice.
func (p *plan) probeReplay(r *Report, fork *actor.World) {
	if len(p.proto.Steps) < 2 {
		return
	}
	last := p.proto.Steps[len(p.proto.Steps)-1]
	tx, err := p.step(fork, last, p.code, p.sender, p.sender)
	if err != nil {
		return
	}
	if tx.Success {
		r.Probes = append(r.Probes, Probe{Kind: ProbeReplay, Step: last.Message})
		return
	}
	r.Probes = append(r.Probes, Probe{Kind: ProbeReplay, OK: true, Step: last.Message})
}

// send has from send body (nil: an empty body) to the contract and returns
// the contract's transaction.
func send(w *actor.World, from, to *address.Address, body *tvmcell.Cell, value tlb.Coins) (*actor.Transaction, error) {
	tx, _, err := sendTrace(w, from, to, body, value)
	return tx, err
}

// sendTrace is send with the whole trace of the send.
func sendTrace(w *actor.World, from, to *address.Address, body *tvmcell.Cell, value tlb.Coins) (*actor.Transaction, *actor.Trace, error) {
	tr, err := w.Send(actor.Message{From: from, To: to, Value: value, Body: body})
	if err != nil {
		return nil, nil, fmt.Errorf("upgrade: %w", err)
	}
	for _, tx := range tr.Transactions {
		if tx.To.Equals(to) && tx.From != nil && tx.From.Equals(from) {
			return tx, tr, nil
		}
	}
	return nil, nil, fmt.Errorf("upgrade: no transaction reached %s", to.StringRaw())
}

// owner reads the Ownable trait's owner getter and checks it is a wallet
// the dry run can send from.
func owner(w *actor.World, contract *address.Address) (*address.Address, error) {
	if w.IsWallet(contract) {
		name := w.NameOf(contract)
		if name == "" {
			name = contract.StringRaw()
		}
		return nil, fmt.Errorf("%s is a wallet, not an upgradable contract", name)
	}
	res, err := w.Get(contract, "owner")
	if err != nil {
		return nil, fmt.Errorf("finding the upgrade's sender: the owner getter does not answer (is the contract bricked already?); name the sender: %w", err)
	}
	s, err := single[*tvmcell.Slice](res, "owner")
	if err != nil {
		return nil, err
	}
	addr, err := s.LoadAddr()
	if err != nil {
		return nil, fmt.Errorf("owner: %w", err)
	}
	if !w.IsWallet(addr) {
		return nil, fmt.Errorf("%w: the owner %s is not a wallet of this world; name the sender", actor.ErrUnknownWallet, addr.StringRaw())
	}
	return addr, nil
}

// failure explains why tx failed, with the package's own error messages
// when it has them.
func failure(tx *actor.Transaction, pkg *cell.Package) (int64, string) {
	var exit *actor.ExitError
	if !errors.As(tx.Err(), &exit) {
		return 0, ""
	}
	return exit.Code, Meaning(exit.Code, pkg)
}

// Meaning explains an exit code: the package's ABI errors first (Tact's
// 130 "Invalid incoming message", 132 "Access denied", the contract's own
// require() messages), then the TVM's table.
func Meaning(code int64, pkg *cell.Package) string {
	if pkg == nil {
		return actor.ExitCodeMeaning(code)
	}
	return actor.ExitMeaning(code, pkg.ABI)
}

type getterResult struct {
	value any
	err   error
}

// getters evaluates every argument-less getter of pkg's ABI.
func getters(w *actor.World, addr *address.Address, pkg *cell.Package) map[string]getterResult {
	out := map[string]getterResult{}
	if pkg == nil {
		return out
	}
	for _, g := range pkg.ABI.Getters {
		if len(g.Arguments) > 0 {
			continue
		}
		v, err := w.GetTyped(addr, pkg.ABI, g.Name, nil)
		out[g.Name] = getterResult{v, err}
	}
	return out
}

// GetterChange is one getter both versions have, evaluated before the
// upgrade and after it (through the migration). A getter that failed holds
// its error instead of a value.
type GetterChange struct {
	Name                string
	Before, After       any
	BeforeErr, AfterErr error
}

// ErrNewGetter is a getter change's BeforeErr when only the new code has
// the getter.
var ErrNewGetter = errors.New("the old code has no such getter")

// compare lists the getters the new version has, in Next's order: a getter
// the old one lacks has ErrNewGetter before.
func compare(current, next *cell.Package, before, after map[string]getterResult) []GetterChange {
	if current == nil || next == nil {
		return nil
	}
	var out []GetterChange
	for _, g := range next.ABI.Getters {
		b, inBefore := before[g.Name]
		a, inAfter := after[g.Name]
		if !inAfter {
			continue
		}
		if !inBefore {
			if _, err := current.ABI.Getter(g.Name); err == nil {
				continue
			}
			b = getterResult{err: ErrNewGetter}
		}
		out = append(out, GetterChange{Name: g.Name, Before: b.value, After: a.value, BeforeErr: b.err, AfterErr: a.err})
	}
	return out
}

// sameCode reports whether two cells are the same code.
func sameCode(a, b *tvmcell.Cell) bool {
	return a != nil && b != nil && bytes.Equal(a.Hash(), b.Hash())
}
