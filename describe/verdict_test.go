package describe_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

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
			"the migration uses 7104 of the 1000000 gas a transaction may (0.7%), on a state of 215 cells", ""},
		{"heavy", upgradable.Report{Verdict: upgradable.Safe, MigrationGas: 400_000, MaxGas: 1_000_000, StateCells: 9000},
			"the migration uses 400000 of the 1000000 gas a transaction may (40.0%), on a state of 9000 cells",
			"the migration uses 400000 of the 1000000 gas a transaction may: if its work grows with the state, the state can grow only about 2× before the migration no longer fits"},
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
