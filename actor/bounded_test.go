package actor

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBounded: a transaction run on a goroutine of its own (see
// [WithTransactionTimeout]) gives back its result, its error, a timeout, or
// its panic raised again on the caller's goroutine, where a command's
// recover turns it into one line instead of a crash with a stack trace.
func TestBounded(t *testing.T) {
	errRun := errors.New("run failed")
	tests := []struct {
		name      string
		run       func() (int, error)
		want      int
		wantErr   error
		wantPanic any
	}{
		{name: "result", run: func() (int, error) { return 7, nil }, want: 7},
		{name: "error", run: func() (int, error) { return 0, errRun }, wantErr: errRun},
		{name: "timeout", run: func() (int, error) { time.Sleep(time.Second); return 1, nil }, wantErr: ErrTransactionTimeout},
		{name: "panic", run: func() (int, error) { panic("too big value") }, wantPanic: "too big value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got int
			var err error
			call := func() { got, err = bounded(50*time.Millisecond, "--tx-timeout", tt.run) }
			if tt.wantPanic != nil {
				assert.PanicsWithValue(t, tt.wantPanic, call)
				return
			}
			require.NotPanics(t, call)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
