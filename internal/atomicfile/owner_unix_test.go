//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteKeepsOwner(t *testing.T) {
	me := os.Geteuid()
	other := me + 1000
	const group = 4242
	tests := []struct {
		name      string
		uid       int
		chownErrs []error
		want      [][2]int // the Chown calls
		wantErr   error
	}{
		{name: "another user's file, as root", uid: other, want: [][2]int{{other, group}}},
		{name: "another user's file, not as root: the group", uid: other,
			chownErrs: []error{syscall.EPERM},
			want:      [][2]int{{other, group}, {-1, group}}},
		{name: "a group not the user's", uid: other,
			chownErrs: []error{syscall.EPERM, syscall.EPERM},
			want:      [][2]int{{other, group}, {-1, group}}},
		{name: "one's own file: the group", uid: me, want: [][2]int{{-1, group}}},
		{name: "own file, a group not the user's", uid: me,
			chownErrs: []error{syscall.EPERM},
			want:      [][2]int{{-1, group}}},
		{name: "the owner fails otherwise", uid: other,
			chownErrs: []error{syscall.EIO},
			want:      [][2]int{{other, group}}, wantErr: syscall.EIO},
		{name: "the group fails otherwise", uid: me,
			chownErrs: []error{syscall.EIO},
			want:      [][2]int{{-1, group}}, wantErr: syscall.EIO},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "file")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			fsys := &faultFS{
				sys:       &syscall.Stat_t{Uid: uint32(tt.uid), Gid: group},
				chownErrs: tt.chownErrs,
			}

			err := write(fsys, path, []byte("new"), 0o644)

			assert.Equal(t, tt.want, fsys.chowns)
			want := "new"
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), path)
				want = "old"
			} else {
				require.NoError(t, err)
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, want, string(got))
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no temporary file is left")
		})
	}

	t.Run("a new file", func(t *testing.T) {
		fsys := &faultFS{}
		require.NoError(t, write(fsys, filepath.Join(t.TempDir(), "file"), []byte("new"), 0o644))
		assert.Empty(t, fsys.chowns)
	})
}

func TestWriteKeepsOwnerForReal(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	const uid, gid = 4321, 4242
	path := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o640))
	require.NoError(t, os.Chown(path, uid, gid))

	require.NoError(t, Write(path, []byte("new"), 0o644))

	info, err := os.Stat(path)
	require.NoError(t, err)
	st, ok := info.Sys().(*syscall.Stat_t)
	require.True(t, ok)
	assert.Equal(t, [2]uint32{uid, gid}, [2]uint32{st.Uid, st.Gid})
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm())
}
