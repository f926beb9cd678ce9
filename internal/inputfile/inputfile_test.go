package inputfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
	"github.com/tonsim/tonsim/internal/inputfile"
)

const secret = "root:x:0:0:SECRET"

func TestRead(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
		return path
	}
	small := file("small", "hello")
	exact := file("exact", "0123456789")
	big := file("big", secret+secret)
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	fifo := filepath.Join(dir, "fifo")
	makeFIFO(t, fifo)

	tests := []struct {
		name    string
		path    string
		max     int64
		want    string
		wantErr error
		msg     string // a part of the error
	}{
		{name: "small file", path: small, want: "hello"},
		{name: "exactly the limit", path: exact, max: 10, want: "0123456789"},
		{name: "one byte over", path: exact, max: 9, wantErr: inputfile.ErrTooLarge, msg: "larger than the 9 bytes limit for a contract (--max-file-size"},
		{name: "too large, content not echoed", path: big, max: 16, wantErr: inputfile.ErrTooLarge, msg: big},
		{name: "a directory", path: sub, wantErr: inputfile.ErrNotRegular, msg: "but a directory"},
		{name: "a named pipe", path: fifo, wantErr: inputfile.ErrNotRegular, msg: "but a named pipe"},
		{name: "a character device", path: "/dev/zero", wantErr: inputfile.ErrNotRegular, msg: "but a character device"},
		{name: "missing", path: filepath.Join(dir, "nope"), wantErr: fs.ErrNotExist, msg: "contract " + filepath.Join(dir, "nope")},
		{name: "a file that says it is empty", path: "/proc/self/environ", max: 1, wantErr: inputfile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); tt.wantErr != fs.ErrNotExist && err != nil {
				t.Skipf("%s: %v", tt.path, err)
			}
			done := make(chan struct{})
			var got []byte
			var err error
			go func() {
				defer close(done)
				got, err = inputfile.Policy{MaxSize: tt.max}.Read(inputfile.Contract, tt.path)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Read blocked")
			}
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), tt.msg)
				assert.NotContains(t, err.Error(), "SECRET", "an error never quotes the file")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestLimits(t *testing.T) {
	assert.Equal(t, int64(inputfile.DefaultScenarioLimit), inputfile.Policy{}.Limit(inputfile.Scenario))
	assert.Equal(t, int64(inputfile.DefaultWorldLimit), inputfile.Policy{}.Limit(inputfile.World))
	assert.Equal(t, int64(inputfile.DefaultContractLimit), inputfile.Policy{}.Limit(inputfile.Contract))
	assert.Equal(t, int64(inputfile.DefaultContractLimit), inputfile.Policy{}.Limit(inputfile.BOC))
	assert.Equal(t, int64(5), inputfile.Policy{MaxSize: 5}.Limit(inputfile.World))
}

// TestOversized: a file written larger than its kind's default limit is
// said, with the limit that reads it back; one that fits, or is missing,
// is not. The files are sparse: nothing is written but their size.
func TestOversized(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		size int64
		want string
	}{
		{"at the limit", inputfile.DefaultWorldLimit, ""},
		{"a byte over", inputfile.DefaultWorldLimit + 1, "over the 64 MiB a world file may be by default: reading it back takes --max-file-size 65M (or TONSIM_MAX_FILE_SIZE=65M)"},
		{"twice", 2 * inputfile.DefaultWorldLimit, "134217728 bytes, over the 64 MiB a world file may be by default: reading it back takes --max-file-size 128M"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".json")
			require.NoError(t, os.WriteFile(path, nil, 0o600))
			require.NoError(t, os.Truncate(path, tt.size))
			err := inputfile.Oversized(inputfile.World, path)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, inputfile.ErrTooLarge)
			assert.ErrorContains(t, err, tt.want)

			size, perr := inputfile.ParseSize(strings.Fields(strings.SplitAfter(err.Error(), "--max-file-size ")[1])[0])
			require.NoError(t, perr)
			assert.GreaterOrEqual(t, size, tt.size, "the limit it gives takes the file")
		})
	}
	assert.NoError(t, inputfile.Oversized(inputfile.World, filepath.Join(dir, "missing.json")))
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	scen := filepath.Join(root, "scen")
	other := filepath.Join(root, "other")
	for _, d := range []string{scen, filepath.Join(scen, "build"), other} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	for _, f := range []string{filepath.Join(scen, "a.pkg"), filepath.Join(scen, "build", "b.pkg"), filepath.Join(other, "c.pkg")} {
		require.NoError(t, os.WriteFile(f, []byte("x"), 0o644))
	}
	require.NoError(t, os.Symlink(filepath.Join(other, "c.pkg"), filepath.Join(scen, "out.pkg")))
	require.NoError(t, os.Symlink(filepath.Join(scen, "a.pkg"), filepath.Join(scen, "in.pkg")))
	require.NoError(t, os.Symlink(scen, filepath.Join(root, "link")))

	tests := []struct {
		name    string
		dir     string
		path    string
		allow   []string
		want    string
		wantErr error
	}{
		{name: "beside the scenario", dir: scen, path: "a.pkg", want: filepath.Join(scen, "a.pkg")},
		{name: "below it", dir: scen, path: "build/b.pkg", want: filepath.Join(scen, "build", "b.pkg")},
		{name: "dot-dot that stays inside", dir: scen, path: "build/../a.pkg", want: filepath.Join(scen, "a.pkg")},
		{name: "absolute, inside", dir: scen, path: filepath.Join(scen, "a.pkg"), want: filepath.Join(scen, "a.pkg")},
		{name: "a link that stays inside", dir: scen, path: "in.pkg", want: filepath.Join(scen, "a.pkg")},
		{name: "through a linked directory", dir: filepath.Join(root, "link"), path: "a.pkg", want: filepath.Join(scen, "a.pkg")},
		{name: "dot-dot out", dir: scen, path: "../other/c.pkg", wantErr: inputfile.ErrOutside},
		{name: "far out", dir: scen, path: "../../../../../../etc/passwd", wantErr: inputfile.ErrOutside},
		{name: "absolute, outside", dir: scen, path: "/etc/passwd", wantErr: inputfile.ErrOutside},
		{name: "a link out", dir: scen, path: "out.pkg", wantErr: inputfile.ErrOutside},
		{name: "outside and missing: outside", dir: scen, path: "../nope.pkg", wantErr: inputfile.ErrOutside},
		{name: "missing inside", dir: scen, path: "nope.pkg", wantErr: fs.ErrNotExist},
		{name: "allowed tree", dir: scen, path: "../other/c.pkg", allow: []string{other}, want: filepath.Join(other, "c.pkg")},
		{name: "a link into an allowed tree", dir: scen, path: "out.pkg", allow: []string{other}, want: filepath.Join(other, "c.pkg")},
		{name: "an allowed tree that does not exist", dir: scen, path: "../other/c.pkg", allow: []string{filepath.Join(root, "gone")}, wantErr: inputfile.ErrOutside},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inputfile.Policy{Allow: tt.allow}.Resolve(tt.dir, tt.path)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), tt.path)
				if errors.Is(tt.wantErr, inputfile.ErrOutside) {
					assert.Contains(t, err.Error(), "unless --allow-path DIR allows another tree")
				}
				return
			}
			require.NoError(t, err)
			real, err := filepath.EvalSymlinks(tt.want)
			require.NoError(t, err)
			assert.Equal(t, real, got)
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{in: "1000", want: 1000},
		{in: "16M", want: 16 << 20},
		{in: "16MiB", want: 16 << 20},
		{in: "16 mb", want: 16 << 20},
		{in: "512k", want: 512 << 10},
		{in: "2G", want: 2 << 30},
		{in: "10B", want: 10},
		{in: "1500 bytes", want: 1500}, // as FormatSize writes it
		{in: "1_000_000", want: 1_000_000},
		{in: "16_384K", want: 16 << 20},
		{in: "010", want: 10},
		{in: "1__0", err: true},
		{in: "_1", err: true},
		{in: "1_", err: true},
		{in: "0x10", err: true},
		{in: "", err: true},
		{in: "0", err: true},
		{in: "-5M", err: true},
		{in: "lots", err: true},
		{in: "2048G", err: true},
		{in: "9223372036854775807", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := inputfile.ParseSize(tt.in)
			if tt.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFormatSize(t *testing.T) {
	assert.Equal(t, "16 MiB", inputfile.FormatSize(16<<20))
	assert.Equal(t, "4 KiB", inputfile.FormatSize(4096))
	assert.Equal(t, "1500 bytes", inputfile.FormatSize(1500))
	assert.Equal(t, "2 GiB", inputfile.FormatSize(2<<30))
}

// FuzzResolve checks that whatever a scenario writes, a path that resolves
// lies inside the scenario's tree.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"a.pkg", "../a.pkg", "/etc/passwd", "sub/../../x", "link/../a.pkg", "out", ".", "..", "sub/", "a\x00b", "//", "sub/link"} {
		f.Add(s)
	}
	root := f.TempDir()
	scen := filepath.Join(root, "scen")
	require.NoError(f, os.MkdirAll(filepath.Join(scen, "sub"), 0o755))
	require.NoError(f, os.WriteFile(filepath.Join(scen, "a.pkg"), []byte("x"), 0o644))
	require.NoError(f, os.WriteFile(filepath.Join(root, "secret"), []byte("x"), 0o644))
	require.NoError(f, os.Symlink(filepath.Join(root, "secret"), filepath.Join(scen, "out")))
	require.NoError(f, os.Symlink(root, filepath.Join(scen, "sub", "link")))
	real, err := filepath.EvalSymlinks(scen)
	require.NoError(f, err)

	f.Fuzz(func(t *testing.T, name string) {
		got, err := inputfile.Policy{}.Resolve(scen, name)
		if err != nil {
			return
		}
		if !inputfile.Within(real, got) {
			t.Fatalf("%q resolved to %s, outside %s", name, got, real)
		}
	})
}

// FuzzRead checks that Read returns a file whole or refuses it, within its
// limit, and never quotes it.
func FuzzRead(f *testing.F) {
	f.Add([]byte("hello"), int64(3))
	f.Add([]byte(secret), int64(100))
	f.Add([]byte{}, int64(1))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content []byte, limit int64) {
		if limit <= 0 || limit > 1<<20 {
			limit = 1 + (limit&0xffff+0xffff)%0xffff
		}
		path := filepath.Join(dir, "f")
		require.NoError(t, os.WriteFile(path, content, 0o644))
		got, err := inputfile.Policy{MaxSize: limit}.Read(inputfile.World, path)
		if int64(len(content)) > limit {
			require.ErrorIs(t, err, inputfile.ErrTooLarge)
			if len(content) >= 8 && strings.Contains(err.Error(), string(content)) {
				t.Fatalf("error %q quotes the file", err)
			}
			return
		}
		require.NoError(t, err)
		assert.Equal(t, content, got)
	})
}
