package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errFault = errors.New("injected fault")

// faultFS is the real file system with one operation failing.
type faultFS struct {
	osFS
	fail   string // "write", "chmod", "sync", "close", "rename", "syncdir"
	synced []string
}

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f faultFile) Write(b []byte) (int, error) {
	if f.fs.fail == "write" {
		return 0, errFault
	}
	return f.File.Write(b)
}

func (f faultFile) Chmod(m os.FileMode) error {
	if f.fs.fail == "chmod" {
		return errFault
	}
	return f.File.Chmod(m)
}

func (f faultFile) Sync() error {
	if f.fs.fail == "sync" {
		return errFault
	}
	f.fs.synced = append(f.fs.synced, "file")
	return f.File.Sync()
}

func (f faultFile) Close() error {
	err := f.File.Close()
	if f.fs.fail == "close" {
		return errFault
	}
	return err
}

func (f *faultFS) CreateExclusive(path string, perm os.FileMode) (file, error) {
	fl, err := f.osFS.CreateExclusive(path, perm)
	if err != nil {
		return nil, err
	}
	return faultFile{File: fl.(*os.File), fs: f}, nil
}

func (f *faultFS) Rename(from, to string) error {
	if f.fail == "rename" {
		return errFault
	}
	return f.osFS.Rename(from, to)
}

func (f *faultFS) SyncDir(dir string) error {
	if f.fail == "syncdir" {
		return errFault
	}
	f.synced = append(f.synced, "dir")
	return f.osFS.SyncDir(dir)
}

func (f *faultFS) Stat(path string) (fs.FileInfo, error) { return f.osFS.Stat(path) }

func TestWriteFaults(t *testing.T) {
	tests := []struct {
		fail      string
		installed bool // the new content is in place despite the error
	}{
		{fail: "write"},
		{fail: "chmod"},
		{fail: "sync"},
		{fail: "close"},
		{fail: "rename"},
		{fail: "syncdir", installed: true},
	}
	for _, tt := range tests {
		t.Run(tt.fail, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "file")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))

			err := write(&faultFS{fail: tt.fail}, path, []byte("new"), 0o644)
			require.ErrorIs(t, err, errFault)
			assert.Contains(t, err.Error(), path)

			got, err := os.ReadFile(path)
			require.NoError(t, err)
			want := "old"
			if tt.installed {
				want = "new"
			}
			assert.Equal(t, want, string(got))
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 1, "the temporary file is removed")
			assert.Equal(t, "file", entries[0].Name())
		})
	}
}

func TestWriteSyncsFileThenDirectory(t *testing.T) {
	fsys := &faultFS{}
	require.NoError(t, write(fsys, filepath.Join(t.TempDir(), "file"), []byte("x"), 0o644))
	assert.Equal(t, []string{"file", "dir"}, fsys.synced)
}
