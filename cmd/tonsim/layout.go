package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

var layoutCommand = &command{
	name:    "layout",
	usage:   "layout [--json] [--protocol NAME] [--renamed OLD=NEW,…] [--allow KIND,…] [SCENARIO] OLD NEW",
	summary: "compare, statically, an old storage layout with what the new code reads",
	help: `OpenZeppelin's validateUpgrade for TON. Takes two contracts (built-ins
such as counter.v1, .pkg files, code BOCs with their Tolk ABI beside them,
or contracts of SCENARIO) and compares, field by field and without running
anything, OLD's storage with what NEW reads it as under the upgrade
protocol OLD's ABI declares (or --protocol): NEW's own storage when the
upgrade keeps the data; the structs its migration parses the old storage
with, found in the package's sources: every "S.fromCell(stateToBeMigrated)"
and "S.fromSlice(s)" of a slice begun on it, in every branch of its init
and in the functions init hands it to (a version-dispatching init has one
per old layout: the storage is compatible when one of them reads it
exactly); for a package without sources (a Tolk ABI), the declared struct
laid out like the storage; NEW's storage written by name when the upgrade
message carries the data (direct). A require in init on a value read from
the data (a version check) refuses storage no reader reads: such findings
say "refused", not "breaks the read".

It runs nothing: no world, no data, no dry run. "tonsim upgrades OLD NEW"
dry-runs the same upgrade on a deployment, and a preflight on a
scenario's account; where their dry run disagrees with the layout, the
dry run wins, and says so.

It prints every field inserted, removed, retyped, reordered, renamed or
moved to another cell, with the source lines declaring it, and what each
does: breaks the read (the migration fails, or reads bits from the wrong
place: what a dry run shows as a brick), silent (the read goes through but
a value is lost or read as another: what no dry run can see), or none.
Storage units (a map of cells, each unit a struct under a key of its own)
are compared by key: a key reused for another unit breaks it, a new unit
and a reserved optional ref filled with an extension are compatible.

Kinds: ` + strings.Join(upgradable.FindingKeys(), ", ") + `.
--renamed OLD=NEW says a field was renamed on purpose (OLD must be a
field of OLD's storage); --allow KIND waives every finding of that kind,
as OpenZeppelin's unsafeAllow. The exit status is 0 when the verdict
printed is compatible and 1 when it is not. --json prints one line
("kind":"layout").

Examples:
  tonsim layout counter.v1 counter.v2
  tonsim layout counter.v1 counter.v3
  tonsim layout --allow remove direct.v2 direct.v1
  tonsim layout --protocol proxy proxy.child.v1 proxy.child.v2
`,
	run: runLayout,
}

func runLayout(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	protocol := fs.String("protocol", "", "")
	asJSON := fs.Bool("json", false, "")
	var opts upgradable.LayoutOptions
	fs.Func("renamed", "", func(s string) error { return parseRenamed(&opts, s) })
	fs.Func("allow", "", func(s string) error { return parseAllow(&opts, s) })
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	cat := catalog.New()
	if len(pos) == 3 {
		r, err := c.open(pos[0], "")
		if err != nil {
			return c.fail(cmd, err)
		}
		cat, pos = r.Catalog, pos[1:]
	}
	if len(pos) != 2 {
		return c.wrongArgs(cmd, "want the old contract and the new one (after a scenario, if they are its)")
	}
	var names [2]string
	var pkgs [2]*catalog.Contract
	for i, name := range pos {
		ct, err := c.contract(cat, name)
		if err != nil {
			return c.fail(cmd, err)
		}
		if ct.Package == nil {
			return c.fail(cmd, fmt.Errorf("%s has no ABI, so its layout is unknown: give a .pkg, or a .boc with its .abi.json beside it", name))
		}
		names[i], pkgs[i] = ct.Name, ct
	}
	var proto *upgradable.Protocol
	if *protocol != "" {
		var err error
		if proto, err = upgradable.ProtocolByName(*protocol); err != nil {
			return c.wrongArgs(cmd, fmt.Sprintf("--protocol: %v", err))
		}
	}
	l, err := upgradable.CompareLayouts(pkgs[0].Package, pkgs[1].Package, proto, opts)
	var unknown *upgradable.UnknownFieldError
	if errors.As(err, &unknown) {
		return c.wrongArgs(cmd, fmt.Sprintf("--renamed %s: %v", unknown.Field, err))
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	if *asJSON {
		newJSONPrinter(c.stdout).enc.Encode(layoutRow(names[0], names[1], l))
	} else {
		printLayout(c, names, l)
	}
	if !l.Compatible() {
		return exitFailed
	}
	return exitOK
}

// printLayout writes the check: a line with the verdict, the summary, a
// line per finding.
func printLayout(c *cli, names [2]string, l *upgradable.LayoutCheck) {
	by := ""
	if l.Protocol != "" {
		by = " by " + l.Protocol
	}
	fmt.Fprintf(c.stdout, "layout %s → %s%s: %s\n", names[0], names[1], by, describe.LayoutVerdict(l))
	fmt.Fprintf(c.stdout, "  %s\n", describe.LayoutSummary(l))
	for _, f := range l.Findings {
		if f.Kind != upgradable.FindingInit {
			fmt.Fprintf(c.stdout, "  - %s\n", describe.LayoutFinding(l, f))
		}
	}
}

// parseRenamed reads --renamed OLD=NEW[,OLD=NEW…].
func parseRenamed(opts *upgradable.LayoutOptions, s string) error {
	for _, part := range strings.Split(s, ",") {
		from, to, ok := strings.Cut(strings.TrimSpace(part), "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return fmt.Errorf("%q: want OLD=NEW, the old field's name and the new one's", part)
		}
		if opts.Renamed == nil {
			opts.Renamed = map[string]string{}
		}
		if _, dup := opts.Renamed[from]; dup {
			return fmt.Errorf("%s is renamed twice", from)
		}
		opts.Renamed[from] = to
	}
	return nil
}

// parseAllow reads --allow KIND[,KIND…].
func parseAllow(opts *upgradable.LayoutOptions, s string) error {
	for _, part := range strings.Split(s, ",") {
		k, err := upgradable.ParseFindingKind(strings.TrimSpace(part))
		if err != nil {
			return err
		}
		opts.Allow = append(opts.Allow, k)
	}
	if len(opts.Allow) == 0 {
		return errors.New("no kind given")
	}
	return nil
}
