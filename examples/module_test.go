package examples_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGotestModule runs the tests of examples/gotest, a Go module of its
// own (example.com/vault, tonsim replaced by this checkout) so that a
// reader can copy the folder into a repository: go test ./... here does
// not reach into it, so this test does. It runs offline (GOPROXY=off):
// the module needs no module this one does not, and go test ./... has
// fetched those already.
func TestGotestModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet and go test in examples/gotest")
	}
	goCmd, err := exec.LookPath("go")
	require.NoError(t, err, "the go command runs this test")
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command(goCmd, args...)
		cmd.Dir = "gotest"
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s in examples/gotest:\n%s", args[0], out)
	}
}
