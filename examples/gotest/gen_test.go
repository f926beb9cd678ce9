package vault_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/gen"
)

var update = flag.Bool("update", false, "write vault_gen.go again")

// TestGeneratedFileIsFresh writes vault_gen.go again from build/ and the
// arguments its first line records, and fails when the committed file is
// stale: run go generate (or go test -update) and read the diff.
func TestGeneratedFileIsFresh(t *testing.T) {
	fresh, err := gen.Regenerate("vault_gen.go")
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("vault_gen.go", fresh, 0o644))
	}
	committed, err := os.ReadFile("vault_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(fresh), string(committed), "vault_gen.go is stale: go generate rewrites it")
}

// TestPackagesAreTheExamples keeps build/ the very packages of
// examples/contracts/vault, which their sources build. (In a repository of
// your own, your build step writes build/ and this test goes.)
func TestPackagesAreTheExamples(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "contracts", "vault")); os.IsNotExist(err) {
		t.Skip("not in tonsim's repository: build/ is yours")
	}
	files, err := filepath.Glob("build/*.pkg")
	require.NoError(t, err)
	require.Len(t, files, 3)
	for _, f := range files {
		got, err := os.ReadFile(f)
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "contracts", "vault", f))
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s is not examples/contracts/vault/%s: copy it again", f, f)
	}
}
