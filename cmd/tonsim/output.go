package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"
	"text/tabwriter"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// printer writes what each step did.
type printer interface {
	step(r *scenario.Runner, res *scenario.Result)
}

// textPrinter writes a human-readable log: a line per step, then a line per
// transaction, indented by its place in the send's tree.
type textPrinter struct {
	w io.Writer
}

func (p textPrinter) step(r *scenario.Runner, res *scenario.Result) {
	fmt.Fprintf(p.w, "%d. %s\n", res.Step.Index, headline(r, res))
	if res.Step.Note != "" {
		for _, line := range strings.Split(strings.TrimRight(res.Step.Note, "\n"), "\n") {
			fmt.Fprintf(p.w, "   # %s\n", termtext.Clean(line))
		}
	}
	if res.Trace != nil {
		tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
		for _, tx := range res.Trace.Transactions {
			d := r.Catalog.Describe(r.World, tx)
			line := fmt.Sprintf("   lt %d\t%s%s → %s\t%s\t%s\tgas %d",
				tx.LT, strings.Repeat("  ", depth(tx)), d.From, d.To, d.Message, d.Exit, tx.GasUsed)
			if e := effect(r.World, d); e != "" {
				line += "\t" + e
			}
			fmt.Fprintln(tw, line)
		}
		tw.Flush()
	}
	if res.Preflight != nil {
		printReport(p.w, r.World, "   ", res.Preflight)
	}
	for _, f := range res.Failures {
		fmt.Fprintf(p.w, "   FAIL %s\n", f)
	}
}

// depth is how many transactions up a transaction's tree goes.
func depth(tx *actor.Transaction) int {
	n := 0
	for p := tx.Parent; p != nil; p = p.Parent {
		n++
	}
	return n
}

// headline says what a step did in one line.
func headline(r *scenario.Runner, res *scenario.Result) string {
	line := scenario.Describe(res.Step.Action)
	switch res.Step.Action.(type) {
	case *scenario.Get:
		line += ": " + getResult(r.World, res.Get)
	case *scenario.Preflight:
		line += ": " + verdict(res.Preflight)
	case *scenario.Wait:
		line += fmt.Sprintf(" (now %d)", r.World.Now())
	}
	return line
}

// effect says what a transaction did to the storage: the fields that
// changed, a deployment's first fields, a code swap.
func effect(w *actor.World, d *catalog.Tx) string {
	var parts []string
	if d.Initialized && len(d.After.Fields.Fields) > 0 && len(d.Changes) == 0 {
		what := "initialized "
		if d.Tx.Deployed {
			what = "deployed "
		}
		parts = append(parts, what+named(w, d.After.Fields))
	}
	if d.CodeChanged {
		code := "code → " + contractName(d.Upgraded)
		if d.Contract != nil {
			code = "code " + d.Contract.Name + " → " + contractName(d.Upgraded)
		}
		parts = append(parts, code)
	}
	if d.CodeChanged && d.Pending {
		parts = append(parts, "migration pending")
	}
	for _, c := range d.Changes {
		parts = append(parts, c.Path+": "+named(w, c.Old)+" → "+named(w, c.New))
	}
	return strings.Join(parts, ", ")
}

// named writes a decoded value as cell.FormatValue does, but an address the
// world has a name for as that name.
func named(w *actor.World, v any) string {
	switch x := v.(type) {
	case *address.Address:
		if x != nil {
			if name := w.NameOf(x); name != "" {
				return name
			}
		}
	case *cell.Struct:
		parts := make([]string, len(x.Fields))
		for i, f := range x.Fields {
			parts[i] = f.Name + ": " + named(w, f.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return scenario.Format(v)
}

func contractName(ct *catalog.Contract) string {
	if ct == nil {
		return "unknown code"
	}
	return ct.Name
}

func getResult(w *actor.World, g *scenario.GetOutcome) string {
	switch {
	case g.Err != nil:
		if exit, ok := g.Err.(*actor.ExitError); ok {
			return fmt.Sprintf("exit %d (%s)", exit.Code, exit.Meaning)
		}
		return g.Err.Error()
	case g.Stack != nil:
		return cell.FormatStack(g.Stack)
	}
	return named(w, g.Value)
}

func verdict(r *upgradable.Report) string {
	switch r.Verdict {
	case upgradable.Safe:
		if r.After.Version != "" {
			return "safe, v" + r.After.Version + " runs after"
		}
		return "safe"
	case upgradable.Rejected:
		return fmt.Sprintf("rejected: exit %d (%s)", r.ExitCode, r.Meaning)
	}
	return fmt.Sprintf("would brick: exit %d (%s)", r.ExitCode, r.Meaning)
}

// printReport writes a preflight report's details.
func printReport(w io.Writer, world *actor.World, indent string, r *upgradable.Report) {
	if len(r.Getters) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, g := range r.Getters {
			fmt.Fprintf(tw, "%s%s\t%s\t→ %s\n", indent, g.Name, getterValue(world, g.Before, g.BeforeErr), getterValue(world, g.After, g.AfterErr))
		}
		tw.Flush()
	}
	if r.Layout != nil {
		fmt.Fprintf(w, "%slayout: %s\n", indent, r.Layout)
	}
	if r.Verdict == upgradable.Safe && !r.Upgradable {
		fmt.Fprintf(w, "%swarning: the new code refuses a further Upgrade: it could never be upgraded again\n", indent)
	}
}

func getterValue(w *actor.World, v any, err error) string {
	if err != nil {
		if exit, ok := err.(*actor.ExitError); ok {
			return fmt.Sprintf("exit %d (%s)", exit.Code, exit.Meaning)
		}
		return err.Error()
	}
	return named(w, v)
}

// jsonPrinter writes a JSON object per transaction, getter and preflight.
type jsonPrinter struct {
	enc *json.Encoder
}

func newJSONPrinter(w io.Writer) jsonPrinter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return jsonPrinter{enc: enc}
}

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
}

type getLine struct {
	Kind     string          `json:"kind"`
	Step     int             `json:"step"`
	On       string          `json:"on"`
	Method   string          `json:"method"`
	ExitCode int64           `json:"exit_code"`
	Result   json.RawMessage `json:"result"`
}

type preflightLine struct {
	Kind     string `json:"kind"`
	Step     int    `json:"step"`
	On       string `json:"on"`
	Contract string `json:"contract"`
	Verdict  string `json:"verdict"`
	ExitCode int64  `json:"exit_code"`
	Version  string `json:"version"`
}

func (p jsonPrinter) step(r *scenario.Runner, res *scenario.Result) {
	if res.Trace != nil {
		for _, tx := range res.Trace.Transactions {
			p.enc.Encode(p.tx(r, res.Step.Index, tx))
		}
	}
	if res.Get != nil {
		line := getLine{Kind: "get", Step: res.Step.Index, On: res.Target.StringRaw(), Method: res.Get.Method, Result: json.RawMessage("null")}
		if exit, ok := res.Get.Err.(*actor.ExitError); ok {
			line.ExitCode = exit.Code
		} else if res.Get.Stack != nil {
			line.Result = jsonStack(res.Get.Stack)
		} else {
			line.Result = jsonValue(res.Get.Value)
		}
		p.enc.Encode(line)
	}
	if res.Preflight != nil {
		a := res.Step.Action.(*scenario.Preflight)
		p.enc.Encode(preflightLine{Kind: "preflight", Step: res.Step.Index, On: res.Target.StringRaw(), Contract: a.Contract.Name,
			Verdict: scenario.VerdictName(res.Preflight.Verdict), ExitCode: res.Preflight.ExitCode, Version: res.Preflight.After.Version})
	}
}

func (p jsonPrinter) tx(r *scenario.Runner, step int, tx *actor.Transaction) txLine {
	line := txLine{Kind: "tx", Step: step, LT: tx.LT, To: tx.To.StringRaw(), ExitCode: tx.ExitCode, Success: tx.Success,
		Aborted: tx.Aborted, Bounced: tx.Bounced, GasUsed: tx.GasUsed, Deployed: tx.Deployed,
		Message: r.Catalog.Describe(r.World, tx).Message}
	if tx.From != nil {
		from := tx.From.StringRaw()
		line.From = &from
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
	return line
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
		out = x.String()
	case bool, string:
		out = x
	case *address.Address:
		if x == nil {
			return json.RawMessage("null")
		}
		out = x.StringRaw()
	case *tvmcell.Cell:
		out = cell.Hex(x)
	case []byte:
		out = hex.EncodeToString(x)
	case *cell.Struct:
		return jsonObject(len(x.Fields), func(i int) (string, any) { return x.Fields[i].Name, x.Fields[i].Value })
	case *cell.Map:
		return jsonObject(len(x.Entries), func(i int) (string, any) { return scenario.Format(x.Entries[i].Key), x.Entries[i].Value })
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
