package tui

import (
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// state is the world as the view shows it, read in one world operation and
// never changed after: the accounts with their storage and getters, the
// transaction log and where the timeline stands.
type state struct {
	accounts []*accountInfo
	// txs is the timeline's history, oldest first; log the lines of it
	// described so far.
	txs []*actor.Transaction
	log history
	// at, base and total place the world in its timeline (see [timeline]).
	at, base, total int
	// playing is set while a scenario still plays in the background.
	playing bool
	// names maps raw addresses to the names the world gives them.
	names map[string]string
	// wallets are the names of the world's wallets, sorted.
	wallets []string
	// commits are the world's commits.
	commits commitsState
	// err is what went wrong reading the world, if anything.
	err error
	// ops counts the world operations so far (reinstalls, migrations).
	ops int
}

// travelling reports whether the world shows a past point.
func (s *state) travelling() bool { return s.at < s.total }

// forkText says what a send from the point the world shows does to the
// later history: it forks, and the later transactions (and the messages in
// flight) stay on the old branch, which z brings back.
func (s *state) forkText() string {
	later := describe.Count(s.total-s.at, "later transaction")
	if n := s.inFlight(); n > 0 {
		later += " and " + describe.Count(n, "message") + " in flight"
	}
	return "forks history, keeping " + later + " on a branch (z)"
}

// inFlight counts the messages in flight at the point the world shows:
// sent by a transaction up to it, delivered by one after it. Only the
// send the point cuts through has any.
func (s *state) inFlight() int {
	if s.at <= 0 || s.at >= len(s.txs) {
		return 0
	}
	start := s.at
	for start > 0 && s.txs[start-1].Parent != nil {
		start--
	}
	if start > 0 {
		start-- // the send's first transaction
	}
	done := map[*actor.Transaction]bool{}
	for _, tx := range s.txs[start:s.at] {
		done[tx] = true
	}
	count := 0
	for _, tx := range s.txs[s.at:] {
		if tx.Parent == nil {
			break
		}
		if done[tx.Parent] {
			count++
		}
	}
	return count
}

// lt is the logical time of the n-th transaction, 0 for none.
func (s *state) lt(n int) uint64 {
	if n < 1 || n > len(s.txs) {
		return 0
	}
	return s.txs[n-1].LT
}

// account returns the account at addr, nil when there is none.
func (s *state) account(addr *address.Address) *accountInfo {
	if addr == nil {
		return nil
	}
	for _, a := range s.accounts {
		if a.addr.Equals(addr) {
			return a
		}
	}
	return nil
}

// nameOf is addr's name, or its short form.
func (s *state) nameOf(addr *address.Address) string {
	if addr == nil {
		return ""
	}
	if n := s.names[addr.StringRaw()]; n != "" {
		return n
	}
	return describe.Short(addr)
}

// NameOf implements describe.Namer: addr's name at the state's point.
func (s *state) NameOf(addr *address.Address) string {
	if addr == nil {
		return ""
	}
	return s.names[addr.StringRaw()]
}

// printer writes values with the state's names, each named address with
// its short form.
func (s *state) printer() describe.Printer {
	return describe.Printer{Names: s, WithAddress: true}
}

// lookup returns the address of the account called name, nil for none.
func (s *state) lookup(name string) *address.Address {
	addr, _ := s.Lookup(name)
	return addr
}

// Lookup returns the address of the account called name, as the world
// named it when the state was read: forms resolve names without asking the
// world, which may be busy.
func (s *state) Lookup(name string) (*address.Address, error) {
	for raw, n := range s.names {
		if n == name && name != "" {
			return address.ParseRawAddr(raw)
		}
	}
	return nil, fmt.Errorf("%w %q", errUnknownName, name)
}

// accountInfo is one account as it stands at the state's point.
type accountInfo struct {
	addr    *address.Address
	name    string // "" when unnamed
	wallet  bool
	status  string
	balance string
	// codeHash is the code's hash in hex; contract the catalog's contract
	// for it, nil when unknown.
	codeHash string
	contract *catalog.Contract
	// version is what type_and_version says, versionErr why it said
	// nothing (nil for an account without the getter).
	version    string
	versionErr error
	// storage is the data decoded by the contract's package; raw its cell
	// tree; storageErr why it could not be decoded.
	storage    *cell.Storage
	storageErr error
	raw        string
	data       *tvmcell.Cell
	// pending is set when the data is a lazy-migration envelope: inner is
	// the old data it holds, decoded by whichever contract reads it.
	pending bool
	inner   *cell.Storage
	getters []getterInfo
	// ops are the world operations done on the account so far, worded
	// (see operationLines).
	ops [][]string
}

// label is the account's name, or its short address.
func (a *accountInfo) label() string {
	if a.name != "" {
		return a.name
	}
	return describe.Short(a.addr)
}

// getterInfo is one getter of an account's ABI and its value now.
type getterInfo struct {
	name string
	args []cell.Field
	// given are the arguments the user gave, as typed; nil when the getter
	// takes arguments and none were given yet.
	given map[string]string
	value any
	err   error
}

// needsArgs reports whether the getter waits for arguments.
func (g getterInfo) needsArgs() bool { return len(g.args) > 0 && g.given == nil }

// getterKey names one getter of one account.
type getterKey struct{ addr, getter string }

// getterArgs are the arguments given to getters that take some, kept so the
// getters are evaluated again after every transaction.
type getterArgs map[getterKey]map[string]string

func (g getterArgs) clone() getterArgs {
	out := make(getterArgs, len(g))
	for k, v := range g {
		out[k] = v
	}
	return out
}

// state reads the world as it stands.
func (s *session) state(args getterArgs) *state {
	st := &state{at: s.tl.at, base: s.tl.base, total: s.tl.len(), txs: s.tl.txs, log: s.tl.hist, playing: s.play != nil, names: map[string]string{},
		ops: len(s.world.Operations())}
	for _, n := range s.world.Names() {
		addr, err := s.world.Lookup(n)
		if err != nil {
			continue
		}
		st.names[addr.StringRaw()] = n
		if s.world.IsWallet(addr) {
			st.wallets = append(st.wallets, n)
		}
	}
	sort.Strings(st.wallets)
	st.commits = s.commitsState()

	accounts, err := s.world.Accounts()
	if err != nil {
		st.err = err
	}
	for _, acc := range accounts {
		st.accounts = append(st.accounts, s.accountInfo(acc, st.names, args))
	}
	sortAccounts(st.accounts)
	return st
}

// sortAccounts puts contracts before wallets, named before unnamed, each by
// name or address.
func sortAccounts(accs []*accountInfo) {
	sort.SliceStable(accs, func(i, j int) bool {
		a, b := accs[i], accs[j]
		if a.wallet != b.wallet {
			return !a.wallet
		}
		if (a.name == "") != (b.name == "") {
			return a.name != ""
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.addr.StringRaw() < b.addr.StringRaw()
	})
}

func (s *session) accountInfo(acc *actor.Account, names map[string]string, args getterArgs) *accountInfo {
	a := &accountInfo{
		addr:    acc.Address,
		name:    names[acc.Address.StringRaw()],
		wallet:  s.world.IsWallet(acc.Address),
		status:  describe.Status(acc.Status),
		balance: describe.TON(acc.Balance.Nano()),
		ops:     operationLines(s.cat, s.world.Operations(), acc.Address),
	}
	if acc.Code == nil {
		return a
	}
	a.codeHash = hex.EncodeToString(acc.Code.Hash())
	a.contract, _ = s.cat.ByCode(acc.Code)
	if acc.Data != nil {
		a.raw, a.data = cell.Print(acc.Data), acc.Data
		if old, err := upgradable.Envelope(acc.Data); err == nil {
			a.pending = true
			a.inner = s.cat.DecodeAny(old)
		}
	}
	if a.wallet {
		return a
	}
	if a.contract == nil || a.contract.ABI() == nil {
		return a
	}
	abi := a.contract.ABI()
	if acc.Data != nil {
		a.storage, a.storageErr = a.contract.Package.DecodeStorage(acc.Data)
	}
	if _, err := abi.Getter(upgradable.GetterTypeAndVersion); err == nil {
		v, err := upgradable.TypeAndVersion(s.world, acc.Address)
		a.version, a.versionErr = v.String(), err
		if err != nil {
			a.version = ""
		}
	}
	for _, g := range abi.Getters {
		gi := getterInfo{name: g.Name, args: g.Arguments}
		if len(g.Arguments) > 0 {
			gi.given = args[getterKey{acc.Address.StringRaw(), g.Name}]
			if gi.given == nil {
				a.getters = append(a.getters, gi)
				continue
			}
		}
		gi.value, gi.err = s.world.GetTyped(acc.Address, abi, g.Name, s.resolveArgs(gi.args, gi.given))
		a.getters = append(a.getters, gi)
	}
	return a
}

// resolveArgs turns typed getter arguments into values GetTyped takes:
// a name stands for its account's address.
func (s *session) resolveArgs(fields []cell.Field, given map[string]string) map[string]any {
	out := make(map[string]any, len(given))
	for _, f := range fields {
		v, ok := given[f.Name]
		if !ok {
			continue
		}
		out[f.Name] = resolveValue(f.Type, v, s.world, s.cat)
	}
	return out
}
