package scenario_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/internal/golden"
	"github.com/tonsim/tonsim/scenario"
)

// TestReference keeps the README's table of checks and the package doc's
// list in step with the table the parser and the runner use: both are
// generated from it, and go test ./scenario -update rewrites them.
func TestReference(t *testing.T) {
	tests := []struct {
		file, begin, end, want string
	}{
		{"../README.md", "<!-- checks: generated from scenario's table of checks; go test ./scenario -update rewrites it -->\n", "<!-- end of checks -->", scenario.Reference()},
		{"doc.go", "// The checks (generated from the table of checks; go test ./scenario -update rewrites this list):\n//\n", "//\n// End of the checks.", scenario.DocReference()},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			require.NoError(t, err)
			text := string(data)
			i := strings.Index(text, tt.begin)
			require.GreaterOrEqual(t, i, 0, "%s has no generated table of checks (begin with %q)", tt.file, tt.begin)
			j := strings.Index(text[i:], tt.end)
			require.GreaterOrEqual(t, j, 0, "%s: the table of checks has no end (%q)", tt.file, tt.end)
			got := text[i+len(tt.begin) : i+j]
			if golden.Update() {
				text = text[:i+len(tt.begin)] + tt.want + text[i+j:]
				require.NoError(t, os.WriteFile(tt.file, []byte(text), 0o644))
				return
			}
			require.Equal(t, tt.want, got, "%s's table of checks is stale: go test ./scenario -update", tt.file)
		})
	}
}
