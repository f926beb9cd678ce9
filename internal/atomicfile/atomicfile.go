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
// directory so the rename itself survives a crash. A path that is a
// symbolic link is written through: the file it resolves to is replaced
// and the link stays; a link to nothing is an error.
//
// An existing file keeps its permission bits, and its group and owner as
// far as the process may set them (a user who is not root keeps the group
// if it is one of theirs); a new one gets perm less the process's umask, as
// os.WriteFile would give it. On any failure before the rename the
// temporary file is removed and path is left untouched. On Unix, SIGINT or
// SIGTERM during a write removes the temporary file, then the signal does
// what it would have done otherwise (by default, end the process). A
// process killed by SIGKILL or a crash mid-write leaves its temporary file,
// named ".<name>.tmp-<pid>-<n>", for the user to delete.
func Write(path string, data []byte, perm os.FileMode) error {
	return write(osFS{}, path, data, perm)
}

// file is what write needs of an open file.
type file interface {
	Write([]byte) (int, error)
	Chmod(os.FileMode) error
	Chown(uid, gid int) error
	Sync() error
	Close() error
}

// filesystem is what write needs of the operating system; tests put faults
// in it.
type filesystem interface {
	Stat(path string) (fs.FileInfo, error)
	Lstat(path string) (fs.FileInfo, error)
	EvalSymlinks(path string) (string, error)
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
	target, err := resolve(fsys, path)
	if err != nil {
		return fail(err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}

	// Keep the mode, group and owner of the file being replaced. The
	// temporary file is never more open than the file it replaces: it is
	// created with no permission the old file lacks, and given the old
	// mode before a byte is written.
	var old fs.FileInfo
	createPerm := perm
	if info, err := fsys.Stat(target); err == nil && info.Mode().IsRegular() {
		old = info
		createPerm &= info.Mode().Perm()
	}

	var f file
	var tmp string
	p, err := begin(fsys, func() (string, error) {
		for n := 0; ; n++ {
			tmp = filepath.Join(dir, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(n))
			var err error
			f, err = fsys.CreateExclusive(tmp, createPerm)
			if err == nil {
				return tmp, nil
			}
			if !errors.Is(err, fs.ErrExist) || n >= maxTempTries {
				return "", err
			}
		}
	})
	if err != nil {
		return fail(err)
	}
	defer end(p)
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

	if old != nil {
		if err = keepOwner(f, old); err != nil {
			return fail(err)
		}
		// After the chown, which may clear the set-id bits.
		if err = f.Chmod(old.Mode().Perm()); err != nil {
			return fail(err)
		}
	}
	if _, err = f.Write(data); err != nil {
		return fail(err)
	}
	if err = f.Sync(); err != nil {
		return fail(err)
	}
	closed = true
	if err = f.Close(); err != nil {
		return fail(err)
	}
	sig, err := commit(p, func() error { return fsys.Rename(tmp, target) })
	if sig != nil {
		err = fmt.Errorf("interrupted by a signal: %v", sig)
	}
	if err != nil {
		return fail(err)
	}
	// The new content is in place; a failed directory sync only means the
	// rename may not survive a crash, and the temporary file is gone.
	if syncErr := fsys.SyncDir(dir); syncErr != nil {
		return fail(fmt.Errorf("syncing the directory: %w", syncErr))
	}
	return nil
}

// resolve returns the file a write to path replaces: path itself, or the
// file it leads to if it is a symbolic link.
func resolve(fsys filesystem, path string) (string, error) {
	info, err := fsys.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil // a new file, or one that is not a link
	}
	target, err := fsys.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("following the symbolic link: %w", err)
	}
	return target, nil
}

// keepOwner gives f the user and group that own old, or the group alone if
// the process may not give away a file; a group that is not one of the
// process's is not kept either.
func keepOwner(f file, old fs.FileInfo) error {
	uid, gid, ok := owner(old)
	if !ok {
		return nil
	}
	if uid != os.Geteuid() {
		err := f.Chown(uid, gid)
		if err == nil {
			return nil
		}
		if !errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("keeping the owner: %w", err)
		}
	}
	if err := f.Chown(-1, gid); err != nil && !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("keeping the group: %w", err)
	}
	return nil
}

// osFS is the real file system.
type osFS struct{}

func (osFS) Stat(path string) (fs.FileInfo, error) { return os.Stat(path) }

func (osFS) Lstat(path string) (fs.FileInfo, error) { return os.Lstat(path) }

func (osFS) EvalSymlinks(path string) (string, error) { return filepath.EvalSymlinks(path) }

func (osFS) CreateExclusive(path string, perm os.FileMode) (file, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
}

func (osFS) Rename(from, to string) error { return os.Rename(from, to) }

func (osFS) Remove(path string) error { return os.Remove(path) }

func (osFS) SyncDir(dir string) error { return syncDir(dir) }
