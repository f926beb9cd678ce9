package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/upgradable"
)

var preflightCommand = &command{
	name:    "preflight",
	usage:   "preflight [--json] [--world FILE] [--from WALLET] [--protocol NAME] SCENARIO ACCOUNT CONTRACT",
	summary: "run a scenario, then dry-run an upgrade of an account to a contract",
	help: `Plays the scenario quietly, then dry-runs an upgrade of ACCOUNT to
CONTRACT (a contract of the scenario, a built-in such as counter.v3, a .pkg,
or a code BOC with its Tolk ABI file beside it) on a copy of the world. It
sends the real messages of the contract's upgrade protocol (the one its ABI
declares, or --protocol NAME, a built-in or one the scenario defines), checks that the account that had to change
runs the new code, lets the migration run, and prints the verdict: safe,
with each getter before → after; would brick, with the exit code every
later message and getter fails with; rejected, when the contract refuses
the upgrade (rolled back, for a migration that failed inside it); or no-op,
when the code did not change. Then the warnings: a way back that fails, a
second upgrade right after this one, a stranger or a replay that the
contract accepts, new fields written as zero, a migration near the gas
limit. The exit status is 0 when safe and 1 otherwise. The messages are
sent by the contract's owner unless --from says. --json prints the report
as one JSON line ("kind":"preflight").

Protocols: ` + strings.Join(protocolNames(), ", ") + `.

Examples:
  tonsim preflight examples/01-upgrade.yaml counter counter.v3
  tonsim preflight examples/04-brick.yaml counter v1
  tonsim preflight --from stranger examples/02-stranger.yaml counter v2
`,
	run: runPreflight,
}

func runPreflight(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	world := fs.String("world", "", "")
	from := fs.String("from", "", "")
	protocol := fs.String("protocol", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	path, pos := scenarioArg(pos, *world)
	if len(pos) != 2 {
		return c.wrongArgs(cmd, "want a scenario, an account and a contract")
	}
	r, code := c.prepare(cmd, path, *world)
	if r == nil {
		return code
	}
	addr, running, err := target(r, pos[0])
	if err != nil {
		return c.fail(cmd, err)
	}
	next, err := c.contract(r.Catalog, pos[1])
	if err != nil {
		return c.fail(cmd, err)
	}
	req := upgradable.Request{Contract: addr, Code: next.Code, Next: next.Package, Packages: r.Catalog}
	if *protocol != "" {
		if req.Protocol, err = r.Scenario.ProtocolByName(*protocol); err != nil {
			return c.wrongArgs(cmd, fmt.Sprintf("--protocol: %v", err))
		}
	} else if running != nil {
		req.Protocol = r.Scenario.DetectProtocol(running.ABI()) // the scenario's own, else the ABI's built-in
	}
	if *from != "" {
		if req.Sender, err = r.World.Wallet(*from); err != nil {
			return c.fail(cmd, err)
		}
	}
	report, err := upgradable.Preflight(r.World, req)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *asJSON {
		newJSONPrinter(c.stdout).enc.Encode(preflightRow(r.World, 0, addr, next.Name, report))
	} else {
		fmt.Fprintf(c.stdout, "preflight %s → %s: %s\n", pos[0], next.Name, describe.Verdict(report))
		printReport(c.stdout, r.World, "  ", report, next.Name)
	}
	if report.Verdict != upgradable.Safe {
		return exitFailed
	}
	return exitOK
}

// contract finds a contract by catalog name, built-in name, or file.
func (c *cli) contract(cat *catalog.Catalog, name string) (*catalog.Contract, error) {
	if ct, err := cat.ByName(name); err == nil {
		return ct, nil
	}
	if pkg, ok := c.builtins.Package(name); ok {
		return &catalog.Contract{Name: name, Package: pkg, Code: pkg.Code, Origin: name}, nil
	}
	if _, err := os.Stat(name); err == nil {
		if strings.HasSuffix(name, ".pkg") {
			pkg, err := c.loadPackage(name)
			if err != nil {
				return nil, err
			}
			return &catalog.Contract{Name: name, Package: pkg, Code: pkg.Code, Origin: name}, nil
		}
		code, err := c.readBOCFile(inputfile.Contract, name)
		if err != nil {
			return nil, err
		}
		ct := &catalog.Contract{Name: name, Code: code, Origin: name}
		if abiFile := cell.TolkABIFile(name); fileExists(abiFile) {
			abi, err := c.files.Read(inputfile.Contract, abiFile)
			if err != nil {
				return nil, err
			}
			if ct.Package, err = cell.LoadTolkPackage(code, abi); err != nil {
				return nil, fmt.Errorf("%s: %w", abiFile, err)
			}
		}
		return ct, nil
	}
	known := []string{}
	for _, ct := range cat.Contracts() {
		known = append(known, ct.Name)
	}
	known = append(known, sortedKeys(c.builtins)...)
	return nil, fmt.Errorf("no contract, built-in or file %q (known: %s)", name, strings.Join(known, ", "))
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// protocolNames lists the built-in upgrade protocols.
func protocolNames() []string {
	var out []string
	for _, p := range upgradable.Protocols() {
		out = append(out, p.Name)
	}
	return out
}
