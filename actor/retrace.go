package actor

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/op/exec"
	"github.com/xssnick/tonutils-go/tvm/op/funcs"
	"github.com/xssnick/tonutils-go/tvm/op/stack"
	tvmtuple "github.com/xssnick/tonutils-go/tvm/op/tuple"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// replay is what re-executing a transaction takes besides its inbound
// message: the account as the transaction found it, the block it ran in
// and its minimal logical time. The account and the block are shared with
// the world that ran it; the random seed follows from the world's seed, the
// logical time and the account, and the storage-stat dictionary the world
// threads from one transaction to the next is a cache the emulator
// rebuilds when it is not given.
type replay struct {
	shard *tlb.ShardAccount
	block *tvm.BlockContext
	lt    int64
}

// Rerun is a transaction or getter run again with a trace hook, and how it
// compares with the first run.
type Rerun struct {
	// ExitCode, GasUsed and Steps are the rerun's compute phase (or
	// getter): its exit code, the gas it used and the VM steps it took.
	ExitCode int64
	GasUsed  int64
	Steps    uint32
	// DataAfter is the data a transaction left, nil when the account has
	// none after it; nil for a getter.
	DataAfter *tvmcell.Cell
	// Cell is the transaction cell built again; nil for a getter.
	Cell *tvmcell.Cell
	// Stack is a getter's result, deepest first, as [GetResult.Stack].
	Stack []any
	// Differs names what came out otherwise than the first time: "exit
	// code", "gas", "data", "transaction" (the whole cell), "result" (a
	// getter's stack). Empty when the rerun reproduced the run exactly.
	Differs []string

	what string
}

// Err returns nil when the rerun reproduced the first run, else an error
// wrapping [ErrRerunDiffers] that names what differs.
func (r *Rerun) Err() error {
	if len(r.Differs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s: %s", ErrRerunDiffers, r.what, strings.Join(r.Differs, ", "))
}

// Retrace runs tx again, from the account state before it, in the block
// and at the logical time it first ran in, with hook watching every step of
// its compute phase (tonutils-go's [vm.TraceHook]: the step, the
// instruction, a copy of the stack, the gas remaining, messages for
// exceptions). tx may be any record of this world or of a fork of it: the
// transactions of a preflight's dry run as well. The rerun is checked
// against the record: its exit code, gas, data and whole transaction cell
// (see [Rerun.Err]). The world is not touched.
//
// Retrace pays its cost only when called: a record keeps pointers to the
// state it ran on, which the world already shared, and nothing else.
func (w *World) Retrace(tx *Transaction, hook vm.TraceHook) (*Rerun, error) {
	r := tx.replay
	if r.shard == nil || r.block == nil {
		return nil, fmt.Errorf("%w: lt %d", ErrNoReplay, tx.LT)
	}
	acc, err := tvm.PrepareAccount(r.shard, tx.To)
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: account: %w", tx.LT, err)
	}
	msg, err := tvm.PrepareMessage(tx.InCell)
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: message: %w", tx.LT, err)
	}
	id, err := idOf(tx.To)
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: %w", tx.LT, err)
	}
	res, err := w.machine.EmulateTransaction(r.block, acc, msg, tvm.TransactionOptions{
		LogicalTime: r.lt,
		RandSeed:    w.randSeed(id, uint64(r.lt)),
		TraceHook:   hook,
	})
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: %w", tx.LT, err)
	}
	out := &Rerun{ExitCode: res.ExitCode, GasUsed: res.GasUsed, Steps: res.Steps, Cell: res.TransactionCell, what: fmt.Sprintf("transaction lt %d", tx.LT)}
	if res.TransactionCell == nil {
		out.Differs = append(out.Differs, "transaction")
		return out, nil
	}
	desc, err := res.TransactionCell.PeekRef(2)
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: transaction cell: %w", tx.LT, err)
	}
	o, err := readOutcome(desc)
	if err != nil {
		return nil, fmt.Errorf("retrace lt %d: transaction cell: %w", tx.LT, err)
	}
	out.ExitCode, out.GasUsed = int64(o.exitCode), o.gasUsed
	_, _, _, out.DataAfter = accountState(res.NextAccount)

	if out.ExitCode != int64(tx.ExitCode) {
		out.Differs = append(out.Differs, "exit code")
	}
	if out.GasUsed != tx.GasUsed {
		out.Differs = append(out.Differs, "gas")
	}
	if !sameCell(out.DataAfter, tx.DataAfter) {
		out.Differs = append(out.Differs, "data")
	}
	if out.Cell == nil || !bytes.Equal(out.Cell.Hash(), tx.Hash()) {
		out.Differs = append(out.Differs, "transaction")
	}
	return out, nil
}

func sameCell(a, b *tvmcell.Cell) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return bytes.Equal(a.Hash(), b.Hash())
}

// Getter tracing. tonutils-go v1.18.0 takes a trace hook for transactions
// and message emulation but not for ExecuteGetMethod, so a traced getter
// runs as a child VM (RUNVM) of a message emulation that takes one: the
// child gets exactly the getter's code, data, c7, stack and gas limit, and
// its steps are the getter's. The wrapper around it has twice the gas, so
// its own steps, which always have more gas left than the child can ever
// have, are told apart and left out. The result is checked against a
// plain run.

// Globals of the wrapper's c7 that carry the getter's inputs.
const (
	globalArgs = iota + 1
	globalCode
	globalData
	globalC7
	globalGas
)

// runvmMode asks RUNVM for c3 set to the code (+1), c4 (+4, returned), a
// gas limit (+8, the gas used returned), c7 (+16) and gas isolated from
// the parent (+128).
const runvmMode = 1 + 4 + 8 + 16 + 128

// Shape of the wrapper: the emulator pushes five values (balance, value,
// message, body, selector) that the wrapper drops; it takes nine steps up
// to RUNVM and one (the implicit RET) after it. wrapperGas is more than
// those cost.
const (
	emulatorStack = 5
	wrapperSteps  = 10
	wrapperGas    = 1000
	maxGetterArgs = 254
)

// TraceGet runs the get-method called method on the account at addr, as
// [World.Get] does, with hook watching every step. The result is checked
// against the same getter run without the hook (see [Rerun.Err]); a getter
// that throws is a Rerun with its exit code, not an error. To trace a
// getter at an earlier moment, trace it on a fork restored to a snapshot.
func (w *World) TraceGet(hook vm.TraceHook, addr *address.Address, method string, args ...any) (*Rerun, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	op := "get " + method
	if len(args) > maxGetterArgs {
		return nil, fmt.Errorf("%s: %d arguments, at most %d can be traced", op, len(args), maxGetterArgs)
	}
	call, err := w.getCall(addr, op, MethodID(method), args)
	if err != nil {
		return nil, err
	}
	plainStack := call.stack.Copy()
	plain, err := w.machine.ExecuteGetMethod(call.acc.Code, call.acc.Data, call.c7, vm.GasWithLimit(w.getterGas), plainStack, tvm.ExecutionConfig{Config: w.config})
	if err != nil {
		return nil, fmt.Errorf("%s on %s: %w", op, addr.StringRaw(), err)
	}

	wrapper, err := getterWrapper()
	if err != nil {
		return nil, err
	}
	inputs := make([]any, call.stack.Len())
	for i := range inputs {
		if inputs[i], err = call.stack.Get(len(inputs) - 1 - i); err != nil {
			return nil, err
		}
	}
	code, err := call.acc.Code.BeginParseWithoutTrace()
	if err != nil {
		return nil, fmt.Errorf("%s: code: %w", op, err)
	}
	var data any = call.acc.Data
	if call.acc.Data == nil {
		data = tvmcell.BeginCell().EndCell()
	}
	limit := w.getterGas
	inner := func(s vm.TraceStep) {
		if hook != nil && s.GasRemaining <= limit {
			hook(s) // the child's: the wrapper always has more gas left
		}
	}
	res, err := w.machine.EmulateInternalMessage(wrapper, nil, nil, 0, tvm.EmulateInternalMessageConfig{
		Address: addr,
		Now:     w.st.now,
		Config:  w.config,
		Gas:     vm.GasWithLimit(2*w.getterGas + wrapperGas),
		Globals: map[int]any{
			globalArgs: *tuple.NewTuple(inputs...),
			globalCode: code,
			globalData: data,
			globalC7:   call.c7,
			globalGas:  big.NewInt(w.getterGas),
		},
		TraceHook: inner,
	})
	if err != nil {
		return nil, fmt.Errorf("traced %s on %s: %w", op, addr.StringRaw(), err)
	}
	return childResult(op, addr, res, plain)
}

// getterWrapper is the code that runs a getter as a child VM:
//
//	BLKDROP 5  GETGLOB 1  PUSHINT 255  EXPLODEVAR  GETGLOB 2  GETGLOB 3
//	GETGLOB 4  GETGLOB 5  RUNVM 157
func getterWrapper() (*tvmcell.Cell, error) {
	ops := []vm.OP{
		stack.BLKDROP(emulatorStack),
		funcs.GETGLOB(globalArgs),
		stack.PUSHINT(big.NewInt(maxGetterArgs + 1)),
		tvmtuple.EXPLODEVAR(),
		funcs.GETGLOB(globalCode),
		funcs.GETGLOB(globalData),
		funcs.GETGLOB(globalC7),
		funcs.GETGLOB(globalGas),
		exec.RUNVM(runvmMode),
	}
	b := tvmcell.BeginCell()
	for _, op := range ops {
		if err := b.StoreBuilder(op.Serialize()); err != nil {
			return nil, fmt.Errorf("getter wrapper: %w", err)
		}
	}
	return b.EndCell(), nil
}

// childResult reads the child VM's result off the wrapper's stack — its
// values, exit code, data and gas used, the top last — and compares it
// with the plain run.
func childResult(op string, addr *address.Address, res *tvm.MessageExecutionResult, plain *tvm.ExecutionResult) (*Rerun, error) {
	st := res.Stack
	if st == nil || st.Len() < 3 {
		return nil, fmt.Errorf("traced %s: the wrapper ended with exit %d and no result", op, res.ExitCode)
	}
	top := func(i int) (*big.Int, error) {
		v, err := st.Get(i)
		if err != nil {
			return nil, err
		}
		n, ok := v.(*big.Int)
		if !ok {
			return nil, fmt.Errorf("traced %s: result %d is %T, not an integer", op, i, v)
		}
		return n, nil
	}
	gas, err := top(0)
	if err != nil {
		return nil, err
	}
	exit, err := top(2)
	if err != nil {
		return nil, err
	}
	out := &Rerun{
		ExitCode: exit.Int64(),
		GasUsed:  gas.Int64(),
		Steps:    res.Steps - wrapperSteps,
		what:     op + " on " + addr.StringRaw(),
	}
	for i := st.Len() - 1; i >= 3; i-- {
		v, err := st.Get(i)
		if err != nil {
			return nil, err
		}
		out.Stack = append(out.Stack, v)
	}
	if out.ExitCode != plain.ExitCode {
		out.Differs = append(out.Differs, "exit code")
	}
	if out.GasUsed != plain.GasUsed {
		out.Differs = append(out.Differs, "gas")
	}
	if !sameStack(out.Stack, plain.Stack, out.ExitCode) {
		out.Differs = append(out.Differs, "result")
	}
	return out, nil
}

// sameStack compares a traced getter's result with the plain run's; a
// failed getter returns one value, the plain run's top.
func sameStack(traced []any, plain *vm.Stack, exit int64) bool {
	if plain == nil {
		return len(traced) == 0
	}
	if exit != ExitSuccess && exit != ExitAltSuccess {
		return len(traced) <= plain.Len()
	}
	if len(traced) != plain.Len() {
		return false
	}
	for i, v := range traced {
		p, err := plain.Get(plain.Len() - 1 - i)
		if err != nil || !sameValue(v, p) {
			return false
		}
	}
	return true
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	case *tvmcell.Cell:
		y, ok := b.(*tvmcell.Cell)
		return ok && sameCell(x, y)
	case *tvmcell.Slice:
		y, ok := b.(*tvmcell.Slice)
		if !ok {
			return false
		}
		xc, err1 := x.ToCell()
		yc, err2 := y.ToCell()
		return err1 == nil && err2 == nil && sameCell(xc, yc)
	case *tvmcell.Builder:
		y, ok := b.(*tvmcell.Builder)
		return ok && sameCell(x.Copy().EndCell(), y.Copy().EndCell())
	case tuple.Tuple:
		y, ok := b.(tuple.Tuple)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for i := range x.Len() {
			xv, err1 := x.Index(i)
			yv, err2 := y.Index(i)
			if err1 != nil || err2 != nil || !sameValue(xv, yv) {
				return false
			}
		}
		return true
	case nil:
		return b == nil
	}
	return fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b)
}
