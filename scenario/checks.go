package scenario

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/tlb"
)

// form is how a check's value is written, and so what it parses into.
type form int

const (
	formInt      form = iota // an integer in any YAML form, or {min, max}
	formBool                 // true or false
	formCoins                // TON as a decimal ("1.5"), nanotons ("1500000000n" or {nano: …}), or {min, max}
	formHash                 // 64 hex digits
	formOp                   // an opcode (integer) or a message type of the target's ABI
	formAccount              // a wallet or account name, or an address
	formVerdict              // safe, rejected, bricked
	formVersion              // "2.0.0" or "v2.0.0"
	formStatus               // active, uninit, frozen, nonexist
	formFields               // a mapping of fields, checked one by one
	formResult               // a getter's result: a value, or a mapping of a struct's fields
	formEvents               // a list of {type, fields}
	formMatchers             // a list of transaction matchers
	formName                 // a name, as written
	formProbes               // a list of probe names
	formNames                // a list of names, as written
	formRoot                 // a state root: 64 hex digits, or a commit's name
)

// formText says how a value of the form is written, for the reference.
var formText = map[form]string{
	formInt:      "integer (`0x1f`, `1_000`) or `{min, max}`",
	formBool:     "`true` or `false`",
	formCoins:    "TON (`\"1.5\"`), nanotons (`1500000000n`, `{nano: …}`) or `{min, max}`",
	formHash:     "64 hex digits",
	formOp:       "opcode or message type (`Step`)",
	formAccount:  "wallet or account name, or address",
	formVerdict:  strings.Join(upgradable.Verdicts(), ", "),
	formVersion:  "`2.0.0` or `v2.0.0`",
	formStatus:   "active, uninit, frozen, nonexist",
	formFields:   "mapping of fields",
	formResult:   "value, or mapping of a struct's fields",
	formEvents:   "list of `{type, fields}`",
	formMatchers: "list of matchers",
	formName:     "a name",
	formProbes:   "list of " + strings.Join(upgradable.ProbeKeys(), ", "),
	formNames:    "list of field names",
	formRoot:     "64 hex digits, or a commit's name",
}

// checkDef is one kind of check: its key, how its value is written, which
// steps take it, and what it checks. The table below is the only list of
// checks: the parser, the runner and the reference (doc.go, the README)
// all read it.
type checkDef struct {
	key   string
	form  form
	lo    int64 // bounds of a formInt
	hi    int64
	steps []string
	// matcher says the check may also select a transaction in
	// has_transaction.
	matcher bool
	doc     string
}

// txSteps are the steps that send a message; an upgrade's checks read the
// transaction of its last message on the contract.
var txSteps = []string{"deploy", "send", "upgrade"}

// checks is the table of checks, in the order the reference lists them.
var checks = []checkDef{
	{key: "exit_code", form: formInt, lo: math.MinInt32, hi: math.MaxInt32, steps: []string{"deploy", "send", "upgrade", "get", "preflight"}, matcher: true,
		doc: "the compute phase's exit code (a getter's, a preflight's failure)"},
	{key: "action_code", form: formInt, lo: math.MinInt32, hi: math.MaxInt32, steps: txSteps, matcher: true,
		doc: "the action phase's result code (0 when it did not run or succeeded)"},
	{key: "success", form: formBool, steps: txSteps, matcher: true, doc: "both the compute and the action phase succeeded"},
	{key: "aborted", form: formBool, steps: txSteps, matcher: true, doc: "the transaction's aborted flag: its state changes were discarded"},
	{key: "deployed", form: formBool, steps: txSteps, matcher: true, doc: "the account became active in this transaction"},
	{key: "bounced", form: formBool, steps: txSteps, matcher: true,
		doc: "the step's message came back to its sender as a bounce (in a matcher: the inbound message is a bounce)"},
	{key: "gas_used", form: formInt, lo: 0, hi: math.MaxInt64, steps: []string{"deploy", "send", "upgrade", "get"}, matcher: true, doc: "gas the compute phase (or the getter) used"},
	{key: "op", form: formOp, steps: txSteps, matcher: true, doc: "the inbound message's opcode, or its type by the receiver's ABI"},
	{key: "from", form: formAccount, matcher: true, doc: "the sender (matchers only)"},
	{key: "to", form: formAccount, matcher: true, doc: "the receiver (matchers only)"},
	{key: "lt", form: formInt, lo: 0, hi: math.MaxInt64, steps: txSteps, matcher: true, doc: "the transaction's logical time"},
	{key: "data_hash", form: formHash, steps: withOps(txSteps), matcher: true, doc: "the hash of the account's data after"},
	{key: "code_hash", form: formHash, steps: withOps(txSteps), matcher: true, doc: "the hash of the account's code after"},
	{key: "storage", form: formFields, steps: withOps(txSteps), doc: "the target's storage after, decoded, field by field (data init() has not run on yet, after a reinstall say, shows the init arguments)"},
	{key: "events", form: formEvents, steps: txSteps, matcher: true, doc: "the events the transaction emitted, in order, by type and fields"},
	{key: "balance", form: formCoins, steps: withOps(txSteps), matcher: true, doc: "the account's balance after"},
	{key: "status", form: formStatus, steps: txSteps, matcher: true, doc: "the account's status after: frozen once its storage due passes the config's limit"},
	{key: "storage_due", form: formCoins, steps: txSteps, matcher: true, doc: "storage fees the account could not pay and owes after the transaction"},
	{key: "fees", form: formCoins, steps: txSteps, matcher: true, doc: "the transaction's total fees"},
	{key: "value_in", form: formCoins, steps: txSteps, matcher: true, doc: "the value the inbound message carried"},
	{key: "value_out", form: formCoins, steps: txSteps, matcher: true, doc: "the value of the internal messages it sent"},
	{key: "skipped_actions", form: formInt, lo: 0, hi: math.MaxUint16, steps: txSteps, matcher: true, doc: "actions the action phase skipped"},
	{key: "out_messages", form: formInt, lo: 0, hi: math.MaxUint16, steps: txSteps, matcher: true, doc: "messages the transaction sent, events included"},
	{key: "transactions", form: formInt, lo: 0, hi: math.MaxInt64, steps: withOps(txSteps), doc: "how many transactions the step's send ran"},
	{key: "has_transaction", form: formMatchers, steps: txSteps,
		doc: "each matcher (a mapping of the checks marked ✓) holds for some transaction of the send, as @ton/test-utils' toHaveTransaction"},
	{key: "lost", form: formFields, steps: worldOpSteps, doc: "the storage a reinstall discarded (a migration: the old account's, as its steps left it), decoded by the old code's package, field by field; of a pending migration, the storage inside its envelope"},
	{key: "migrated", form: formBool, steps: []string{"migrate"}, doc: "the migration went through; false: a failed transaction in its steps undid all of it (a migration undone unexpectedly fails the step)"},
	{key: "result", form: formResult, steps: []string{"get"}, doc: "the getter's result, decoded by the ABI"},
	{key: "verdict", form: formVerdict, steps: []string{"preflight"}, doc: "the preflight's verdict"},
	{key: "version", form: formVersion, steps: []string{"preflight", "upgrade"}, doc: "the version that runs after the upgrade"},
	{key: "protocol", form: formName, steps: []string{"preflight", "upgrade"}, doc: "the upgrade protocol used: the one named, or the one the contract's ABI declares"},
	{key: "code_changed", form: formBool, steps: []string{"preflight", "upgrade"}, doc: "the account the upgrade had to change runs the new code after its messages"},
	{key: "stays_upgradable", form: formBool, steps: []string{"preflight"}, doc: "the new code accepts a further upgrade: an upgrade back to the old code goes through (or, for an eager protocol, only the old code's migrate refuses it)"},
	{key: "rolled_back", form: formBool, steps: []string{"preflight"}, doc: "an eager upgrade's migration failed in its own transaction, so nothing changed"},
	{key: "migration_gas", form: formInt, lo: 0, hi: math.MaxInt64, steps: []string{"preflight"}, doc: "the gas the migration used (0 when the data does not migrate)"},
	{key: "warnings", form: formProbes, steps: []string{"preflight"}, doc: "exactly the probes that failed after the upgrade (an empty list: none)"},
	{key: "defaulted", form: formNames, steps: []string{"preflight"}, doc: "exactly the new storage's fields an upgrade that writes the data (direct) sets to zero: the old data has no such field and the upgrade's fields give none"},
	{key: "state_root", form: formRoot, steps: []string{"deploy", "send", "upgrade", "commit", "session"},
		doc: "the world's state root after the step: the hash of every account, written out or named by a commit (the root it recorded)"},
}

// checkByKey finds a check of the table.
func checkByKey(key string) *checkDef {
	for i := range checks {
		if checks[i].key == key {
			return &checks[i]
		}
	}
	return nil
}

// stepChecks lists the keys a step takes, in table order.
func stepChecks(step string) []string {
	var out []string
	for _, c := range checks {
		for _, s := range c.steps {
			if s == step {
				out = append(out, c.key)
			}
		}
	}
	return out
}

// matcherChecks lists the keys a has_transaction matcher takes.
func matcherChecks() []string {
	var out []string
	for _, c := range checks {
		if c.matcher {
			out = append(out, c.key)
		}
	}
	return out
}

// Want is what a check expects, parsed: [IntWant], [BoolWant], [CoinsWant],
// [HashWant], [OpWant], [AccountWant], [VerdictWant], [VersionWant],
// [FieldsWant], [EventsWant], [MatchersWant] or [RootWant]. String writes it as the
// file did, for failure messages.
type Want interface {
	String() string
	want()
}

// IntWant is an integer, or a range when Min or Max differ.
type IntWant struct{ Min, Max *big.Int }

// BoolWant is true or false.
type BoolWant bool

// CoinsWant is an amount of nanotons, or a range; nil ends are open.
type CoinsWant struct{ Min, Max *big.Int }

// HashWant is a cell hash.
type HashWant []byte

// OpWant is an opcode, or a message type to look up in the receiver's ABI.
type OpWant struct {
	Op   uint32
	Type string
}

// AccountWant is a wallet or account by name, or an address.
type AccountWant struct{ Ref }

// VerdictWant is a preflight verdict.
type VerdictWant upgradable.Verdict

// VersionWant is a version, without a leading v.
type VersionWant string

// StatusWant is an account status, as TL-B names it.
type StatusWant tlb.AccountStatus

// TextWant is a name, as written.
type TextWant string

// ProbesWant is the set of a preflight's probes that fail.
type ProbesWant []upgradable.ProbeKind

// NamesWant is a list of names, in order.
type NamesWant []string

// FieldsWant is a value as written, matched against a decoded one field by
// field (storage) or as a whole (a getter's result).
type FieldsWant struct{ *Value }

// EventWant is one expected event: its type and, optionally, fields.
type EventWant struct {
	Type   string
	Fields *Value
	Pos    Pos
}

// EventsWant is the events a transaction emits, in order.
type EventsWant []EventWant

// Matcher selects a transaction of a send by its checks.
type Matcher struct {
	Pos    Pos
	Checks []*Check
}

// MatchersWant is a list of matchers, each of which some transaction of
// the send must satisfy.
type MatchersWant []Matcher

func (IntWant) want()      {}
func (BoolWant) want()     {}
func (CoinsWant) want()    {}
func (HashWant) want()     {}
func (OpWant) want()       {}
func (AccountWant) want()  {}
func (VerdictWant) want()  {}
func (VersionWant) want()  {}
func (StatusWant) want()   {}
func (TextWant) want()     {}
func (ProbesWant) want()   {}
func (NamesWant) want()    {}
func (FieldsWant) want()   {}
func (EventsWant) want()   {}
func (MatchersWant) want() {}

func (w IntWant) String() string {
	switch {
	case w.Min != nil && w.Max != nil && w.Min.Cmp(w.Max) == 0:
		return w.Min.String()
	case w.Min == nil:
		return "at most " + w.Max.String()
	case w.Max == nil:
		return "at least " + w.Min.String()
	}
	return "between " + w.Min.String() + " and " + w.Max.String()
}

func (w BoolWant) String() string { return fmt.Sprint(bool(w)) }

func (w CoinsWant) String() string {
	ton := describe.TON
	switch {
	case w.Min != nil && w.Max != nil && w.Min.Cmp(w.Max) == 0:
		return ton(w.Min)
	case w.Min == nil:
		return "at most " + ton(w.Max)
	case w.Max == nil:
		return "at least " + ton(w.Min)
	}
	return "between " + ton(w.Min) + " and " + ton(w.Max)
}

func (w HashWant) String() string { return hex.EncodeToString(w) }

func (w OpWant) String() string {
	if w.Type != "" {
		return w.Type
	}
	return describe.OpText(w.Op)
}

func (w AccountWant) String() string { return w.Name }

func (w VerdictWant) String() string { return upgradable.Verdict(w).Key() }

func (w VersionWant) String() string { return string(w) }

func (w StatusWant) String() string { return describe.Status(tlb.AccountStatus(w)) }

func (w TextWant) String() string { return string(w) }

func (w NamesWant) String() string { return "[" + strings.Join(w, ", ") + "]" }

func (w ProbesWant) String() string {
	parts := make([]string, len(w))
	for i, k := range w {
		parts[i] = k.Key()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// statuses are the account statuses a status check names.
var statuses = []tlb.AccountStatus{tlb.AccountStatusActive, tlb.AccountStatusUninit, tlb.AccountStatusFrozen, tlb.AccountStatusNonExist}

func (w FieldsWant) String() string { return w.Value.String() }

func (w EventsWant) String() string {
	parts := make([]string, len(w))
	for i, e := range w {
		parts[i] = e.Type
		if e.Fields != nil {
			parts[i] += " " + e.Fields.String()
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (w MatchersWant) String() string {
	parts := make([]string, len(w))
	for i, m := range w {
		parts[i] = m.String()
	}
	return strings.Join(parts, "; ")
}

// String writes the matcher as a mapping of its checks.
func (m Matcher) String() string {
	parts := make([]string, len(m.Checks))
	for i, c := range m.Checks {
		parts[i] = c.Key + ": " + c.Want.String()
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// parseWant reads a check's value by its form.
func (p *parser) parseWant(def *checkDef, v *Value) (Want, error) {
	errf := func(format string, args ...any) error {
		return &Error{File: p.file, Pos: v.Pos, Msg: def.key + " " + fmt.Sprintf(format, args...)}
	}
	switch def.form {
	case formInt:
		return p.intWant(def, v)
	case formBool:
		if v.Kind == Scalar && !v.Quoted {
			switch v.Text {
			case "true":
				return BoolWant(true), nil
			case "false":
				return BoolWant(false), nil
			}
		}
		return nil, errf("must be true or false, not %s", v.describeKind())
	case formCoins:
		return p.coinsWant(def, v)
	case formHash:
		if v.Kind == Scalar {
			if h, err := hex.DecodeString(v.Text); err == nil && len(h) == 32 {
				return HashWant(h), nil
			}
		}
		return nil, errf("must be 64 hex digits, not %s", v.describeKind())
	case formOp:
		if v.Kind != Scalar || v.Text == "" {
			return nil, errf("must be an opcode or a message type, not %s", v.describeKind())
		}
		if n, ok := parseInt(v.Text); ok {
			if n.Sign() < 0 || n.BitLen() > 32 {
				return nil, errf("opcode %s does not fit 32 bits", v.Text)
			}
			return OpWant{Op: uint32(n.Uint64())}, nil
		}
		return OpWant{Type: v.Text}, nil
	case formAccount:
		if v.Kind != Scalar || strings.TrimSpace(v.Text) == "" {
			return nil, errf("must be a wallet or account name, or an address, not %s", v.describeKind())
		}
		return AccountWant{Ref{Name: v.Text, Pos: v.Pos}}, nil
	case formVerdict:
		if v.Kind == Scalar {
			if verdict, err := upgradable.ParseVerdict(v.Text); err == nil {
				return VerdictWant(verdict), nil
			}
		}
		return nil, errf("%s is not one of %s", v.describeKind(), strings.Join(upgradable.Verdicts(), ", "))
	case formVersion:
		if v.Kind != Scalar || v.Text == "" {
			return nil, errf("must be a version such as 2.0.0, not %s", v.describeKind())
		}
		return VersionWant(strings.TrimPrefix(v.Text, "v")), nil
	case formStatus:
		for _, st := range statuses {
			if v.Kind == Scalar && strings.EqualFold(v.Text, describe.Status(st)) {
				return StatusWant(st), nil
			}
		}
		return nil, errf("must be active, uninit, frozen or nonexist, not %s", v.describeKind())
	case formFields:
		if v.Kind != Mapping {
			return nil, errf("must be a mapping of fields, not %s", v.describeKind())
		}
		return FieldsWant{v}, nil
	case formResult:
		return FieldsWant{v}, nil
	case formEvents:
		return p.eventsWant(def, v)
	case formMatchers:
		return p.matchersWant(def, v)
	case formName:
		if v.Kind != Scalar || v.Text == "" {
			return nil, errf("must be a name, not %s", v.describeKind())
		}
		return TextWant(v.Text), nil
	case formProbes:
		return p.probesWant(def, v)
	case formRoot:
		if w, ok := rootWant(v); ok {
			return w, nil
		}
		return nil, errf("must be 64 hex digits or a commit's name, not %s", v.describeKind())
	case formNames:
		if v.Kind != List {
			return nil, errf("must be a list of names, not %s", v.describeKind())
		}
		out := NamesWant{}
		for _, item := range v.Items {
			if item.Kind != Scalar || item.Text == "" {
				return nil, &Error{File: p.file, Pos: item.Pos, Msg: fmt.Sprintf("%s: want a name, not %s", def.key, item.describeKind())}
			}
			out = append(out, item.Text)
		}
		return out, nil
	}
	return nil, errf("unknown form")
}

// parseInt reads an integer in any form YAML and Go write one: see
// [cell.ParseInt].
func parseInt(s string) (*big.Int, bool) {
	n, err := cell.ParseInt(s)
	return n, err == nil
}

func (p *parser) intWant(def *checkDef, v *Value) (Want, error) {
	one := func(v *Value) (*big.Int, error) {
		if v.Kind == Scalar {
			if n, ok := parseInt(v.Text); ok {
				if n.Cmp(big.NewInt(def.lo)) < 0 || n.Cmp(big.NewInt(def.hi)) > 0 {
					return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s %s is out of range [%d, %d]", def.key, v.Text, def.lo, def.hi)}
				}
				return n, nil
			}
		}
		return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s must be an integer (42, 0x2a, 1_000), not %s", def.key, v.describeKind())}
	}
	if v.Kind == Mapping {
		lo, hi, err := p.bounds(def, v, one)
		if err != nil {
			return nil, err
		}
		return IntWant{Min: lo, Max: hi}, nil
	}
	n, err := one(v)
	if err != nil {
		return nil, err
	}
	return IntWant{Min: n, Max: n}, nil
}

// bounds reads {min, max}, either optional but not both.
func (p *parser) bounds(def *checkDef, v *Value, one func(*Value) (*big.Int, error)) (lo, hi *big.Int, err error) {
	for _, e := range v.Entries {
		switch e.Key {
		case "min":
			lo, err = one(e.Value)
		case "max":
			hi, err = one(e.Value)
		default:
			err = &Error{File: p.file, Pos: e.KeyPos, Msg: fmt.Sprintf("%s: unknown key %s in a range%s (want min, max)", def.key, quote(e.Key), suggest(e.Key, []string{"min", "max"}))}
		}
		if err != nil {
			return nil, nil, err
		}
	}
	switch {
	case lo == nil && hi == nil:
		return nil, nil, &Error{File: p.file, Pos: v.Pos, Msg: def.key + ": a range needs min, max or both"}
	case lo != nil && hi != nil && lo.Cmp(hi) > 0:
		return nil, nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s: min %s is more than max %s", def.key, lo, hi)}
	}
	return lo, hi, nil
}

func (p *parser) coinsWant(def *checkDef, v *Value) (Want, error) {
	if v.Kind == Mapping && v.Get("nano") == nil {
		lo, hi, err := p.bounds(def, v, func(v *Value) (*big.Int, error) { return p.coinsValue(def.key, v) })
		if err != nil {
			return nil, err
		}
		return CoinsWant{Min: lo, Max: hi}, nil
	}
	n, err := p.coinsValue(def.key, v)
	if err != nil {
		return nil, err
	}
	return CoinsWant{Min: n, Max: n}, nil
}

// coinsValue reads an amount the one way tonsim reads amounts
// ([cell.ParseCoins]), or {nano: N}.
func (p *parser) coinsValue(what string, v *Value) (*big.Int, error) {
	if v.Kind == Mapping && len(v.Entries) == 1 && v.Entries[0].Key == "nano" {
		n := v.Entries[0].Value
		if n.Kind == Scalar {
			if x, ok := parseInt(n.Text); ok && x.Sign() >= 0 {
				if err := cell.CheckCoins(n.Text, x); err != nil {
					return nil, &Error{File: p.file, Pos: n.Pos, Msg: fmt.Sprintf("%s: nano %v", what, err), Err: err}
				}
				return x, nil
			}
		}
		return nil, &Error{File: p.file, Pos: n.Pos, Msg: fmt.Sprintf("%s: nano must be a whole number of nanotons, not %s", what, n.describeKind())}
	}
	if v.Kind == Scalar {
		n, err := cell.ParseCoins(v.Text)
		if err != nil {
			return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s %v", what, err), Err: err}
		}
		return n, nil
	}
	return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf(`%s must be an amount of TON such as "0.05" (or nanotons, "50000000n"), not %s`, what, v.describeKind())}
}

func (p *parser) eventsWant(def *checkDef, v *Value) (Want, error) {
	if v.Kind != List {
		return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s must be a list of events ({type: Name, fields: {…}}), not %s", def.key, v.describeKind())}
	}
	out := EventsWant{}
	for _, item := range v.Items {
		e := EventWant{Pos: item.Pos}
		switch item.Kind {
		case Scalar:
			e.Type = item.Text
		case Mapping:
			for _, en := range item.Entries {
				switch en.Key {
				case "type":
					if en.Value.Kind != Scalar || en.Value.Text == "" {
						return nil, &Error{File: p.file, Pos: en.Value.Pos, Msg: "an event's type must be a name, not " + en.Value.describeKind()}
					}
					e.Type = en.Value.Text
				case "fields":
					if en.Value.Kind != Mapping {
						return nil, &Error{File: p.file, Pos: en.Value.Pos, Msg: "an event's fields must be a mapping, not " + en.Value.describeKind()}
					}
					e.Fields = en.Value
				default:
					return nil, &Error{File: p.file, Pos: en.KeyPos, Msg: fmt.Sprintf("unknown key %s in an event%s (want type, fields)", quote(en.Key), suggest(en.Key, []string{"type", "fields"}))}
				}
			}
			if e.Type == "" {
				return nil, &Error{File: p.file, Pos: item.Pos, Msg: "an event needs its type"}
			}
		default:
			return nil, &Error{File: p.file, Pos: item.Pos, Msg: "an event is a type name or {type, fields}, not " + item.describeKind()}
		}
		out = append(out, e)
	}
	return out, nil
}

func (p *parser) matchersWant(def *checkDef, v *Value) (Want, error) {
	items := v.Items
	switch v.Kind {
	case Mapping:
		items = []*Value{v}
	case List:
	default:
		return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s must be a list of matchers ({from: a, to: b, success: true}), not %s", def.key, v.describeKind())}
	}
	allowed := matcherChecks()
	out := MatchersWant{}
	for _, item := range items {
		if item.Kind != Mapping || len(item.Entries) == 0 {
			return nil, &Error{File: p.file, Pos: item.Pos, Msg: "a matcher is a mapping of checks (" + strings.Join(allowed, ", ") + "), not " + item.describeKind()}
		}
		m := Matcher{Pos: item.Pos}
		for _, e := range item.Entries {
			cd := checkByKey(e.Key)
			if cd == nil || !cd.matcher {
				return nil, &Error{File: p.file, Pos: e.KeyPos, Msg: fmt.Sprintf("unknown key %s in a matcher%s (want %s)", quote(e.Key), suggest(e.Key, allowed), strings.Join(allowed, ", "))}
			}
			w, err := p.parseWant(cd, e.Value)
			if err != nil {
				return nil, err
			}
			m.Checks = append(m.Checks, &Check{Key: e.Key, Want: w, Pos: e.KeyPos})
		}
		out = append(out, m)
	}
	return out, nil
}

func (p *parser) probesWant(def *checkDef, v *Value) (Want, error) {
	if v.Kind != List {
		return nil, &Error{File: p.file, Pos: v.Pos, Msg: fmt.Sprintf("%s must be a list of probes (%s), not %s", def.key, strings.Join(upgradable.ProbeKeys(), ", "), v.describeKind())}
	}
	out := ProbesWant{}
	for _, item := range v.Items {
		found := false
		for k := upgradable.ProbeUpgradeBack; k.Key() != ""; k++ {
			if item.Kind == Scalar && item.Text == k.Key() {
				out, found = append(out, k), true
				break
			}
		}
		if !found {
			return nil, &Error{File: p.file, Pos: item.Pos, Msg: fmt.Sprintf("%s: %s is not a probe%s (probes: %s)", def.key, item.describeKind(), suggest(item.Text, upgradable.ProbeKeys()), strings.Join(upgradable.ProbeKeys(), ", "))}
		}
	}
	return out, nil
}
