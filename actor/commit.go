package actor

import (
	"fmt"
	"slices"
	"sync"
)

// Commits, as Piecrust's sessions have them: [World.Commit] records the
// world's state and returns its [StateRoot]; the state stays reachable by
// that root (or by the name [World.CommitAs] gave it) whatever the world
// does next, and [World.Session] opens a new world there, or
// [World.Checkout] moves this one back to it.
//
// A world's commits are its own, not part of its state: restoring a
// snapshot, checking out a commit or sending more messages keeps every
// commit. A fork or a session starts with the commits of the world it came
// from; commits made in one afterwards are not seen by the other. A commit
// is a [Snapshot], so it costs O(1) once the account dictionary is up to
// date, and it shares every cell with the world.

// Commit is a state a world committed: its state root and, behind it, the
// whole world at that moment: accounts, names, clock, logical time and
// the history as it was then (none for a commit loaded from a save).
type Commit struct {
	// Name is what [World.CommitAs] called it; "" for a commit made by
	// [World.Commit], or whose name a later commit took.
	Name string
	// Root is the committed state root.
	Root StateRoot
	snap *Snapshot
	// check is set for a commit loaded from a save: its accounts are
	// checked when a session or a checkout first opens it.
	check *commitCheck
}

// commitCheck is the check of a loaded commit's accounts, made once,
// whichever world sharing the commit asks first.
type commitCheck struct {
	once sync.Once
	err  error
}

// Now returns the committed unix time.
func (c Commit) Now() uint32 { return c.snapshot().st.now }

// LT returns the committed logical time: the next transaction's.
func (c Commit) LT() uint64 { return c.snapshot().st.lt }

// Names returns the account names committed, sorted.
func (c Commit) Names() []string { return c.snapshot().Names() }

// Transactions returns the history as it was at the commit, oldest
// first: none for a commit loaded from a save.
func (c Commit) Transactions() []*Transaction { return c.snapshot().Transactions() }

// snapshot is the commit's snapshot, an empty one for the zero Commit.
func (c Commit) snapshot() *Snapshot {
	if c.snap == nil {
		return &Snapshot{}
	}
	return c.snap
}

// Base picks the commit a session starts from: a [StateRoot] (the newest
// commit of that root), a [CommitName], or a [Commit] itself.
type Base interface {
	// pick returns the index of the commit it picks in commits, oldest
	// first.
	pick(commits []Commit) (int, error)
}

// CommitName is a [Base]: the commit [World.CommitAs] gave the name to
// last.
type CommitName string

func (n CommitName) pick(commits []Commit) (int, error) {
	for i := len(commits) - 1; i >= 0; i-- {
		if commits[i].Name == string(n) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: none is named %q", ErrUnknownCommit, string(n))
}

// pick makes a StateRoot a [Base]: of several commits with the same root
// (the same accounts at other times or under other names), the newest.
func (r StateRoot) pick(commits []Commit) (int, error) {
	for i := len(commits) - 1; i >= 0; i-- {
		if commits[i].Root == r {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: none has state root %s", ErrUnknownCommit, r)
}

// pick makes a Commit a [Base]: itself, if it is one of the world's.
func (c Commit) pick(commits []Commit) (int, error) {
	for i := range commits {
		if c.snap != nil && commits[i].snap == c.snap {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: the commit of state root %s is not one of this world's", ErrUnknownCommit, c.Root)
}

// Commit records the world's state and returns its state root: the state
// stays reachable by it ([World.Session], [World.Checkout]) whatever
// happens next. Committing again the state of the newest commit (the same
// accounts, names, clock and logical time) records nothing new. It costs
// O(1) once the account dictionary is up to date (see [World.Snapshot]).
func (w *World) Commit() StateRoot {
	w.mu.Lock()
	defer w.mu.Unlock()

	w.flushed()
	if n := len(w.commits); n > 0 && sameState(w.commits[n-1].snap.st, w.st) {
		return w.commits[n-1].Root
	}
	c := Commit{Root: w.st.root(), snap: w.snapshot()}
	w.commits = append(w.commits, c)
	return c.Root
}

// CommitAs records the world's state as [World.Commit] does, under a name
// (the rules of [CheckName]) that [CommitName] finds it by. A name given
// again moves to the new commit; the older one stays, without a name,
// reachable by its root. Committing under its name the state a name holds
// already records nothing new.
func (w *World) CommitAs(name string) (StateRoot, error) {
	if err := CheckName(name); err != nil {
		return StateRoot{}, fmt.Errorf("commit name: %w", err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()

	w.flushed()
	commits := w.commits
	if i, err := CommitName(name).pick(commits); err == nil {
		if sameState(commits[i].snap.st, w.st) {
			return commits[i].Root, nil
		}
		// The older commit loses its name: a copy, since forks may share
		// the list.
		commits = slices.Clone(commits)
		commits[i].Name = ""
	}
	c := Commit{Name: name, Root: w.st.root(), snap: w.snapshot()}
	w.commits = append(commits, c)
	return c.Root, nil
}

// Commits returns the world's commits, oldest first.
func (w *World) Commits() []Commit {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.commits)
}

// FindCommit returns the commit base picks, or an error wrapping
// [ErrUnknownCommit].
func (w *World) FindCommit(base Base) (Commit, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.find(base)
}

func (w *World) find(base Base) (Commit, error) {
	i, err := base.pick(w.commits)
	if err != nil {
		return Commit{}, err
	}
	return w.commits[i], nil
}

// open returns the commit base picks, ready to be opened: a loaded one's
// accounts checked (once) as [Load] checks the world's own.
func (w *World) open(base Base) (Commit, error) {
	c, err := w.find(base)
	if err != nil || c.check == nil {
		return c, err
	}
	c.check.once.Do(func() {
		if err := w.fork(c.snap.st).checkAccounts(); err != nil {
			c.check.err = fmt.Errorf("commit %s: %w", commitLabel(c), err)
		}
	})
	return c, c.check.err
}

// commitLabel names a commit in errors: its name, or its state root.
func commitLabel(c Commit) string {
	if c.Name != "" {
		return fmt.Sprintf("%q", c.Name)
	}
	return "of state root " + c.Root.String()
}

// Session returns a new world at the commit base picks, as Piecrust's
// vm.session(SessionData::builder().base(root)) opens one: the committed
// accounts, names, clock, logical time and history, this world's config
// and options, and its commits. The two worlds share their cells and go on
// independently, and this one does not move. It costs O(1), but for the
// first session or checkout of a commit loaded from a save, which checks
// its accounts first (O(n log n)).
func (w *World) Session(base Base) (*World, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	c, err := w.open(base)
	if err != nil {
		return nil, err
	}
	return w.fork(c.snap.st), nil
}

// Checkout moves this world to the commit base picks, as [World.Restore]
// puts it back at a snapshot: the committed accounts, names, clock,
// logical time and history (the transactions after the commit leave it).
// The world keeps its commits, the newer ones too, so it can move forward
// again. It costs what [World.Session] does, and a failed checkout leaves
// the world as it was.
func (w *World) Checkout(base Base) error {
	w.mu.Lock()
	defer w.mu.Unlock()

	c, err := w.open(base)
	if err != nil {
		return err
	}
	w.restore(c.snap)
	return nil
}

// sameState reports whether two flushed states hold the same world: the
// same accounts, names, clock and logical time. Their histories may
// differ.
func sameState(a, b state) bool {
	return a.root() == b.root() && a.now == b.now && a.lt == b.lt && sameNames(a.names, b.names)
}

// sameNames reports whether two name maps hold the same names for the
// same accounts.
func sameNames(a, b *names) bool {
	if a == b {
		return true
	}
	if a.len() != b.len() {
		return false
	}
	same := true
	a.each(func(name string, id accountID) {
		if other, ok := b.lookup(name); !ok || other != id {
			same = false
		}
	})
	return same
}
