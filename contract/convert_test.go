package contract_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

var alice = address.MustParseRawAddr("0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31")

type point struct {
	X    int16 `abi:"x"`
	Y    int16 `abi:"y"`
	Note string
	skip int
	Gone bool `abi:"-"`
}

type holder struct {
	At     *point               `abi:"at"`
	Owner  *address.Address     `abi:"owner"`
	Amount tlb.Coins            `abi:"amount"`
	Big    *big.Int             `abi:"big"`
	ByKey  map[uint8]bool       `abi:"byKey"`
	ByAddr map[string]tlb.Coins `abi:"byAddr"`
	Opt    *uint32              `abi:"opt"`
	Code   *tvmcell.Cell        `abi:"code"`
	Raw    any                  `abi:"raw"`
	Nested map[uint32]point     `abi:"nested"`
	Bytes  []byte               `abi:"bytes"`
	Flag   bool                 `abi:"flag"`
	Maybe  *string              `abi:"maybe"`
	Struct *cell.Struct         `abi:"struct"`
	Coins  map[int64]*big.Int   `abi:"coins"`
	Empty  map[uint8]bool       `abi:"empty"`
	Unset  map[string]tlb.Coins `abi:"unset"`
	Text   string               `abi:"text"`
	Either any                  `abi:"either"`
	None   *address.Address     `abi:"none"`
}

func TestInput(t *testing.T) {
	seven := uint32(7)
	code := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	in, err := contract.Input(holder{
		At: &point{X: 1, Y: -2, Note: "n", skip: 3, Gone: true}, Owner: alice, Amount: tlb.MustFromTON("1.5"), Big: big.NewInt(9),
		ByKey: map[uint8]bool{3: true}, ByAddr: map[string]tlb.Coins{alice.StringRaw(): tlb.MustFromTON("2")}, Opt: &seven, Code: code,
	})
	require.NoError(t, err)
	m := in.(map[string]any)
	assert.Equal(t, map[string]any{"x": int64(1), "y": int64(-2), "note": "n"}, m["at"], "tags name fields, an untagged one by its Go name; unexported and \"-\" fields are left out")
	assert.Same(t, alice, m["owner"])
	assert.Equal(t, tlb.MustFromTON("1.5").Nano(), m["amount"], "coins as nanotons")
	assert.Equal(t, big.NewInt(9), m["big"])
	assert.Equal(t, &cell.Map{Entries: []cell.MapEntry{{Key: uint64(3), Value: true}}}, m["byKey"], "a map with integer keys becomes a cell.Map")
	assert.Equal(t, map[string]any{alice.StringRaw(): tlb.MustFromTON("2").Nano()}, m["byAddr"], "string keys stay text")
	assert.Equal(t, uint64(7), m["opt"], "a pointer is its value")
	assert.Nil(t, m["maybe"], "a nil pointer is absent")
	assert.Same(t, code, m["code"])

	_, err = contract.Input(struct{ C chan int }{})
	require.ErrorIs(t, err, contract.ErrGoType)
	assert.ErrorContains(t, err, "value.c: go type mismatch: a chan int has no ABI form")
}

func TestUnpack(t *testing.T) {
	code := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	pt := &cell.Struct{Type: "Point", Fields: []cell.FieldValue{{Name: "x", Value: big.NewInt(1)}, {Name: "y", Value: big.NewInt(-2)}, {Name: "note", Value: "n"}}}
	decoded := &cell.Struct{Type: "Holder", Fields: []cell.FieldValue{
		{Name: "at", Value: pt},
		{Name: "owner", Value: alice},
		{Name: "amount", Value: big.NewInt(1_500_000_000)},
		{Name: "big", Value: new(big.Int).Lsh(big.NewInt(1), 200)},
		{Name: "byKey", Value: &cell.Map{Entries: []cell.MapEntry{{Key: big.NewInt(3), Value: true}}}},
		{Name: "byAddr", Value: &cell.Map{Entries: []cell.MapEntry{{Key: alice, Value: big.NewInt(2)}}}},
		{Name: "opt", Value: big.NewInt(7)},
		{Name: "code", Value: code},
		{Name: "raw", Value: "anything"},
		{Name: "nested", Value: &cell.Map{Entries: []cell.MapEntry{{Key: big.NewInt(1), Value: pt}}}},
		{Name: "bytes", Value: []byte{1, 2}},
		{Name: "flag", Value: true},
		{Name: "maybe", Value: nil},
		{Name: "struct", Value: pt},
		{Name: "coins", Value: &cell.Map{Entries: []cell.MapEntry{{Key: big.NewInt(-1), Value: big.NewInt(5)}}}},
		{Name: "empty", Value: &cell.Map{}},
		{Name: "unset", Value: nil},
		{Name: "text", Value: "hi"},
		{Name: "either", Value: nil},
		{Name: "none", Value: nil},
	}}
	var h holder
	require.NoError(t, contract.Unpack(decoded, &h))
	seven := uint32(7)
	assert.Equal(t, holder{
		At: &point{X: 1, Y: -2, Note: "n"}, Owner: alice, Amount: tlb.MustFromTON("1.5"), Big: new(big.Int).Lsh(big.NewInt(1), 200),
		ByKey: map[uint8]bool{3: true}, ByAddr: map[string]tlb.Coins{alice.StringRaw(): tlb.FromNanoTON(big.NewInt(2))}, Opt: &seven, Code: code,
		Raw: "anything", Nested: map[uint32]point{1: {X: 1, Y: -2, Note: "n"}}, Bytes: []byte{1, 2}, Flag: true, Struct: pt,
		Coins: map[int64]*big.Int{-1: big.NewInt(5)}, Empty: map[uint8]bool{}, Text: "hi",
	}, h)

	tests := []struct {
		name    string
		decoded any
		out     any
		want    string
	}{
		{"too big for the Go integer", big.NewInt(256), new(uint8), "value: go type mismatch: 256 does not fit a uint8"},
		{"negative into unsigned", big.NewInt(-1), new(uint64), "value: go type mismatch: -1 does not fit a uint64"},
		{"null into a value", nil, new(uint32), "value: go type mismatch: null cannot be a uint32 (make it a pointer)"},
		{"wrong kind", "text", new(bool), "value: go type mismatch: cannot put a string in a bool"},
		{"a field the struct lacks", &cell.Struct{Type: "P"}, new(point), `value: unknown field "x" in P (fields: )`},
		{"not a pointer", big.NewInt(1), uint8(0), "go type mismatch: Unpack needs a non-nil pointer, got uint8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, contract.Unpack(tt.decoded, tt.out), tt.want)
		})
	}
}

func TestMatches(t *testing.T) {
	code := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	st := &cell.Struct{Type: "S", Fields: []cell.FieldValue{
		{Name: "n", Value: big.NewInt(1_500_000_000)},
		{Name: "who", Value: alice},
		{Name: "m", Value: &cell.Map{Entries: []cell.MapEntry{{Key: alice, Value: big.NewInt(2)}}}},
		{Name: "c", Value: code},
		{Name: "none", Value: nil},
	}}
	tests := []struct {
		name string
		want any
		ok   bool
	}{
		{"an Int as coins", map[string]any{"n": tlb.MustFromTON("1.5")}, true},
		{"an Int as a Go integer", map[string]any{"n": 1_500_000_000}, true},
		{"an Int as text", map[string]any{"n": "1500000000"}, true},
		{"another Int", map[string]any{"n": 1}, false},
		{"an address", map[string]any{"who": alice}, true},
		{"an address as text", map[string]any{"who": alice.StringRaw()}, true},
		{"a map by raw key", map[string]any{"m": map[string]any{alice.StringRaw(): 2}}, true},
		{"a map with another value", map[string]any{"m": map[string]any{alice.StringRaw(): 3}}, false},
		{"a map with an entry more", map[string]any{"m": map[string]any{alice.StringRaw(): 2, "0:00": 1}}, false},
		{"a cell by hash", map[string]any{"c": tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()}, true},
		{"null", map[string]any{"none": nil}, true},
		{"a field it lacks", map[string]any{"nope": 1}, false},
		{"a Go struct", struct {
			N tlb.Coins `abi:"n"`
		}{tlb.MustFromTON("1.5")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, contract.Matches(st, tt.want))
		})
	}
}
