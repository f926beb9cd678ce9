package cell_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// Data cells of the counters from the real Tact sandbox (counter/testdata).
const (
	counterV2Data   = "b5ee9c7201010101003000005bc0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e310000000000000002000000078"
	counterV2Lazy   = "b5ee9c7201010201003000010140010053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038"
	counterInitHash = "e1700aefd85133b79b153848e456ee6cf111918ffa1b39b8e22037f1fa239503"
)

func counter(t testing.TB, version string) *cell.Package {
	t.Helper()
	p, err := cell.LoadPackage("../counter/build/Counter" + version + "_Counter" + version + ".pkg")
	require.NoError(t, err)
	return p
}

func TestCounterInitData(t *testing.T) {
	p := counter(t, "V1")
	data, err := p.InitData(map[string]any{"id": 7, "owner": ownerAddr, "value": 0})
	require.NoError(t, err)
	assert.Equal(t, counterInitHash, hex.EncodeToString(data.Hash()))
}

func TestCounterStorage(t *testing.T) {
	tests := []struct {
		name        string
		version     string
		data        string
		initialized bool
		typ         string
		want        string
	}{
		{"V1 initialized", "V1", counterV1Data, true, "CounterV1$Data", "{owner: " + ownerAddr + ", id: 7, value: 3}"},
		{"V2 initialized", "V2", counterV2Data, true, "CounterV2$Data", "{owner: " + ownerAddr + ", value: 2, id: 7}"},
		{"V2 before init", "V2", counterV2Lazy, false, "CounterV2_init_args", "{stateToBeMigrated: x{C0043A8E6C4C9CF0A60EB8708A9B47AF…} (332 bits, 0 refs, #1154d997)}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := counter(t, tt.version)
			data, err := cell.ParseBOC(tt.data)
			require.NoError(t, err)

			st, err := p.DecodeStorage(data)
			require.NoError(t, err)
			assert.Equal(t, tt.initialized, st.Initialized)
			assert.Equal(t, tt.typ, st.Fields.Type)
			assert.Equal(t, tt.want, cell.FormatValue(st.Fields))

			again, err := p.EncodeStorage(st)
			require.NoError(t, err)
			assert.Equal(t, data.Hash(), again.Hash())
		})
	}

	t.Run("V2's init argument is V1's data", func(t *testing.T) {
		data, err := cell.ParseBOC(counterV2Lazy)
		require.NoError(t, err)
		st, err := counter(t, "V2").DecodeStorage(data)
		require.NoError(t, err)
		arg, err := st.Fields.Get("stateToBeMigrated")
		require.NoError(t, err)

		v1, err := counter(t, "V1").DecodeStorage(arg.(*tvmcell.Cell))
		require.NoError(t, err)
		assert.Equal(t, "{owner: "+ownerAddr+", id: 7, value: 3}", cell.FormatValue(v1.Fields))
	})

	t.Run("V1 data is not V2 data", func(t *testing.T) {
		data, err := cell.ParseBOC(counterV1Data)
		require.NoError(t, err)
		_, err = counter(t, "V2").DecodeStorage(data)
		assert.ErrorIs(t, err, cell.ErrCellUnderflow)
	})
}

func TestLoadPackage(t *testing.T) {
	p := counter(t, "V2")
	assert.Equal(t, "CounterV2", p.Name)
	assert.Equal(t, "CounterV2", p.ABI.Name)
	assert.Equal(t, "tact", p.Compiler.Name)
	assert.Equal(t, "1.6.13", p.Compiler.Version)
	assert.Equal(t, []cell.Field{{Name: "stateToBeMigrated", Type: cell.Type{Kind: cell.KindSimple, Type: "cell"}}}, p.Init.Args)
	assert.Equal(t, &cell.InitPrefix{Bits: 1, Value: 0}, p.Init.Prefix)
	assert.Equal(t, "system-cell", p.Init.Deployment)
	assert.Contains(t, string(p.Sources["counter/contracts/counter_v2.tact"]), "contract CounterV2")
	assert.NotZero(t, p.Code.BitsSize())
}

func TestLoadPackageErrors(t *testing.T) {
	good, err := os.ReadFile("../counter/build/CounterV1_CounterV1.pkg")
	require.NoError(t, err)
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(good, &m))
		f(m)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		return out
	}
	editABI := func(f func(m map[string]any)) []byte {
		return edit(func(m map[string]any) {
			var abi map[string]any
			require.NoError(t, json.Unmarshal([]byte(m["abi"].(string)), &abi))
			f(abi)
			out, err := json.Marshal(abi)
			require.NoError(t, err)
			m["abi"] = string(out)
		})
	}

	tests := []struct {
		name string
		data []byte
		want []error
		says string
	}{
		{"not JSON", []byte("{"), []error{cell.ErrInvalidPackage}, "unexpected end"},
		{"not JSON, not quoted", []byte("root:x:0:0:root:/root:/bin/bash"), []error{cell.ErrInvalidPackage}, "not JSON (a syntax error at byte 1)"},
		{"no name", edit(func(m map[string]any) { delete(m, "name") }), []error{cell.ErrInvalidPackage}, "no name"},
		{"code not base64", edit(func(m map[string]any) { m["code"] = "!!" }), []error{cell.ErrInvalidPackage, cell.ErrNotBOC}, "code"},
		{"code not a BOC", edit(func(m map[string]any) { m["code"] = "aGVsbG8=" }), []error{cell.ErrInvalidPackage, cell.ErrMalformedBOC}, "code"},
		{"no abi", edit(func(m map[string]any) { delete(m, "abi") }), []error{cell.ErrInvalidPackage}, "no abi"},
		{"abi not JSON", edit(func(m map[string]any) { m["abi"] = "[" }), []error{cell.ErrInvalidPackage, cell.ErrInvalidABI}, "abi"},
		{"unknown field type", editABI(func(abi map[string]any) {
			abi["types"] = append(abi["types"].([]any), map[string]any{"name": "Bad", "header": nil, "fields": []any{
				map[string]any{"name": "x", "type": map[string]any{"kind": "simple", "type": "Nope"}},
			}})
		}), []error{cell.ErrInvalidABI, cell.ErrUnknownType}, `Bad.x: unknown type "Nope"`},
		{"unsupported format", editABI(func(abi map[string]any) {
			abi["types"] = append(abi["types"].([]any), map[string]any{"name": "Bad", "header": nil, "fields": []any{
				map[string]any{"name": "x", "type": map[string]any{"kind": "simple", "type": "uint", "format": 300}},
			}})
		}), []error{cell.ErrInvalidABI}, `Bad.x: unsupported uint format "300"`},
		{"recursive struct", editABI(func(abi map[string]any) {
			abi["types"] = append(abi["types"].([]any), map[string]any{"name": "Loop", "header": nil, "fields": []any{
				map[string]any{"name": "self", "type": map[string]any{"kind": "simple", "type": "Loop", "optional": true}},
			}})
		}), []error{cell.ErrInvalidABI}, "Loop contains itself"},
		{"unknown receiver type", editABI(func(abi map[string]any) {
			abi["receivers"] = []any{map[string]any{"receiver": "internal", "message": map[string]any{"kind": "typed", "type": "Nope"}}}
		}), []error{cell.ErrInvalidABI, cell.ErrUnknownType}, "receiver 0"},
		{"unknown getter type", editABI(func(abi map[string]any) {
			abi["getters"] = []any{map[string]any{"name": "g", "methodId": 1, "arguments": []any{}, "returnType": map[string]any{"kind": "simple", "type": "Nope"}}}
		}), []error{cell.ErrInvalidABI, cell.ErrUnknownType}, "getter g"},
		{"unknown init type", edit(func(m map[string]any) {
			m["init"].(map[string]any)["args"] = []any{map[string]any{"name": "x", "type": map[string]any{"kind": "dict", "key": "bool", "value": "int"}}}
		}), []error{cell.ErrInvalidPackage}, `map key: unsupported type "bool"`},
		{"prefix too big", edit(func(m map[string]any) {
			m["init"].(map[string]any)["prefix"] = map[string]any{"bits": 1, "value": 2}
		}), []error{cell.ErrInvalidPackage}, "prefix"},
		{"source not base64", edit(func(m map[string]any) { m["sources"] = map[string]any{"a.tact": "!!"} }), []error{cell.ErrInvalidPackage}, "a.tact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cell.ParsePackage(tt.data)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.ErrorIs(t, err, w)
			}
			assert.Contains(t, err.Error(), tt.says)
			assert.NotContains(t, err.Error(), "root:", "an error never quotes the file")
		})
	}

	t.Run("file name", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "broken.pkg")
		require.NoError(t, os.WriteFile(path, []byte("{}"), 0o644))
		_, err := cell.LoadPackage(path)
		assert.ErrorIs(t, err, cell.ErrInvalidPackage)
		assert.Contains(t, err.Error(), path)

		_, err = cell.LoadPackage(path + ".missing")
		assert.ErrorIs(t, err, os.ErrNotExist)
		assert.Contains(t, err.Error(), path+".missing")
	})
}
