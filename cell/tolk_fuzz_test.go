package cell_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// FuzzParseTolkABI checks that any Tolk ABI file either loads, and then
// every type can be encoded, decoded and printed and every getter's
// arguments built without panicking, or fails with ErrInvalidTolkABI.
func FuzzParseTolkABI(f *testing.F) {
	for _, pattern := range []string{"testdata/tolk/*.json", filepath.Join(tolkCounterBuild, "*.abi.json")} {
		files, err := filepath.Glob(pattern)
		require.NoError(f, err)
		require.NotEmpty(f, files, pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	f.Add([]byte(`{"abi_schema_version":"1.0","contract_name":"X"}`))

	code := tvmcell.BeginCell().EndCell()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := cell.LoadTolkPackage(code, data)
		if err != nil {
			if !errors.Is(err, cell.ErrInvalidTolkABI) {
				t.Fatalf("%v does not wrap ErrInvalidTolkABI", err)
			}
			return
		}
		empty := tvmcell.BeginCell().EndCell()
		for _, def := range p.ABI.Types {
			if c, err := p.ABI.Encode(def.Name, nil); err == nil {
				roundTrip(t, p.ABI, def.Name, c)
			}
			_, _ = p.ABI.Decode(def.Name, empty)
		}
		if data, err := p.InitData(nil); err == nil {
			if st, err := p.DecodeStorage(data); err == nil {
				_ = cell.PrintStruct(st.Fields)
			}
		}
		_, _ = p.DecodeStorage(empty)
		for _, g := range p.ABI.Getters {
			_, _ = p.ABI.GetterArgs(g.Name, nil)
			if g.ReturnType != nil {
				_, _ = p.ABI.FromGetterStack(*g.ReturnType, []any{empty})
				_ = g.ReturnType.String()
			}
		}
	})
}
