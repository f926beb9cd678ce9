package tui

import (
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
