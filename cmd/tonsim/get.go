package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
	"github.com/xssnick/tonutils-go/address"
)

var getCommand = &command{
	name:    "get",
	usage:   "get [--json] [--raw] [--world FILE] SCENARIO ACCOUNT METHOD [NAME=VALUE...]",
	summary: "run a scenario, then ask a getter at its end",
	help: `Plays the scenario quietly (failed expectations are reported on stderr),
then runs the getter METHOD of ACCOUNT (a name of the scenario or a raw
address) and prints its result decoded by the contract's ABI: a struct as a
tree of fields, anything else on one line. Arguments go by name; a wallet or
account name stands for its address, a contract name for its code. With
--world the scenario may be left out. A getter that fails prints its exit
code and makes the exit status 1. Addresses print as the world's names;
--raw prints them raw. --json prints one JSON line ("kind":"get").

Examples:
  tonsim get examples/01-upgrade.yaml counter value
  tonsim get examples/01-upgrade.yaml counter type_and_version
  tonsim get --world deployed.json counter owner
`,
	run: runGet,
}

func runGet(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	world := fs.String("world", "", "")
	asJSON := fs.Bool("json", false, "")
	raw := fs.Bool("raw", false, "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	path, pos := scenarioArg(pos, *world)
	if len(pos) < 2 {
		return c.wrongArgs(cmd, "want a scenario, an account and a method")
	}
	r, code := c.prepare(cmd, path, *world)
	if r == nil {
		return code
	}
	addr, ct, err := target(r, pos[0])
	if err != nil {
		return c.fail(cmd, err)
	}
	method := pos[1]
	out := &scenario.GetOutcome{Method: method, Contract: ct}
	if ct == nil || ct.ABI() == nil {
		if len(pos) > 2 {
			return c.fail(cmd, fmt.Errorf("%s runs code without a package: its getters take no named arguments", pos[0]))
		}
		res, err := r.World.Get(addr, method)
		if err == nil {
			out.Stack = res.Stack
		}
		out.Err = err
	} else {
		getter, err := ct.ABI().Getter(method)
		if err != nil {
			return c.fail(cmd, fmt.Errorf("%s (%s) has no getter %q%s (%s)", pos[0], ct.Name, method, suggestGetter(ct, method), getterList(ct)))
		}
		argv := map[string]any{}
		for _, kv := range pos[2:] {
			name, value, ok := strings.Cut(kv, "=")
			if !ok {
				return c.wrongArgs(cmd, fmt.Sprintf("argument %q is not NAME=VALUE", kv))
			}
			argv[name] = resolveArg(r, getter.Arguments, name, value)
		}
		out.Type = getter.ReturnType
		out.Value, out.Err = r.World.GetTyped(addr, ct.ABI(), method, argv)
	}
	var exit *actor.ExitError
	if out.Err != nil && !errors.As(out.Err, &exit) {
		fmt.Fprintf(c.stderr, "tonsim get: %v\n", out.Err)
		return exitUsage
	}
	if *asJSON {
		newJSONPrinter(c.stdout).enc.Encode(getRow(r.World, 0, addr, out))
	} else if out.Err != nil {
		fmt.Fprintf(c.stderr, "get %s on %s: %s\n", method, pos[0], describe.Err(out.Err, ct))
	} else {
		p := describe.Printer{Names: r.World, Full: true}
		if *raw {
			p.Names = nil
		}
		if st, ok := out.Value.(*cell.Struct); ok {
			fmt.Fprintln(c.stdout, st.Type)
			for _, line := range p.Tree(st) {
				fmt.Fprintln(c.stdout, line)
			}
		} else if out.Stack != nil {
			fmt.Fprintln(c.stdout, p.Stack(out.Stack))
		} else {
			fmt.Fprintln(c.stdout, p.Typed(out.Value, out.Type))
		}
	}
	if out.Err != nil {
		return exitFailed
	}
	return exitOK
}

// scenarioArg takes the scenario file off the positional arguments; with a
// saved world it may be missing.
func scenarioArg(pos []string, world string) (string, []string) {
	if len(pos) > 0 && (world == "" || strings.HasSuffix(pos[0], ".yaml") || strings.HasSuffix(pos[0], ".yml")) {
		return pos[0], pos[1:]
	}
	return "", pos
}

// prepare opens the scenario (and saved world) and plays it quietly. A nil
// runner means stop with the returned status.
func (c *cli) prepare(cmd *command, path, world string) (*scenario.Runner, int) {
	if path == "" && world == "" {
		return nil, c.wrongArgs(cmd, "want a scenario, or --world with a saved world")
	}
	r, err := c.open(path, world)
	if err != nil {
		return nil, c.fail(cmd, err)
	}
	if code := c.playQuietly(cmd, r, path); code != exitOK {
		return nil, code
	}
	return r, exitOK
}

// playQuietly plays r's scenario, from path, printing nothing but a warning
// on stderr for failed expectations.
func (c *cli) playQuietly(cmd *command, r *scenario.Runner, path string) int {
	failed, err := c.play(r, nil)
	if err != nil {
		return c.fail(cmd, err)
	}
	if failed > 0 {
		fmt.Fprintf(c.stderr, "warning: %s of %s failed (tonsim test %s says which)\n", describe.Count(failed, "expectation"), path, path)
	}
	return exitOK
}

// target resolves an account by name or address and the contract its code
// is, when known.
func target(r *scenario.Runner, name string) (*address.Address, *catalog.Contract, error) {
	addr, err := r.World.Lookup(name)
	if err != nil {
		if addr, err = cell.ParseAddress(name); err != nil {
			return nil, nil, fmt.Errorf("%q is neither an account of the world (%s) nor an address", name, strings.Join(r.World.Names(), ", "))
		}
	}
	acc, err := r.World.Account(addr)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if acc.Code == nil {
		return nil, nil, fmt.Errorf("%s: %w (%s)", name, actor.ErrNoCode, acc.Status)
	}
	ct, _ := r.Catalog.ByCode(acc.Code)
	return addr, ct, nil
}

// resolveArg turns a wallet or account name into its address and a
// contract name into its code, where the argument takes one.
func resolveArg(r *scenario.Runner, fields []cell.Field, name, value string) any {
	for _, f := range fields {
		if f.Name != name {
			continue
		}
		switch f.Type.Type {
		case "address":
			if addr, err := r.World.Lookup(value); err == nil {
				return addr
			}
		case "cell", "slice", "builder":
			if ct, err := r.Catalog.ByName(value); err == nil {
				return ct.Code
			}
		}
	}
	return value
}

func getterList(ct *catalog.Contract) string {
	names := getterNames(ct)
	if len(names) == 0 {
		return "its ABI has no getters"
	}
	return "getters: " + strings.Join(names, ", ")
}

// suggestGetter is the getter of ct nearest to a misspelt method, as
// scenario errors suggest one.
func suggestGetter(ct *catalog.Contract, method string) string {
	return scenario.Suggest(method, getterNames(ct))
}

func getterNames(ct *catalog.Contract) []string {
	var names []string
	for _, g := range ct.ABI().Getters {
		names = append(names, g.Name)
	}
	return names
}
