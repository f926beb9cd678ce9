package upgradable_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// families are the example families, each as the matrix runs it: what to
// deploy (the first version, or a proxy), with what, and the versions.
var families = []struct {
	name         string
	deploy       string         // the package deployed ("": the first version)
	init         map[string]any // beside owner
	message      string         // the deploying message ("": an empty body)
	messageField map[string]any
	versions     []string
}{
	{name: "counter", init: map[string]any{"id": 7, "value": 3}, versions: []string{"counter.v1", "counter.v2", "counter.v3"}},
	{name: "vault", init: map[string]any{"name": "v"}, versions: []string{"vault.v1", "vault.v2", "vault.v2bad"}},
	{name: "direct", message: "Bump", messageField: map[string]any{"queryId": 0}, versions: []string{"direct.v1", "direct.v2"}},
	{name: "staged", message: "Bump", messageField: map[string]any{"queryId": 0}, versions: []string{"staged.v1", "staged.v2"}},
	{name: "delayed", message: "Bump", messageField: map[string]any{"queryId": 0}, versions: []string{"delayed.v1", "delayed.v2"}},
	{name: "proxy", deploy: "proxy.proxy", message: "SpawnChild", versions: []string{"proxy.child.v1", "proxy.child.v2"}},
	{name: "tolk", init: map[string]any{"id": 7, "value": 3}, versions: []string{"tolk.v1", "tolk.v2", "tolk.v2fail"}},
	{name: "layout", message: "Bump", messageField: map[string]any{"queryId": 0}, versions: []string{"layout.v1", "layout.v2", "layout.v2swap"}},
	// hooks.v1stuck comes last: its pre-upgrade check refuses every
	// upgrade from it, so the matrix's chain stops there.
	{name: "hooks", versions: []string{"hooks.v1", "hooks.v2", "hooks.v2trap", "hooks.v1stuck"}},
	{name: "hooks.lazy", versions: []string{"hooks.lazy.v1", "hooks.lazy.v2", "hooks.lazy.v2trap"}},
	{name: "versioned", versions: []string{"versioned.v1", "versioned.v2", "versioned.v3"}},
	{name: "units", versions: []string{"units.v1", "units.v2"}},
	{name: "initparams", message: "Step", messageField: map[string]any{"queryId": 0}, versions: []string{"initparams.v1", "initparams.v2", "initparams.v2bad"}},
}

func builtins(t *testing.T) map[string]*cell.Package {
	t.Helper()
	b := contracts.Builtins()
	b["counter.v1"], b["counter.v2"], b["counter.v3"] = counter.V1(), counter.V2(), counter.V3()
	b["tolk.v1"], b["tolk.v2"], b["tolk.v2fail"] = tolkcounter.V1(), tolkcounter.V2(), tolkcounter.V2Fail()
	return b
}

// byCode finds a built-in's package by its code, as a catalog would.
type byCode map[string]*cell.Package

func (b byCode) PackageOf(code *tvmcell.Cell) *cell.Package {
	for _, p := range b {
		if string(p.Code.Hash()) == string(code.Hash()) {
			return p
		}
	}
	return nil
}

// deployFamily deploys a family's first version (or its proxy) owned by a
// new wallet.
func deployFamily(t *testing.T, pkgs map[string]*cell.Package, name, deploy string, init map[string]any, message string, fields map[string]any) (*actor.World, *address.Address) {
	t.Helper()
	w, err := actor.NewWorld()
	require.NoError(t, err)
	owner, err := w.NewWallet("owner")
	require.NoError(t, err)
	pkg := pkgs[deploy]
	args := map[string]any{"owner": owner}
	for k, v := range init {
		args[k] = v
	}
	data, err := pkg.InitData(args)
	require.NoError(t, err)
	body := tvmcell.BeginCell().EndCell()
	if message != "" {
		body, err = pkg.ABI.Encode(message, fields)
		require.NoError(t, err)
	}
	tr, err := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("1"), Body: body, StateInit: &tlb.StateInit{Code: pkg.Code, Data: data}})
	require.NoError(t, err)
	require.True(t, tr.Transactions[1].Success, "%s: deploy: %v", name, tr.Transactions[1].Err())
	return w, tr.Transactions[1].To
}

// TestLayoutAgreesWithDryRun runs the upgrade matrix of every example
// family and compares, for every upgrade it dry-runs, the layout check
// with the dry run's verdict: where the new code's read lines up the dry
// run reads the data, and where it does not the dry run bricks or rolls
// back, or the new code's own check refuses the data. The static check of
// the two packages alone, with no data, finds the same. Where the two
// disagree, the dry run explains it (a migration's own check or trap,
// which no layout shows), the verdict the user sees follows the dry run
// and the words say so first. The table of both verdicts is a golden file.
func TestLayoutAgreesWithDryRun(t *testing.T) {
	pkgs := builtins(t)
	var table strings.Builder
	table.WriteString("# upgrade, the dry run's verdict, the layout's static verdict, the verdict shown (which\n" +
		"# follows the dry run where they disagree). Where the dry run is safe and the layout is not,\n" +
		"# the change is one no dry run sees: a value lost, renamed, narrowed or swapped.\n")
	for _, fam := range families {
		t.Run(fam.name, func(t *testing.T) {
			deploy := fam.deploy
			if deploy == "" {
				deploy = fam.versions[0]
			}
			w, addr := deployFamily(t, pkgs, fam.name, deploy, fam.init, fam.message, fam.messageField)
			req := upgradable.MatrixRequest{Contract: addr, Packages: byCode(pkgs)}
			for _, v := range fam.versions {
				req.Versions = append(req.Versions, upgradable.Member{Name: v, Package: pkgs[v]})
			}
			m, err := upgradable.UpgradeMatrix(w, req)
			require.NoError(t, err)
			for i := range m.Versions {
				for j := range m.Versions {
					r := m.Report(upgradable.Pair{From: i, To: j})
					if r == nil {
						continue
					}
					pair := m.Versions[i].Name + " → " + m.Versions[j].Name
					l := r.Layout
					require.NotNil(t, l, pair)
					require.NotNil(t, l.Ran, "%s: the dry run judged the layout", pair)
					words := describe.Layout(l)
					failsToRead := l.Ran.Failed() && upgradable.ReadFailure(r.ExitCode)
					switch {
					case r.Verdict == upgradable.Rejected && !r.RolledBack:
						// The old code refused before the new code ran: the
						// dry run says nothing of the layout.
						assert.Equal(t, upgradable.DryRunAgrees, l.DryRun, pair)
					case r.Verdict == upgradable.Safe:
						assert.True(t, l.Reads, "%s: safe, so the read lines up: %s", pair, words)
					case failsToRead:
						assert.False(t, l.Reads, "%s: %s, so the read cannot line up: %s", pair, describe.Verdict(r), words)
					case l.Ran.Failed():
						// The new code's own check or trap: refused by a
						// check the layout found, or a disagreement the dry
						// run explains, and wins.
						if l.Reads {
							assert.Equal(t, upgradable.DryRunRefuses, l.DryRun, "%s: %s", pair, words)
						} else {
							assert.False(t, l.StaticCompatible(), "%s: %s", pair, words)
						}
					}
					assert.NotEqual(t, upgradable.DryRunFails, l.DryRun, "%s: the layout lines up where the read fails: %s", pair, words)
					assert.NotEqual(t, upgradable.DryRunReads, l.DryRun, "%s: the layout finds no reader where the dry run reads: %s", pair, words)
					if l.DryRun != upgradable.DryRunAgrees {
						assert.False(t, l.Compatible(), pair)
						assert.True(t, strings.HasPrefix(describe.LayoutSummary(l), "the dry run "), "%s: the words say first that the dry run wins: %s", pair, words)
						assert.Equal(t, "incompatible by the dry run", describe.LayoutVerdict(l), pair)
					}
					if l.Guard != "" && !l.Reads {
						assert.NotContains(t, words, "breaks the read", "%s: a refusal by the init's check is no broken read", pair)
					}
					if pair == "versioned.v3 → versioned.v2" {
						assert.Equal(t, int64(contracts.ExitNewerLayout), r.ExitCode, pair)
						assert.Equal(t, "incompatible, refused by its check", describe.LayoutVerdict(l), words)
					}
					if pair == "versioned.v1 → versioned.v3" || pair == "versioned.v2 → versioned.v3" {
						assert.Equal(t, []string{"LayoutV3", "LayoutV1", "LayoutV2"}, l.Readers, "one reader per old layout, by the version byte")
					}
					static, err := upgradable.CompareLayouts(m.Versions[i].Package, m.Versions[j].Package, r.Protocol, upgradable.LayoutOptions{})
					require.NoError(t, err)
					assert.Equal(t, l.Reads, static.Reads, pair)
					assert.Equal(t, l.StaticCompatible(), static.StaticCompatible(), pair)
					assert.Equal(t, static.StaticCompatible(), static.Compatible(), "%s: with no dry run, the verdict is the layout's", pair)
					fmt.Fprintf(&table, "%-38s %-40s %-34s %s\n", pair, describe.Verdict(r), describe.LayoutVerdict(static), describe.LayoutVerdict(l))
				}
			}
		})
	}
	golden.Equal(t, "testdata/layout-agree.txt", table.String())
}
