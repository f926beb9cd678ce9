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
}

// layoutFamily are the packages of examples/contracts/layout, which no
// built-in names: example 28 loads them by path.
var layoutFamily = map[string]string{
	"layout.v1":     "../examples/contracts/layout/build/LayoutV1_LayoutV1.pkg",
	"layout.v2":     "../examples/contracts/layout/build/LayoutV2_LayoutV2.pkg",
	"layout.v2swap": "../examples/contracts/layout/build/LayoutV2Swap_LayoutV2Swap.pkg",
}

func builtins(t *testing.T) map[string]*cell.Package {
	t.Helper()
	b := contracts.Builtins()
	for name, path := range layoutFamily {
		pkg, err := cell.LoadPackage(path)
		require.NoError(t, err)
		b[name] = pkg
	}
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
// back (or the old code refuses first, which says nothing of the layout).
// The static check of the two packages alone, with no data, finds the
// same. The table of verdicts is a golden file.
func TestLayoutAgreesWithDryRun(t *testing.T) {
	pkgs := builtins(t)
	var table strings.Builder
	table.WriteString("# upgrade, the dry run's verdict, the layout's. Where the dry run is safe and the layout\n" +
		"# is not, the change is one no dry run sees: a value lost, renamed, narrowed or swapped.\n")
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
					assert.Contains(t, []upgradable.DryRunNote{upgradable.DryRunAgrees, upgradable.DryRunRefuses}, l.DryRun, "%s: %s", pair, describe.Layout(l))
					if pair == "tolk.v2 → tolk.v2fail" {
						assert.Equal(t, upgradable.DryRunRefuses, l.DryRun, "v2fail's migrate refuses v2's version, whatever the layout")
					}
					failsToRead := (r.Verdict == upgradable.Bricked || r.RolledBack) && upgradable.ReadFailure(r.ExitCode)
					switch {
					case r.Verdict == upgradable.Safe:
						assert.True(t, l.Reads, "%s: safe, so the read lines up: %s", pair, describe.Layout(l))
					case failsToRead:
						assert.False(t, l.Reads, "%s: %s, so the read cannot line up: %s", pair, describe.Verdict(r), describe.Layout(l))
					}
					static, err := upgradable.CompareLayouts(m.Versions[i].Package, m.Versions[j].Package, r.Protocol, upgradable.LayoutOptions{})
					require.NoError(t, err)
					assert.Equal(t, l.Reads, static.Reads, pair)
					assert.Equal(t, l.Compatible(), static.Compatible(), pair)
					fmt.Fprintf(&table, "%-32s %-40s %s\n", pair, describe.Verdict(r), describe.LayoutVerdict(l))
				}
			}
		})
	}
	golden.Equal(t, "testdata/layout-agree.txt", table.String())
}
