package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// The JSON lines tonsim prints; cmd/tonsim/schema/lines.schema.json
// describes every kind, and a test checks the examples' output against it.
// Addresses are raw ("0:…", null for the outside world) with the world's
// names beside them in *_name fields; amounts are nanotons as decimal
// strings; hashes and BOCs hex.

// configLine opens a run: the config the world runs with.
type configLine struct {
	Kind          string `json:"kind"`
	Profile       string `json:"profile"`
	GlobalVersion uint32 `json:"global_version"`
	Hash          string `json:"hash"`
}

type feesJSON struct {
	Total      string  `json:"total"`
	Gas        string  `json:"gas"`
	Storage    string  `json:"storage"`
	StorageDue *string `json:"storage_due"`
	Forward    string  `json:"forward"`
	Action     string  `json:"action"`
	InForward  string  `json:"in_forward"`
}

type actionJSON struct {
	Ran        bool `json:"ran"`
	Success    bool `json:"success"`
	ResultCode int  `json:"result_code"`
	Actions    int  `json:"actions"`
	Skipped    int  `json:"skipped"`
	Sent       int  `json:"sent"`
}

type eventJSON struct {
	Type   string          `json:"type"`
	Op     *uint32         `json:"op"`
	Fields json.RawMessage `json:"fields"`
	BOC    string          `json:"boc"`
}

type outJSON struct {
	To      string          `json:"to"`
	ToName  *string         `json:"to_name"`
	Value   string          `json:"value"`
	Bounce  bool            `json:"bounce"`
	Message string          `json:"message"`
	Fields  json.RawMessage `json:"fields"`
}

type changeJSON struct {
	Path string          `json:"path"`
	Old  json.RawMessage `json:"old"`
	New  json.RawMessage `json:"new"`
}

// txLine is one transaction. The fields up to deployed keep the names and
// meaning they have had since the first release.
type txLine struct {
	Kind     string  `json:"kind"`
	Step     int     `json:"step"`
	LT       uint64  `json:"lt"`
	From     *string `json:"from"`
	To       string  `json:"to"`
	Op       *uint32 `json:"op"`
	ExitCode int32   `json:"exit_code"`
	Success  bool    `json:"success"`
	Aborted  bool    `json:"aborted"`
	Bounced  bool    `json:"bounced"`
	GasUsed  int64   `json:"gas_used"`
	DataHash *string `json:"data_hash"`
	CodeHash *string `json:"code_hash"`
	DataBOC  *string `json:"data_boc"`
	Message  string  `json:"message"`
	Deployed bool    `json:"deployed"`

	Hash           string          `json:"hash"`
	ParentLT       *uint64         `json:"parent_lt"`
	FromName       *string         `json:"from_name"`
	ToName         *string         `json:"to_name"`
	Contract       *string         `json:"contract"`
	MessageType    *string         `json:"message_type"`
	Fields         json.RawMessage `json:"fields"`
	Exit           string          `json:"exit"`
	ExitMeaning    *string         `json:"exit_meaning"`
	ComputeSkipped *string         `json:"compute_skipped"`
	ActionCode     int32           `json:"action_code"`
	Action         actionJSON      `json:"action"`
	ValueIn        string          `json:"value_in"`
	ValueOut       string          `json:"value_out"`
	Balance        string          `json:"balance"`
	Status         string          `json:"status"`
	Fees           feesJSON        `json:"fees"`
	Events         []eventJSON     `json:"events"`
	OutMessages    []outJSON       `json:"out_messages"`
	Debug          []string        `json:"debug"`
	CodeChanged    bool            `json:"code_changed"`
	UpgradedTo     *string         `json:"upgraded_to"`
	Pending        bool            `json:"migration_pending"`
	Changes        []changeJSON    `json:"changes"`
}

type getLine struct {
	Kind     string          `json:"kind"`
	Step     int             `json:"step"`
	On       string          `json:"on"`
	Method   string          `json:"method"`
	ExitCode int64           `json:"exit_code"`
	Result   json.RawMessage `json:"result"`

	OnName      *string `json:"on_name"`
	Contract    *string `json:"contract"`
	ExitMeaning *string `json:"exit_meaning"`
	Text        string  `json:"text"`
}

type getterChangeJSON struct {
	Name        string          `json:"name"`
	Before      json.RawMessage `json:"before"`
	After       json.RawMessage `json:"after"`
	BeforeError *string         `json:"before_error"`
	AfterError  *string         `json:"after_error"`
}

type preflightLine struct {
	Kind     string `json:"kind"`
	Step     int    `json:"step"`
	On       string `json:"on"`
	Contract string `json:"contract"`
	Verdict  string `json:"verdict"`
	ExitCode int64  `json:"exit_code"`
	Version  string `json:"version"`

	OnName        *string            `json:"on_name"`
	ExitMeaning   *string            `json:"exit_meaning"`
	Text          string             `json:"text"`
	Sender        *string            `json:"sender"`
	SenderName    *string            `json:"sender_name"`
	VersionBefore string             `json:"version_before"`
	Upgradable    bool               `json:"stays_upgradable"`
	Getters       []getterChangeJSON `json:"getters"`
	Layout        *string            `json:"layout"`
	Warnings      []string           `json:"warnings"`

	Protocol     string      `json:"protocol"`
	Account      *string     `json:"account"`
	AccountName  *string     `json:"account_name"`
	CodeChanged  bool        `json:"code_changed"`
	RolledBack   bool        `json:"rolled_back"`
	MigrationGas int64       `json:"migration_gas"`
	MaxGas       int64       `json:"max_gas"`
	Defaulted    []string    `json:"defaulted"`
	Probes       []probeJSON `json:"probes"`
	// Tried and WayOut are, for an upgrade the owner had refused, the
	// contract's messages sent to lift the refusal and those that did.
	Tried  []string `json:"tried"`
	WayOut []string `json:"way_out"`
	// Reinstall says, for a bricked account, what only a reinstall would
	// do and lose; null otherwise.
	Reinstall *string `json:"reinstall"`

	LayoutCheck *layoutCheckJSON `json:"layout_check"`
}

// probeJSON is one thing a preflight tried after the upgrade.
type probeJSON struct {
	Probe    string `json:"probe"`
	OK       bool   `json:"ok"`
	ExitCode int64  `json:"exit_code"`
	Text     string `json:"text"`
}

// failureLine is an expectation that did not hold.
type failureLine struct {
	Kind string `json:"kind"`
	Step int    `json:"step"`
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Key  string `json:"key"`
	Want string `json:"want"`
	Got  string `json:"got"`
	// Pass is the pass of test --both-ways the failure is from: "as
	// written" or "upgraded"; absent otherwise.
	Pass string `json:"pass,omitempty"`
}

// jsonPrinter writes a JSON object per line: the config, each transaction,
// getter, preflight and failed expectation.
type jsonPrinter struct {
	w   io.Writer
	enc *json.Encoder
	bg  *behind
}

func newJSONPrinter(w io.Writer) jsonPrinter {
	return jsonPrinter{w: w, enc: newEncoder(w), bg: &behind{}}
}

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func (p jsonPrinter) start(r *scenario.Runner) {
	c := r.World.Config()
	p.enc.Encode(configLine{Kind: "config", Profile: c.Profile, GlobalVersion: c.GlobalVersion, Hash: c.Hash})
}

// step encodes the lines that depend on the world as it is now (getters,
// preflights) at once, and leaves the transactions, which depend on their
// records alone, to p.bg.
func (p jsonPrinter) step(r *scenario.Runner, res *scenario.Result) {
	var tail bytes.Buffer
	enc := newEncoder(&tail)
	if res.Get != nil {
		enc.Encode(getRow(r.World, res.Step.Index, res.Target, res.Get))
	}
	if res.Matrix != nil {
		line := matrixRow(r.World, res.Target, res.Matrix)
		line.Step = res.Step.Index
		enc.Encode(line)
	}
	if res.Operation != nil || res.Undone != nil {
		enc.Encode(operationRow(r, res))
	}
	if res.Preflight != nil {
		enc.Encode(preflightRow(r.World, res.Step.Index, res.Target, preflightNext(res), res.Preflight))
	}
	if res.Commit != nil {
		enc.Encode(commitRow(res))
	}
	for _, f := range res.Failures {
		enc.Encode(failureRow(res.Step.Index, f))
	}
	var txs []*actor.Transaction
	if res.Trace != nil {
		txs = res.Trace.Transactions
	}
	cat, index := r.Catalog, res.Step.Index
	p.bg.do(func() {
		for _, d := range describeAll(cat, txs) {
			p.enc.Encode(txRow(index, d))
		}
		p.w.Write(tail.Bytes())
		flush(p.w)
	})
}

func (p jsonPrinter) finish() { p.bg.wait() }

func failureRow(step int, f scenario.Failure) failureLine {
	return failureLine{Kind: "failure", Step: step, File: f.File, Line: f.Pos.Line, Col: f.Pos.Col, Key: f.Key, Want: f.Want, Got: f.Got}
}

func txRow(step int, d *describe.Tx) txLine {
	tx := d.Tx
	line := txLine{Kind: "tx", Step: step, LT: tx.LT, To: tx.To.StringRaw(), ExitCode: tx.ExitCode, Success: tx.Success,
		Aborted: tx.Aborted, Bounced: tx.Bounced, GasUsed: tx.GasUsed, Deployed: tx.Deployed, Message: d.Message.String(),
		Hash: hex.EncodeToString(tx.Hash()), FromName: name(d.From.Name), ToName: name(d.To.Name), Exit: d.Exit.String(),
		ExitMeaning: name(d.Exit.Meaning), ActionCode: tx.ActionCode, ValueIn: nanoText(tx.Value.Nano()),
		ValueOut: nanoText(tx.ValueOut.Nano()), Balance: nanoText(tx.BalanceAfter.Nano()), Status: describe.Status(tx.StatusAfter), Fields: json.RawMessage("null"),
		CodeChanged: d.CodeChanged, Pending: d.Pending, Debug: nonNil(d.Debug),
		Events: []eventJSON{}, OutMessages: []outJSON{}, Changes: []changeJSON{},
	}
	if tx.From != nil {
		from := tx.From.StringRaw()
		line.From = &from
	}
	if tx.Parent != nil {
		lt := tx.Parent.LT
		line.ParentLT = &lt
	}
	if tx.HasOpcode {
		op := tx.Opcode
		line.Op = &op
	}
	if tx.DataAfter != nil {
		dataHash, boc := hex.EncodeToString(tx.DataAfter.Hash()), cell.Hex(tx.DataAfter)
		line.DataHash, line.DataBOC = &dataHash, &boc
	}
	if tx.CodeAfter != nil {
		codeHash := hex.EncodeToString(tx.CodeAfter.Hash())
		line.CodeHash = &codeHash
	}
	if d.Contract != nil {
		line.Contract = name(d.Contract.Name)
	}
	if d.Message.Type != "" {
		line.MessageType = name(d.Message.Type)
	}
	if d.Message.Body != nil {
		line.Fields = jsonValue(d.Message.Body)
	}
	if tx.ComputeSkipped != "" {
		line.ComputeSkipped = name(strings.ToLower(string(tx.ComputeSkipped)))
	}
	a := d.Action
	line.Action = actionJSON{Ran: a.Ran, Success: a.Success, ResultCode: int(a.Code), Actions: a.Actions, Skipped: a.Skipped, Sent: a.Sent}
	f := d.Fees
	line.Fees = feesJSON{Total: nanoText(f.Total), Gas: nanoText(f.Gas), Storage: nanoText(f.Storage), Forward: nanoText(f.Forward),
		Action: nanoText(f.Action), InForward: nanoText(f.InForward)}
	if f.StorageDue != nil {
		due := nanoText(f.StorageDue)
		line.Fees.StorageDue = &due
	}
	for _, e := range d.Events {
		ev := eventJSON{Type: e.Message.String(), Fields: json.RawMessage("null"), BOC: cell.Hex(e.Raw)}
		if e.HasOp {
			op := e.Op
			ev.Op = &op
		}
		if e.Body != nil {
			ev.Fields = jsonValue(e.Body)
		}
		line.Events = append(line.Events, ev)
	}
	for _, o := range d.Out {
		oj := outJSON{To: o.To.Raw(), ToName: name(o.To.Name), Value: nanoText(o.Value.Nano()), Bounce: o.Bounce,
			Message: o.Message.String(), Fields: json.RawMessage("null")}
		if o.Message.Body != nil {
			oj.Fields = jsonValue(o.Message.Body)
		}
		line.OutMessages = append(line.OutMessages, oj)
	}
	if d.Upgraded != nil {
		line.UpgradedTo = name(d.Upgraded.Name)
	}
	for _, c := range d.Changes {
		line.Changes = append(line.Changes, changeJSON{Path: c.Path, Old: jsonValue(c.Old), New: jsonValue(c.New)})
	}
	return line
}

func getRow(w *actor.World, step int, on *address.Address, g *scenario.GetOutcome) getLine {
	line := getLine{Kind: "get", Step: step, On: on.StringRaw(), Method: g.Method, Result: json.RawMessage("null"),
		OnName: name(w.NameOf(on)), Text: getResult(w, g)}
	if g.Contract != nil {
		line.Contract = name(g.Contract.Name)
	}
	if e, ok := describe.ErrExit(g.Err, g.Contract); ok {
		line.ExitCode = e.Code
		line.ExitMeaning = name(e.Meaning)
	} else if g.Stack != nil {
		line.Result = jsonStack(g.Stack)
	} else {
		line.Result = jsonValue(g.Value)
	}
	return line
}

func preflightRow(w *actor.World, step int, on *address.Address, next string, r *upgradable.Report) preflightLine {
	line := preflightLine{Kind: "preflight", Step: step, On: on.StringRaw(), Contract: next, Verdict: r.Verdict.Key(),
		ExitCode: r.ExitCode, Version: r.After.Version, OnName: name(w.NameOf(on)), ExitMeaning: name(r.Meaning),
		Text: describe.Verdict(r), VersionBefore: r.Before.Version, Upgradable: r.Upgradable,
		Getters: []getterChangeJSON{}, Warnings: nonNil(describe.Warnings(r, next, describe.Printer{Names: w})),
		CodeChanged: r.CodeChanged, RolledBack: r.RolledBack, MigrationGas: r.MigrationGas, MaxGas: r.MaxGas,
		Defaulted: nonNil(r.Defaulted), Probes: []probeJSON{}, Tried: nonNil(r.Tried), WayOut: nonNil(r.WayOut), Reinstall: name(describe.Reinstall(r, describe.Printer{Names: w}))}
	if r.Protocol != nil {
		line.Protocol = r.Protocol.Name
	}
	if r.Account != nil {
		a := r.Account.StringRaw()
		line.Account, line.AccountName = &a, name(w.NameOf(r.Account))
	}
	for _, p := range r.Probes {
		line.Probes = append(line.Probes, probeJSON{Probe: p.Kind.Key(), OK: p.OK, ExitCode: p.ExitCode, Text: describe.ProbeText(p, next)})
	}
	if r.Sender != nil {
		s := r.Sender.StringRaw()
		line.Sender, line.SenderName = &s, name(w.NameOf(r.Sender))
	}
	for _, g := range r.Getters {
		gc := getterChangeJSON{Name: g.Name, Before: jsonValue(g.Before), After: jsonValue(g.After)}
		if g.BeforeErr != nil {
			gc.Before, gc.BeforeError = json.RawMessage("null"), name(describe.Err(g.BeforeErr, nil))
		}
		if g.AfterErr != nil {
			gc.After, gc.AfterError = json.RawMessage("null"), name(describe.Err(g.AfterErr, nil))
		}
		line.Getters = append(line.Getters, gc)
	}
	if r.Layout != nil {
		line.Layout = name(describe.Layout(r.Layout))
		check := layoutCheckRow(r.Layout)
		line.LayoutCheck = &check
	}
	return line
}

// name is s, or null when it is empty.
func name(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nanoText(n *big.Int) string {
	if n == nil {
		return "0"
	}
	return n.String()
}

// jsonValue writes a decoded value: integers as decimal strings, booleans,
// addresses raw, strings as strings, cells as hex BOCs, structs as objects
// in field order, maps as objects keyed by the formatted key.
func jsonValue(v any) json.RawMessage {
	var out any
	switch x := v.(type) {
	case nil:
		return json.RawMessage("null")
	case *big.Int:
		if x == nil {
			return json.RawMessage("null")
		}
		out = x.String()
	case bool, string:
		out = x
	case *address.Address:
		if x == nil || x.Type() == address.NoneAddress {
			return json.RawMessage("null")
		}
		out = x.StringRaw()
	case *tvmcell.Cell:
		if x == nil {
			return json.RawMessage("null")
		}
		out = cell.Hex(x)
	case *tvmcell.Slice:
		c, err := x.ToCell()
		if err != nil {
			return json.RawMessage("null")
		}
		out = cell.Hex(c)
	case []byte:
		out = hex.EncodeToString(x)
	case *cell.Struct:
		if x == nil {
			return json.RawMessage("null")
		}
		return jsonObject(len(x.Fields), func(i int) (string, any) { return x.Fields[i].Name, x.Fields[i].Value })
	case *cell.Map:
		if x == nil {
			return json.RawMessage("{}")
		}
		return jsonObject(len(x.Entries), func(i int) (string, any) { return cell.FormatValue(x.Entries[i].Key), x.Entries[i].Value })
	case []any:
		return jsonStack(x)
	default:
		out = cell.FormatValue(v)
	}
	data, _ := json.Marshal(out)
	return data
}

// jsonObject writes n entries as a JSON object, in their order.
func jsonObject(n int, entry func(i int) (string, any)) json.RawMessage {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		k, v := entry(i)
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteString(":")
		b.Write(jsonValue(v))
	}
	b.WriteString("}")
	return json.RawMessage(b.String())
}

func jsonStack(stack []any) json.RawMessage {
	parts := make([]string, len(stack))
	for i, v := range stack {
		parts[i] = string(jsonValue(v))
	}
	return json.RawMessage("[" + strings.Join(parts, ",") + "]")
}

// matrixLine is an upgrade matrix ("kind":"upgrades").
type matrixLine struct {
	Kind     string       `json:"kind"`
	Step     int          `json:"step"`
	On       string       `json:"on"`
	OnName   *string      `json:"on_name"`
	Versions []string     `json:"versions"`
	Start    string       `json:"start"`
	Reached  []string     `json:"reached"`
	Blocked  *string      `json:"blocked"`
	Upgrades []matrixPair `json:"upgrades"`
	Failing  []string     `json:"failing"`
	Notes    []string     `json:"notes"`
}

// matrixPair is one upgrade of the matrix.
type matrixPair struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	Supported bool           `json:"supported"`
	Reached   bool           `json:"reached"`
	Text      string         `json:"text"`
	Preflight *preflightLine `json:"preflight"`
}

func matrixRow(w *actor.World, on *address.Address, m *upgradable.Matrix) matrixLine {
	line := matrixLine{Kind: "upgrades", On: on.StringRaw(), OnName: name(w.NameOf(on)), Start: m.Versions[m.Start].Name,
		Versions: []string{}, Reached: []string{}, Upgrades: []matrixPair{}, Failing: []string{}, Notes: nonNil(describe.MatrixNotes(m))}
	supported := map[upgradable.Pair]bool{}
	for _, p := range m.Supported {
		supported[p] = true
	}
	for i, v := range m.Versions {
		line.Versions = append(line.Versions, v.Name)
		if m.Reached[i] {
			line.Reached = append(line.Reached, v.Name)
		} else if m.Blocked[i] != "" && line.Blocked == nil {
			line.Blocked = name(m.Blocked[i])
		}
	}
	for i := range m.Versions {
		for j := range m.Versions {
			if i == j {
				continue
			}
			p := upgradable.Pair{From: i, To: j}
			mp := matrixPair{From: m.Versions[i].Name, To: m.Versions[j].Name, Supported: supported[p], Text: describe.MatrixCell(m, p)}
			if r := m.Report(p); r != nil {
				pf := preflightRow(w, 0, on, m.Versions[j].Name, r)
				mp.Reached, mp.Preflight = true, &pf
			}
			line.Upgrades = append(line.Upgrades, mp)
		}
	}
	for _, p := range m.Failing() {
		line.Failing = append(line.Failing, describe.PairName(m, p))
	}
	return line
}
