package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSavePath(t *testing.T) {
	tests := []struct{ scenario, world, want string }{
		{"", "", ""},
		{"examples/01-upgrade.yaml", "", "01-upgrade.world.json"},
		{"steps", "", "steps.world.json"},
		{"", "saved/w.json", "saved/w.json"},
		{"more.yaml", "saved/w.json", "saved/w.json"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, savePath(tt.scenario, tt.world), "savePath(%q, %q)", tt.scenario, tt.world)
	}
}
