package golden_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/internal/golden"
)

// recorder is a testing.TB that keeps failures instead of failing.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestEqual(t *testing.T) {
	if golden.Update() {
		t.Skip("under -update Equal writes rather than compares")
	}
	path := filepath.Join(t.TempDir(), "nested", "out.golden")

	r := &recorder{TB: t}
	golden.Equal(r, path, "first\n")
	require.Len(t, r.failures, 2, "a missing file fails")
	assert.Contains(t, r.failures[0], "go test -update writes it")

	require.NoError(t, flag.Set("update", "true"))
	golden.Equal(t, path, "first\n")
	require.NoError(t, flag.Set("update", "false"))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "first\n", string(data), "-update writes the file, its directory included")

	r = &recorder{TB: t}
	golden.Equal(r, path, "first\n")
	assert.Empty(t, r.failures, "the same output passes")

	golden.Equal(r, path, "second\n")
	require.Len(t, r.failures, 1, "other output fails")
	assert.Contains(t, r.failures[0], "-first")
	assert.Contains(t, r.failures[0], "+second", "with a diff")
	assert.Contains(t, r.failures[0], "out.golden differs")
}
