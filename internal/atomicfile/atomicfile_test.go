package atomicfile_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tonsim/tonsim/internal/atomicfile"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name       string
		before     []byte // nil: no file yet
		beforePerm os.FileMode
		data       []byte
		perm       os.FileMode
		want       os.FileMode
	}{
		{name: "new file", data: []byte("hello"), perm: 0o644, want: 0o644},
		{name: "new file, private", data: []byte("hello"), perm: 0o600, want: 0o600},
		{name: "replacing keeps a private mode", before: []byte("old content, longer"), beforePerm: 0o600, data: []byte("new"), perm: 0o644, want: 0o600},
		{name: "replacing keeps a wider mode", before: []byte("old"), beforePerm: 0o664, data: []byte("new"), perm: 0o600, want: 0o664},
		{name: "empty data", before: []byte("x"), beforePerm: 0o640, data: []byte{}, perm: 0o644, want: 0o640},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "file")
			if tt.before != nil {
				require.NoError(t, os.WriteFile(path, tt.before, 0o600))
				require.NoError(t, os.Chmod(path, tt.beforePerm))
			}

			require.NoError(t, atomicfile.Write(path, tt.data, tt.perm))

			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.data, got)
			info, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, tt.want, info.Mode().Perm())
			assert.Equal(t, []string{"file"}, names(t, dir), "no temporary file is left")
		})
	}
}

func TestWriteFailures(t *testing.T) {
	t.Run("missing directory", func(t *testing.T) {
		dir := t.TempDir()
		err := atomicfile.Write(filepath.Join(dir, "nope", "file"), []byte("x"), 0o644)
		assert.ErrorIs(t, err, os.ErrNotExist)
		assert.Empty(t, names(t, dir))
	})

	t.Run("target is a directory", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "sub")
		require.NoError(t, os.Mkdir(target, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(target, "keep"), []byte("x"), 0o644))

		err := atomicfile.Write(target, []byte("x"), 0o644)
		require.Error(t, err)
		assert.Contains(t, err.Error(), target)
		assert.Equal(t, []string{"sub"}, names(t, dir), "the temporary file is removed")
	})

	t.Run("a stale temporary file", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "file")
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".file.tmp-"+itoa(os.Getpid())+"-0"), []byte("stale"), 0o644))
		require.NoError(t, atomicfile.Write(path, []byte("x"), 0o644))
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, "x", string(got))
	})
}

func itoa(n int) string {
	return strconv.Itoa(n)
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := []string{}
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
