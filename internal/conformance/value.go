package conformance

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// Stack value types of a [Value].
const (
	TypeInt     = "int"
	TypeNull    = "null"
	TypeNaN     = "nan"
	TypeCell    = "cell"
	TypeSlice   = "slice"
	TypeBuilder = "builder"
	TypeTuple   = "tuple"
)

// StackValue returns v as tonutils-go's VM holds it: *big.Int, nil,
// vm.NaN, *tvmcell.Cell, *tvmcell.Slice, *tvmcell.Builder or tuple.Tuple.
func (v Value) StackValue() (any, error) {
	switch v.Type {
	case TypeInt:
		n, ok := new(big.Int).SetString(v.Value, 10)
		if !ok {
			return nil, fmt.Errorf("%w: int %q", ErrMalformed, v.Value)
		}
		return n, nil
	case TypeNull:
		return nil, nil
	case TypeNaN:
		return vm.NaN{}, nil
	case TypeCell, TypeSlice, TypeBuilder:
		c, err := cell.ParseBOC(v.BOC)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrMalformed, v.Type, err)
		}
		switch v.Type {
		case TypeSlice:
			return c.BeginParseWithoutTrace()
		case TypeBuilder:
			return c.ToBuilder(), nil
		}
		return c, nil
	case TypeTuple:
		items := make([]any, len(v.Items))
		for i, item := range v.Items {
			x, err := item.StackValue()
			if err != nil {
				return nil, err
			}
			items[i] = x
		}
		return *tuple.NewTuple(items...), nil
	}
	return nil, fmt.Errorf("%w: stack value type %q", ErrMalformed, v.Type)
}

// canonical writes a recorded value so that two equal values read the same
// however their BOCs were serialized: cells as their representation hash.
func (v Value) canonical() string {
	switch v.Type {
	case TypeInt:
		return "int " + v.Value
	case TypeCell, TypeSlice, TypeBuilder:
		c, err := cell.ParseBOC(v.BOC)
		if err != nil {
			return fmt.Sprintf("%s (bad BOC: %v)", v.Type, err)
		}
		return v.Type + " " + hex.EncodeToString(c.Hash())
	case TypeTuple:
		items := make([]string, len(v.Items))
		for i, item := range v.Items {
			items[i] = item.canonical()
		}
		return "tuple [" + strings.Join(items, ", ") + "]"
	}
	return v.Type
}

// canonicalStack writes a getter's result as [Value.canonical] does.
func canonicalStack(values []any) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = canonicalOf(v)
	}
	return out
}

func canonicalOf(v any) string {
	switch x := v.(type) {
	case nil:
		return TypeNull
	case *big.Int:
		return "int " + x.String()
	case vm.NaN:
		return TypeNaN
	case *tvmcell.Cell:
		return TypeCell + " " + hex.EncodeToString(x.Hash())
	case *tvmcell.Slice:
		c, err := x.ToCell()
		if err != nil {
			return fmt.Sprintf("slice (%v)", err)
		}
		return TypeSlice + " " + hex.EncodeToString(c.Hash())
	case *tvmcell.Builder:
		return TypeBuilder + " " + hex.EncodeToString(x.EndCell().Hash())
	case tuple.Tuple:
		items := make([]string, x.Len())
		for i := range items {
			item, err := x.Index(i)
			if err != nil {
				return fmt.Sprintf("tuple (%v)", err)
			}
			items[i] = canonicalOf(item)
		}
		return "tuple [" + strings.Join(items, ", ") + "]"
	case *tuple.Tuple:
		return canonicalOf(*x)
	}
	return fmt.Sprintf("%T", v)
}

func canonicalValues(values []Value) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.canonical()
	}
	return out
}
