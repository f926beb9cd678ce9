package cell_test

import (
	"fmt"
	"math/big"
	"math/rand"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// kitchenTypes are the structs of the kitchen contract.
var kitchenTypes = []string{"Inner", "Point", "Sink", "Bytes", "Spill", "Ping", "Envelope", "Vars", "Deep", "Outer", "Wrap", "Tight", "Refs4", "Full", "Kitchen$Data"}

// TestRoundTrip checks, on random values of every kitchen type, that
// Decode(Encode(v)) gives v back and EncodeStruct of it the same cell.
func TestRoundTrip(t *testing.T) {
	abi := kitchenPackage(t).ABI
	r := rand.New(rand.NewSource(1))
	for _, typ := range kitchenTypes {
		t.Run(typ, func(t *testing.T) {
			for i := 0; i < 200; i++ {
				values := randomStruct(r, abi, typ)
				c, err := abi.Encode(typ, values)
				require.NoError(t, err, "values %s", cell.FormatValue(values))

				s, err := abi.Decode(typ, c)
				require.NoError(t, err, "cell %s", cell.Print(c))
				again, err := abi.EncodeStruct(s)
				require.NoError(t, err)
				require.Equal(t, c.Hash(), again.Hash(), "values %s", cell.FormatValue(values))
				require.Empty(t, cell.DiffStructs(s, mustStruct(t, abi, typ, values)))
			}
		})
	}
}

// TestRandomAgainstTact passes random values to getters that serialize them
// on-chain with Tact's own code, and compares with Encode.
func TestRandomAgainstTact(t *testing.T) {
	k := kitchen(t)
	r := rand.New(rand.NewSource(2))
	tests := []struct{ getter, arg, typ string }{
		{"sinkCellOf", "s", "Sink"},
		{"outerCell", "o", "Outer"},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			for i := 0; i < 40; i++ {
				values := randomStruct(r, k.pkg.ABI, tt.typ)
				tact := k.runCell(t, tt.getter, map[string]any{tt.arg: values})
				ours, err := k.pkg.ABI.Encode(tt.typ, values)
				require.NoError(t, err)
				require.Equal(t, cell.Print(tact), cell.Print(ours), "values %s", cell.FormatValue(values))
			}
		})
	}
}

func randomStruct(r *rand.Rand, abi *cell.ABI, name string) map[string]any {
	def, err := abi.Type(name)
	if err != nil {
		panic(err)
	}
	out := map[string]any{}
	for _, f := range def.Fields {
		if f.Type.Optional && r.Intn(3) == 0 {
			if r.Intn(2) == 0 {
				out[f.Name] = nil
			}
			continue
		}
		out[f.Name] = randomValue(r, abi, f.Type)
	}
	return out
}

func randomValue(r *rand.Rand, abi *cell.ABI, t cell.Type) any {
	if t.Kind == cell.KindDict {
		m := map[string]any{}
		for i := r.Intn(5); i > 0; i-- {
			key := cell.FormatValue(randomScalar(r, abi, t.Key, t.KeyFormat))
			m[key] = randomScalar(r, abi, t.Value, t.ValueFormat)
		}
		return m
	}
	return randomScalar(r, abi, t.Type, t.Format)
}

func randomScalar(r *rand.Rand, abi *cell.ABI, typ, format string) any {
	switch typ {
	case "int", "uint":
		return randomInt(r, typ == "int", intBits(typ, format))
	case "bool":
		return r.Intn(2) == 0
	case "address":
		hash := make([]byte, 32)
		r.Read(hash)
		return address.NewAddress(0, byte([]int8{0, -1}[r.Intn(2)]), hash)
	case "cell", "slice", "builder":
		if format == "remainder" {
			return randomCell(r, 8, 0)
		}
		return randomCell(r, 200, 2)
	case "string":
		b := make([]byte, r.Intn(300))
		r.Read(b)
		return string(b)
	case "fixed-bytes":
		n, _ := strconv.Atoi(format)
		b := make([]byte, n)
		r.Read(b)
		return b
	default:
		return randomStruct(r, abi, typ)
	}
}

// intBits is the value range of an integer format, in bits with the sign.
func intBits(typ, format string) int {
	switch format {
	case "":
		if typ == "int" {
			return 257
		}
		return 256
	case "coins", "varuint16", "varint16":
		return 120
	case "varuint32", "varint32":
		return 248
	}
	n, err := strconv.Atoi(format)
	if err != nil {
		panic(fmt.Sprintf("format %q", format))
	}
	return n
}

func randomInt(r *rand.Rand, signed bool, bits int) *big.Int {
	limit := new(big.Int).Lsh(big.NewInt(1), uint(bits))
	if signed {
		limit.Rsh(limit, 1)
	}
	var n *big.Int
	switch r.Intn(6) {
	case 0:
		n = big.NewInt(0)
	case 1:
		n = new(big.Int).Sub(limit, big.NewInt(1)) // the largest
	case 2:
		n = new(big.Int).Rand(r, big.NewInt(300))
		n.Mod(n, limit)
	default:
		n = new(big.Int).Rand(r, limit)
	}
	if signed && r.Intn(2) == 0 {
		n.Neg(n)
		if r.Intn(4) == 0 {
			n.Neg(limit) // the smallest
		}
	}
	return n
}

func randomCell(r *rand.Rand, maxBits, maxRefs int) *tvmcell.Cell {
	b := tvmcell.BeginCell()
	bits := r.Intn(maxBits + 1)
	data := make([]byte, (bits+7)/8)
	r.Read(data)
	b.MustStoreSlice(data, uint(bits))
	for i := r.Intn(maxRefs + 1); i > 0; i-- {
		b.MustStoreRef(randomCell(r, 16, 0))
	}
	return b.EndCell()
}

func TestRandomIntFitsItsFormat(t *testing.T) {
	abi := kitchenPackage(t).ABI
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 100; i++ {
		_, err := abi.Encode("Point", map[string]any{"a": randomInt(r, true, 16), "b": randomInt(r, false, 16)})
		assert.NoError(t, err)
	}
}
