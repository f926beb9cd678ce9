package upgradable

import (
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// plan is one upgrade made ready to run: who sends what to whom, and which
// account it changes.
type plan struct {
	proto  *Protocol
	sender *address.Address
	value  tlb.Coins
	fields map[string]any
	// contract receives the messages and runs recipient's code; account
	// is the account whose code the upgrade replaces, running current's
	// code (code, with data).
	contract, account *address.Address
	recipient         *cell.Package
	current, next     *cell.Package
	code, data        *tvmcell.Cell
	packages          Packages
	// forward is the code the request upgrades to: fields given for
	// migrated data apply only to the upgrade towards it, not to a probe's
	// upgrade back.
	forward *tvmcell.Cell
	// waits, when set, records the wait before each step run.
	waits *[]uint32
}

// newPlan resolves a request against the world as it stands.
func newPlan(w *actor.World, req Request) (*plan, error) {
	acc, err := w.Account(req.Contract)
	if err != nil {
		return nil, err
	}
	if acc.Code == nil {
		return nil, fmt.Errorf("%w: %s is %s, with no code", ErrNoCodeToUpgrade, req.Contract.StringRaw(), acc.Status)
	}
	p := &plan{contract: req.Contract, account: req.Contract, value: req.Value, fields: req.Fields, next: req.Next, packages: req.Packages, forward: req.Code}
	if p.value.Nano().Sign() == 0 {
		p.value = DefaultUpgradeValue
	}
	p.recipient = p.packageOf(acc.Code)
	if p.recipient == nil && req.Packages == nil {
		p.recipient = req.Current
	}
	if p.proto = req.Protocol; p.proto == nil {
		var abi *cell.ABI
		if p.recipient != nil {
			abi = p.recipient.ABI
		}
		if p.proto, err = DetectProtocol(abi); err != nil {
			if w.IsWallet(req.Contract) {
				return nil, fmt.Errorf("%s is a wallet, not an upgradable contract", nameOf(w, req.Contract))
			}
			return nil, err
		}
	}
	if p.sender = req.Sender; p.sender == nil {
		if p.sender, err = owner(w, req.Contract); err != nil {
			return nil, err
		}
	}
	code, data := acc.Code, acc.Data
	if g := p.proto.Target.Getter; g != "" {
		if p.account, err = addressGetter(w, req.Contract, g); err != nil {
			return nil, fmt.Errorf("%s: finding the account the upgrade changes: %w", p.proto.Name, err)
		}
		target, err := w.Account(p.account)
		if err != nil {
			return nil, fmt.Errorf("%s: the account the upgrade changes: %w", p.proto.Name, err)
		}
		if target.Code == nil {
			return nil, fmt.Errorf("%w: %s is %s, with no code", ErrNoCodeToUpgrade, p.account.StringRaw(), target.Status)
		}
		code, data = target.Code, target.Data
	}
	p.code, p.data = code, data
	if p.current = req.Current; p.current == nil {
		p.current = p.packageOf(code)
	}
	return p, nil
}

func nameOf(w *actor.World, addr *address.Address) string {
	if n := w.NameOf(addr); n != "" {
		return n
	}
	return addr.StringRaw()
}

// packageOf finds code's package, nil when unknown.
func (p *plan) packageOf(code *tvmcell.Cell) *cell.Package {
	if p.packages == nil {
		return nil
	}
	return p.packages.PackageOf(code)
}

// addressGetter reads a getter returning an address.
func addressGetter(w *actor.World, addr *address.Address, getter string) (*address.Address, error) {
	res, err := w.Get(addr, getter)
	if err != nil {
		return nil, err
	}
	s, err := single[*tvmcell.Slice](res, getter)
	if err != nil {
		return nil, err
	}
	a, err := s.LoadAddr()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", getter, err)
	}
	if a.Type() != address.StdAddress {
		return nil, fmt.Errorf("%s returned no address", getter)
	}
	return a, nil
}

// run sends the protocol's steps towards code from sender, and returns
// each step's transaction on the contract.
func (p *plan) run(w *actor.World, code *tvmcell.Cell, sender *address.Address) ([]*actor.Transaction, error) {
	return p.runFrom(w, code, sender, sender)
}

// runFrom is run with the last step sent from last.
func (p *plan) runFrom(w *actor.World, code *tvmcell.Cell, sender, last *address.Address) ([]*actor.Transaction, error) {
	txs, _, err := p.runTraces(w, code, sender, last)
	return txs, err
}

// runTraces is runFrom with each step's whole trace.
func (p *plan) runTraces(w *actor.World, code *tvmcell.Cell, sender, last *address.Address) ([]*actor.Transaction, []*actor.Trace, error) {
	var txs []*actor.Transaction
	var traces []*actor.Trace
	sent := map[string]any{}
	for i, s := range p.proto.Steps {
		wait := int64(s.Wait)
		if s.WaitField != "" {
			wait += seconds(sent[s.WaitField])
		}
		if end := int64(math.MaxUint32 - w.Now()); wait > end {
			return nil, nil, fmt.Errorf("%s step %d: a wait of %d s passes the clock's end: the clock is a uint32 unix time, now %d, ending at %d (%d s away)", p.proto.Name, i+1, wait, w.Now(), uint32(math.MaxUint32), end)
		}
		if wait > 0 {
			if err := w.SetNow(w.Now() + uint32(wait)); err != nil {
				return nil, nil, fmt.Errorf("%s step %d: %w", p.proto.Name, i+1, err)
			}
		}
		if p.waits != nil {
			*p.waits = append(*p.waits, uint32(max(wait, 0)))
		}
		from := sender
		if i == len(p.proto.Steps)-1 {
			from = last
		}
		tx, tr, err := p.stepSent(w, s, code, from, sent)
		if err != nil {
			return nil, nil, err
		}
		txs, traces = append(txs, tx), append(traces, tr)
		if !tx.Success {
			break
		}
	}
	return txs, traces, nil
}

// step sends one step.
func (p *plan) step(w *actor.World, s Step, code *tvmcell.Cell, from, _ *address.Address) (*actor.Transaction, error) {
	tx, _, err := p.stepSent(w, s, code, from, map[string]any{})
	return tx, err
}

// stepSent sends one step and records the fields it sent.
func (p *plan) stepSent(w *actor.World, s Step, code *tvmcell.Cell, from *address.Address, sent map[string]any) (*actor.Transaction, *actor.Trace, error) {
	acc, err := w.Account(p.contract)
	if err != nil {
		return nil, nil, fmt.Errorf("upgrade: %w", err)
	}
	pkg := p.packageOf(acc.Code)
	if pkg == nil {
		pkg = p.recipient
	}
	if pkg == nil {
		return nil, nil, fmt.Errorf("%s: the contract runs code with no known ABI, so its %s cannot be built", p.proto.Name, s.Message)
	}
	body, fields, err := p.body(w, pkg, s, code)
	if err != nil {
		return nil, nil, err
	}
	for k, v := range fields {
		sent[k] = v
	}
	return sendTrace(w, from, p.contract, body, p.value)
}

// body builds a step's message by the contract's ABI.
func (p *plan) body(w *actor.World, pkg *cell.Package, s Step, code *tvmcell.Cell) (*tvmcell.Cell, map[string]any, error) {
	t, err := pkg.ABI.Type(s.Message)
	if err != nil || t.Header == nil {
		return nil, nil, fmt.Errorf("%s: %s has no message %s to send (it receives %s)", p.proto.Name, pkg.Name, s.Message, listOrNone(receivedNames(pkg.ABI)))
	}
	values := map[string]any{}
	for _, f := range t.Fields {
		v, err := p.arg(w, pkg, s, f, code)
		if err != nil {
			return nil, nil, err
		}
		values[f.Name] = v
	}
	c, err := pkg.ABI.Encode(t.Name, values)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s: %w", p.proto.Name, s.Message, err)
	}
	return c, values, nil
}

// arg is a step's field value: the request's, else the step's, else zero.
// For migrated data the request may give some of the new storage's fields
// instead, as a map[string]any over the ones carried from the old storage.
func (p *plan) arg(w *actor.World, pkg *cell.Package, s Step, f cell.Field, code *tvmcell.Cell) (any, error) {
	a, ok := s.Fields[f.Name]
	given, isGiven := p.fields[f.Name]
	if ok && a.Kind == ArgMigratedData && !sameCode(code, p.forward) {
		isGiven = false // the request's data is for the upgrade it asks for
	}
	if over, isMap := given.(map[string]any); isMap && isGiven && ok && a.Kind == ArgMigratedData {
		return p.migratedData(w, code, over)
	}
	if isGiven {
		return given, nil
	}
	if !ok {
		return pkg.ABI.Zero(f.Type), nil
	}
	switch a.Kind {
	case ArgNewCode:
		return code, nil
	case ArgNull:
		return nil, nil
	case ArgMigratedData:
		return p.migratedData(w, code, nil)
	}
	return a.Value, nil
}

// migratedData is the storage of code's package made from the account's
// storage as w holds it, field by field by name: over's value, else the old
// storage's, else zero (see [Report.Defaulted]). It is nil (keep the data)
// when either package is unknown or code is the one running now, unless
// over asks for fields, which then need both.
func (p *plan) migratedData(w *actor.World, code *tvmcell.Cell, over map[string]any) (any, error) {
	acc, err := w.Account(p.account)
	if err != nil || acc.Code == nil || sameCode(code, acc.Code) {
		return nil, nil
	}
	from, to := p.known(acc.Code), p.known(code)
	if from == nil || to == nil {
		if len(over) > 0 {
			return nil, fmt.Errorf("%s: the new data's fields need the packages of both the old and the new code", p.proto.Name)
		}
		return nil, nil
	}
	st, err := from.DecodeStorage(acc.Data)
	if err != nil || !st.Initialized {
		return nil, nil
	}
	def, err := to.ABI.StorageType()
	if err != nil {
		return nil, nil
	}
	fields := map[string]any{}
	for _, f := range def.Fields {
		if v, ok := over[f.Name]; ok {
			fields[f.Name] = v
		} else if v, err := st.Fields.Get(f.Name); err == nil {
			fields[f.Name] = v
		} else {
			fields[f.Name] = to.ABI.Zero(f.Type)
		}
	}
	for name := range over {
		if !slices.ContainsFunc(def.Fields, func(f cell.Field) bool { return f.Name == name }) {
			return nil, fmt.Errorf("%s: the new data: %s has no field %q", p.proto.Name, def.Name, name)
		}
	}
	data, err := to.EncodeStorage(&cell.Storage{Initialized: true, Fields: &cell.Struct{Type: def.Name, Fields: structFields(def, fields)}})
	if err != nil {
		return nil, fmt.Errorf("%s: the new data, field by field from the old: %w", p.proto.Name, err)
	}
	return data, nil
}

// defaulted names the fields of the new storage a migrated data step
// writes as zero: the old storage lacks them and the request does not
// give them. nil when no step migrates the data or a package is unknown.
func (p *plan) defaulted() []string {
	var over map[string]any
	migrates := false
	for _, s := range p.proto.Steps {
		for name, a := range s.Fields {
			if a.Kind != ArgMigratedData {
				continue
			}
			given, isGiven := p.fields[name]
			if over, migrates = given.(map[string]any); isGiven && !migrates {
				return nil // the request gives the data whole
			}
			migrates = true
		}
	}
	if !migrates || p.current == nil || p.next == nil {
		return nil
	}
	from, err1 := p.current.ABI.StorageType()
	to, err2 := p.next.ABI.StorageType()
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for _, f := range to.Fields {
		_, given := over[f.Name]
		if !given && !slices.ContainsFunc(from.Fields, func(g cell.Field) bool { return g.Name == f.Name }) {
			out = append(out, f.Name)
		}
	}
	return out
}

// known finds code's package among the request's and the catalog's.
func (p *plan) known(code *tvmcell.Cell) *cell.Package {
	for _, pkg := range []*cell.Package{p.current, p.next} {
		if pkg != nil && sameCode(pkg.Code, code) {
			return pkg
		}
	}
	return p.packageOf(code)
}

func structFields(def *cell.TypeDef, values map[string]any) []cell.FieldValue {
	out := make([]cell.FieldValue, len(def.Fields))
	for i, f := range def.Fields {
		out[i] = cell.FieldValue{Name: f.Name, Type: f.Type, Value: values[f.Name]}
	}
	return out
}

// runs reports whether the upgraded account runs code.
func (p *plan) runs(w *actor.World, code *tvmcell.Cell) bool {
	acc, err := w.Account(p.account)
	return err == nil && sameCode(acc.Code, code)
}

// version reads the upgraded account's version as the protocol says.
func (p *plan) version(w *actor.World) (Version, error) {
	return ReadVersion(w, p.account, p.proto.Version)
}

// ReadVersion reads a contract's version from the getter src names.
func ReadVersion(w Getter, addr *address.Address, src VersionSource) (Version, error) {
	if src.Kind == VersionTypeAndVersion && (src.Getter == "" || src.Getter == GetterTypeAndVersion) {
		return TypeAndVersion(w, addr)
	}
	res, err := w.Get(addr, src.Getter)
	if err != nil {
		return Version{}, err
	}
	if len(res.Stack) != 1 {
		return Version{}, fmt.Errorf("%s returned %d values, want 1", src.Getter, len(res.Stack))
	}
	var text string
	switch v := res.Stack[0].(type) {
	case *tvmcell.Slice:
		text, err = v.Copy().LoadStringSnake()
	case *tvmcell.Cell:
		s, perr := v.BeginParseWithoutTrace()
		if perr != nil {
			return Version{}, perr
		}
		text, err = s.LoadStringSnake()
	default:
		return Version{}, fmt.Errorf("%s returned %T, want a string", src.Getter, v)
	}
	if err != nil {
		return Version{}, fmt.Errorf("%s: %w", src.Getter, err)
	}
	if src.Kind == VersionTypeAndVersion {
		return ParseTypeAndVersion(text)
	}
	return Version{Version: text}, nil
}

// seconds reads a field's value as a count of seconds, 0 when it is none.
func seconds(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	case uint32:
		return int64(n)
	case uint64:
		return int64(min(n, 1<<62))
	case *big.Int:
		if n.IsInt64() {
			return n.Int64()
		}
	case string:
		if b, ok := new(big.Int).SetString(n, 0); ok && b.IsInt64() {
			return b.Int64()
		}
	}
	return 0
}

// receivedNames are the message types abi's contract receives.
func receivedNames(abi *cell.ABI) []string {
	var out []string
	for _, t := range abi.InternalMessages() {
		out = append(out, t.Name)
	}
	return out
}
