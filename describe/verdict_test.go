package describe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
)

// TestRefusedUpgrades words the three ways an upgrade the running code
// refuses can end: a way out found, none found, and an eager migration
// that threw (which the running code did not refuse).
func TestRefusedUpgrades(t *testing.T) {
	owner := address.MustParseRawAddr("0:44139b2aae9df342dd0a1d3e6fa3682f1a3653b9807180646552df65d7bfa33f")
	eager, err := upgradable.ProtocolByName(upgradable.ProtocolEagerTact)
	assert.NoError(t, err)
	p := describe.Printer{Names: namer{owner.StringRaw(): "owner"}}
	tests := []struct {
		name     string
		report   upgradable.Report
		verdict  string
		reason   string
		warnings []string
	}{
		{
			name: "refused until an Unlock",
			report: upgradable.Report{Verdict: upgradable.Rejected, ExitCode: 53617, Meaning: "Funds are locked", Step: 1,
				Protocol: eager, Sender: owner, Upgradable: true, Tried: []string{"Bump", "Lock", "Unlock"}, WayOut: []string{"Unlock"}},
			verdict:  "rejected: exit 53617 (Funds are locked)",
			reason:   "the contract refuses the upgrade from owner: nothing would change",
			warnings: []string{"the refusal is lifted by an Unlock from the owner (every field zero): after it, the upgrade is not refused this way"},
		},
		{
			name: "refused for ever",
			report: upgradable.Report{Verdict: upgradable.Rejected, ExitCode: 53617, Meaning: "Funds are locked", Step: 1,
				Protocol: eager, Sender: owner, Upgradable: false, Tried: []string{"Bump", "Lock", "Unlock"}},
			verdict: "rejected: exit 53617 (Funds are locked)",
			reason:  "the contract refuses the upgrade from owner: nothing would change, and no later upgrade can change that",
			warnings: []string{"no upgrade can ever pass the running code's check: it refuses before any new code runs, whatever the new code, " +
				"and none of its messages (Bump, Lock and Unlock, each sent by the owner with every field zero) changes that; the contract can never be upgraded again"},
		},
		{
			name: "an eager migration that threw",
			report: upgradable.Report{Verdict: upgradable.Rejected, ExitCode: 9, Meaning: "Cell underflow", Step: 1,
				Protocol: eager, Sender: owner, Upgradable: true, RolledBack: true},
			verdict: "rolled back, nothing changed: exit 9 (Cell underflow)",
			reason:  "hooks.v2trap's migration failed inside the upgrade transaction, so the whole upgrade was undone: the contract runs its old code on its old data",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.verdict, describe.Verdict(&tc.report))
			assert.Equal(t, tc.reason, describe.VerdictReason(&tc.report, "hooks.v2trap", p))
			assert.Equal(t, tc.warnings, describe.Warnings(&tc.report, "hooks.v2trap", p))
		})
	}
}

// namer names addresses from a map of raw addresses.
type namer map[string]string

func (n namer) NameOf(addr *address.Address) string { return n[addr.StringRaw()] }

// TestMatrixCellOfARefusal tells a refusal with a way out from one without.
func TestMatrixCellOfARefusal(t *testing.T) {
	refused := &upgradable.Report{Verdict: upgradable.Rejected, ExitCode: 53617, Upgradable: true, WayOut: []string{"Unlock"}}
	stuck := &upgradable.Report{Verdict: upgradable.Rejected, ExitCode: 53617, Upgradable: false}
	m := &upgradable.Matrix{
		Versions: []upgradable.Member{{Name: "v1"}, {Name: "v2"}},
		Reports:  [][]*upgradable.Report{{nil, refused}, {stuck, nil}},
	}
	assert.Equal(t, "rejected: exit 53617", describe.MatrixCell(m, upgradable.Pair{From: 0, To: 1}))
	assert.Equal(t, "rejected, no way out: exit 53617", describe.MatrixCell(m, upgradable.Pair{From: 1, To: 0}))
}

// TestMigrationGas words a migration's gas against the limit, and warns when
// it takes more than a quarter of what a transaction may use.
func TestMigrationGas(t *testing.T) {
	tests := []struct {
		name    string
		report  upgradable.Report
		gas     string
		warning string // "" for none
	}{
		{"no migration", upgradable.Report{Verdict: upgradable.Safe, MaxGas: 1_000_000}, "", ""},
		{"light", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 7104, MaxGas: 1_000_000, StateCells: 215},
			"the migration uses 7104 of the 1000000 gas a transaction may (0.7%), on a state of 215 cells: room for 140× this cost; if the cost grows in step with the state, about 30264 cells of state would still fit", ""},
		{"heavy", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 400_000, MaxGas: 1_000_000, StateCells: 9000},
			"the migration uses 400000 of the 1000000 gas a transaction may (40.0%), on a state of 9000 cells: room for 2.5× this cost; if the cost grows in step with the state, about 22500 cells of state would still fit",
			"the migration uses 400000 of the 1000000 gas a transaction may: if its work grows with the state, the state can grow only about 2.5× before the migration no longer fits"},
		{"a message that pays for little", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 100_000, GasLimit: 125_000, MaxGas: 1_000_000, StateCells: 200},
			"the migration uses 100000 of the 1000000 gas a transaction may (10.0%), on a state of 200 cells: room for 10× this cost; if the cost grows in step with the state, about 2000 cells of state would still fit; the message that ran it paid for only 125000 gas (80% used): the message that runs it must carry enough value", ""},
		{"a message that pays for plenty", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 7104, GasLimit: 125_000, MaxGas: 1_000_000, StateCells: 215},
			"the migration uses 7104 of the 1000000 gas a transaction may (0.7%), on a state of 215 cells: room for 140× this cost; if the cost grows in step with the state, about 30264 cells of state would still fit", ""},
		{"no limit known", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 7104, StateCells: 5},
			"the migration uses 7104 of the 0 gas a transaction may, on a state of 5 cells", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.gas, describe.Gas(&tt.report))
			warnings := describe.Warnings(&tt.report, "v2", describe.Printer{})
			if tt.warning == "" {
				assert.Empty(t, warnings)
			} else {
				assert.Equal(t, []string{tt.warning}, warnings)
			}
		})
	}
}

// TestTypeChangeWarning: a safe upgrade whose type_and_version names
// another type is warned of; a new version of the same type is not.
func TestTypeChangeWarning(t *testing.T) {
	other := upgradable.Report{Verdict: upgradable.Safe,
		Before: upgradable.Version{Type: "com.example.Counter", Version: "1.0.0"}, After: upgradable.Version{Type: "com.example.Vault", Version: "1.0.0"}}
	assert.Equal(t, []string{"the contract's type changes, com.example.Counter → com.example.Vault: vault.v1 is another contract, not a version of the one that runs"},
		describe.Warnings(&other, "vault.v1", describe.Printer{}))
	same := other
	same.After = upgradable.Version{Type: "com.example.Counter", Version: "2.0.0"}
	assert.Empty(t, describe.Warnings(&same, "v2", describe.Printer{}))
	unnamed := other
	unnamed.Before.Type = ""
	assert.Empty(t, describe.Warnings(&unnamed, "v2", describe.Printer{}), "no type before: nothing to compare")
}

func TestStaysUpgradable(t *testing.T) {
	ok := func(k upgradable.ProbeKind) upgradable.Probe { return upgradable.Probe{Kind: k, OK: true} }
	tests := []struct {
		name   string
		report upgradable.Report
		want   string
	}{
		{"back and again", upgradable.Report{Verdict: upgradable.Safe, Upgradable: true, Probes: []upgradable.Probe{
			ok(upgradable.ProbeUpgradeBack), ok(upgradable.ProbeRollback), ok(upgradable.ProbeAgain)}},
			"stays upgradable: an upgrade back to the old code and to v2 again go through"},
		{"back, but the old code cannot read the data", upgradable.Report{Verdict: upgradable.Safe, Upgradable: true, Probes: []upgradable.Probe{
			ok(upgradable.ProbeUpgradeBack), {Kind: upgradable.ProbeRollback, ExitCode: 9}}},
			"stays upgradable: an upgrade back to the old code goes through, but the old code cannot read v2's data"},
		{"the seed's back-to-back brick", upgradable.Report{Verdict: upgradable.Safe, Upgradable: true, Probes: []upgradable.Probe{
			ok(upgradable.ProbeUpgradeBack), ok(upgradable.ProbeRollback), ok(upgradable.ProbeAgain), {Kind: upgradable.ProbeBackToBack}}},
			"stays upgradable: an upgrade back to the old code and to v2 again go through; not twice in a row: a second upgrade before any message bricks it"},
		{"eager, the way back refused by the old migrate", upgradable.Report{Verdict: upgradable.Safe, Upgradable: true, Probes: []upgradable.Probe{
			{Kind: upgradable.ProbeUpgradeBack, Refused: true, Migrating: true, ExitCode: 9}}},
			"stays upgradable, but not back to the old code: its migrate refuses v2's data"},
		{"the new code refuses upgrades", upgradable.Report{Verdict: upgradable.Safe, Probes: []upgradable.Probe{
			{Kind: upgradable.ProbeUpgradeBack, Refused: true, ExitCode: 132, Meaning: "Access denied"}}},
			"does not stay upgradable: v2 refuses a further upgrade (exit 132 (Access denied))"},
		{"rolled back", upgradable.Report{Verdict: upgradable.Rejected, RolledBack: true, Upgradable: true},
			"stays upgradable: the upgrade was undone, and the old code takes upgrades as before"},
		{"refused, with a way out", upgradable.Report{Verdict: upgradable.Rejected, Upgradable: true}, ""},
		{"refused for good", upgradable.Report{Verdict: upgradable.Rejected}, "does not stay upgradable: the running code refuses every upgrade"},
		{"bricked, rescued", upgradable.Report{Verdict: upgradable.Bricked, Upgradable: true}, "stays upgradable: an upgrade back to the old code still goes through"},
		{"bricked for good", upgradable.Report{Verdict: upgradable.Bricked}, "does not stay upgradable: no upgrade reaches the bricked contract"},
		{"no-op", upgradable.Report{Verdict: upgradable.NoOp, Upgradable: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describe.StaysUpgradable(&tt.report, "v2"))
		})
	}
}

func TestVerdictWord(t *testing.T) {
	for _, tt := range []struct {
		report upgradable.Report
		want   string
	}{
		{upgradable.Report{Verdict: upgradable.Safe}, "safe"},
		{upgradable.Report{Verdict: upgradable.Rejected}, "rejected"},
		{upgradable.Report{Verdict: upgradable.Rejected, RolledBack: true}, "rolled back"},
		{upgradable.Report{Verdict: upgradable.Bricked}, "would brick"},
		{upgradable.Report{Verdict: upgradable.NoOp}, "no-op"},
	} {
		assert.Equal(t, tt.want, describe.VerdictWord(&tt.report))
	}
}
