package main

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func TestJSONValue(t *testing.T) {
	addr := address.MustParseRawAddr("0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31")
	inner := &cell.Struct{Type: "Inner", Fields: []cell.FieldValue{{Name: "x", Value: big.NewInt(-3)}}}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"null", nil, `null`},
		{"integer as a decimal string", new(big.Int).Lsh(big.NewInt(1), 100), `"1267650600228229401496703205376"`},
		{"bool", true, `true`},
		{"address raw", addr, `"0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31"`},
		{"absent address", (*address.Address)(nil), `null`},
		{"string", `say "hi"`, `"say \"hi\""`},
		{"cell as a hex BOC", tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell(), `"b5ee9c7201010101000300000201"`},
		{"struct in field order", &cell.Struct{Type: "S", Fields: []cell.FieldValue{{Name: "z", Value: big.NewInt(1)}, {Name: "a", Value: inner}}}, `{"z":"1","a":{"x":"-3"}}`},
		{"map by formatted key", &cell.Map{Entries: []cell.MapEntry{{Key: big.NewInt(2), Value: false}, {Key: big.NewInt(10), Value: true}}}, `{"2":false,"10":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(jsonValue(tt.v)))
		})
	}
	assert.Equal(t, `["1",null]`, string(jsonStack([]any{big.NewInt(1), nil})))
}
