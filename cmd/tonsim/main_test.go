package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"tonsim": func() { os.Exit(runBuffered(os.Args[1:], os.Stdout, os.Stderr)) },
		// tonsim-broken has a bug on purpose: a built-in that is a nil
		// package, which panics when a scenario loads it. It shows what a
		// bug looks like to a user.
		"tonsim-broken": func() {
			builtins := examples.Builtins()
			builtins["broken"] = nil
			c := &cli{stdout: os.Stdout, stderr: os.Stderr, builtins: builtins}
			os.Exit(c.main(os.Args[1:]))
		},
	})
}

// TestScripts runs the txtar scripts in testdata/script: each drives the
// tonsim command as a user would and compares what it prints.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(), // go test -update rewrites the expected output
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// rename OLD NEW renames a file to NEW written as a Go string
			// ("a\n::warning::x.yaml"): a name a txtar cannot hold.
			"rename": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: rename OLD \"NEW\"")
				}
				to, err := strconv.Unquote(`"` + args[1] + `"`)
				ts.Check(err)
				ts.Check(os.Rename(ts.MkAbs(args[0]), ts.MkAbs(to)))
			},
			// exits N cmd args... runs cmd and requires exit status N.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var exit *exec.ExitError
					if !errors.As(err, &exit) {
						ts.Fatalf("exits: %v", err)
					}
					got = exit.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
	})
}
