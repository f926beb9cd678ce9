package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/scenario"
)

// TestContractPaths: a contract path written in a scenario stays inside
// the scenario's directory tree unless allowed, and no error quotes what
// it read.
func TestContractPaths(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "scen")
	other := filepath.Join(root, "other")
	for _, d := range []string{filepath.Join(dir, "build"), other} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	code := counter.V1().Code.ToBOC()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "build", "v1.boc"), code, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(other, "v1.boc"), code, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(other, "secret.boc"), []byte("root:x:0:0:SECRET"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.boc"), []byte("root:x:0:0:SECRET"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(other, "v1.boc"), filepath.Join(dir, "link.boc")))

	tests := []struct {
		name, source string
		opts         []scenario.FileOption
		want         string // part of the error; "" for none
		is           error
	}{
		{name: "inside", source: "build/v1.boc"},
		{name: "absolute inside", source: filepath.Join(dir, "build", "v1.boc")},
		{name: "dot-dot out", source: "../other/v1.boc", want: `path "../other/v1.boc" leads to ` + filepath.Join(other, "v1.boc"), is: inputfile.ErrOutside},
		{name: "etc/passwd", source: "../../../../../../../../etc/passwd", want: "a path in a scenario stays inside the scenario's directory", is: inputfile.ErrOutside},
		{name: "proc environ", source: "/proc/self/environ", want: `path "/proc/self/environ" leads to /proc/self/environ`, is: inputfile.ErrOutside},
		{name: "a link out", source: "link.boc", want: "unless --allow-path DIR allows another tree", is: inputfile.ErrOutside},
		{name: "allowed", source: "../other/v1.boc", opts: []scenario.FileOption{scenario.WithAllowedDir(other)}},
		{name: "a link into an allowed tree", source: "link.boc", opts: []scenario.FileOption{scenario.WithAllowedDir(other)}},
		{name: "not a BOC, not quoted", source: "secret.boc", want: "secret.boc: not a hex or base64 BOC: 17 bytes", is: errors.New("")},
		{name: "allowed, not quoted", source: "../other/secret.boc", opts: []scenario.FileOption{scenario.WithAllowedDir(other)}, want: "not a hex or base64 BOC", is: errors.New("")},
		{name: "a directory", source: "build", want: "not a regular file but a directory", is: inputfile.ErrNotRegular},
		{name: "over the limit", source: "build/v1.boc", opts: []scenario.FileOption{scenario.WithMaxFileSize(100)}, want: "larger than the 100 bytes limit for a contract", is: inputfile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "s.yaml")
			require.NoError(t, os.WriteFile(path, []byte("contracts:\n  v1: "+tt.source+"\nsteps:\n  - wait: 1\n"), 0o644))
			_, cat, err := scenario.Load(path, builtins, tt.opts...)
			if tt.want == "" {
				require.NoError(t, err)
				ct, err := cat.ByName("v1")
				require.NoError(t, err)
				assert.Equal(t, counter.V1().Code.Hash(), ct.Code.Hash())
				return
			}
			require.ErrorIs(t, err, scenario.ErrScenario)
			assert.Contains(t, err.Error(), "s.yaml:2:7: contract v1: ")
			assert.Contains(t, err.Error(), tt.want)
			if tt.is.Error() != "" {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.NotContains(t, err.Error(), "root:", "an error never quotes a file")
			assert.NotContains(t, err.Error(), "SECRET")
		})
	}
}

func TestScenarioFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(good, []byte("steps:\n  - wait: 1\n"), 0o644))
	fifo := filepath.Join(dir, "fifo.yaml")
	makeFIFO(t, fifo)

	tests := []struct {
		name, path string
		opts       []scenario.FileOption
		want       string
	}{
		{name: "a directory", path: dir, want: "not a regular file but a directory"},
		{name: "a device", path: "/dev/zero", want: "not a regular file but a character device"},
		{name: "a named pipe", path: fifo, want: "not a regular file but a named pipe"},
		{name: "over the limit", path: good, opts: []scenario.FileOption{scenario.WithMaxFileSize(10)}, want: "scenario " + good + ": file too large: larger than the 10 bytes limit for a scenario"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			_, _, err := scenario.Load(tt.path, builtins, tt.opts...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, _, err := scenario.Load(good, builtins, scenario.WithMaxFileSize(100))
	assert.NoError(t, err, "a raised limit")
}

func TestWaitStaysOnTheClock(t *testing.T) {
	tests := []struct {
		name, steps, want string
	}{
		{name: "past the clock's end", steps: "  - wait: 3000000000\n", want: "s.yaml:2:5: wait 3000000000 s is out of range [0, 2559277695]: the clock is a uint32 unix time, now 1735689600, ending at 4294967295"},
		{name: "after another wait", steps: "  - wait: 2559277695\n  - wait: 1\n", want: "s.yaml:3:5: wait 1 s is out of range [0, 0]: the clock is a uint32 unix time, now 4294967295, ending at 4294967295"},
		{name: "past uint32 at parse", steps: "  - wait: 5000000000\n", want: "s.yaml:2:11: wait (seconds) 5000000000 is out of range [0, 4294967295]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := load(t, "steps:\n"+tt.steps)
			if err == nil {
				_, err = r.Run()
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, position(err))
		})
	}
	r, err := load(t, "steps:\n  - wait: 2559277695\n")
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	assert.Equal(t, uint32(4294967295), r.World.Now(), "the last second of the clock")
}

func TestLongComment(t *testing.T) {
	long := strings.Repeat("a", 200_000)
	r, err := load(t, header+"  - send: { from: owner, to: counter, comment: "+long+" }\n")
	require.NoError(t, err)
	_, err = r.Next()
	require.NoError(t, err)
	before := r.World.StateRoot()
	_, err = r.Next()
	require.ErrorIs(t, err, scenario.ErrScenario)
	assert.Contains(t, position(err), "s.yaml:10:30: a comment of 200000 bytes does not fit in a message")
	assert.Equal(t, before, r.World.StateRoot(), "nothing was sent")

	r, err = load(t, header+"  - send: { from: owner, to: counter, comment: "+strings.Repeat("b", 30_000)+" }\n")
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err, "a long comment that fits")
}

func TestNamesArePrintable(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{name: "a wallet", src: "wallets:\n  \"\\e[2J\": {}\nsteps:\n  - wait: 1\n", want: "s.yaml:2:3: wallet \x1b[2J: a wallet needs a name: not a usable name: \"\\x1b[2J\" holds a control character at byte 0"},
		{name: "a contract", src: "contracts:\n  \"v1\\0\": counter.v1\nsteps:\n  - wait: 1\n", want: `s.yaml:2:11: contract: not a usable name: "v1\x00" holds a control character at byte 2`},
		{name: "a deployed account", src: "contracts: { v1: counter.v1 }\nwallets: { owner: {} }\nsteps:\n  - deploy: { name: \"c\\u202e\", contract: v1, from: owner }\n", want: `s.yaml:4:21: not a usable name: "c\u202e" holds a control character at byte 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.src)
			require.ErrorIs(t, err, scenario.ErrScenario)
			assert.Equal(t, tt.want, position(err))
		})
	}
}

// counterAddress is where header deploys its counter.
func counterAddress(tb testing.TB) string {
	tb.Helper()
	s, err := scenario.Parse("s.yaml", []byte(header))
	require.NoError(tb, err)
	cat := catalog.New()
	require.NoError(tb, s.LoadContracts(cat, builtins))
	r, err := scenario.NewRunner(s, cat, nil)
	require.NoError(tb, err)
	_, err = r.Run()
	require.NoError(tb, err)
	addr, err := r.World.Lookup("counter")
	require.NoError(tb, err)
	return addr.StringRaw()
}

// reuses are scenarios whose last step gives an address a second name:
// each must fail before anything runs.
func reuses(addr string) []struct{ name, src, want string } {
	return []struct{ name, src, want string }{
		{
			name: "the same contract and init under a second name",
			src:  header + "  - deploy: { name: again, contract: v1, from: owner, init: { id: 1, owner: owner, value: 5 } }\n",
			want: `s.yaml:10:21: name already taken: ` + addr + ` is already called "counter"`,
		},
		{
			name: "a wallet at a contract's future address",
			src:  strings.Replace(header, "  alice: {}\n", "  alice: {}\n  squatter: { address: \""+addr+"\" }\n", 1),
			want: `s.yaml:10:21: name already taken: ` + addr + ` is already called "squatter"`,
		},
	}
}

// TestReuseFailsBeforeRunning: a deploy whose address already has a name
// fails before its message is sent, and leaves the world as it was.
func TestReuseFailsBeforeRunning(t *testing.T) {
	for _, tt := range reuses(counterAddress(t)) {
		t.Run(tt.name, func(t *testing.T) {
			r, err := load(t, tt.src)
			require.NoError(t, err, "only running finds the address taken")
			for range len(r.Scenario.Steps) - 1 {
				_, err := r.Next()
				require.NoError(t, err)
			}
			before := factsOf(r)
			_, err = r.Next()
			require.ErrorIs(t, err, scenario.ErrScenario)
			assert.Equal(t, tt.want, position(err))
			assert.Empty(t, factsOf(r).changed(before), "nothing ran")
		})
	}
}
