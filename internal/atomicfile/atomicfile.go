// Package atomicfile writes files so that readers see either the old content
// or the whole new content, never a torn write.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Write writes data to path: it writes a temporary file in the same
// directory, syncs and closes it, renames it over path, then syncs the
// directory so the rename itself survives a crash.
//
// An existing file keeps its permission bits; a new one gets perm less the
// process's umask, as os.WriteFile would give it. On any failure before the
// rename the temporary file is removed and path is left untouched. (A
// process killed mid-write leaves its temporary file, named
// ".<name>.tmp-<pid>-<n>", for the user to delete.)
func Write(path string, data []byte, perm os.FileMode) error {
	return write(osFS{}, path, data, perm)
}

// file is what write needs of an open file.
type file interface {
	Write([]byte) (int, error)
	Chmod(os.FileMode) error
	Sync() error
	Close() error
}

// filesystem is what write needs of the operating system; tests put faults
// in it.
type filesystem interface {
	Stat(path string) (fs.FileInfo, error)
	// CreateExclusive creates path, failing if it exists, with perm less
	// the umask.
	CreateExclusive(path string, perm os.FileMode) (file, error)
	Rename(from, to string) error
	Remove(path string) error
	SyncDir(dir string) error
}

// maxTempTries bounds the names tried for the temporary file.
const maxTempTries = 10_000

func write(fsys filesystem, path string, data []byte, perm os.FileMode) (err error) {
	fail := func(err error) error { return fmt.Errorf("atomic write %s: %w", path, err) }
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}

	// Keep the mode of the file being replaced.
	var keep *os.FileMode
	if info, err := fsys.Stat(path); err == nil && info.Mode().IsRegular() {
		mode := info.Mode().Perm()
		keep = &mode
	}

	var f file
	var tmp string
	for n := 0; ; n++ {
		tmp = filepath.Join(dir, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(n))
		f, err = fsys.CreateExclusive(tmp, perm)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || n >= maxTempTries {
			return fail(err)
		}
	}
	closed := false
	defer func() {
		if err == nil {
			return
		}
		if !closed {
			_ = f.Close() // the write already failed; its error is the one to report
		}
		if rmErr := fsys.Remove(tmp); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			err = errors.Join(err, fmt.Errorf("removing the temporary file: %w", rmErr))
		}
	}()

	if _, err = f.Write(data); err != nil {
		return fail(err)
	}
	if keep != nil {
		if err = f.Chmod(*keep); err != nil {
			return fail(err)
		}
	}
	if err = f.Sync(); err != nil {
		return fail(err)
	}
	closed = true
	if err = f.Close(); err != nil {
		return fail(err)
	}
	if err = fsys.Rename(tmp, path); err != nil {
		return fail(err)
	}
	// The new content is in place; a failed directory sync only means the
	// rename may not survive a crash, and the temporary file is gone.
	if syncErr := fsys.SyncDir(dir); syncErr != nil {
		return fail(fmt.Errorf("syncing the directory: %w", syncErr))
	}
	return nil
}

// osFS is the real file system.
type osFS struct{}

func (osFS) Stat(path string) (fs.FileInfo, error) { return os.Stat(path) }

func (osFS) CreateExclusive(path string, perm os.FileMode) (file, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
}

func (osFS) Rename(from, to string) error { return os.Rename(from, to) }

func (osFS) Remove(path string) error { return os.Remove(path) }

func (osFS) SyncDir(dir string) error { return syncDir(dir) }
