package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
)

// fuzzBuiltins are every built-in the examples name.
var fuzzBuiltins = examples.Builtins()

// addExamples seeds f with the example scenarios.
func addExamples(f *testing.F) {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil || len(files) == 0 {
		f.Fatalf("no example scenarios to seed from: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzParse feeds the parser arbitrary files: it must answer every one with
// a scenario or a *scenario.Error at a position inside the file, never a
// panic.
func FuzzParse(f *testing.F) {
	addExamples(f)
	for _, seed := range []string{
		"", "steps: [", "steps:\n  - wait: 1\n    expect: {}\n", "a: &x [*x]\n",
		"steps:\n  - send: { from: a, to: b, fields: { x: [1, {y: 2}] } }\n",
		"wallets:\n  w: { address: \"0:00\", balance: 1e400 }\nsteps: [ {note: x} ]\n",
		"steps:\n  - reinstall: { on: c, contract: v1, init: { id: 1 } }\n    expect: { lost: { value: 1 }, storage: {} }\n",
		"steps:\n  - migrate: { on: c, contract: v1, steps: [ { get: { on: old, method: m } }, { migrate: {} } ] }\n",
		"steps:\n  - migrate: { on: c, contract: v1, data: x, init: {}, steps: [] }\n    expect: { migrated: maybe }\n",
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

// FuzzRun plays what parses, on the example counters: every step ends in a
// result or a *scenario.Error, never a panic, and a step that fails leaves
// the world as it was.
func FuzzRun(f *testing.F) {
	addExamples(f)
	f.Add([]byte("wallets:\n  a: {}\ncontracts:\n  v1: counter.v1\nsteps:\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: { id: 1, owner: a, value: 0 } }\n" +
		"  - send: { from: a, to: c, message: Step, fields: { queryId: -1 } }\n" +
		"  - get: { on: c, method: value, args: { x: 1 } }\n" +
		"  - preflight: { on: c, to: v1 }\n"))
	f.Add([]byte("wallets:\n  a: {}\ncontracts:\n  v1: counter.v1\nsteps:\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: &x { id: *x, owner: a, value: 0 } }\n" +
		"  - send: { from: a, to: c, comment: \"" + strings.Repeat("long ", 30_000) + "\" }\n" +
		"  - wait: 4294967295\n"))
	f.Add([]byte("wallets:\n  a: {}\ncontracts: { v1: counter.v1, v2: counter.v2, v3: counter.v3, d1: direct.v1, d2: direct.v2, t1: tolk-counter.v1, t2: tolk-counter.v2 }\nsteps:\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: { id: 1, owner: a, value: 0 } }\n" +
		"  - upgrades: { on: c, versions: [v1, v2, v3], supported: [\"v1 → v3\"] }\n" +
		"  - preflight: { on: c, to: t2, protocol: chainlink-tolk }\n" +
		"  - upgrade: { on: c, to: v2, from: a }\n" +
		"  - deploy: { name: d, contract: d1, from: a, init: { owner: a }, message: Bump, fields: { queryId: 0 } }\n" +
		"  - upgrade: { on: d, to: d2, fields: { data: { step: 300 } } }\n" +
		"  - deploy: { name: t, contract: t1, from: a, init: { owner: a, id: 1, value: 0 } }\n" +
		"  - upgrade: { on: t, to: t2, protocol: direct }\n"))
	f.Add([]byte("wallets:\n  a: {}\ncontracts:\n  v1: counter.v1\nsteps:\n" +
		"  - commit: start\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: { id: 1, owner: a, value: 0 } }\n" +
		"  - session: { base: start }\n    expect: { state_root: start }\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: { id: 2, owner: a, value: 0 } }\n"))
	f.Add([]byte("wallets:\n  a: {}\ncontracts:\n  v1: counter.v1\n  v2: counter.v2\nsteps:\n" +
		"  - deploy: { name: c, contract: v1, from: a, init: { id: 1, owner: a, value: 0 } }\n" +
		"  - reinstall: { on: c, contract: v2, init: { stateToBeMigrated: v1 } }\n" +
		"  - migrate: { on: c, contract: v1, init: { id: 2, owner: a, value: 1 }, steps: [ { send: { from: a, to: new, message: Step, fields: { queryId: 1 } } }, { get: { on: old, method: value } } ] }\n" +
		"  - migrate: { on: c, contract: v1, init: { id: 3, owner: a, value: 1 }, steps: [ { send: { from: a, to: old, message: Nope } } ] }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenario.Parse("f.yaml", data)
		if err != nil {
			return
		}
		cat := catalog.New()
		for _, c := range s.Contracts {
			if fuzzBuiltins[c.Source] == nil {
				return // files are the parser's and loader's business, not this target's
			}
		}
		if err := s.LoadContracts(cat, fuzzBuiltins); err != nil {
			return
		}
		r, err := scenario.NewRunner(s, cat, nil)
		if err != nil {
			return
		}
		for !r.Done() {
			before := r.World.StateRoot()
			if _, err := r.Next(); err != nil {
				var se *scenario.Error
				if !errors.As(err, &se) {
					t.Fatalf("step %d: not a scenario error: %v", r.Position(), err)
				}
				if r.World.StateRoot() != before {
					t.Fatalf("step %d failed (%v) but changed the world", r.Position(), err)
				}
				return
			}
		}
	})
}
