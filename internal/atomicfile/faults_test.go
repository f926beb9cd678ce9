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

// faultFS is the real file system with one operation failing, and hooks
// to record or pause what a write does.
type faultFS struct {
	osFS
	fail   string // "write", "chmod", "sync", "close", "rename", "syncdir"
	synced []string

	created []string // the temporary files created
	onWrite func()   // runs before the file's Write
	// createHook, if not nil, is told the mode a file is created with.
	createHook func(perm os.FileMode)

	sys       any     // if not nil, what Stat's info.Sys() says (its owner)
	chownErrs []error // what the file's successive Chown calls return
	chowns    [][2]int
}

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f faultFile) Write(b []byte) (int, error) {
	if f.fs.onWrite != nil {
		f.fs.onWrite()
	}
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

// Chown records its call and changes nothing: the owners tests name need
// not exist.
func (f faultFile) Chown(uid, gid int) error {
	f.fs.chowns = append(f.fs.chowns, [2]int{uid, gid})
	if len(f.fs.chownErrs) == 0 {
		return nil
	}
	err := f.fs.chownErrs[0]
	f.fs.chownErrs = f.fs.chownErrs[1:]
	return err
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
	if f.createHook != nil {
		f.createHook(perm)
	}
	fl, err := f.osFS.CreateExclusive(path, perm)
	if err != nil {
		return nil, err
	}
	f.created = append(f.created, path)
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

func (f *faultFS) Stat(path string) (fs.FileInfo, error) {
	info, err := f.osFS.Stat(path)
	if err != nil || f.sys == nil {
		return info, err
	}
	return ownedInfo{FileInfo: info, sys: f.sys}, nil
}

// ownedInfo is a file's info with another owner.
type ownedInfo struct {
	fs.FileInfo
	sys any
}

func (i ownedInfo) Sys() any { return i.sys }

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

func TestWriteThroughSymlink(t *testing.T) {
	tests := []struct {
		name string
		// link makes the links in dir and returns the one to write and
		// the file it leads to.
		link func(t *testing.T, dir string) (link, target string)
	}{
		{name: "relative link", link: func(t *testing.T, dir string) (string, string) {
			return symlink(t, "file", filepath.Join(dir, "link")), filepath.Join(dir, "file")
		}},
		{name: "link to another directory", link: func(t *testing.T, dir string) (string, string) {
			other := filepath.Join(dir, "other")
			require.NoError(t, os.Mkdir(other, 0o755))
			require.NoError(t, os.Rename(filepath.Join(dir, "file"), filepath.Join(other, "file")))
			return symlink(t, filepath.Join(other, "file"), filepath.Join(dir, "link")), filepath.Join(other, "file")
		}},
		{name: "link to a link", link: func(t *testing.T, dir string) (string, string) {
			symlink(t, "file", filepath.Join(dir, "link1"))
			return symlink(t, "link1", filepath.Join(dir, "link2")), filepath.Join(dir, "file")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "file"), []byte("old"), 0o600))
			link, target := tt.link(t, dir)
			fsys := &faultFS{}

			require.NoError(t, write(fsys, link, []byte("new"), 0o644))

			info, err := os.Lstat(link)
			require.NoError(t, err)
			assert.NotZero(t, info.Mode()&fs.ModeSymlink, "the link stays a link")
			got, err := os.ReadFile(target)
			require.NoError(t, err)
			assert.Equal(t, "new", string(got))
			info, err = os.Stat(target)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the target keeps its mode")
			require.Len(t, fsys.created, 1)
			assert.Equal(t, filepath.Dir(target), filepath.Dir(fsys.created[0]), "the temporary file is beside the target")
		})
	}

	t.Run("dangling link", func(t *testing.T) {
		dir := t.TempDir()
		link := symlink(t, "missing", filepath.Join(dir, "link"))

		err := write(&faultFS{}, link, []byte("new"), 0o644)
		require.ErrorIs(t, err, fs.ErrNotExist)
		assert.Contains(t, err.Error(), link)
		info, err := os.Lstat(link)
		require.NoError(t, err)
		assert.NotZero(t, info.Mode()&fs.ModeSymlink, "the link stays a link")
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Len(t, entries, 1, "nothing is created")
	})
}

// symlink makes a link at path to target, or skips the test where the
// system cannot.
func symlink(t *testing.T, target, path string) string {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	return path
}

func TestWriteCatchesSignalsOnlyWhileWriting(t *testing.T) {
	catching := func() bool {
		inProgress.Lock()
		defer inProgress.Unlock()
		return inProgress.catching
	}
	var during bool
	fsys := &faultFS{onWrite: func() { during = catching() }}
	require.NoError(t, write(fsys, filepath.Join(t.TempDir(), "file"), []byte("x"), 0o644))
	assert.Equal(t, len(interruptSignals) > 0, during, "signals are caught during a write")
	assert.False(t, catching(), "and not after it")
}

// TestWriteInterruptedAndGoingOn is a signal that does not end the process
// (someone else handles it): the write fails and changes nothing.
func TestWriteInterruptedAndGoingOn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	fsys := &faultFS{onWrite: func() { removeInProgress(os.Interrupt) }}

	err := write(fsys, path, []byte("new"), 0o644)
	require.Error(t, err)
	assert.Equal(t, "atomic write "+path+": interrupted by a signal: "+os.Interrupt.String(), err.Error())
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the temporary file is removed")
}

// TestModeBeforeWrite: the temporary file holds the replaced file's mode,
// or less, from its creation: a 0600 file's new content is never readable
// by others, not even before the rename.
func TestModeBeforeWrite(t *testing.T) {
	tests := []struct {
		name     string
		old      os.FileMode // 0: no file yet
		perm     os.FileMode
		atCreate os.FileMode // at most, less the umask
		atWrite  os.FileMode
	}{
		{name: "private file", old: 0o600, perm: 0o644, atCreate: 0o600, atWrite: 0o600},
		{name: "read-only file", old: 0o400, perm: 0o644, atCreate: 0o400, atWrite: 0o400},
		{name: "group-readable file", old: 0o640, perm: 0o644, atCreate: 0o640, atWrite: 0o640},
		{name: "wider than perm", old: 0o666, perm: 0o644, atCreate: 0o644, atWrite: 0o666},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "file")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(path, tt.old))
			fsys := &faultFS{}
			var atWrite os.FileMode
			fsys.onWrite = func() {
				info, err := os.Stat(fsys.created[0])
				require.NoError(t, err)
				atWrite = info.Mode().Perm()
			}
			var atCreate os.FileMode
			fsys.createHook = func(perm os.FileMode) { atCreate = perm }
			require.NoError(t, write(fsys, path, []byte("new"), tt.perm))
			assert.Equal(t, tt.atCreate, atCreate, "created with")
			assert.Equal(t, tt.atWrite, atWrite, "mode when written")
		})
	}
}
