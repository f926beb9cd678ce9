package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tonsim/tonsim/scenario"
)

// FuzzParse feeds the parser arbitrary files: it must answer every one with
// a scenario or a *scenario.Error at a position inside the file, never a
// panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.yaml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		"", "steps: [", "steps:\n  - wait: 1\n    expect: {}\n", "a: &x [*x]\n",
		"steps:\n  - send: { from: a, to: b, fields: { x: [1, {y: 2}] } }\n",
		"wallets:\n  w: { address: \"0:00\", balance: 1e400 }\nsteps: [ {note: x} ]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenario.Parse("f.yaml", data)
		if err == nil {
			if len(s.Steps) == 0 {
				t.Fatal("a parsed scenario without steps")
			}
			return
		}
		var se *scenario.Error
		if !errors.As(err, &se) {
			t.Fatalf("not a scenario error: %v", err)
		}
		if se.Pos.Line < 1 || se.Pos.Col < 1 {
			t.Fatalf("error outside the file: %v", err)
		}
	})
}
