package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

var upgradesCommand = &command{
	name:    "upgrades",
	usage:   "upgrades [--json] [--supported A:B,…] [--protocol NAME] [--from WALLET] [--world FILE | SCENARIO ACCOUNT] CONTRACT…",
	summary: "dry-run every upgrade between the versions of a contract: the upgrade matrix",
	help: `Takes a family of versions, oldest first (contracts of the scenario,
built-ins such as counter.v1, .pkg files or code BOCs with their Tolk ABI
beside them), and an account running one of them: ACCOUNT at the end of
SCENARIO or of a saved world, or, with neither, the first version deployed
on a new world with default init arguments (an owner wallet for each
address, zero for the rest) and the first message it accepts. A proxy
named first is deployed instead, and the versions are its child's.

From that account's state it upgrades for real along the chain, one version
to the next (a lazy migration run by a message after each), and from each
version it reaches it dry-runs the upgrade to every other version on a
fork: the next one, later ones (skipping versions), earlier ones (rolling
back), each a preflight whose probes also try two upgrades back to back.
It prints the matrix (safe, bricked, rejected, rolled back, no-op, with the
exit code), the chain, and the warnings of the chain's upgrades. The
upgrades speak --protocol NAME (a built-in or one the scenario defines),
else the first of the scenario's own protocols the account's contract
speaks, else the one each version's ABI declares.

The exit status is 1 when an upgrade the family supports is not safe:
each version to the next from the one the account runs, unless
--supported lists the pairs, by position (1:2,2:3) or by name (v1:v2).

Examples:
  tonsim upgrades counter.v1 counter.v2 counter.v3
  tonsim upgrades --supported 1:2,1:3 counter.v1 counter.v2 counter.v3
  tonsim upgrades proxy.proxy proxy.child.v1 proxy.child.v2
  tonsim upgrades examples/03-chain.yaml counter v1 v2 v3
`,
	run: runUpgrades,
}

func runUpgrades(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	world := fs.String("world", "", "")
	from := fs.String("from", "", "")
	protocol := fs.String("protocol", "", "")
	supported := fs.String("supported", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	var path, account string
	switch {
	case *world != "":
		path, pos = scenarioArg(pos, *world)
		if len(pos) < 1 {
			return c.wrongArgs(cmd, "want an account and the versions")
		}
		account, pos = pos[0], pos[1:]
	case len(pos) > 0 && (strings.HasSuffix(pos[0], ".yaml") || strings.HasSuffix(pos[0], ".yml")):
		if len(pos) < 2 {
			return c.wrongArgs(cmd, "want a scenario, an account and the versions")
		}
		path, account, pos = pos[0], pos[1], pos[2:]
	}
	if len(pos) < 2 {
		return c.wrongArgs(cmd, "want at least two versions")
	}

	var r *scenario.Runner
	var code int
	if path != "" || *world != "" {
		if r, code = c.prepare(cmd, path, *world); r == nil {
			return code
		}
	} else {
		var err error
		if r, err = c.emptyRunner(); err != nil {
			return c.fail(cmd, err)
		}
	}
	var versions []upgradable.Member
	for _, name := range pos {
		ct, err := c.contract(r.Catalog, name)
		if err != nil {
			return c.fail(cmd, err)
		}
		if ct.Package == nil {
			return c.fail(cmd, fmt.Errorf("%s has no ABI, so its upgrade messages are unknown: give a .pkg, or a .boc with its .abi.json beside it", name))
		}
		versions = append(versions, upgradable.Member{Name: ct.Name, Package: ct.Package})
		if r.Catalog.PackageOf(ct.Code) == nil {
			if err := r.Catalog.AddContract(ct); err != nil && !errors.Is(err, catalog.ErrDuplicate) {
				return c.fail(cmd, err)
			}
		}
	}
	// A proxy named first, with no account to start from, is what to
	// deploy: the versions are those of the account it forwards to.
	var front *cell.Package
	if account == "" && len(versions) > 2 {
		if p, err := upgradable.DetectProtocol(versions[0].Package.ABI); err == nil && p.Target.Getter != "" {
			front, versions = versions[0].Package, versions[1:]
		}
	}
	req := upgradable.MatrixRequest{Versions: versions, Packages: r.Catalog}
	var err error
	if req.Supported, err = parsePairs(*supported, versions); err != nil {
		return c.wrongArgs(cmd, "--supported: "+err.Error())
	}
	if *protocol != "" {
		if req.Protocol, err = r.Scenario.ProtocolByName(*protocol); err != nil {
			return c.wrongArgs(cmd, "--protocol: "+err.Error())
		}
	}
	if account == "" {
		first := versions[0].Package
		if front != nil {
			first = front
		}
		if req.Contract, err = deployDefault(r.World, first); err != nil {
			return c.fail(cmd, fmt.Errorf("deploying %s to start from: %w", first.Name, err))
		}
		account = r.World.NameOf(req.Contract)
	} else {
		var running *catalog.Contract
		if req.Contract, running, err = target(r, account); err != nil {
			return c.fail(cmd, err)
		}
		if req.Protocol == nil && running != nil {
			req.Protocol = r.Scenario.DetectProtocol(running.ABI()) // the scenario's own, as preflight tries first
		}
	}
	if *from != "" {
		if req.Sender, err = r.World.Wallet(*from); err != nil {
			return c.fail(cmd, err)
		}
	}
	m, err := upgradable.UpgradeMatrix(r.World, req)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *asJSON {
		newJSONPrinter(c.stdout).enc.Encode(matrixRow(r.World, req.Contract, m))
	} else {
		fmt.Fprintf(c.stdout, "upgrades of %s, from %s\n", account, m.Versions[m.Start].Name)
		describe.WriteMatrix(c.stdout, "  ", m)
		for _, note := range describe.MatrixNotes(m) {
			fmt.Fprintf(c.stdout, "  %s\n", note)
		}
	}
	if len(m.Failing()) > 0 {
		return exitFailed
	}
	return exitOK
}

// emptyRunner is a runner with no steps on a new world, with --config.
func (c *cli) emptyRunner() (*scenario.Runner, error) {
	opts, err := c.worldOptions()
	if err != nil {
		return nil, err
	}
	w, err := actor.NewWorld(opts...)
	if err != nil {
		return nil, err
	}
	r, err := scenario.NewRunner(&scenario.Scenario{}, catalog.New(), w)
	if err != nil {
		return nil, err
	}
	started()
	r.World.SetHistory(c.history)
	return r, nil
}

// parsePairs reads "1:2,v2:v3" by position (from 1) or by name; "" is nil,
// the default.
func parsePairs(s string, vs []upgradable.Member) ([]upgradable.Pair, error) {
	if s == "" {
		return nil, nil
	}
	index := func(x string) (int, error) {
		for i, v := range vs {
			if v.Name == x || fmt.Sprint(i+1) == x {
				return i, nil
			}
		}
		return 0, fmt.Errorf("%q is no version (1 to %d, or a name)", x, len(vs))
	}
	var out []upgradable.Pair
	for _, part := range strings.Split(s, ",") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok {
			return nil, fmt.Errorf("%q: want FROM:TO", part)
		}
		i, err := index(a)
		if err != nil {
			return nil, err
		}
		j, err := index(b)
		if err != nil {
			return nil, err
		}
		if i == j {
			return nil, fmt.Errorf("%q: an upgrade goes to another version", part)
		}
		out = append(out, upgradable.Pair{From: i, To: j})
	}
	return out, nil
}

// deployDefault deploys pkg on w owned by a new wallet "owner": each init
// argument that is an address is the owner, the others zero. It sends the
// StateInit with an empty body, else with each message the contract takes,
// its fields zero, the messages with the fewest fields first, and keeps the
// first that succeeds.
func deployDefault(w *actor.World, pkg *cell.Package) (*address.Address, error) {
	owner, err := w.Wallet("owner")
	if err != nil {
		if owner, err = w.NewWallet("owner"); err != nil {
			return nil, err
		}
	}
	args := map[string]any{}
	for _, a := range pkg.Init.Args {
		if a.Type.Type == "address" {
			args[a.Name] = owner
		} else {
			args[a.Name] = pkg.ABI.Zero(a.Type)
		}
	}
	data, err := pkg.InitData(args)
	if err != nil {
		return nil, err
	}
	bodies := []*tvmcell.Cell{tvmcell.BeginCell().EndCell()}
	// The messages with the fewest fields first: a bare "start" message
	// before one that does something with its arguments.
	msgs := pkg.ABI.InternalMessages()
	sort.SliceStable(msgs, func(i, j int) bool { return len(msgs[i].Fields) < len(msgs[j].Fields) })
	for _, t := range msgs {
		fields := map[string]any{}
		for _, f := range t.Fields {
			fields[f.Name] = pkg.ABI.Zero(f.Type)
		}
		if body, err := pkg.ABI.Encode(t.Name, fields); err == nil {
			bodies = append(bodies, body)
		}
	}
	var last *actor.Transaction
	for _, body := range bodies {
		start := w.Snapshot()
		tr, err := w.Send(actor.Message{From: owner, Value: tlb.FromNanoTONU(1_000_000_000), Body: body,
			StateInit: &tlb.StateInit{Code: pkg.Code, Data: data}})
		if err != nil {
			return nil, err
		}
		if len(tr.Transactions) > 1 && tr.Transactions[1].Success {
			addr := tr.Transactions[1].To
			if w.NameOf(addr) == "" {
				if err := w.SetName(defaultName(w), addr); err != nil {
					return nil, err
				}
			}
			return addr, nil
		}
		if len(tr.Transactions) > 1 {
			last = tr.Transactions[1]
		}
		w.Restore(start)
	}
	if last != nil {
		return nil, fmt.Errorf("no message it takes deploys it (the last: exit %d); start from an account of a scenario instead", last.ExitCode)
	}
	return nil, errors.New("the deployment ran no transaction")
}

// defaultName is "contract", or "contract2"… when taken.
func defaultName(w *actor.World) string {
	name := "contract"
	for i := 2; ; i++ {
		if _, err := w.Lookup(name); err != nil {
			return name
		}
		name = fmt.Sprintf("contract%d", i)
	}
}
