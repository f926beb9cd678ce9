package tui

import "errors"

// ErrNoWorld is returned by [Run] when Options give neither a world nor a
// walkthrough.
var ErrNoWorld = errors.New("tui: no world to show")

// Errors the UI says in its status line.
var (
	// errNoSnapshot is returned for a point of history the UI cannot go
	// back to.
	errNoSnapshot = errors.New("no snapshot of the world there")
	// errUnknownName is returned for a name no account of the world has.
	errUnknownName = errors.New("no account is called")
	// errWalkStart is returned going back from a walkthrough's first step.
	errWalkStart = errors.New("this is the first step")
	// errNoInitArgs is returned reinstalling with code that has no
	// package, whose init arguments are unknown.
	errNoInitArgs = errors.New("a reinstall needs code with a package: its init arguments make the fresh data")
)

// errNoBranch is returned undoing with no fork to undo, or redoing with no
// undo to redo.
var errNoBranch = errors.New("no branch to go back to")
