package scenario_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/scenario"
)

// fuzzBuiltins are every built-in the examples name, and rec, the package
// of testdata/recursive whose Step refers to itself (see recursiveHeader).
func fuzzBuiltins(f *testing.F) scenario.Builtins {
	out := examples.Builtins()
	data, err := os.ReadFile("testdata/recursive/recursive-pkg.json")
	if err != nil {
		f.Fatal(err)
	}
	rec, err := cell.ParsePackage(data)
	if err != nil {
		f.Fatal(err)
	}
	out["rec"] = func() *cell.Package { return rec }
	return out
}

// fuzzHeapBound is the most heap one fuzz input may leave in use after any
// of its steps.
const fuzzHeapBound = 512 << 20

// heapSample reads the bytes of heap objects, live or not yet swept, without
// stopping the world as runtime.ReadMemStats does.
var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// checkHeap fails t when the heap in use is past fuzzHeapBound after what
// (a step, the parse).
func checkHeap(t *testing.T, what string) {
	t.Helper()
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		t.Fatalf("runtime/metrics has no %s", heapSample[0].Name)
	}
	if n := heapSample[0].Value.Uint64(); n > fuzzHeapBound {
		t.Fatalf("%s: %d MiB of heap in use, past the %d MiB bound", what, n>>20, fuzzHeapBound>>20)
	}
}

// worldFacts are what a failed step must leave as it found them: the
// world's state root, logical time and clock, every name with its address,
// the history (its length and last record) and the runner's position.
type worldFacts struct {
	root     actor.StateRoot
	lt       uint64
	now      uint32
	names    string // "name=address" lines, sorted by name
	history  int
	last     *actor.Transaction
	ops      int
	position int
}

func factsOf(r *scenario.Runner) worldFacts {
	var names strings.Builder
	for _, name := range r.World.Names() {
		addr, err := r.World.Lookup(name)
		where := "?"
		if err == nil {
			where = addr.StringRaw()
		}
		fmt.Fprintf(&names, "%s=%s\n", name, where)
	}
	f := worldFacts{
		root: r.World.StateRoot(), lt: r.World.LT(), now: r.World.Now(), names: names.String(),
		ops: len(r.World.Operations()), position: r.Position(),
	}
	if txs := r.World.Transactions(); len(txs) > 0 {
		f.history, f.last = len(txs), txs[len(txs)-1]
	}
	return f
}

// changed says which of the facts differ from before's, "" when none does.
func (f worldFacts) changed(before worldFacts) string {
	var out []string
	for _, c := range []struct {
		what string
		same bool
	}{
		{"state root", f.root == before.root},
		{"lt", f.lt == before.lt},
		{"clock", f.now == before.now},
		{fmt.Sprintf("names (%q, was %q)", f.names, before.names), f.names == before.names},
		{fmt.Sprintf("history (%d transactions, was %d)", f.history, before.history), f.history == before.history},
		{"last transaction", f.last == before.last},
		{"operations", f.ops == before.ops},
		{fmt.Sprintf("position (%d, was %d)", f.position, before.position), f.position == before.position},
	} {
		if !c.same {
			out = append(out, c.what)
		}
	}
	return strings.Join(out, ", ")
}

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

// maxErrorLen bounds a scenario error's message: one that quotes no more
// than [cell.MaxQuoted] bytes of the file stays well under it.
const maxErrorLen = 1000

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
		"https://audit:ghp_SECRETTOKEN@github.com/x\n", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n",
		strings.Repeat("x", 100_000), strings.Repeat("k", 5000) + ": 1\nsteps: [ {wait: " + strings.Repeat("9", 5000) + "} ]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenario.Parse("f.yaml", data)
		checkHeap(t, "parse")
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
		if len(se.Msg) > maxErrorLen {
			t.Fatalf("an error of %d bytes: it quotes the file", len(se.Msg))
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
	f.Add([]byte("wallets:\n  a: { balance: {nano: 99999999999999999999999999999999999999999999} }\n  b: { balance: {nano: 1329227995784915872903807060280344575} }\nsteps:\n" +
		"  - send: { from: b, to: a, value: {nano: 1329227995784915872903807060280344576} }\n" +
		"  - send: { from: b, to: b, value: \"1\" }\n    expect: { value_in: {nano: 1329227995784915872903807060280344576} }\n"))
	for _, tt := range reuses(counterAddress(f)) {
		f.Add([]byte(tt.src))
	}
	addRecursive(f)
	pkgs := fuzzBuiltins(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenario.Parse("f.yaml", data)
		checkHeap(t, "parse")
		if err != nil {
			return
		}
		cat := catalog.New()
		for _, c := range s.Contracts {
			if pkgs[c.Source] == nil {
				return // files are the parser's and loader's business, not this target's
			}
		}
		if err := s.LoadContracts(cat, pkgs); err != nil {
			return
		}
		r, err := scenario.NewRunner(s, cat, nil)
		if err != nil {
			return
		}
		for !r.Done() {
			before := factsOf(r)
			_, err := r.Next()
			checkHeap(t, fmt.Sprintf("step %d", before.position+1))
			if err != nil {
				var se *scenario.Error
				if !errors.As(err, &se) {
					t.Fatalf("step %d: not a scenario error: %v", before.position+1, err)
				}
				if what := factsOf(r).changed(before); what != "" {
					t.Fatalf("step %d failed (%v) but changed the world: %s", before.position+1, err, what)
				}
				return
			}
		}
	})
}

// addRecursive seeds f with scenarios on the recursive package: values
// nested deep, written out or through aliases (one that holds itself), and
// numbers and values of every odd kind where a Step's fields go.
func addRecursive(f *testing.F) {
	const head = "contracts: { rec: rec, v1: counter.v1 }\nwallets: { owner: {} }\nsteps:\n"
	deploy := func(first string) string {
		return "  - deploy: { name: r, contract: rec, from: owner, init: { first: " + first + " } }\n"
	}
	send := func(first string) string {
		return "  - send: { from: owner, to: r, message: Chain, fields: { first: " + first + " } }\n"
	}
	for _, steps := range []string{
		deploy(nested(3)) + send(laughs(2)),
		deploy("null") + send(nested(255)),
		deploy(nested(257)),
		deploy("null") + send(nested(9000)),
		deploy("&s { value: 1, next: *s }"),
		deploy("null") + send("&s { value: 1, next: *s }"),
		deploy("null") + send("&s { value: 1, kids: { 0: *s, 1: *s } }"),
		deploy("null") + send(laughs(3)) + send(laughs(7)),
		deploy("&a { value: 1, next: &b { value: 2, next: *a } }"),
		deploy("{ value: -1 }"),
		deploy("null") + send("{ value: 4294967296 }"),
		deploy("null") + send("{ value: 1e400, next: { value: -0 } }"),
		deploy("null") + send("{ value: 0x7fffffff, kids: { 256: { value: 1 }, -1: { value: 2 } } }"),
		deploy("null") + send("{ value: 99999999999999999999999999999999999999999999999999999999999999999999999999999999 }"),
		deploy("null") + send("{ value: .nan, next: .inf }"),
		deploy("null") + send("{ value: true, next: 7, kids: [1, 2] }"),
		deploy("null") + send("{ value: \"\", next: [], kids: { a: 1 } }"),
		deploy("null") + send("{ value: !!binary AAAA, next: !!timestamp 2001-12-14 }"),
		deploy("&x { value: 1, next: null, kids: {} }") + "  - get: { on: r, method: value, args: { first: *x } }\n",
		deploy("null") + "  - send: { from: owner, to: r, value: \"-1\", message: Chain, fields: { first: { value: 1 } } }\n",
		deploy("null") + "  - send: { from: owner, to: r, value: \"1e400\", message: Chain, fields: { first: { value: 1 } } }\n",
		deploy("null") + "  - send: { from: owner, to: r, value: \"0.0000000001\" }\n",
		deploy("null") + "  - send: { from: owner, to: r, value: \"1329227995784915872.903807060280344575\" }\n",
		deploy("null") + "  - wait: -1\n",
		deploy("null") + "  - wait: 4294967295\n",
		deploy("null") + "  - upgrade: { on: r, to: v1 }\n  - preflight: { on: r, to: rec }\n",
		deploy("null") + strings.Replace(deploy("null"), "name: r,", "name: r2,", 1),
	} {
		f.Add([]byte(head + steps))
	}
}
