package tui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWrapAndHang(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		width       int
		wrap, hang2 []string
	}{
		{"fits", "⚠ short", 20, []string{"⚠ short"}, []string{"⚠ short"}},
		{"breaks at a space", "⚠ one two three four", 12,
			[]string{"⚠ one two", "three four"},
			[]string{"⚠ one two", "  three four"}},
		{"a word longer than the line is cut", "⚠ abcdefghijklmnop", 10,
			[]string{"⚠", "abcdefghij", "klmnop"},
			[]string{"⚠", "  abcdefgh", "  ijklmnop"}},
		{"too narrow to indent", "⚠ one two three", 9, []string{"⚠ one two", "three"}, []string{"⚠ one two", "three"}},
		{"no room", "⚠ x", 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.wrap, wrap(tt.text, tt.width))
			assert.Equal(t, tt.hang2, hang(tt.text, 2, tt.width), "lines after the first start under the text after the mark")
		})
	}
}

// TestWindowEveryHeight: a scrolled body shows in any height, however
// small, at any offset, never more lines than the height, and says what
// is cut off whenever there is room for it.
func TestWindowEveryHeight(t *testing.T) {
	c := &Common{KeyMap: DefaultKeyMap()}
	body := []string{"a", "b", "c", "d", "e", "f"}
	for height := 0; height <= len(body)+1; height++ {
		for top := -1; top <= len(body)+1; top++ {
			sc := scroller{top: top}
			out := sc.window(c, body, height, "pgdn")
			assert.LessOrEqual(t, len(out), max(height, 0), "height %d, top %d", height, top)
			if height >= 3 && height < len(body) {
				assert.Contains(t, strings.Join(out, "\n"), "more line", "height %d, top %d: the cut is said", height, top)
			}
		}
	}
}
