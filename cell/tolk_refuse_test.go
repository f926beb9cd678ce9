package cell_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// tolkDoc builds a Tolk ABI file: an empty contract with the given
// top-level entries (raw JSON) in place of the empty ones.
func tolkDoc(t *testing.T, entries map[string]string) []byte {
	t.Helper()
	doc := map[string]json.RawMessage{
		"abi_schema_version": json.RawMessage(`"1.0"`), "contract_name": json.RawMessage(`"C"`),
		"unique_types": json.RawMessage(`[]`), "struct_instantiations": json.RawMessage(`[]`),
		"alias_instantiations": json.RawMessage(`[]`), "declarations": json.RawMessage(`[]`),
		"storage": json.RawMessage(`{}`), "incoming_messages": json.RawMessage(`[]`),
		"incoming_external": json.RawMessage(`[]`), "outgoing_messages": json.RawMessage(`[]`),
		"emitted_events": json.RawMessage(`[]`), "get_methods": json.RawMessage(`[]`),
		"thrown_errors": json.RawMessage(`[]`),
		"compiler_name": json.RawMessage(`"tolk"`), "compiler_version": json.RawMessage(`"1.4.2"`),
	}
	for k, v := range entries {
		doc[k] = json.RawMessage(v)
	}
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	return data
}

// structS declares struct S { f: <type 1> } over the types given, S being
// the last one.
func structS(types string) map[string]string {
	return map[string]string{
		"unique_types": types,
		"declarations": `[{"kind":"struct","name":"S","ty_idx":` + lastIndex(types) + `,"fields":[{"name":"f","ty_idx":1}]}]`,
	}
}

func lastIndex(types string) string {
	var list []json.RawMessage
	if err := json.Unmarshal([]byte(types), &list); err != nil {
		panic(err)
	}
	b, _ := json.Marshal(len(list) - 1)
	return string(b)
}

func with(m map[string]string, k, v string) map[string]string {
	m[k] = v
	return m
}

const (
	i8 = `{"kind":"intN","n":8}`
	sS = `{"kind":"StructRef","struct_name":"S"}`
)

// TestParseTolkABIRefuses: what the package cannot read is an error that
// names the kind and where it is, never a wrong layout.
func TestParseTolkABIRefuses(t *testing.T) {
	getterS := func(ret string) map[string]string {
		return map[string]string{
			"unique_types": `[` + i8 + `,` + sS + `,{"kind":"nullable","inner_ty_idx":1},{"kind":"StructRef","struct_name":"T"},{"kind":"union","variants":[{"variant_ty_idx":1,"prefix_num":0,"prefix_len":1},{"variant_ty_idx":3,"prefix_num":1,"prefix_len":1}]}]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":1,"fields":[{"name":"f","ty_idx":0}]},{"kind":"struct","name":"T","ty_idx":3,"fields":[]}]`,
			"get_methods":  `[{"tvm_method_id":1,"name":"g","parameters":[],"return_ty_idx":` + ret + `}]`,
		}
	}
	tests := []struct {
		name    string
		entries map[string]string
		msg     string
	}{
		{"a tensor", structS(`[` + i8 + `,{"kind":"tensor","items_ty_idx":[0,0]},` + sS + `]`),
			`S.f: (int8, int8) (kind "tensor") is not supported`},
		{"an array", structS(`[` + i8 + `,{"kind":"arrayOf","inner_ty_idx":0},` + sS + `]`),
			`S.f: array<int8> (kind "arrayOf") is not supported`},
		{"a lisp list", structS(`[` + i8 + `,{"kind":"lispListOf","inner_ty_idx":0},` + sS + `]`),
			`S.f: lisp_list<int8> (kind "lispListOf") is not supported`},
		{"a shaped tuple", structS(`[` + i8 + `,{"kind":"shapedTuple","items_ty_idx":[0]},` + sS + `]`),
			`S.f: [int8] (kind "shapedTuple") is not supported`},
		{"an external address", structS(`[` + i8 + `,{"kind":"addressExt"},` + sS + `]`),
			`S.f: ext_address (kind "addressExt") is not supported`},
		{"any address", structS(`[` + i8 + `,{"kind":"addressAny"},` + sS + `]`),
			`S.f: any_address (kind "addressAny") is not supported`},
		{"an unresolved generic", structS(`[` + i8 + `,{"kind":"genericT","name_t":"T"},` + sS + `]`),
			`S.f: T (kind "genericT") is not supported`},
		{"a void field", structS(`[` + i8 + `,{"kind":"void"},` + sS + `]`),
			`S.f: void (kind "void") is not supported`},
		{"no bits", structS(`[` + i8 + `,{"kind":"bitsN","n":0},` + sS + `]`),
			`S.f: bitsN needs n from 1 to 1023`},
		{"int in storage", with(structS(`[`+i8+`,{"kind":"int"},`+sS+`]`), "storage", `{"storage_ty_idx":2}`),
			`S.f: int cannot be serialized (it only lives on the stack)`},
		{"slice in a message", with(structS(`[`+i8+`,{"kind":"slice"},`+sS+`]`), "incoming_messages", `[{"body_ty_idx":2}]`),
			`S.f: slice cannot be serialized (it only lives on the stack)`},
		{"a custom pack/unpack", map[string]string{
			"unique_types": `[` + i8 + `,` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":1,"custom_pack_unpack":{"pack_to_builder":true,"unpack_from_slice":true},"fields":[]}]`,
		}, `struct S: struct S has a custom pack/unpack, which this package cannot run`},
		{"a union of integers", structS(`[` + i8 + `,{"kind":"union","variants":[{"variant_ty_idx":0,"prefix_num":0,"prefix_len":1},{"variant_ty_idx":2,"prefix_num":1,"prefix_len":1}]},{"kind":"intN","n":16},` + sS + `]`),
			`S.f: union int8 | int16, variant 0: int8 is not a struct: only unions of structs are supported`},
		{"a union on the stack", getterS("4"), `getter g: return type: a union (S | T) on the stack is not supported`},
		{"a nullable struct on the stack", getterS("2"), `getter g: return type: a nullable struct (S?) on the stack is not supported`},
		{"a struct argument", with(getterS("0"), "get_methods", `[{"tvm_method_id":1,"name":"g","parameters":[{"name":"p","ty_idx":1}],"return_ty_idx":0}]`),
			`getter g: parameter "p": a struct argument (S) is not supported`},
		{"a bool key", structS(`[{"kind":"bool"},{"kind":"mapKV","key_ty_idx":0,"value_ty_idx":0},` + sS + `]`),
			`S.f: map<bool, bool>: a map key of bool is not supported (intN, uintN or address)`},
		{"a nullable map", structS(`[` + i8 + `,{"kind":"nullable","inner_ty_idx":2},{"kind":"mapKV","key_ty_idx":0,"value_ty_idx":0},` + sS + `]`),
			`S.f: map<int8, int8>?: a nullable mapKV is not supported`},
		{"a struct inside itself", map[string]string{
			"unique_types": `[` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":0,"fields":[{"name":"f","ty_idx":0}]}]`,
		}, `S.f: struct S contains itself`},
		{"a cell of an integer", structS(`[` + i8 + `,{"kind":"cellOf","inner_ty_idx":0},` + sS + `]`),
			`S.f: Cell<int8>: only a cell of a struct is supported`},
		{"a generic without instantiation", map[string]string{
			"unique_types": `[` + i8 + `,{"kind":"StructRef","struct_name":"W","type_args_ty_idx":[0]},` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"W","ty_idx":1,"type_params":["T"],"fields":[]},{"kind":"struct","name":"S","ty_idx":2,"fields":[{"name":"f","ty_idx":1}]}]`,
		}, `S.f: generic struct W<int8> has no instantiation`},
		{"a body that is no struct", map[string]string{"unique_types": `[` + i8 + `]`, "incoming_messages": `[{"body_ty_idx":0}]`},
			`incoming_messages[0]: the body int8 is not a struct or a union of structs`},
		{"a variant prefix that is not the struct's", map[string]string{
			"unique_types":   `[` + sS + `,{"kind":"StructRef","struct_name":"T"},{"kind":"union","variants":[{"variant_ty_idx":0,"prefix_num":2,"prefix_len":8},{"variant_ty_idx":1,"prefix_num":3,"prefix_len":8}]}]`,
			"declarations":   `[{"kind":"struct","name":"S","ty_idx":0,"prefix":{"prefix_num":1,"prefix_len":8},"fields":[]},{"kind":"struct","name":"T","ty_idx":1,"fields":[]}]`,
			"emitted_events": `[{"body_ty_idx":2}]`,
		}, `emitted_events[0]: union S | T, variant 0: prefix 0x02 is not S's own (0x01)`},
		{"overlapping prefixes", map[string]string{
			"unique_types":   `[` + sS + `,{"kind":"StructRef","struct_name":"T"},{"kind":"union","variants":[{"variant_ty_idx":0,"prefix_num":1,"prefix_len":1,"is_prefix_implicit":true},{"variant_ty_idx":1,"prefix_num":2,"prefix_len":2,"is_prefix_implicit":true}]}]`,
			"declarations":   `[{"kind":"struct","name":"S","ty_idx":0,"fields":[]},{"kind":"struct","name":"T","ty_idx":1,"fields":[]}]`,
			"emitted_events": `[{"body_ty_idx":2}]`,
		}, `emitted_events[0]: union S | T, variant 1: its prefix overlaps that of variant 0`},
		{"a prefix too long", map[string]string{
			"unique_types": `[` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":0,"prefix":{"prefix_num":1,"prefix_len":65},"fields":[]}]`,
		}, `struct S: prefix 1 does not fit 65 bits (1 to 64)`},
		{"two getters with one id", map[string]string{
			"unique_types": `[{"kind":"int"}]`,
			"get_methods":  `[{"tvm_method_id":7,"name":"a","parameters":[],"return_ty_idx":0},{"tvm_method_id":7,"name":"b","parameters":[],"return_ty_idx":0}]`,
		}, `getter b: method id 7 is also a's`},
		{"a declaration that is not its type", map[string]string{
			"unique_types": `[` + i8 + `]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":0,"fields":[]}]`,
		}, `struct S: ty_idx 0 is int8, not a reference to it`},
		{"no type index", map[string]string{
			"unique_types": `[` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"S","fields":[]}]`,
		}, `struct S: no type index`},
		{"an index out of range", map[string]string{
			"unique_types": `[` + i8 + `,` + sS + `]`,
			"declarations": `[{"kind":"struct","name":"S","ty_idx":1,"fields":[{"name":"f","ty_idx":9}]}]`,
		}, `S.f: type index 9 is not in unique_types (2 types)`},
		{"schema 2", map[string]string{"abi_schema_version": `"2.0"`}, `abi_schema_version "2.0" is not 1.x`},
		{"no contract name", map[string]string{"contract_name": `""`}, `no contract_name`},
		{"an unknown declaration", map[string]string{"declarations": `[{"kind":"trait","name":"X","ty_idx":0}]`},
			`declarations[0]: unknown kind "trait"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cell.ParseTolkABI(tolkDoc(t, tt.entries))
			require.ErrorIs(t, err, cell.ErrInvalidTolkABI)
			assert.EqualError(t, err, "invalid Tolk ABI: "+tt.msg)
		})
	}

	t.Run("not JSON", func(t *testing.T) {
		_, err := cell.ParseTolkABI([]byte("{"))
		assert.ErrorIs(t, err, cell.ErrInvalidTolkABI)
	})
}

// TestTolkSelfInRef: a struct may hold itself in a ref (a linked list).
func TestTolkSelfInRef(t *testing.T) {
	a, err := cell.ParseTolkABI(tolkDoc(t, map[string]string{
		"unique_types": `[` + i8 + `,` + sS + `,{"kind":"cellOf","inner_ty_idx":1},{"kind":"nullable","inner_ty_idx":2}]`,
		"declarations": `[{"kind":"struct","name":"S","ty_idx":1,"fields":[{"name":"v","ty_idx":0},{"name":"next","ty_idx":3}]}]`,
		"storage":      `{"storage_ty_idx":1}`,
	}))
	require.NoError(t, err)

	tail := tvmcell.BeginCell().MustStoreInt(2, 8).MustStoreBoolBit(false).EndCell()
	head := tvmcell.BeginCell().MustStoreInt(1, 8).MustStoreMaybeRef(tail).EndCell()
	s, err := a.Decode("S", head)
	require.NoError(t, err)
	assert.Equal(t, "{v: 1, next: {v: 2, next: null}}", cell.FormatValue(s))
	again, err := a.EncodeStruct(s)
	require.NoError(t, err)
	assert.Equal(t, head.Hash(), again.Hash())
}

// TestTolkStackOnly: a getter may return a struct with int fields, which
// decodes from the stack but is never read from a cell.
func TestTolkStackOnly(t *testing.T) {
	a, err := cell.ParseTolkABI(tolkDoc(t, map[string]string{
		"unique_types": `[{"kind":"int"},` + sS + `]`,
		"declarations": `[{"kind":"struct","name":"S","ty_idx":1,"fields":[{"name":"f","ty_idx":0}]}]`,
		"get_methods":  `[{"tvm_method_id":1,"name":"g","parameters":[],"return_ty_idx":1}]`,
	}))
	require.NoError(t, err)
	g, err := a.Getter("g")
	require.NoError(t, err)
	v, err := a.FromGetterStack(*g.ReturnType, []any{big.NewInt(-1)})
	require.NoError(t, err)
	assert.Equal(t, "{f: -1}", cell.FormatValue(v))

	_, err = a.Decode("S", tvmcell.BeginCell().EndCell())
	assert.ErrorIs(t, err, cell.ErrInvalidValue)
	assert.EqualError(t, err, "S.f: int is never serialized: it only lives on the stack")
}
