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

// FuzzParseBOC checks that any text either parses, and then survives a
// round trip, or fails with ErrNotBOC or ErrMalformedBOC.
func FuzzParseBOC(f *testing.F) {
	c, err := cell.ParseBOC(counterV2Lazy)
	require.NoError(f, err)
	for _, s := range []string{counterV1Data, counterV2Lazy, "0x" + counterV2Data, cell.Base64(c), "", "zz", "te6cc", "b5ee9c72"} {
		f.Add(s)
	}

	f.Fuzz(func(t *testing.T, s string) {
		c, err := cell.ParseBOC(s)
		if err != nil {
			if !errors.Is(err, cell.ErrNotBOC) && !errors.Is(err, cell.ErrMalformedBOC) {
				t.Fatalf("ParseBOC(%q): %v wraps neither ErrNotBOC nor ErrMalformedBOC", s, err)
			}
			return
		}
		for _, text := range []string{cell.Hex(c), cell.Base64(c)} {
			back, err := cell.ParseBOC(text)
			if err != nil {
				t.Fatalf("ParseBOC of our own %q: %v", text, err)
			}
			if string(back.Hash()) != string(c.Hash()) {
				t.Fatalf("round trip through %q changed the cell", text)
			}
		}
		_ = cell.Print(c)
		_ = cell.FormatValue(c)
		_ = cell.DiffCells(c, back(t, c))
	})
}

func back(t *testing.T, c *tvmcell.Cell) *tvmcell.Cell {
	t.Helper()
	out, err := tvmcell.FromBOC(c.ToBOC())
	if err != nil {
		t.Fatalf("FromBOC(ToBOC(c)): %v", err)
	}
	return out
}

// FuzzParsePackage checks that any .pkg content either loads, and then
// every type can be encoded, decoded and printed without panicking, or
// fails with ErrInvalidPackage.
func FuzzParsePackage(f *testing.F) {
	for _, pattern := range []string{"../counter/build/*.pkg", "testdata/kitchen/*.pkg"} {
		files, err := filepath.Glob(pattern)
		require.NoError(f, err)
		for _, file := range files {
			data, err := os.ReadFile(file)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	f.Add([]byte(`{"name":"X","code":"te6ccgEBAQEAAgAAAA==","abi":"{}","init":{"kind":"direct","args":[],"deployment":{"kind":"direct"}},"compiler":{}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := cell.ParsePackage(data)
		if err != nil {
			if !errors.Is(err, cell.ErrInvalidPackage) {
				t.Fatalf("%v does not wrap ErrInvalidPackage", err)
			}
			return
		}

		empty := tvmcell.BeginCell().EndCell()
		for _, def := range p.ABI.Types {
			if c, err := p.ABI.Encode(def.Name, nil); err == nil {
				roundTrip(t, p.ABI, def.Name, c)
			}
			_, _ = p.ABI.Decode(def.Name, empty)
			_, _ = p.ABI.Decode(def.Name, p.Code)
		}
		if data, err := p.InitData(nil); err == nil {
			if st, err := p.DecodeStorage(data); err == nil {
				_ = cell.PrintStruct(st.Fields)
			}
		}
		_, _ = p.DecodeStorage(empty)
		for _, g := range p.ABI.Getters {
			_, _ = p.ABI.GetterArgs(g.Name, nil)
		}
	})
}

// FuzzDecode decodes arbitrary BOCs as every kitchen type and as the
// kitchen and counter storages: never a panic, and whatever decodes must
// encode back to the same cell.
func FuzzDecode(f *testing.F) {
	k := kitchenPackage(f)
	counters := []*cell.Package{counter(f, "V1"), counter(f, "V2")}
	seeds := map[string]map[string]any{
		"Sink": sinkValues(), "Bytes": bytesValues(), "Spill": spillValues(), "Ping": pingValues(),
		"Envelope": {"seq": 3, "ping": pingValues()}, "Outer": outerValues(), "Wrap": {"o": outerValues(), "n": 1},
		"Inner": {"x": 1, "y": true}, "Vars": {"a": -1, "b": 2, "c": 3, "d": 4, "e": 5},
		"Tight": tightValues(), "Refs4": refs4Values(), "Full": fullValues(),
	}
	for typ, values := range seeds {
		c, err := k.ABI.Encode(typ, values)
		require.NoError(f, err)
		f.Add(c.ToBOC())
	}
	for _, s := range []string{counterV1Data, counterV2Data, counterV2Lazy} {
		f.Add(mustHex(f, s))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := tvmcell.FromBOC(data)
		if err != nil {
			return
		}
		for _, typ := range kitchenTypes {
			if _, err := k.ABI.Decode(typ, c); err == nil {
				roundTrip(t, k.ABI, typ, c)
			}
		}
		for _, p := range append(counters, k) {
			st, err := p.DecodeStorage(c)
			if err != nil {
				continue
			}
			again, err := p.EncodeStorage(st)
			if err != nil {
				t.Fatalf("%s: EncodeStorage of decoded storage: %v", p.Name, err)
			}
			if string(again.Hash()) != string(c.Hash()) {
				t.Fatalf("%s: storage round trip changed the cell:\n%s\n%s", p.Name, cell.Print(c), cell.Print(again))
			}
		}
	})
}

// roundTrip checks that c decodes as typ and encodes back to c.
func roundTrip(t *testing.T, abi *cell.ABI, typ string, c *tvmcell.Cell) {
	t.Helper()
	s, err := abi.Decode(typ, c)
	if err != nil {
		t.Fatalf("Decode(%s) of an encoded cell: %v\n%s", typ, err, cell.Print(c))
	}
	again, err := abi.EncodeStruct(s)
	if err != nil {
		t.Fatalf("EncodeStruct(%s) of a decoded cell: %v\n%s", typ, err, cell.PrintStruct(s))
	}
	if string(again.Hash()) != string(c.Hash()) {
		t.Fatalf("%s round trip changed the cell:\n%s\n%s", typ, cell.Print(c), cell.Print(again))
	}
	_ = cell.PrintStruct(s)
	_ = cell.DiffStructs(s, s)
}
