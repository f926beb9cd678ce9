package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNamesAtEveryPoint travels through the first example from its start,
// a transaction at a time: wherever an account shows, in the accounts, the
// log and the details, it goes by its name, the deployment's own
// transactions included.
func TestNamesAtEveryPoint(t *testing.T) {
	h := play(t, "../examples/01-upgrade.yaml")
	require.Equal(t, 14, h.m.st.total)
	h.press("{")
	for p := 0; p <= h.m.st.total; p++ {
		require.Equal(t, p, h.m.st.at)
		for _, a := range h.m.st.accounts {
			assert.NotEmpty(t, a.name, "point %d: the account %s has no name", p, a.label())
		}
		for _, l := range h.m.st.log.lines {
			for _, party := range []string{l.from, l.to} {
				assert.False(t, strings.HasPrefix(party, "0:"), "point %d: lt %d shows %s for a named account", p, l.tx.LT, party)
			}
		}
		h.press("tab", "tab", "tab")
		for _, line := range lines(h.m.tx.View()) {
			if f := strings.Fields(line); len(f) > 1 && (f[0] == "from" || f[0] == "to") {
				assert.False(t, strings.HasPrefix(f[1], "0:"), "point %d: %q: a party of the detail goes by its name", p, line)
			}
		}
		h.m.setFocus(paneAccounts)
		h.press("]")
	}
}
