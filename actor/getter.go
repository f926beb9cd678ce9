package actor

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// MethodID returns the id a get-method named name is called by:
// (crc16(name) & 0xffff) | 0x10000.
func MethodID(name string) uint64 { return tlb.MethodNameHash(name) }

// GetResult is what a get-method returned.
type GetResult struct {
	// Stack holds the returned values, the first (deepest) first, as
	// tonutils-go's VM holds them: *big.Int, *tvmcell.Cell, *tvmcell.Slice,
	// *tvmcell.Builder, tuple.Tuple or nil.
	Stack   []any
	GasUsed int64
	// ExitCode is 0 or 1, the two successful exits.
	ExitCode int64
}

// Get runs the get-method called method on the account at addr with args
// pushed in order. Args may be *big.Int, any Go integer, bool, a
// *address.Address (pushed as a slice), *tvmcell.Cell, *tvmcell.Slice,
// tuple.Tuple or nil. A method that throws returns an [*ExitError].
func (w *World) Get(addr *address.Address, method string, args ...any) (*GetResult, error) {
	return w.get(addr, "get "+method, MethodID(method), args)
}

// GetByID runs the get-method with method id id; see [World.Get].
func (w *World) GetByID(addr *address.Address, id uint64, args ...any) (*GetResult, error) {
	return w.get(addr, fmt.Sprintf("get method %d", id), id, args)
}

func (w *World) get(addr *address.Address, op string, method uint64, args []any) (*GetResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	call, err := w.getCall(addr, op, method, args)
	if err != nil {
		return nil, err
	}
	res, err := w.machine.ExecuteGetMethod(call.acc.Code, call.acc.Data, call.c7, vm.GasWithLimit(w.getterGas), call.stack, tvm.ExecutionConfig{Config: w.config})
	if err != nil {
		return nil, fmt.Errorf("%s on %s: %w", op, addr.StringRaw(), err)
	}
	return getResult(op, addr, res.ExitCode, res.GasUsed, res.Stack)
}

// getCall is a get-method ready to run: the account, the stack of its
// arguments and method id, and its c7.
type getCall struct {
	acc   *Account
	stack *vm.Stack
	c7    tuple.Tuple
}

func (w *World) getCall(addr *address.Address, op string, method uint64, args []any) (*getCall, error) {
	id, err := idOf(addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	e, err := w.entry(id)
	if err != nil {
		return nil, err
	}
	acc := accountOf(id, e.prepared)
	switch {
	case acc.Status == tlb.AccountStatusNonExist:
		return nil, fmt.Errorf("%s: %w: %s", op, ErrAccountNotFound, addr.StringRaw())
	case acc.Code == nil:
		return nil, fmt.Errorf("%s: %w: %s is %s", op, ErrNoCode, addr.StringRaw(), acc.Status)
	}

	stack := vm.NewStack()
	for i, arg := range args {
		v, err := stackValue(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: argument %d: %w", op, i+1, err)
		}
		if err := stack.PushAny(v); err != nil {
			return nil, fmt.Errorf("%s: argument %d: %w", op, i+1, err)
		}
	}
	if err := stack.PushInt(new(big.Int).SetUint64(method)); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}

	c7, err := w.getterC7(id, acc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return &getCall{acc: acc, stack: stack, c7: c7}, nil
}

// getResult is what a get-method that ended with exit and left stack
// returned, or the [*ExitError] it failed with.
func getResult(op string, addr *address.Address, exit, gas int64, stack *vm.Stack) (*GetResult, error) {
	if exit != ExitSuccess && exit != ExitAltSuccess {
		return nil, &ExitError{Op: op, Account: addr, Code: exit, Meaning: ExitCodeMeaning(exit), GasUsed: gas}
	}
	out := &GetResult{GasUsed: gas, ExitCode: exit, Stack: make([]any, stack.Len())}
	for i := range out.Stack {
		v, err := stack.Get(stack.Len() - 1 - i)
		if err != nil {
			return nil, fmt.Errorf("%s: result %d: %w", op, i+1, err)
		}
		out.Stack[i] = v
	}
	return out, nil
}

// getterC7 is the smart-contract context a get-method sees, laid out as the
// TON node's get-method runner lays it out (prepare_vm_c7): fields added by
// later global versions appear when the config's version has them.
func (w *World) getterC7(id accountID, acc *Account) (tuple.Tuple, error) {
	myAddr, err := addrSlice(id.address())
	if err != nil {
		return tuple.Tuple{}, err
	}
	values := []any{
		big.NewInt(0x076ef1ea),                         // magic
		big.NewInt(0),                                  // actions
		big.NewInt(0),                                  // msgs_sent
		big.NewInt(int64(w.st.now)),                    // unixtime
		big.NewInt(int64(w.st.lt)),                     // block_lt
		big.NewInt(int64(w.st.lt)),                     // trans_lt
		new(big.Int).SetBytes(w.randSeed(id, w.st.lt)), // rand_seed
		*tuple.NewTuple(acc.Balance.Nano(), nil),       // balance_remaining
		myAddr,                                         // myself
		w.config.Root(),                                // global_config
	}
	version := w.config.GlobalVersion()
	if version >= 4 {
		values = append(values,
			acc.Code,                            // code
			*tuple.NewTuple(big.NewInt(0), nil), // in_msg_value
			big.NewInt(0),                       // storage_fees
			nil,                                 // prev_blocks
		)
	}
	if version >= 6 {
		var unpacked any
		if t, ok := w.st.block.UnpackedConfig(); ok {
			unpacked = t
		}
		values = append(values, unpacked, big.NewInt(0), nil) // unpacked config, due_payment, precompiled gas
	}
	if version >= 11 {
		addrNone, err := addrSlice(address.NewAddressNone())
		if err != nil {
			return tuple.Tuple{}, err
		}
		values = append(values, *tuple.NewTuple( // in_msg_params: no inbound message
			big.NewInt(0), big.NewInt(0), addrNone, big.NewInt(0), big.NewInt(0),
			big.NewInt(0), big.NewInt(0), big.NewInt(0), nil, nil,
		))
	}
	return *tuple.NewTuple(*tuple.NewTuple(values...)), nil
}

// addrSlice is an address as the VM stack holds it: a slice of its TL-B
// MsgAddress.
func addrSlice(addr *address.Address) (*tvmcell.Slice, error) {
	b := tvmcell.BeginCell()
	if err := b.StoreAddr(addr); err != nil {
		return nil, fmt.Errorf("address %s: %w", addr, err)
	}
	return b.ToSlice(), nil
}

// stackValue converts a getter argument to what the VM stack holds.
func stackValue(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case *big.Int, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return cell.BigInt(x)
	case bool:
		if x {
			return big.NewInt(-1), nil
		}
		return big.NewInt(0), nil
	case *address.Address:
		return addrSlice(x)
	case *tvmcell.Cell, *tvmcell.Slice, *tvmcell.Builder, tuple.Tuple:
		return x, nil
	}
	return nil, fmt.Errorf("cannot pass %T to a get-method", v)
}
