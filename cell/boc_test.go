package cell_test

import (
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// counterV1Data is CounterV1's data after one Step, from the Tact sandbox.
const counterV1Data = "b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038"

func TestParseBOC(t *testing.T) {
	want, err := tvmcell.FromBOC(mustHex(t, counterV1Data))
	require.NoError(t, err)
	raw := mustHex(t, counterV1Data)
	std := base64.StdEncoding.EncodeToString(raw)
	url := base64.URLEncoding.EncodeToString(raw)

	tests := []struct {
		name string
		in   string
	}{
		{"hex", counterV1Data},
		{"hex with 0x", "0x" + counterV1Data},
		{"upper hex with 0X", "0X" + strings.ToUpper(counterV1Data)},
		{"hex with whitespace", "\n  " + counterV1Data + " \t\n"},
		{"base64", std},
		{"base64 unpadded", strings.TrimRight(std, "=")},
		{"base64 url", url},
		{"base64 url unpadded", strings.TrimRight(url, "=")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cell.ParseBOC(tt.in)
			require.NoError(t, err)
			assert.Equal(t, want.Hash(), got.Hash())
		})
	}
}

func TestParseBOCErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", cell.ErrNotBOC},
		{"spaces", "   ", cell.ErrNotBOC},
		{"neither hex nor base64", "not a boc!", cell.ErrNotBOC},
		{"odd hex and bad base64", "0xabc", cell.ErrNotBOC},
		{"hex but not a BOC", "deadbeef", cell.ErrMalformedBOC},
		{"base64 but not a BOC", "aGVsbG8gd29ybGQ=", cell.ErrMalformedBOC},
		{"truncated BOC", counterV1Data[:40], cell.ErrMalformedBOC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cell.ParseBOC(tt.in)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestHexAndBase64(t *testing.T) {
	c, err := cell.ParseBOC(counterV1Data)
	require.NoError(t, err)

	for name, text := range map[string]string{"hex": cell.Hex(c), "base64": cell.Base64(c)} {
		t.Run(name, func(t *testing.T) {
			back, err := cell.ParseBOC(text)
			require.NoError(t, err)
			assert.Equal(t, c.Hash(), back.Hash())
		})
	}
	assert.Equal(t, counterV1Data, cell.Hex(c), "the TON sandbox's own text of this BOC: no CRC")
	boc, err := base64.StdEncoding.DecodeString(cell.Base64(c))
	require.NoError(t, err)
	assert.Equal(t, counterV1Data, hex.EncodeToString(boc))
}

func TestBOCFiles(t *testing.T) {
	c, err := cell.ParseBOC(counterV1Data)
	require.NoError(t, err)
	dir := t.TempDir()

	written := filepath.Join(dir, "written.boc")
	require.NoError(t, cell.WriteBOCFile(written, c))
	onDisk, err := os.ReadFile(written)
	require.NoError(t, err)
	assert.Equal(t, c.ToBOC(), onDisk, "WriteBOCFile writes a binary BOC")

	files := map[string][]byte{
		"binary.boc": c.ToBOC(),
		"hex.txt":    []byte(cell.Hex(c) + "\n"),
		"base64.txt": []byte(cell.Base64(c) + "\n"),
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(path, content, 0o644))
			got, err := cell.ReadBOCFile(path)
			require.NoError(t, err)
			assert.Equal(t, c.Hash(), got.Hash())
		})
	}

	t.Run("errors name the file", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.boc")
		require.NoError(t, os.WriteFile(bad, append([]byte{0xb5, 0xee, 0x9c, 0x72}, 1, 2, 3), 0o644))
		_, err := cell.ReadBOCFile(bad)
		assert.ErrorIs(t, err, cell.ErrMalformedBOC)
		assert.Contains(t, err.Error(), bad)

		text := filepath.Join(dir, "text.txt")
		require.NoError(t, os.WriteFile(text, []byte("hello, world"), 0o644))
		_, err = cell.ReadBOCFile(text)
		assert.ErrorIs(t, err, cell.ErrNotBOC)
		assert.Contains(t, err.Error(), text)
		assert.NotContains(t, err.Error(), "hello", "an error never quotes the file")

		_, err = cell.ReadBOCFile(dir)
		assert.ErrorContains(t, err, "not a regular file but a directory")

		missing := filepath.Join(dir, "missing.boc")
		_, err = cell.ReadBOCFile(missing)
		assert.ErrorIs(t, err, os.ErrNotExist)
		assert.Contains(t, err.Error(), missing)
	})
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}
