package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
)

func TestNextLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name        string
		live        uint64
		limit, want int64
	}{
		{"small heap: leave the limit", 100 * mib, memoryLimit, 0},
		{"just under half", memoryLimit/2 - 1, memoryLimit, 0},
		{"half: twice the live heap", memoryLimit / 2, memoryLimit, memoryLimit},
		{"past the limit", 600 * mib, memoryLimit, 1200 * mib},
		{"huge", math.MaxUint64, math.MaxInt64, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, nextLimit(tt.live, tt.limit))
		})
	}
}

func TestParseHistory(t *testing.T) {
	tests := []struct {
		in   string
		want int
		err  string
	}{
		{"all", actor.HistoryAll, ""},
		{"0", 0, ""},
		{"1000", 1000, ""},
		{"1_000", 1000, ""},
		{"010", 10, ""},
		{"1__000", 0, `"1__000" is not a number of transactions`},
		{"-1", 0, `"-1" is not a number of transactions`},
		{"many", 0, `"many" is not a number of transactions`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseHistory(tt.in)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestShard(t *testing.T) {
	files := []string{"a", "b", "c", "d", "e", "f", "g"}
	tests := []struct {
		spec string
		want []string
		err  string
	}{
		{"1/1", files, ""},
		{"1/3", []string{"a", "d", "g"}, ""},
		{"2/3", []string{"b", "e"}, ""},
		{"3/3", []string{"c", "f"}, ""},
		{"8/8", nil, ""},
		{"0/3", nil, "want I/N with 1 ≤ I ≤ N"},
		{"4/3", nil, "want I/N with 1 ≤ I ≤ N"},
		{"2", nil, "want I/N with 1 ≤ I ≤ N"},
		{"a/b", nil, "want I/N with 1 ≤ I ≤ N"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			var s shard
			err := s.set(tt.spec)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.of(files))
		})
	}

	// Every file is in exactly one share.
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		var s shard
		require.NoError(t, s.set(fmt.Sprintf("%d/3", i)))
		for _, f := range s.of(files) {
			seen[f]++
		}
	}
	for _, f := range files {
		assert.Equal(t, 1, seen[f], f)
	}
}

// TestParallelTest plays the examples on several goroutines in this process,
// so that go test -race sees any state two worlds share; the output is the
// same as one file at a time.
func TestParallelTest(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var one, many bytes.Buffer
	require.Equal(t, exitOK, run(append([]string{"test", "-j", "1"}, files...), &one, io.Discard))
	require.Equal(t, exitOK, run(append([]string{"test", "-j", "4"}, files...), &many, io.Discard))
	assert.Equal(t, one.String(), many.String())
	assert.Contains(t, many.String(), fmt.Sprintf("%d passed, 0 failed", len(files)))
}

// TestGCPause checks that a command's start-up turns the collector off and
// then back to where it was, once, and leaves it alone when GOGC is set.
func TestGCPause(t *testing.T) {
	gcPercent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	before := debug.SetGCPercent(150)
	t.Cleanup(func() { debug.SetGCPercent(before) })

	t.Setenv("GOGC", "")
	var p gcPause
	p.pause()
	assert.Equal(t, -1, gcPercent(), "off while starting up")
	p.pause()
	p.resume()
	assert.Equal(t, 150, gcPercent(), "back as it was")
	debug.SetGCPercent(120)
	p.resume()
	assert.Equal(t, 120, gcPercent(), "resumed once only")

	t.Setenv("GOGC", "80")
	var user gcPause
	user.pause()
	assert.Equal(t, 120, gcPercent(), "GOGC is the user's")
	user.resume()
	assert.Equal(t, 120, gcPercent())

	var never gcPause
	never.resume()
	never.pause()
	assert.Equal(t, 120, gcPercent(), "a pause after the start-up is over does nothing")
}
