package tui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNotesAreSanitised: a scenario's description and notes reach the
// screen with their escape sequences shown, not run.
func TestNotesAreSanitised(t *testing.T) {
	h := walk(t, "testdata/escapes.yaml")
	v := h.view()
	assert.Contains(t, v, `A description that clears the screen\x1b[2J`)
	assert.Contains(t, v, `next: 1 wait 1 s — A note in red: \x1b[31mred`)
	h.press("n")
	v = h.view()
	assert.Contains(t, v, `A note in red: \x1b[31mred\x1b[0m, a NUL \x00`)
	assert.Contains(t, v, `\u202ereversed.`)
	assert.Contains(t, v, `The next one \x1b[2J clears.`)
	for _, raw := range []string{"\x1b[2J", "\x1b]0;", "\x1b[31mred", "\x00", "\u202e"} {
		assert.NotContains(t, v, raw)
	}
}
