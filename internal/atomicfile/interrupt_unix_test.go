//go:build unix

package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The environment that makes the test binary the saving child of
// TestWriteInterruptedBySignal: the file to save, and whether to ignore
// SIGINT first.
const (
	childPathEnv   = "ATOMICFILE_TEST_SAVE"
	childIgnoreEnv = "ATOMICFILE_TEST_IGNORE_SIGINT"
)

// What the child prints once its temporary file exists, and once its save
// has succeeded.
const (
	childReady = "ready"
	childSaved = "saved"
)

func TestWriteInterruptedBySignal(t *testing.T) {
	if path := os.Getenv(childPathEnv); path != "" {
		saveUntilStdinCloses(path)
		return
	}
	tests := []struct {
		name   string
		ignore bool           // the child starts with SIGINT ignored
		send   syscall.Signal // then, if it is not to die of it, the save is let go on
		want   syscall.Signal // the one the child dies of; 0: the save completes
	}{
		{name: "SIGTERM", send: syscall.SIGTERM, want: syscall.SIGTERM},
		{name: "SIGINT", send: syscall.SIGINT, want: syscall.SIGINT},
		{name: "SIGINT ignored stays ignored", ignore: true, send: syscall.SIGINT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ignore && signal.Ignored(syscall.SIGINT) {
				t.Skip("SIGINT is ignored here (a background job), and so in the child")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "file")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))

			cmd := exec.Command(os.Args[0], "-test.run=^TestWriteInterruptedBySignal$")
			cmd.Env = append(os.Environ(), childPathEnv+"="+path)
			if tt.ignore {
				cmd.Env = append(cmd.Env, childIgnoreEnv+"=1")
			}
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			defer stdin.Close() // for a test stopped before it closes stdin
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			lines := bufio.NewScanner(stdout)
			require.True(t, lines.Scan(), "the child says when it is saving")
			require.Equal(t, childReady, lines.Text())
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 2, "the save is under way, with its temporary file")

			require.NoError(t, cmd.Process.Signal(tt.send))
			if tt.want == 0 {
				require.NoError(t, stdin.Close()) // before Wait, which closes it too
			}
			done := make(chan error, 1)
			var rest []string
			go func() {
				for lines.Scan() {
					rest = append(rest, lines.Text())
				}
				done <- cmd.Wait()
			}()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("the child neither died nor finished its save")
			}

			want := "old"
			if tt.want == 0 {
				require.NoError(t, err)
				assert.Equal(t, []string{childSaved}, rest)
				want = "new"
			} else {
				var exit *exec.ExitError
				require.ErrorAs(t, err, &exit)
				status, ok := exit.Sys().(syscall.WaitStatus)
				require.True(t, ok)
				assert.True(t, status.Signaled(), "the child is killed by the signal, as without a save: %v", err)
				assert.Equal(t, tt.want, status.Signal())
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, want, string(got))
			entries, err = os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 1, "no temporary file is left")
			assert.Equal(t, "file", entries[0].Name())
		})
	}
}

// saveUntilStdinCloses saves over path with a write that says it is ready
// and then waits for its standard input to close, which the test does
// after sending a signal the child is not to die of.
func saveUntilStdinCloses(path string) {
	if os.Getenv(childIgnoreEnv) != "" {
		signal.Ignore(syscall.SIGINT)
	}
	fsys := &faultFS{onWrite: func() {
		fmt.Println(childReady)
		_, _ = io.Copy(io.Discard, os.Stdin)
	}}
	if err := write(fsys, path, []byte("new"), 0o644); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(childSaved)
	os.Exit(0)
}
