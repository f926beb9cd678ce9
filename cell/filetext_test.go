package cell_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tonsim/tonsim/cell"
)

// secret stands for a file's content an error must never show: it is no
// name (it holds '='), so no reader may quote it.
const secret = "SECRETPASSWORD=hunter2"

// TestFileStringsNotQuoted: an ABI or package error describes a string it
// read instead of quoting it (by its length, by what was wanted), unless
// the string is a name checked to be short and printable, which it quotes.
func TestFileStringsNotQuoted(t *testing.T) {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	good, err := os.ReadFile("../counter/build/CounterV1_CounterV1.pkg")
	require.NoError(t, err)
	pkg := func(f func(pkg, abi map[string]any)) []byte {
		var m, abi map[string]any
		require.NoError(t, json.Unmarshal(good, &m))
		require.NoError(t, json.Unmarshal([]byte(m["abi"].(string)), &abi))
		f(m, abi)
		out, err := json.Marshal(abi)
		require.NoError(t, err)
		m["abi"] = string(out)
		data, err := json.Marshal(m)
		require.NoError(t, err)
		return data
	}
	field := func(typ map[string]any) []any {
		return []any{map[string]any{"name": "Bad", "header": nil, "fields": []any{map[string]any{"name": "x", "type": typ}}}}
	}
	tolk := func(entries map[string]string) func(t *testing.T) error {
		return func(t *testing.T) error { _, err := cell.ParseTolkABI(tolkDoc(t, entries)); return err }
	}
	tact := func(f func(pkg, abi map[string]any)) func(t *testing.T) error {
		return func(t *testing.T) error { _, err := cell.ParsePackage(pkg(f)); return err }
	}

	tests := []struct {
		name  string
		parse func(t *testing.T) error
		is    error
		says  string // part of the error
	}{
		{"Tolk schema version", tolk(map[string]string{"abi_schema_version": q(secret)}), cell.ErrInvalidTolkABI,
			"abi_schema_version is not 1.x: a string of 22 bytes"},
		{"Tolk schema version, a version", tolk(map[string]string{"abi_schema_version": `"2.0"`}), cell.ErrInvalidTolkABI,
			`abi_schema_version "2.0" is not 1.x`},
		{"Tolk schema version, a number", tolk(map[string]string{"abi_schema_version": `12345678`}), cell.ErrInvalidTolkABI,
			`"abi_schema_version" has the wrong type: want string`},
		{"Tolk not JSON", func(t *testing.T) error { _, err := cell.ParseTolkABI([]byte(secret)); return err }, cell.ErrInvalidTolkABI,
			"not JSON (a syntax error at byte 1)"},
		{"Tolk contract name", tolk(map[string]string{"contract_name": q(secret)}), cell.ErrInvalidTolkABI,
			"contract_name is not a name: a string of 22 bytes (want letters, digits and _, at most 128 bytes)"},
		{"Tolk kind", tolk(map[string]string{"unique_types": `[{"kind":` + q(secret) + `}]`}), cell.ErrInvalidTolkABI,
			"unique_types[0].kind is not a name: a string of 22 bytes"},
		{"Tolk struct name", tolk(map[string]string{"unique_types": `[{"kind":"StructRef","struct_name":` + q(secret) + `}]`}), cell.ErrInvalidTolkABI,
			"unique_types[0].struct_name is not a name"},
		{"Tolk declaration kind", tolk(map[string]string{"declarations": `[{"kind":` + q(secret) + `,"name":"X"}]`}), cell.ErrInvalidTolkABI,
			"declarations[0].kind is not a name"},
		{"Tolk declaration kind, a name", tolk(map[string]string{"declarations": `[{"kind":"trait","name":"X","ty_idx":0}]`}), cell.ErrInvalidTolkABI,
			`declarations[0]: unknown kind "trait"`},
		{"Tolk field name", tolk(map[string]string{"declarations": `[{"kind":"struct","name":"S","fields":[{"name":` + q(secret) + `}]}]`}), cell.ErrInvalidTolkABI,
			"declarations[0].fields[0].name is not a name"},
		{"Tolk long name", tolk(map[string]string{"declarations": `[{"kind":"struct","name":"S` + strings.Repeat("x", 200) + `"}]`}), cell.ErrInvalidTolkABI,
			"declarations[0].name is not a name: a string of 201 bytes"},
		{"Tolk getter name", tolk(map[string]string{"get_methods": `[{"name":` + q(secret) + `,"tvm_method_id":1}]`}), cell.ErrInvalidTolkABI,
			"get_methods[0].name is not a name"},
		{"Tact type name", tact(func(_, abi map[string]any) {
			abi["types"] = []any{map[string]any{"name": secret, "header": nil, "fields": []any{}}}
		}), cell.ErrInvalidABI, "types[0].name is not a name: a string of 22 bytes"},
		{"Tact field type", tact(func(_, abi map[string]any) {
			abi["types"] = field(map[string]any{"kind": "simple", "type": secret})
		}), cell.ErrInvalidABI, "types[0].fields[0].type.type is not a name"},
		{"Tact field type, a name", tact(func(_, abi map[string]any) {
			abi["types"] = field(map[string]any{"kind": "simple", "type": "Nope"})
		}), cell.ErrUnknownType, `Bad.x: unknown type "Nope"`},
		{"Tact format", tact(func(_, abi map[string]any) {
			abi["types"] = field(map[string]any{"kind": "simple", "type": "uint", "format": secret})
		}), cell.ErrInvalidABI, "types[0].fields[0].type.format is not a name"},
		{"Tact format, a number", tact(func(_, abi map[string]any) {
			abi["types"] = field(map[string]any{"kind": "simple", "type": "uint", "format": 300})
		}), cell.ErrInvalidABI, `Bad.x: unsupported uint format "300"`},
		{"Tact receiver kind", tact(func(_, abi map[string]any) {
			abi["receivers"] = []any{map[string]any{"receiver": secret, "message": map[string]any{"kind": "empty"}}}
		}), cell.ErrInvalidABI, "receivers[0].receiver is not a name"},
		{"Tact message type", tact(func(_, abi map[string]any) {
			abi["receivers"] = []any{map[string]any{"receiver": "internal", "message": map[string]any{"kind": "typed", "type": secret}}}
		}), cell.ErrInvalidABI, "receivers[0].message.type is not a name"},
		{"Tact getter", tact(func(_, abi map[string]any) {
			abi["getters"] = []any{map[string]any{"name": secret, "methodId": 1, "arguments": []any{}}}
		}), cell.ErrInvalidABI, "getters[0].name is not a name"},
		{"Tact error code", tact(func(_, abi map[string]any) {
			abi["errors"] = map[string]any{secret: map[string]any{"message": "x"}}
		}), cell.ErrInvalidABI, "an error code is not an integer: a string of 22 bytes"},
		{"Tact name, a number", tact(func(_, abi map[string]any) { abi["name"] = 12345678 }), cell.ErrInvalidABI,
			"has the wrong type: want string"},
		{"package init kind", tact(func(m, _ map[string]any) { m["init"].(map[string]any)["kind"] = secret }), cell.ErrInvalidPackage,
			`init kind is a string of 22 bytes, not "direct"`},
		{"package init kind, a name", tact(func(m, _ map[string]any) { m["init"].(map[string]any)["kind"] = "lazy" }), cell.ErrInvalidPackage,
			`init kind is "lazy", not "direct"`},
		{"package source path", tact(func(m, _ map[string]any) { m["sources"] = map[string]any{secret: "!!"} }), cell.ErrInvalidPackage,
			"source a string of 22 bytes: illegal base64 data at input byte 0"},
		{"package source path, a path", tact(func(m, _ map[string]any) { m["sources"] = map[string]any{"contracts/a.tact": "!!"} }), cell.ErrInvalidPackage,
			`source "contracts/a.tact": illegal base64 data at input byte 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse(t)
			require.ErrorIs(t, err, tt.is)
			assert.Contains(t, err.Error(), tt.says)
			assert.NotContains(t, err.Error(), "SECRET", "an error never quotes the file")
			assert.NotContains(t, err.Error(), "hunter2")
			assert.NotContains(t, err.Error(), "12345678")
		})
	}
}
