package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/internal/golden"
)

// TestUpgradeDialogPatterns keeps the upgrade dialog of every upgrade
// pattern of the examples as golden files, at 120×40 and scrolled to its
// end: testdata/TestUpgradeDialogPatterns/<pattern>.golden. Each scenario
// of testdata/patterns deploys the family's v1; the dialog opens on v2 (or,
// with down, the next version) and shows the preflight's verdict, the
// stays-upgradable line and what enter sends.
func TestUpgradeDialogPatterns(t *testing.T) {
	tests := []struct {
		name, file string
		keys       []string
		want       []string // lines the dialog must show
	}{
		{"direct", "direct.yaml", nil, []string{"✓ safe, v2.0.0 runs after", "stays upgradable", "enter sends the Upgrade"}},
		{"staged", "staged.yaml", nil, []string{"✓ safe, v2.0.0 runs after", "protocol  ‹ staged", "enter sends Upgrade, then CommitUpgrade"}},
		{"delayed", "delayed.yaml", nil, []string{"✓ safe, v2.0.0 runs after", "enter sends Upgrade, then Confirm once its timeout has passed"}},
		{"tolk eager", "tolk.yaml", nil, []string{"✓ safe, v2.0.0 runs after", "migrates the data in the upgrade transaction itself", "stays upgradable, but not back"}},
		{"tolk rolled back", "tolk.yaml", []string{"down", "enter"}, []string{"✗ rolled back, nothing changed: exit 9", "The preflight says: rolled back."}},
		{"own protocol", "twostep.yaml", nil, []string{"protocol  ‹ two-step  the contract's own", "enter sends StageCode, then ApplyCode"}},
		{"own protocol picked", "twostep.yaml", []string{"p"}, []string{"protocol  ‹ two-step  the scenario's", "✓ safe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := play(t, filepath.Join("testdata", "patterns", tt.file)).resize(120, 40)
			h.press("u")
			h.press(tt.keys...)
			h.press("end")
			v := h.view()
			require.Len(t, strings.Split(v, "\n"), 40)
			for _, want := range tt.want {
				require.Contains(t, v, want)
			}
			golden.Equal(t, filepath.Join(testdata, "TestUpgradeDialogPatterns", strings.ReplaceAll(tt.name, " ", "_")+".golden"), v)
		})
	}
}
