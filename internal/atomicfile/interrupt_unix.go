//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// interruptSignals are the signals that remove the temporary files of the
// writes in progress before they take effect.
var interruptSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM}

// raise sends sig to this process.
func raise(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(syscall.Getpid(), s) // sending to oneself does not fail
	}
}
