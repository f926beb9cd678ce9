//go:build !unix

package atomicfile

import "os"

// interruptSignals is empty where a process cannot send itself a signal
// again: there an interrupted write leaves its temporary file.
var interruptSignals []os.Signal

func raise(os.Signal) {}
