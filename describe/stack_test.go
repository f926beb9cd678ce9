package describe_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/tuple"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

func TestStackValues(t *testing.T) {
	owner := address.MustParseRawAddr("0:44139b2aae9df342dd0a1d3e6fa3682f1a3653b98071c064655ed65d7bfa33f7")
	p := describe.Printer{Names: names{owner.StringRaw(): "owner"}}
	addr := tvmcell.BeginCell().MustStoreAddr(owner).ToSlice()
	bits := tvmcell.BeginCell().MustStoreUInt(0xDEAD, 16).MustStoreRef(tvmcell.BeginCell().EndCell())
	code := tvmcell.BeginCell().MustStoreUInt(0xF2, 8).ToSlice()
	long := new(big.Int).Lsh(big.NewInt(1), 200)
	many := make([]any, 10)
	for i := range many {
		many[i] = big.NewInt(int64(i))
	}
	tests := []struct {
		name         string
		v            any
		value, short string
	}{
		{"an integer", big.NewInt(-1), "-1", "-1"},
		{"a long integer", long, long.String(), long.String()[:24] + "…"},
		{"null", nil, "null", "null"},
		{"NaN", vm.NaN{}, "NaN", "NaN"},
		{"an address in a slice", addr, "slice owner", "slice owner"},
		{"a cell", bits.EndCell(), "cell x{DEAD} (16 bits, 1 ref, #", "cell 16 bits, 1 ref"},
		{"a slice", bits.ToSlice(), "slice x{DEAD} (16 bits, 1 ref, #", "slice 16 bits, 1 ref"},
		{"a builder", tvmcell.BeginCell().MustStoreUInt(1, 1), "builder x{C_} (1 bits, 0 refs, #", "builder 1 bit"},
		{"a tuple", *tuple.NewTuple(big.NewInt(1), nil, addr), "[1 null slice owner]", "tuple of 3"},
		{"a long tuple", *tuple.NewTuple(many...), "[0 1 2 3 4 5 6 7 … 2 more]", "tuple of 10"},
		{"tuples in tuples", *tuple.NewTuple(*tuple.NewTuple(*tuple.NewTuple(*tuple.NewTuple(big.NewInt(1))))), "[[[tuple of 1]]]", "tuple of 1"},
		{"a continuation", &vm.OrdinaryContinuation{Code: code}, "cont x{F2} (8 bits, 0 refs, #", "cont"},
		{"another continuation", &vm.QuitContinuation{}, "cont (Quit)", "cont"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := p.StackValue(tc.v)
			assert.True(t, strings.HasPrefix(got, tc.value), "StackValue: %q, want %q…", got, tc.value)
			assert.Equal(t, tc.short, p.StackShort(tc.v))
		})
	}
}

func TestSize(t *testing.T) {
	for _, c := range []struct {
		bits uint
		refs int
		want string
	}{
		{0, 0, "0 bits"}, {1, 0, "1 bit"}, {331, 0, "331 bits"}, {0, 1, "0 bits, 1 ref"}, {8, 2, "8 bits, 2 refs"},
	} {
		assert.Equal(t, c.want, describe.Size(c.bits, c.refs))
	}
}
