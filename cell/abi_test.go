package cell_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tonsim/tonsim/cell"
)

func TestABILookups(t *testing.T) {
	abi := kitchenPackage(t).ABI

	t.Run("type", func(t *testing.T) {
		def, err := abi.Type("Inner")
		require.NoError(t, err)
		assert.Equal(t, []string{"x", "y"}, []string{def.Fields[0].Name, def.Fields[1].Name})
		assert.Nil(t, def.Header)

		_, err = abi.Type("Nope")
		assert.ErrorIs(t, err, cell.ErrUnknownType)
		assert.Contains(t, err.Error(), `"Nope"`)
	})

	t.Run("message by opcode", func(t *testing.T) {
		def, err := abi.Message(0x7e57ab1e)
		require.NoError(t, err)
		assert.Equal(t, "Ping", def.Name)

		_, err = abi.Message(0xdeadbeef)
		assert.ErrorIs(t, err, cell.ErrUnknownOpcode)
		assert.Contains(t, err.Error(), "0xdeadbeef")
	})

	t.Run("getter", func(t *testing.T) {
		g, err := abi.Getter("innerCell")
		require.NoError(t, err)
		assert.Equal(t, int64(101224), g.MethodID)
		assert.Equal(t, "Cell", g.ReturnType.String())

		_, err = abi.Getter("nope")
		assert.ErrorIs(t, err, cell.ErrUnknownGetter)
	})

	t.Run("internal messages", func(t *testing.T) {
		var names []string
		for _, m := range counter(t, "V2").ABI.InternalMessages() {
			names = append(names, m.Name)
		}
		assert.Equal(t, []string{"Step", "Upgrade"}, names)
	})

	t.Run("storage type", func(t *testing.T) {
		def, err := abi.StorageType()
		require.NoError(t, err)
		assert.Equal(t, "Kitchen$Data", def.Name)
	})

	t.Run("error messages", func(t *testing.T) {
		assert.Equal(t, "Cell underflow", abi.ErrorMessage(9))
		assert.Equal(t, "", abi.ErrorMessage(4242))
		codes := abi.ErrorCodes()
		assert.IsIncreasing(t, codes)
		assert.Contains(t, codes, 9)
	})
}

func TestTypeString(t *testing.T) {
	abi := kitchenPackage(t).ABI
	tests := []struct {
		typ, field, want string
	}{
		{"Sink", "i8", "Int as int8"},
		{"Sink", "big", "Int"},
		{"Sink", "u32", "Int as uint32"},
		{"Sink", "optInt", "Int? as uint16"},
		{"Sink", "amount", "Int as coins"},
		{"Sink", "vi16", "Int as varint16"},
		{"Sink", "optFlag", "Bool?"},
		{"Sink", "maybeOwner", "Address?"},
		{"Sink", "maybePayload", "Cell?"},
		{"Sink", "maybeName", "String?"},
		{"Sink", "maybeInner", "Inner?"},
		{"Sink", "small", "map<Int as uint8, Int as uint32>"},
		{"Sink", "allowed", "map<Address, Bool>"},
		{"Sink", "points", "map<Int, Point>"},
		{"Sink", "tail", "Slice as remaining"},
		{"Bytes", "sig", "Slice as bytes64"},
		{"Bytes", "maybeHash", "Slice? as bytes32"},
		{"Bytes", "build", "Builder"},
		{"Bytes", "coinsMap", "map<Int as int16, Int as coins>"},
		{"Bytes", "rest", "Cell as remaining"},
	}
	for _, tt := range tests {
		t.Run(tt.typ+"."+tt.field, func(t *testing.T) {
			def, err := abi.Type(tt.typ)
			require.NoError(t, err)
			for _, f := range def.Fields {
				if f.Name == tt.field {
					assert.Equal(t, tt.want, f.Type.String())
					return
				}
			}
			t.Fatalf("no field %s", tt.field)
		})
	}
}

func TestTypeJSON(t *testing.T) {
	tests := []string{
		`{"format":32,"kind":"simple","optional":false,"type":"uint"}`,
		`{"format":"coins","kind":"simple","optional":true,"type":"uint"}`,
		`{"kind":"simple","optional":false,"type":"address"}`,
		`{"key":"int","keyFormat":8,"kind":"dict","value":"Point","valueFormat":"ref"}`,
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			var typ cell.Type
			require.NoError(t, json.Unmarshal([]byte(in), &typ))
			out, err := json.Marshal(typ)
			require.NoError(t, err)
			assert.JSONEq(t, in, string(out))
		})
	}

	var typ cell.Type
	assert.Error(t, json.Unmarshal([]byte(`{"kind":"simple","type":"int","format":1.5}`), &typ))
}
