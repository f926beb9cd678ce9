// Package golden compares what a test produced with a file under testdata/,
// and rewrites the file instead when the tests run with -update:
//
//	go test ./... -update
//
// Every test package of tonsim imports it, so that command works across the
// module. The flag is the one [github.com/charmbracelet/x/exp/golden]
// defines, imported here for it: the UI's tests link that package through
// teatest, and a test binary can define -update only once.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/charmbracelet/x/exp/golden" // defines -update
	"github.com/stretchr/testify/assert"
)

// Update reports whether the tests run with -update.
func Update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Equal compares got with the file at path, relative to the test's package
// directory; with -update it writes got there instead.
func Equal(t testing.TB, path, got string) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	assert.Equal(t, string(want), got, "%s differs (go test -update rewrites it; read the diff before committing)", path)
}
