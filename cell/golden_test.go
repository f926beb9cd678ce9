package cell_test

import (
	"path/filepath"
	"testing"

	"github.com/tonsim/tonsim/internal/golden"
)

// goldenFile compares got with testdata/golden/name, or rewrites the file
// when the tests run with -update.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Equal(t, filepath.Join("testdata", "golden", name), got)
}
