package atomicfile

import (
	"os"
	"os/signal"
	"sync"
)

// A pending is a temporary file that exists while a write is in progress.
type pending struct {
	fsys filesystem
	path string
	// interrupted is the signal that removed the file, nil until then.
	interrupted os.Signal
}

// inProgress is the set of temporary files an interrupt removes. Its lock
// is held while a temporary file is created or renamed, so an interrupt
// sees each one either before it exists, while it exists or after it has
// become the target, never in between.
var inProgress struct {
	sync.Mutex
	files    map[*pending]struct{}
	catching bool // the interrupting signals are being delivered to signals
	once     sync.Once
}

// signals receives the interrupting signals while a write is in progress.
var signals = make(chan os.Signal, len(interruptSignals))

// begin runs create and, if it succeeds, records the temporary file it
// made, whose path it returns, until end. The first write in progress
// starts catching the interrupting signals that are not ignored (a process
// started with SIGINT ignored, as a background job is, stays so).
func begin(fsys filesystem, create func() (string, error)) (*pending, error) {
	inProgress.Lock()
	defer inProgress.Unlock()
	path, err := create()
	if err != nil {
		return nil, err
	}
	p := &pending{fsys: fsys, path: path}
	if inProgress.files == nil {
		inProgress.files = map[*pending]struct{}{}
	}
	inProgress.files[p] = struct{}{}
	if !inProgress.catching {
		var catch []os.Signal
		for _, sig := range interruptSignals {
			if !signal.Ignored(sig) {
				catch = append(catch, sig)
			}
		}
		if len(catch) > 0 {
			inProgress.once.Do(func() { go interrupt() })
			signal.Notify(signals, catch...)
			inProgress.catching = true
		}
	}
	return p, nil
}

// commit runs rename unless an interrupt has removed p's file, in which case
// it returns the signal that did.
func commit(p *pending, rename func() error) (os.Signal, error) {
	inProgress.Lock()
	defer inProgress.Unlock()
	if p.interrupted != nil {
		return p.interrupted, nil
	}
	return nil, rename()
}

// end forgets p; the last write in progress stops catching signals, so a
// process that is not saving handles them as if this package did not exist.
func end(p *pending) {
	inProgress.Lock()
	defer inProgress.Unlock()
	delete(inProgress.files, p)
	if len(inProgress.files) == 0 {
		stopCatching()
	}
}

func stopCatching() {
	if inProgress.catching {
		signal.Stop(signals)
		inProgress.catching = false
	}
}

// interrupt removes the temporary files in progress when a signal arrives,
// stops catching signals and sends the signal again, which now does what it
// would have done without this package: by default end the process, killed
// by that signal; if someone else also asked for it (a terminal UI quitting
// cleanly), they get it and the process goes on. (signal.Stop, not
// signal.Reset, which would take the signal from them too.)
func interrupt() {
	for sig := range signals {
		removeInProgress(sig)
		raise(sig)
	}
}

// removeInProgress removes the temporary files of the writes in progress,
// which then fail, and stops catching signals.
func removeInProgress(sig os.Signal) {
	inProgress.Lock()
	defer inProgress.Unlock()
	for p := range inProgress.files {
		if p.interrupted == nil {
			_ = p.fsys.Remove(p.path) // nothing is left to tell about a failure
			p.interrupted = sig
		}
	}
	stopCatching()
}
