package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/scenario"
)

// TestConfigPaths: a scenario's config BOC is read like its contracts:
// inside its directory tree unless allowed, a regular file within the size
// limit, and no error quotes it.
func TestConfigPaths(t *testing.T) {
	profile, err := os.ReadFile("../actor/configs/sandbox-0.41.boc")
	require.NoError(t, err)
	root := t.TempDir()
	dir := filepath.Join(root, "scen")
	other := filepath.Join(root, "other")
	for _, d := range []string{filepath.Join(dir, "cfg.boc.d"), other} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	for path, data := range map[string][]byte{
		filepath.Join(dir, "cfg.boc"):      profile,
		filepath.Join(other, "cfg.boc"):    profile,
		filepath.Join(dir, "secret.boc"):   []byte("root:x:0:0:SECRET"),
		filepath.Join(other, "secret.boc"): []byte("root:x:0:0:SECRET"),
	} {
		require.NoError(t, os.WriteFile(path, data, 0o644))
	}
	require.NoError(t, os.Symlink(filepath.Join(other, "cfg.boc"), filepath.Join(dir, "link.boc")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "cfg.boc.d"), filepath.Join(dir, "dir.boc")))
	allowOther := []scenario.FileOption{scenario.WithAllowedDir(other)}

	tests := []struct {
		name, config string
		opts         []scenario.FileOption
		want         string // part of the error; "" for none
		is           error
	}{
		{name: "inside", config: "cfg.boc"},
		{name: "absolute inside", config: filepath.Join(dir, "cfg.boc")},
		{name: "dot-dot out", config: "../other/cfg.boc", want: `path "../other/cfg.boc" leads to ` + filepath.Join(other, "cfg.boc"), is: inputfile.ErrOutside},
		{name: "absolute out", config: filepath.Join(other, "cfg.boc"), want: "a path in a scenario stays inside the scenario's directory", is: inputfile.ErrOutside},
		{name: "a link out", config: "link.boc", want: "unless --allow-path DIR allows another tree", is: inputfile.ErrOutside},
		{name: "allowed", config: "../other/cfg.boc", opts: allowOther},
		{name: "a link into an allowed tree", config: "link.boc", opts: allowOther},
		{name: "missing", config: "none.boc", want: `path "none.boc": no such file or directory`, is: os.ErrNotExist},
		{name: "not a BOC, not quoted", config: "secret.boc", want: "secret.boc: not a hex or base64 BOC: 17 bytes", is: errors.New("")},
		{name: "allowed, not quoted", config: "../other/secret.boc", opts: allowOther, want: "not a hex or base64 BOC", is: errors.New("")},
		{name: "a directory", config: "dir.boc", want: "not a regular file but a directory", is: inputfile.ErrNotRegular},
		{name: "over the limit", config: "cfg.boc", opts: []scenario.FileOption{scenario.WithMaxFileSize(1000)}, want: "larger than the 1000 bytes limit for a BOC file", is: inputfile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "s.yaml")
			require.NoError(t, os.WriteFile(path, []byte("config:  "+tt.config+"\nsteps:\n  - wait: 1\n"), 0o644))
			s, cat, err := scenario.Load(path, builtins, tt.opts...)
			require.NoError(t, err)
			r, err := scenario.NewRunner(s, cat, nil)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Equal(t, "sandbox-0.41", r.World.Config().Profile, "the file holds the sandbox profile")
				return
			}
			require.ErrorIs(t, err, scenario.ErrScenario)
			assert.Contains(t, err.Error(), "s.yaml:1:10: config: ")
			assert.Contains(t, err.Error(), tt.want)
			if tt.is.Error() != "" {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.NotContains(t, err.Error(), "root:", "an error never quotes a file")
			assert.NotContains(t, err.Error(), "SECRET")
		})
	}
}

// TestConfigOption: a config BOC named on the command line is the user's
// own, in any directory, but still only a regular file within the limit.
func TestConfigOption(t *testing.T) {
	dir := t.TempDir()
	profile, err := os.ReadFile("../actor/configs/sandbox-0.41.boc")
	require.NoError(t, err)
	cfg := filepath.Join(dir, "cfg.boc")
	require.NoError(t, os.WriteFile(cfg, profile, 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "dir.boc"), 0o755))

	tests := []struct {
		name, spec string
		opts       []scenario.FileOption
		is         error // nil: loads
	}{
		{name: "a profile", spec: "sandbox-0.41"},
		{name: "a file anywhere", spec: cfg},
		{name: "a directory", spec: filepath.Join(dir, "dir.boc"), is: inputfile.ErrNotRegular},
		{name: "over the limit", spec: cfg, opts: []scenario.FileOption{scenario.WithMaxFileSize(1000)}, is: inputfile.ErrTooLarge},
		{name: "unknown profile", spec: "testnet", is: actor.ErrUnknownProfile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt, err := scenario.ConfigOption(tt.spec, tt.opts...)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
				return
			}
			require.NoError(t, err)
			w, err := actor.NewWorld(opt)
			require.NoError(t, err)
			assert.Equal(t, "sandbox-0.41", w.Config().Profile)
		})
	}
}
