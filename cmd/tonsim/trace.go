package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/trace"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
)

var traceCommand = &command{
	name:    "trace",
	usage:   "trace [--json] [--around N] [--tx LT | --get METHOD] --step N SCENARIO [NAME=VALUE...]",
	summary: "run one transaction or getter of a scenario again, instruction by instruction",
	help: `Plays the scenario up to step N (counted from 1) and runs one TVM run of
it again with the VM's trace on: by default the transaction on the step's
target (for a preflight, its dry run's first failing transaction, else the
migration, else the transaction that replaced the code), or the getter of a
get step. It prints every instruction: the step, the instruction, the gas
it used and the stack change ("pop A · B" for values it took, "push C" for
values it left, "A · B → C" for both, "(reordered)" when it only moved
values), cells and slices that are the account's storage or the message
body named and decoded; a line when the procedure changes (recv_internal
and the receiver, a get-method, a procedure of the code's dictionary, and
during an eager upgrade the new code's: "v2's migrate (method 1000)"); and
the exception, with its exit code, meaning and the stack at that point.
The rerun is checked against the record: a rerun that came out otherwise
(exit code, gas, data, transaction) is said on stderr.

Flags:
  --step N       the step whose run to trace (required)
  --tx LT        trace the transaction of step N with logical time LT
                 instead: any of its send, or of its preflight's dry run
  --get METHOD   trace the getter METHOD of step N's target, as step N left
                 the world; NAME=VALUE arguments follow the scenario
  --around N     print only the N steps before and after the exception;
                 with none, the last step and the N before it
  --json         print one JSON line per step ("kind":"trace"); the schema
                 is cmd/tonsim/schema/lines.schema.json

Examples:
  tonsim trace --step 4 examples/04-brick.yaml
  tonsim trace --step 4 --around 3 examples/04-brick.yaml
  tonsim trace --step 2 --tx 11 examples/04-brick.yaml
  tonsim trace --step 1 --get value examples/01-upgrade.yaml
`,
	run: runTrace,
}

// traceFlags are what tonsim trace was asked.
type traceFlags struct {
	step, tx, around int
	get              string
	json             bool
	args             []string
}

func runTrace(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	var f traceFlags
	intVar(fs, &f.step, "step", 0)
	intVar(fs, &f.tx, "tx", -1)
	intVar(fs, &f.around, "around", -1)
	fs.StringVar(&f.get, "get", "", "")
	fs.BoolVar(&f.json, "json", false, "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if code, ok := c.checkTraceFlags(cmd, fs, &f, pos); !ok {
		return code
	}
	r, err := c.open(pos[0], "")
	if err != nil {
		return c.fail(cmd, err)
	}
	if f.step > len(r.Scenario.Steps) {
		return c.fail(cmd, fmt.Errorf("--step %d: %s has %d steps", f.step, pos[0], len(r.Scenario.Steps)))
	}
	res, failed, err := playTo(r, f.step)
	if err != nil {
		return c.fail(cmd, err)
	}
	if failed > 0 {
		fmt.Fprintf(c.stderr, "warning: %s of the first %s failed (tonsim test %s says which)\n", describe.Count(failed, "expectation"), describe.Count(f.step, "step"), pos[0])
	}
	tr, err := traceOf(r, res, f)
	if err != nil {
		return c.fail(cmd, err)
	}
	if tr.Check != nil {
		fmt.Fprintf(c.stderr, "warning: the trace does not reproduce the first run: %v\n", tr.Check)
	}
	from, to := tr.Around(f.around)
	if f.json {
		enc := newJSONPrinter(c.stdout).enc
		for i := from; i < to; i++ {
			enc.Encode(traceRow(f.step, tr, i))
		}
		return exitOK
	}
	if res.Preflight != nil && f.get == "" {
		fmt.Fprintln(c.stdout, "(a transaction of the preflight's dry run, on a copy of the world)")
	}
	printTrace(c.stdout, tr, from, to)
	return exitOK
}

// checkTraceFlags refuses flags that do not go together.
func (c *cli) checkTraceFlags(cmd *command, fs *flag.FlagSet, f *traceFlags, pos []string) (int, bool) {
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	switch {
	case len(pos) == 0:
		return c.wrongArgs(cmd, "want a scenario file"), false
	case !given["step"]:
		return c.wrongArgs(cmd, "want --step N: the step whose run to trace"), false
	case f.step < 1:
		return c.wrongArgs(cmd, fmt.Sprintf("--step %d: steps count from 1", f.step)), false
	case given["tx"] && given["get"]:
		return c.wrongArgs(cmd, "--tx traces a transaction and --get a getter: give one"), false
	case given["tx"] && f.tx < 0:
		return c.wrongArgs(cmd, fmt.Sprintf("--tx %d: a logical time is not negative", f.tx)), false
	case given["around"] && f.around < 0:
		return c.wrongArgs(cmd, fmt.Sprintf("--around %d: want a number of steps, 0 or more", f.around)), false
	case len(pos) > 1 && f.get == "":
		return c.wrongArgs(cmd, "NAME=VALUE arguments are a getter's: give --get METHOD"), false
	}
	f.args = pos[1:]
	return exitOK, true
}

// playTo plays the steps up to n (from 1) and returns what step n did and
// how many expectations failed on the way.
func playTo(r *scenario.Runner, n int) (*scenario.Result, int, error) {
	failed := 0
	for r.Position() < n {
		res, err := r.Next()
		if err != nil {
			return nil, failed, err
		}
		failed += len(res.Failures)
		if r.Position() == n {
			return res, failed, nil
		}
	}
	return nil, failed, errors.New("no step to trace")
}

// traceOf traces what flags ask of the step that gave res.
func traceOf(r *scenario.Runner, res *scenario.Result, f traceFlags) (*trace.Trace, error) {
	stepName := fmt.Sprintf("step %d (%s)", f.step, scenario.Describe(res.Step.Action))
	if f.get != "" {
		if res.Target == nil {
			return nil, fmt.Errorf("--get %s: %s has no target account", f.get, stepName)
		}
		return traceGetter(r, res.Target, f.get, f.args)
	}
	txs := stepTransactions(res)
	if f.tx >= 0 {
		for _, tx := range txs {
			if tx.LT == uint64(f.tx) {
				return trace.Transaction(r.World, r.Catalog, tx)
			}
		}
		return nil, fmt.Errorf("--tx %d: %s ran no transaction at that logical time (%s)", f.tx, stepName, ltList(txs))
	}
	if res.Get != nil {
		return trace.Getter(r.World, r.Catalog, res.Target, res.Get.Method, res.Get.Args...)
	}
	tx := stepTarget(res)
	if tx == nil {
		return nil, fmt.Errorf("%s runs no transaction on its target to trace; --tx LT picks one of its own (%s)", stepName, ltList(txs))
	}
	return trace.Transaction(r.World, r.Catalog, tx)
}

// stepTransactions are the transactions a step ran: its send's, or its
// preflight's dry run.
func stepTransactions(res *scenario.Result) []*actor.Transaction {
	if res.Trace != nil {
		return res.Trace.Transactions
	}
	if p := res.Preflight; p != nil {
		return dryRun(p)
	}
	return nil
}

// dryRun is a preflight's transactions: each step's, the one that replaced
// the code when that ran on another account (a proxy's child), then the
// migration's.
func dryRun(p *upgradable.Report) []*actor.Transaction {
	txs := p.Transactions()
	rep := p.Replaced()
	if rep == nil || slices.Contains(txs, rep) {
		return txs
	}
	at := slices.Index(txs, p.Upgrade) + 1
	return slices.Insert(txs, at, rep)
}

// stepTarget is the transaction a step is about: the one on its target,
// or a preflight's first failing dry-run transaction, else its migration,
// else the one that replaced the code (an upgrade that migrates nothing,
// or migrates inside it).
func stepTarget(res *scenario.Result) *actor.Transaction {
	if p := res.Preflight; p != nil {
		for _, tx := range p.Transactions() {
			if tx != nil && !tx.Success {
				return tx
			}
		}
		if p.Migration != nil {
			return p.Migration
		}
		return p.Replaced()
	}
	return res.Tx
}

func ltList(txs []*actor.Transaction) string {
	if len(txs) == 0 {
		return "it ran none"
	}
	lts := make([]string, len(txs))
	for i, tx := range txs {
		lts[i] = strconv.FormatUint(tx.LT, 10)
	}
	return "its transactions: lt " + strings.Join(lts, ", ")
}

// traceGetter traces the getter method of the account at addr with
// arguments given as NAME=VALUE.
func traceGetter(r *scenario.Runner, addr *address.Address, method string, kvs []string) (*trace.Trace, error) {
	acc, err := r.World.Account(addr)
	if err != nil {
		return nil, err
	}
	if acc.Code == nil {
		return nil, fmt.Errorf("get %s: %w (%s)", method, actor.ErrNoCode, acc.Status)
	}
	ct, _ := r.Catalog.ByCode(acc.Code)
	var stack []any
	if ct != nil && ct.ABI() != nil {
		getter, err := ct.ABI().Getter(method)
		if err != nil {
			return nil, fmt.Errorf("%s has no getter %q%s (%s)", ct.Name, method, suggestGetter(ct, method), getterList(ct))
		}
		argv := map[string]any{}
		for _, kv := range kvs {
			name, value, ok := strings.Cut(kv, "=")
			if !ok {
				return nil, fmt.Errorf("argument %q is not NAME=VALUE", kv)
			}
			argv[name] = resolveArg(r, getter.Arguments, name, value)
		}
		if stack, err = ct.ABI().GetterArgs(method, argv); err != nil {
			return nil, err
		}
	} else if len(kvs) > 0 {
		return nil, errors.New("the account runs code without a package: its getters take no named arguments")
	}
	return trace.Getter(r.World, r.Catalog, addr, method, stack...)
}

// printTrace writes steps from to to of tr: a header, a line per step with
// a line where the procedure changes, and the exception with the stack it
// met.
func printTrace(w io.Writer, tr *trace.Trace, from, to int) {
	fmt.Fprintf(w, "trace %s\n", clean(tr.Title()))
	fmt.Fprintf(w, "code %s · %d steps · gas %d · %s\n", describe.ContractName(tr.Contract), len(tr.Steps), tr.GasUsed, tr.Exit.Short())
	switch {
	case tr.Check != nil:
		fmt.Fprintf(w, "differs from the first run: %s\n", clean(tr.Check.Error()))
	case tr.Tx != nil:
		fmt.Fprintln(w, "reproduces the record: exit code, gas, data and the whole transaction cell")
	default:
		fmt.Fprintln(w, "reproduces the getter run without a trace: exit code, gas and result")
	}
	switch {
	case from > 0 && tr.Failure() == nil:
		last := fmt.Sprintf("the last %d steps", to-from)
		if to-from == 1 {
			last = "the last step"
		}
		fmt.Fprintf(w, "… %d steps before; no exception: %s, where the run ended\n", from, last)
	case from > 0:
		fmt.Fprintf(w, "… %d steps before\n", from)
	}
	var t table
	t.add("step", "instruction", "gas", "stack change")
	proc := ""
	for i := from; i < to; i++ {
		s := tr.Steps[i]
		if where := tr.Where(i); where != proc {
			t.note("── " + clean(where))
			proc = where
		}
		change := stackChange(tr, i)
		if s.Exception != nil {
			change = "✗ " + s.Exception.String()
		}
		t.add(fmt.Sprintf("%4d", i+1), clean(s.Text()), fmt.Sprintf("%4d", s.Gas), clean(change))
		for _, n := range s.Notes {
			t.note("      ↳ " + clean(n))
		}
	}
	t.write(w)
	if rest := len(tr.Steps) - to; rest > 0 {
		fmt.Fprintf(w, "… %d steps after\n", rest)
	}
	if f := tr.Failure(); f != nil {
		s := tr.Steps[f.Step]
		fmt.Fprintf(w, "exception at step %d, %s (code %s): %s\n", f.Step+1, clean(s.Text()), s.Pos, clean(f.String()))
		printStack(w, tr, s.Stack)
	}
}

// printStack writes a stack top first, each recognised value's origin
// under it.
func printStack(w io.Writer, tr *trace.Trace, stack []any) {
	fmt.Fprintf(w, "stack (%d):\n", len(stack))
	for k := len(stack) - 1; k >= 0; k-- {
		v := tr.Value(stack[k])
		fmt.Fprintf(w, "  s%-3d %s\n", len(stack)-1-k, clean(v.Text))
		if n := v.Note(); n != "" {
			fmt.Fprintf(w, "        %s\n", clean(n))
		}
	}
}

// stackChange writes what step i did to the stack, the values it took
// off, an arrow and those it left: "slice storage[0:1] → 0 · slice
// storage[1:1]"; "push 2"; "pop slice alice"; "(reordered)".
func stackChange(tr *trace.Trace, i int) string {
	c := tr.Change(i)
	short := func(vs []any) string {
		parts := make([]string, len(vs))
		for k, v := range vs {
			parts[k] = tr.Value(v).Short()
		}
		return strings.Join(parts, " · ")
	}
	switch {
	case len(c.Popped) > 0 && len(c.Pushed) > 0:
		return short(c.Popped) + " → " + short(c.Pushed)
	case len(c.Popped) > 0:
		return "pop " + short(c.Popped)
	case len(c.Pushed) > 0:
		return "push " + short(c.Pushed)
	case c.Moved:
		return "(reordered)"
	}
	return ""
}

func clean(s string) string { return termtext.Clean(s) }

// traceLine is one step of a trace.
type traceLine struct {
	Kind string `json:"kind"`
	Step int    `json:"step"`
	// LT is the transaction traced, nil for a getter; Getter the getter.
	LT     *uint64 `json:"lt"`
	Getter *string `json:"getter"`
	// Index counts the instructions from 1; VMStep is the VM's counter.
	Index      int               `json:"index"`
	VMStep     uint32            `json:"vm_step"`
	Op         string            `json:"op"`
	Text       string            `json:"text"`
	Gas        int64             `json:"gas"`
	GasLeft    int64             `json:"gas_left"`
	Proc       string            `json:"proc"`
	Where      string            `json:"where"`
	Pos        *string           `json:"pos"`
	Jumped     bool              `json:"jumped"`
	Marks      []string          `json:"marks"`
	Popped     []traceValueJSON  `json:"popped"`
	Pushed     []traceValueJSON  `json:"pushed"`
	Stack      []traceValueJSON  `json:"stack"`
	Exception  *traceExceptionJS `json:"exception"`
	Notes      []string          `json:"notes"`
	Reproduces bool              `json:"reproduces"`
}

type traceValueJSON struct {
	Text   string  `json:"text"`
	Origin *string `json:"origin"`
	Note   *string `json:"note"`
}

type traceExceptionJS struct {
	ExitCode    int64   `json:"exit_code"`
	ExitMeaning *string `json:"exit_meaning"`
	Text        string  `json:"text"`
}

func traceRow(step int, tr *trace.Trace, i int) traceLine {
	s := tr.Steps[i]
	line := traceLine{Kind: "trace", Step: step, Index: i + 1, VMStep: s.VM, Op: s.Op, Text: s.Text(), Gas: s.Gas, GasLeft: s.Left,
		Proc: s.Proc, Where: tr.Where(i), Jumped: s.Jumped, Marks: []string{}, Notes: s.Notes, Reproduces: tr.Check == nil}
	if tr.Tx != nil {
		lt := tr.Tx.LT
		line.LT = &lt
	} else {
		line.Getter = &tr.Method
	}
	if s.Pos.Valid() {
		p := s.Pos.String()
		line.Pos = &p
	}
	for _, m := range tr.Marks(i) {
		line.Marks = append(line.Marks, m.String())
	}
	if line.Notes == nil {
		line.Notes = []string{}
	}
	c := tr.Change(i)
	line.Popped, line.Pushed, line.Stack = traceValues(tr, c.Popped), traceValues(tr, c.Pushed), traceValues(tr, s.Stack)
	if e := s.Exception; e != nil {
		line.Exception = &traceExceptionJS{ExitCode: e.Exit.Code, ExitMeaning: name(e.Exit.Meaning), Text: e.Text}
	}
	return line
}

func traceValues(tr *trace.Trace, vs []any) []traceValueJSON {
	out := make([]traceValueJSON, len(vs))
	for i, v := range vs {
		val := tr.Value(v)
		out[i].Text = val.Text
		if val.Origin != nil {
			o, n := val.Origin.Name(), val.Note()
			out[i].Origin, out[i].Note = &o, &n
		}
	}
	return out
}
