package trace

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// What tonutils-go's VM says besides instructions, in a step's Message.
const (
	msgJump      = "[JUMP]"
	msgException = "[EXCEPTION] "
	msgDebug     = "#DEBUG#: "
	msgAdjust    = "ADJUST JUMP CONT"
)

// Trace is one TVM run step by step: a transaction's compute phase or a
// getter, run again.
type Trace struct {
	// Tx is the transaction traced, nil for a getter.
	Tx *actor.Transaction
	// Method is the getter traced, "" for a transaction; Account the
	// account the code ran on.
	Method  string
	Account *address.Address
	// Contract is the contract whose code ran, nil when the catalog does
	// not know it.
	Contract *catalog.Contract
	// Entry names what the run entered: "recv_internal", "recv_external",
	// "get value". Receiver is, for recv_internal, the message that picks
	// the receiver ("Step", "empty", "bounced Upgrade").
	Entry    string
	Receiver string

	Steps []Step
	// Exceptions are the exceptions thrown, in order; the last ends the
	// run unless a handler caught it.
	Exceptions []Exception
	// Exit is how the run ended, GasUsed what it used in all.
	Exit    describe.Exit
	GasUsed int64
	// Check is nil when the rerun reproduced the first run (exit code,
	// gas, data and the transaction cell; a getter's result), else the
	// error saying what differs (see [actor.Rerun.Err]).
	Check error
	// NewCode is set when the run went on in another code than the
	// account's: an eager upgrade's migrate, run by the old code through
	// c3 in the same transaction.
	NewCode *NewCode

	known   *known
	printer describe.Printer
}

// Step is one instruction the VM ran.
type Step struct {
	// Op is the instruction as tonutils-go writes it: "32 LDU", "c4 POP",
	// "implicit RET".
	Op string
	// VM is the VM's own step counter at the instruction.
	VM uint32
	// Stack is the stack before the instruction, the deepest value first
	// (the top, s0, last), as tonutils-go's VM holds values.
	Stack []any
	// Gas is what the instruction cost, Left the gas remaining after it.
	Gas, Left int64
	// Jumped is set when control went elsewhere than the next instruction.
	Jumped bool
	// Exception is the exception the instruction threw, nil for none.
	Exception *Exception
	// Notes are what the VM reported after the instruction: the output of
	// debug instructions (Tact's dump()), loop ends.
	Notes []string
	// Pos is where the instruction is in the code; not Valid when the
	// trace could not follow the run there.
	Pos Pos
	// Proc is the procedure running: "recv_internal", "get value",
	// "procedure 7".
	Proc string

	marks mark
}

// Exception is an exception the VM threw.
type Exception struct {
	// Step is the index of the instruction that threw.
	Step int
	// Exit is the exit code with its meaning (the contract's own errors
	// first).
	Exit describe.Exit
	// Text is what the VM said about it: "not enough data in reader, need
	// 32, has 0"; "" when it said nothing (out of gas).
	Text string
}

// String writes the exception: "exit 9 (Cell underflow): not enough data
// in reader, need 32, has 0".
func (e Exception) String() string {
	if e.Text == "" {
		return e.Exit.Short()
	}
	return e.Exit.Short() + ": " + e.Text
}

// Recorder collects what a trace hook sees, for [Build].
type Recorder struct {
	events []vm.TraceStep
}

// Hook is the trace hook that records.
func (r *Recorder) Hook() vm.TraceHook {
	return func(s vm.TraceStep) { r.events = append(r.events, s) }
}

// Failure is the exception that ended the run, nil when it succeeded.
func (t *Trace) Failure() *Exception {
	if t.Exit.OK() || len(t.Exceptions) == 0 {
		return nil
	}
	return &t.Exceptions[len(t.Exceptions)-1]
}

// After is the stack after step i, deepest first: the next step's stack;
// nil after the last step (the VM's stack then is the run's result).
func (t *Trace) After(i int) []any {
	if i+1 < len(t.Steps) {
		return t.Steps[i+1].Stack
	}
	return nil
}

// Title names the run: "lt 11 · alice → counter · Step" or "get value on
// counter".
func (t *Trace) Title() string {
	if t.Tx == nil {
		return "get " + t.Method + " on " + t.printer.Address(t.Account)
	}
	d := t.describe()
	return fmt.Sprintf("lt %d · %s → %s · %s", t.Tx.LT, d.From, d.To, d.Message)
}

// Where names the code step i runs in: its procedure and, for
// recv_internal, the receiver; "recv_internal (receiver Step)".
func (t *Trace) Where(i int) string {
	p := t.Steps[i].Proc
	if p == procRecvInternal && t.Receiver != "" {
		return p + " (receiver " + t.Receiver + ")"
	}
	return p
}

func (t *Trace) describe() *describe.Tx {
	return describe.Describe(t.known.cat, t.Tx)
}

// build turns the recorded events into steps, follows them through the
// code and prices them; rerun is what the run ended with.
func (t *Trace) build(events []vm.TraceStep, rerun *actor.Rerun) {
	for _, e := range events {
		switch {
		case e.Opcode != "":
			t.Steps = append(t.Steps, Step{Op: e.Opcode, VM: e.Step, Stack: stackOf(e.Stack), Left: e.GasRemaining})
		case len(t.Steps) == 0:
		case e.Message == msgJump:
			t.Steps[len(t.Steps)-1].Jumped = true
		case strings.HasPrefix(e.Message, msgException):
			t.exception(e.Message)
		case strings.HasPrefix(e.Message, msgAdjust):
		case strings.HasPrefix(e.Message, msgDebug):
			t.note(strings.TrimRight(strings.TrimPrefix(e.Message, msgDebug), "\n"))
		case e.Message != "":
			t.note(e.Message)
		}
	}
	t.GasUsed = rerun.GasUsed
	t.Exit = t.exit(rerun.ExitCode)
	if !t.Exit.OK() && len(t.Steps) > 0 {
		if f := t.Failure(); f == nil || f.Exit.Code != rerun.ExitCode {
			// The VM threw without a word: out of gas, or data too deep to
			// commit at the end.
			last := len(t.Steps) - 1
			t.Exceptions = append(t.Exceptions, Exception{Step: last, Exit: t.Exit})
			t.Steps[last].Exception = &t.Exceptions[len(t.Exceptions)-1]
		}
	}
	for i := range t.Exceptions {
		t.Steps[t.Exceptions[i].Step].Exception = &t.Exceptions[i]
	}
	bases := follow(t)
	t.ranIn()
	t.price(bases)
	for i := range t.Steps {
		t.Steps[i].marks = marksOf(t.Steps[i].Op)
		if t.readsStorage(i) {
			t.Steps[i].marks |= 1 << MarkRead
		}
	}
}

func (t *Trace) exit(code int64) describe.Exit {
	var abi *cell.ABI
	if t.Contract != nil {
		abi = t.Contract.ABI()
	}
	return describe.Exit{Code: code, Meaning: describe.Meaning(code, abi)}
}

// exception records "[EXCEPTION] 9 not enough data in reader, need 32,
// has 0" against the last instruction.
func (t *Trace) exception(msg string) {
	rest := strings.TrimPrefix(msg, msgException)
	var code int64
	text := rest
	if n, err := fmt.Sscanf(rest, "%d", &code); n == 1 && err == nil {
		if _, after, ok := strings.Cut(rest, " "); ok {
			text = strings.TrimSpace(after)
		} else {
			text = ""
		}
	}
	last := len(t.Steps) - 1
	t.Steps[last].Jumped = true
	t.Exceptions = append(t.Exceptions, Exception{Step: last, Exit: t.exit(code), Text: text})
}

func (t *Trace) note(text string) {
	s := &t.Steps[len(t.Steps)-1]
	s.Notes = append(s.Notes, text)
}

// price sets each step's gas: what it paid before it ran (bases[i], from
// the decoded instruction) and while it ran, the gas remaining reported at
// each step telling them apart. ACCEPT and SETGASLIMIT raise the limit, so
// the gas remaining jumps up after them: they cost their price alone. The
// last step costs what the run used that the others did not.
func (t *Trace) price(bases []int64) {
	n := len(t.Steps)
	if n == 0 {
		return
	}
	var sum int64
	for i := range n - 1 {
		s := &t.Steps[i]
		after := t.Steps[i+1].Left + bases[i+1]
		s.Gas = s.Left + bases[i] - after
		if raisesLimit(s.Op) {
			s.Gas = bases[i]
		}
		s.Left = after
		sum += s.Gas
	}
	last := &t.Steps[n-1]
	last.Gas = t.GasUsed - sum
	last.Left += bases[n-1] - last.Gas
}

// raisesLimit reports whether an instruction sets the gas limit.
func raisesLimit(op string) bool { return op == "ACCEPT" || op == "SETGASLIMIT" }

// stackOf reads a copy of the VM's stack, deepest first.
func stackOf(s *vm.Stack) []any {
	if s == nil {
		return nil
	}
	n := s.Len()
	out := make([]any, n)
	for i := range out {
		v, err := s.Get(n - 1 - i)
		if err != nil {
			return out[:i]
		}
		out[i] = v
	}
	return out
}

// maxLiteral bounds the literal an instruction's text shows on one line:
// the code a PUSHCONT pushes, the dictionary of a DICTPUSHCONST.
const maxLiteral = 24

// Text is the instruction on one short line: a literal in <…> cut after
// 24 characters ("<6[60] -> {…> 19 DICTPUSHCONST"), no line breaks.
func (s Step) Text() string {
	op := s.Op
	open, end := strings.IndexByte(op, '<'), strings.LastIndexByte(op, '>')
	if open >= 0 && end > open {
		lit := op[open+1 : end]
		if i := strings.IndexByte(lit, '\n'); i >= 0 || len(lit) > maxLiteral {
			if i >= 0 {
				lit = lit[:i]
			}
			if r := []rune(lit); len(r) > maxLiteral {
				lit = string(r[:maxLiteral])
			}
			lit += "…"
		}
		op = op[:open+1] + lit + op[end:]
	}
	return strings.Join(strings.Fields(op), " ")
}
