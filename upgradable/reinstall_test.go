package upgradable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/upgradable"
)

// TestPreflightSaysReinstall checks the report's Reinstall against what a
// reinstall does: set exactly when the upgrade bricks the account for
// good, and then a reinstall really makes it usable again.
func TestPreflightSaysReinstall(t *testing.T) {
	tests := []struct {
		name    string
		next    *cell.Package
		reinstl bool
	}{
		{"a safe upgrade needs none", counter.V2(), false},
		{"a brick with no way back needs one", counter.V3(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := deploy(t)
			r, err := upgradable.Preflight(x.w, upgradable.Request{Contract: x.c.Address, Code: tt.next.Code, Current: counter.V1(), Next: tt.next})
			require.NoError(t, err)
			assert.Equal(t, tt.reinstl, r.Reinstall)
			if !tt.reinstl {
				return
			}
			require.NotNil(t, r.StorageBefore, "what a reinstall would lose")

			_, err = x.c.Upgrade(x.owner, tt.next.Code)
			require.NoError(t, err)
			_, err = x.c.Value()
			require.Error(t, err, "bricked")
			fresh, err := counter.StateInit(counter.Init{ID: 7, Owner: x.owner, Value: 0})
			require.NoError(t, err)
			_, err = x.w.Reinstall(x.c.Address, fresh.Code, fresh.Data)
			require.NoError(t, err)
			_, err = x.c.Step(x.stranger, 1)
			require.NoError(t, err)
			v, err := x.c.Value()
			require.NoError(t, err)
			assert.Equal(t, int64(1), v.Int64(), "usable again, its state lost")
		})
	}
}
