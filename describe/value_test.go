package describe_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// names knows one address.
type names map[string]string

func (n names) NameOf(a *address.Address) string { return n[a.StringRaw()] }

func TestPrinter(t *testing.T) {
	owner := address.MustParseRawAddr("0:44139b2aae9df342dd0a1d3e6fa3682f1a3653b98071c064655ed65d7bfa33f7")
	stranger := address.MustParseRawAddr("0:dcc9962d81e6fb408435eb2d28e1b3d98bf168229a7bd66cf14f0699a13b19fd")
	known := names{owner.StringRaw(): "owner"}
	coins := cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "coins"}
	u32 := cell.Type{Kind: cell.KindSimple, Type: "uint", Format: "32"}
	balances := cell.Type{Kind: cell.KindDict, Key: "address", Value: "uint", ValueFormat: "coins"}
	vault := &cell.Struct{Type: "Vault", Fields: []cell.FieldValue{
		{Name: "owner", Type: cell.Type{Kind: cell.KindSimple, Type: "address"}, Value: owner},
		{Name: "total", Type: coins, Value: big.NewInt(1_500_000_000)},
		{Name: "id", Type: u32, Value: big.NewInt(7)},
		{Name: "label", Type: cell.Type{Kind: cell.KindSimple, Type: "string"}, Value: "main"},
		{Name: "balances", Type: balances, Value: &cell.Map{Entries: []cell.MapEntry{{Key: stranger, Value: big.NewInt(50_000_000)}}}},
	}}
	tests := []struct {
		name string
		p    describe.Printer
		v    any
		t    *cell.Type
		want string
	}{
		{"a named address", describe.Printer{Names: known}, owner, nil, "owner"},
		{"with its short form", describe.Printer{Names: known, WithAddress: true}, owner, nil, "owner 0:44139b…33f7"},
		{"an unnamed address, short", describe.Printer{Names: known}, stranger, nil, "0:dcc996…19fd"},
		{"an unnamed address, full", describe.Printer{Names: known, Full: true}, stranger, nil, stranger.StringRaw()},
		{"addr_none", describe.Printer{}, address.NewAddressNone(), nil, "null"},
		{"coins as TON", describe.Printer{}, big.NewInt(1_500_000_000), &coins, "1.5 TON"},
		{"an integer", describe.Printer{}, big.NewInt(1_500_000_000), &u32, "1500000000"},
		{"a string, bare", describe.Printer{}, "main", nil, "main"},
		{"a struct: names, TON, quoted strings", describe.Printer{Names: known}, vault, nil,
			`{owner: owner, total: 1.5 TON, id: 7, label: "main", balances: {0:dcc996…19fd: 0.05 TON}}`},
		{"a cell", describe.Printer{}, tvmcell.BeginCell().MustStoreUInt(0xab, 8).EndCell(), nil, "x{AB} (8 bits, 0 refs, #"},
		{"a stack", describe.Printer{}, []any{big.NewInt(1), nil}, nil, "[1, null]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.p.Typed(tt.v, tt.t)
			assert.Contains(t, got, tt.want)
		})
	}
	assert.Equal(t, []string{
		"├─ owner: owner",
		"├─ total: 1.5 TON",
		"├─ id: 7",
		`├─ label: "main"`,
		"└─ balances: map, 1 entry",
		"   └─ 0:dcc996…19fd: 0.05 TON",
	}, describe.Printer{Names: known}.Tree(vault))
	assert.Equal(t, "total: 1 TON → 1.5 TON", describe.Printer{}.Change(cell.Change{Path: "total", Old: big.NewInt(1e9), New: big.NewInt(15e8), Type: &coins}))
	assert.Equal(t, "balances[owner]: 1 TON (added)", describe.Printer{Names: known}.Change(cell.Change{Path: "balances[" + cell.FormatValue(owner) + "]", Keys: []any{owner}, New: big.NewInt(1e9), Type: &coins, Added: true}),
		"a map entry keyed by an address goes by its name")
}
