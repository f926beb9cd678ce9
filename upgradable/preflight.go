package upgradable

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultUpgradeValue is what a dry-run Upgrade message carries.
var DefaultUpgradeValue = tlb.MustFromTON("0.05")

// Request asks [Preflight] about one upgrade.
type Request struct {
	// Contract is the upgradable contract.
	Contract *address.Address
	// Code is the code to upgrade to.
	Code *tvmcell.Cell
	// Next is Code's package, when known: getters and the migrated
	// storage are read by it.
	Next *cell.Package
	// Current is the package of the code running now, when known: the
	// storage and getters before are read by it.
	Current *cell.Package
	// Sender sends the Upgrade; nil means the address the contract's
	// owner getter returns, which must be a wallet of the world.
	Sender *address.Address
	// Value is what the Upgrade carries; zero means [DefaultUpgradeValue].
	Value tlb.Coins
}

// Verdict is what a preflight concludes.
type Verdict int

const (
	// Safe: the upgrade goes through and the new code's init migrates the
	// data.
	Safe Verdict = iota
	// Rejected: the contract refuses the Upgrade itself (a stranger's
	// upgrade fails with 132); nothing would change.
	Rejected
	// Bricked: the upgrade goes through, but the new code's init fails on
	// the data, so every later message and getter fails with the same exit
	// code, a further Upgrade included. Nothing can repair the contract.
	Bricked
)

// verdictKeys are the verdicts as scenarios and JSON write them.
var verdictKeys = map[Verdict]string{Safe: "safe", Rejected: "rejected", Bricked: "bricked"}

// Key is the verdict as scenarios and JSON write it: safe, rejected,
// bricked. Package describe puts verdicts into words.
func (v Verdict) Key() string {
	if k, ok := verdictKeys[v]; ok {
		return k
	}
	return fmt.Sprintf("verdict(%d)", int(v))
}

func (v Verdict) String() string { return v.Key() }

// Verdicts returns every verdict's key, in order.
func Verdicts() []string {
	out := make([]string, 0, len(verdictKeys))
	for v := Safe; int(v) < len(verdictKeys); v++ {
		out = append(out, v.Key())
	}
	return out
}

// ParseVerdict reads a verdict's key.
func ParseVerdict(key string) (Verdict, error) {
	for v, k := range verdictKeys {
		if k == key {
			return v, nil
		}
	}
	return 0, fmt.Errorf("verdict %q is not one of %s", key, strings.Join(Verdicts(), ", "))
}

// GetterChange is one getter both versions have, evaluated before the
// upgrade and after it (through the migration). A getter that failed holds
// its error instead of a value.
type GetterChange struct {
	Name                string
	Before, After       any
	BeforeErr, AfterErr error
}

// Report is what [Preflight] found. The world it ran on is unchanged.
type Report struct {
	Contract *address.Address
	Sender   *address.Address
	Verdict  Verdict
	// ExitCode and Meaning explain a Rejected or Bricked verdict.
	ExitCode int64
	Meaning  string

	// Before and After are the type_and_version the contract reports
	// before and after; After is zero unless Safe.
	Before, After Version

	// Upgrade is the dry run's Upgrade transaction. Migration is an empty
	// message the dry run sends next, so that the new code's init runs in a
	// transaction and its result is committed (getters run init too, but
	// keep nothing). Retry is a second Upgrade, back to the current code,
	// which shows whether the contract can still be upgraded.
	Upgrade   *actor.Transaction
	Migration *actor.Transaction
	Retry     *actor.Transaction
	// Upgradable is false when the new code refuses a further Upgrade
	// although its data migrates: it can never be upgraded again.
	Upgradable bool

	// StorageBefore is the data now, read by Current; StorageAfter the
	// data the Migration committed, read by Next. Either is nil when
	// unknown (StorageAfter also when the new code refuses an empty message).
	StorageBefore, StorageAfter *cell.Storage
	// Getters compares every getter without arguments both versions have.
	Getters []GetterChange
	// Layout says which struct of Next's ABI matches the storage Next's
	// init will receive; nil without both packages.
	Layout *LayoutCheck
}

// Preflight dry-runs an upgrade on a fork of w: it sends the Upgrade, lets
// the new code's init(stateToBeMigrated) run on the current data, and reports
// whether that succeeds, how the getters change, and what the migrated
// storage holds. w itself is not touched.
func Preflight(w *actor.World, req Request) (*Report, error) {
	if req.Contract == nil || req.Code == nil {
		return nil, errors.New("preflight needs a contract and the code to upgrade to")
	}
	acc, err := w.Account(req.Contract)
	if err != nil {
		return nil, err
	}
	if acc.Code == nil {
		return nil, fmt.Errorf("%w: %s is %s", actor.ErrNoCode, req.Contract.StringRaw(), acc.Status)
	}
	sender := req.Sender
	if sender == nil {
		if sender, err = owner(w, req.Contract); err != nil {
			return nil, err
		}
	}
	value := req.Value
	if value.Nano().Sign() == 0 {
		value = DefaultUpgradeValue
	}

	r := &Report{Contract: req.Contract, Sender: sender, Upgradable: true}
	r.Before, _ = TypeAndVersion(w, req.Contract)
	if req.Current != nil {
		r.StorageBefore, _ = req.Current.DecodeStorage(acc.Data)
		if req.Next != nil {
			r.Layout = CheckLayout(req.Current, req.Next, acc.Data)
		}
	}
	before := getters(w, req.Contract, req.Current)

	fork := w.Fork()
	if r.Upgrade, err = send(fork, sender, req.Contract, UpgradeBody(req.Code), value); err != nil {
		return nil, err
	}
	if !r.Upgrade.Success {
		r.Verdict = Rejected
		r.ExitCode, r.Meaning = failure(r.Upgrade, req.Current)
		return r, nil
	}

	after := getters(fork, req.Contract, req.Next)
	r.Getters = compare(req.Current, req.Next, before, after)
	r.After, _ = TypeAndVersion(fork, req.Contract)

	if r.Migration, err = send(fork, sender, req.Contract, nil, value); err != nil {
		return nil, err
	}
	if r.Migration.Success && req.Next != nil {
		r.StorageAfter, _ = req.Next.DecodeStorage(r.Migration.DataAfter)
	}
	if r.Retry, err = send(fork, sender, req.Contract, UpgradeBody(acc.Code), value); err != nil {
		return nil, err
	}
	if r.Retry.Success {
		return r, nil
	}
	if migrated(after) || r.Migration.Success {
		// The data migrates, yet the new code refuses the Upgrade: it is
		// alive but can never be upgraded again.
		r.Upgradable = false
		return r, nil
	}
	r.Verdict = Bricked
	r.ExitCode, r.Meaning = failure(r.Retry, req.Next)
	r.After = Version{}
	return r, nil
}

// send has from send body (nil: an empty body) to the contract and returns
// the contract's transaction.
func send(w *actor.World, from, to *address.Address, body *tvmcell.Cell, value tlb.Coins) (*actor.Transaction, error) {
	tr, err := w.Send(actor.Message{From: from, To: to, Value: value, Body: body})
	if err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	for _, tx := range tr.Transactions {
		if tx.To.Equals(to) && tx.From != nil && tx.From.Equals(from) {
			return tx, nil
		}
	}
	return nil, fmt.Errorf("dry run: no transaction reached %s", to.StringRaw())
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
		return nil, fmt.Errorf("finding the upgrade's sender (set Request.Sender): %w", err)
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
		return nil, fmt.Errorf("%w: the owner %s is not a wallet of this world; set Request.Sender", actor.ErrUnknownWallet, addr.StringRaw())
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

// migrated reports whether any getter ran after the upgrade: Tact runs
// init before every getter, so one success means init succeeded.
func migrated(after map[string]getterResult) bool {
	for _, r := range after {
		if r.err == nil {
			return true
		}
	}
	return false
}

// compare lists the getters both versions have, in Next's order.
func compare(current, next *cell.Package, before, after map[string]getterResult) []GetterChange {
	if current == nil || next == nil {
		return nil
	}
	var out []GetterChange
	for _, g := range next.ABI.Getters {
		b, inBefore := before[g.Name]
		a, inAfter := after[g.Name]
		if !inBefore || !inAfter {
			continue
		}
		out = append(out, GetterChange{Name: g.Name, Before: b.value, After: a.value, BeforeErr: b.err, AfterErr: a.err})
	}
	return out
}
