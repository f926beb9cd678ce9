package actor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// committed is a world with a probe, committed as "deployed" after its
// first message, then moved on: another message, a minute, a name.
type committed struct {
	w            *actor.World
	alice, probe *address.Address
	root         actor.StateRoot
	now          uint32
	lt           uint64
	history      int
}

func newCommitted(t *testing.T) committed {
	t.Helper()
	w := newWorld(t)
	c := committed{w: w, alice: newWallet(t, w, "alice")}
	c.probe = deployProbe(t, w, c.alice, 1)
	root, err := w.CommitAs("deployed")
	require.NoError(t, err)
	c.root, c.now, c.lt, c.history = root, w.Now(), w.LT(), len(w.Transactions())
	require.Equal(t, w.StateRoot(), root, "a commit returns the state root")

	_, err = w.Send(actor.Message{From: c.alice, To: c.probe, Value: ton("0.1")})
	require.NoError(t, err)
	require.NoError(t, w.SetNow(actor.DefaultNow+60))
	require.NoError(t, w.SetName("probe", c.probe))
	require.NotEqual(t, root, w.StateRoot())
	return c
}

// TestSession opens the commit in a new world: the committed state, root
// exactly, while the world it came from stays where it was.
func TestSession(t *testing.T) {
	c := newCommitted(t)
	rootNow := c.w.StateRoot()

	s, err := c.w.Session(actor.CommitName("deployed"))
	require.NoError(t, err)
	assert.Equal(t, c.root, s.StateRoot(), "the committed state root, exactly")
	assert.Equal(t, c.now, s.Now())
	assert.Equal(t, c.lt, s.LT())
	assert.Equal(t, []string{"alice"}, s.Names(), "the names of the commit")
	assert.Len(t, s.Transactions(), c.history, "the history as it was")
	assert.Equal(t, int64(1), getInt(t, s, c.probe, "seen").Int64())
	assert.Equal(t, rootNow, c.w.StateRoot(), "the world the session came from did not move")

	// The session goes on alone; its commits are its own.
	_, err = s.Send(actor.Message{From: c.alice, To: c.probe, Value: ton("0.1")})
	require.NoError(t, err)
	_, err = s.CommitAs("in-session")
	require.NoError(t, err)
	assert.Equal(t, rootNow, c.w.StateRoot())
	_, err = c.w.FindCommit(actor.CommitName("in-session"))
	require.ErrorIs(t, err, actor.ErrUnknownCommit)
	assert.Len(t, s.Commits(), 2, "the session started with its world's commit")
}

// TestCheckout moves the world itself back to a commit and forward again:
// its commits survive the move.
func TestCheckout(t *testing.T) {
	c := newCommitted(t)
	later := c.w.Commit()
	laterNow := c.w.Now()

	require.NoError(t, c.w.Checkout(actor.CommitName("deployed")))
	assert.Equal(t, c.root, c.w.StateRoot())
	assert.Equal(t, c.now, c.w.Now())
	assert.Equal(t, c.lt, c.w.LT())
	assert.Equal(t, "", c.w.NameOf(c.probe), "the names of the commit")
	assert.Len(t, c.w.Transactions(), c.history)

	require.NoError(t, c.w.Checkout(later), "a newer commit is still there")
	assert.Equal(t, later, c.w.StateRoot())
	assert.Equal(t, laterNow, c.w.Now())
	assert.Equal(t, "probe", c.w.NameOf(c.probe))
	assert.Len(t, c.w.Commits(), 2)
}

func TestFindCommit(t *testing.T) {
	c := newCommitted(t)
	first, err := c.w.FindCommit(actor.CommitName("deployed"))
	require.NoError(t, err)
	other := newWorld(t)
	other.Commit()
	foreign := other.Commits()[0]

	tests := []struct {
		name string
		base actor.Base
		err  string
	}{
		{name: "by name", base: actor.CommitName("deployed")},
		{name: "by root", base: c.root},
		{name: "by the commit", base: first},
		{name: "unknown name", base: actor.CommitName("deploy"), err: `unknown commit: none is named "deploy"`},
		{name: "unknown root", base: actor.StateRoot{1}, err: "unknown commit: none has state root 0100"},
		{name: "another world's", base: foreign, err: "is not one of this world's"},
		{name: "the zero commit", base: actor.Commit{}, err: "is not one of this world's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.w.FindCommit(tt.base)
			if tt.err != "" {
				require.ErrorIs(t, err, actor.ErrUnknownCommit)
				assert.ErrorContains(t, err, tt.err)
				_, err = c.w.Session(tt.base)
				require.ErrorIs(t, err, actor.ErrUnknownCommit)
				before := c.w.StateRoot()
				require.ErrorIs(t, c.w.Checkout(tt.base), actor.ErrUnknownCommit)
				assert.Equal(t, before, c.w.StateRoot(), "a failed checkout changes nothing")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "deployed", got.Name)
			assert.Equal(t, c.root, got.Root)
			assert.Equal(t, c.now, got.Now())
			assert.Equal(t, c.lt, got.LT())
			assert.Equal(t, []string{"alice"}, got.Names())
		})
	}
}

// TestCommitNames: what a commit records, by what is committed and how.
func TestCommitNames(t *testing.T) {
	type commit struct {
		name string
		root bool // the same root as the first commit
	}
	tests := []struct {
		name string
		do   func(t *testing.T, w *actor.World)
		want []commit
	}{
		{"the same state twice", func(t *testing.T, w *actor.World) {
			w.Commit()
			w.Commit()
		}, []commit{{"", true}}},
		{"a name for the same state twice", func(t *testing.T, w *actor.World) {
			commitAs(t, w, "a")
			commitAs(t, w, "a")
		}, []commit{{"a", true}}},
		{"two names for one state", func(t *testing.T, w *actor.World) {
			commitAs(t, w, "a")
			commitAs(t, w, "b")
		}, []commit{{"a", true}, {"b", true}}},
		{"a name moves to a later state", func(t *testing.T, w *actor.World) {
			commitAs(t, w, "a")
			newWallet(t, w, "bob")
			commitAs(t, w, "a")
		}, []commit{{"", true}, {"a", false}}},
		{"the same accounts later: two commits", func(t *testing.T, w *actor.World) {
			w.Commit()
			require.NoError(t, w.SetNow(actor.DefaultNow+1))
			w.Commit()
		}, []commit{{"", true}, {"", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			newWallet(t, w, "alice")
			first := w.StateRoot()
			tt.do(t, w)
			var got []commit
			for _, c := range w.Commits() {
				got = append(got, commit{c.Name, c.Root == first})
			}
			assert.Equal(t, tt.want, got)
		})
	}

	t.Run("a bad name", func(t *testing.T) {
		w := newWorld(t)
		_, err := w.CommitAs("")
		require.ErrorIs(t, err, actor.ErrBadName)
		_, err = w.CommitAs("a\x1b[2J")
		require.ErrorIs(t, err, actor.ErrBadName)
		assert.Empty(t, w.Commits())
	})
}

func commitAs(t *testing.T, w *actor.World, name string) actor.StateRoot {
	t.Helper()
	root, err := w.CommitAs(name)
	require.NoError(t, err)
	return root
}

// TestCommitSameRoot: two commits of the same accounts at other times; a
// root picks the newer, a name its own.
func TestCommitSameRoot(t *testing.T) {
	w := newWorld(t)
	newWallet(t, w, "alice")
	root := commitAs(t, w, "early")
	require.NoError(t, w.SetNow(actor.DefaultNow+3600))
	require.Equal(t, root, commitAs(t, w, "late"))

	byRoot, err := w.Session(root)
	require.NoError(t, err)
	assert.Equal(t, uint32(actor.DefaultNow+3600), byRoot.Now(), "the newest commit of the root")
	early, err := w.Session(actor.CommitName("early"))
	require.NoError(t, err)
	assert.Equal(t, uint32(actor.DefaultNow), early.Now())
}

// TestForkKeepsCommits: a fork starts with its world's commits and adds
// its own.
func TestForkKeepsCommits(t *testing.T) {
	c := newCommitted(t)
	f := c.w.Fork()
	commitAs(t, f, "fork")
	commitAs(t, c.w, "main")
	names := func(w *actor.World) []string {
		var out []string
		for _, c := range w.Commits() {
			out = append(out, c.Name)
		}
		return out
	}
	assert.Equal(t, []string{"deployed", "fork"}, names(f))
	assert.Equal(t, []string{"deployed", "main"}, names(c.w))

	// Restoring a snapshot keeps the commits too: they are not part of
	// the state.
	snap := c.w.Snapshot()
	commitAs(t, c.w, "after")
	c.w.Restore(snap)
	assert.Equal(t, []string{"deployed", "main", "after"}, names(c.w))
}

// TestCommitsDeterministic: the same steps give the same roots.
func TestCommitsDeterministic(t *testing.T) {
	roots := func() []actor.StateRoot {
		c := newCommitted(t)
		return []actor.StateRoot{c.root, c.w.Commit()}
	}
	assert.Equal(t, roots(), roots())
}

// TestSaveLoadCommits: a save keeps every commit, without its history, and
// a session from a loaded commit is the committed state.
func TestSaveLoadCommits(t *testing.T) {
	c := newCommitted(t)
	c.w.Commit()
	saved := c.w.Save()
	require.Len(t, saved.Commits, 2)
	assert.Equal(t, c.root, saved.Commits[0].Root())

	loaded, err := actor.Load(saved)
	require.NoError(t, err)
	assert.Equal(t, c.w.StateRoot(), loaded.StateRoot())
	want, got := c.w.Commits(), loaded.Commits()
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].Name, got[i].Name)
		assert.Equal(t, want[i].Root, got[i].Root)
		assert.Equal(t, want[i].Now(), got[i].Now())
		assert.Equal(t, want[i].LT(), got[i].LT())
		assert.Equal(t, want[i].Names(), got[i].Names())
		assert.Empty(t, got[i].Transactions(), "a save keeps no history")
	}
	s, err := loaded.Session(actor.CommitName("deployed"))
	require.NoError(t, err)
	assert.Equal(t, c.root, s.StateRoot())
	assert.Equal(t, int64(1), getInt(t, s, c.probe, "seen").Int64())
}

func TestLoadRejectsBadCommits(t *testing.T) {
	c := newCommitted(t)
	c.w.Commit()
	tests := []struct {
		name   string
		change func(s *actor.Saved)
		err    string
	}{
		{"lt out of range", func(s *actor.Saved) { s.Commits[0].LT = 0 }, `saved commit "deployed": saved lt 0 is out of range`},
		{"a bad name", func(s *actor.Saved) { s.Commits[1].Name = "\x07" }, "not a usable name"},
		{"a name twice", func(s *actor.Saved) { s.Commits[1].Name = "deployed" }, `saved commit "deployed": the name is given to two commits`},
		{"two names for one account", func(s *actor.Saved) { s.Commits[0].Names["x"] = s.Commits[0].Names["alice"] }, "name already taken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := c.w.Save()
			tt.change(saved)
			_, err := actor.Load(saved)
			require.ErrorContains(t, err, tt.err)
		})
	}
}

// TestLoadedCommitChecked: a loaded commit's accounts are checked when a
// session or checkout first opens it; one that fails opens nothing.
func TestLoadedCommitChecked(t *testing.T) {
	c := newCommitted(t)
	tests := []struct {
		name   string
		change func(s *actor.SavedCommit)
		err    string
	}{
		{"lt not past an account's", func(s *actor.SavedCommit) { s.LT = 2 }, `commit "deployed": saved account`},
		{"damaged accounts", func(s *actor.SavedCommit) { s.Accounts = tvmcell.BeginCell().MustStoreUInt(0xdead, 16).EndCell() }, `commit "deployed": saved accounts`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := c.w.Save()
			tt.change(&saved.Commits[0])
			w, err := actor.Load(saved)
			require.NoError(t, err, "the accounts are checked when opened")
			root := w.StateRoot()

			_, err = w.Session(actor.CommitName("deployed"))
			require.ErrorContains(t, err, tt.err)
			require.ErrorContains(t, w.Checkout(actor.CommitName("deployed")), tt.err, "the same answer again")
			assert.Equal(t, root, w.StateRoot(), "a failed checkout changes nothing")
			assert.Len(t, w.Commits(), 1)
		})
	}
}

// BenchmarkCommit commits a world of 10,000 wallets after each send: a
// commit costs what a snapshot does, O(1) after the dictionary is brought
// up to date (O(log n) for each account the send wrote); a session from a
// commit costs a fork.
//
//	go test ./actor -run '^$' -bench Commit
func BenchmarkCommit(b *testing.B) {
	w := walletWorld(b, 10_000)
	from, err := w.Wallet("w0")
	if err != nil {
		b.Fatal(err)
	}
	to, err := w.Wallet("w1")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("send", func(b *testing.B) {
		for b.Loop() {
			if _, err := w.Send(actor.Message{From: from, To: to, Value: ton("0.001")}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("send+snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, err := w.Send(actor.Message{From: from, To: to, Value: ton("0.001")}); err != nil {
				b.Fatal(err)
			}
			w.Snapshot()
		}
	})
	b.Run("send+commit", func(b *testing.B) {
		for b.Loop() {
			if _, err := w.Send(actor.Message{From: from, To: to, Value: ton("0.001")}); err != nil {
				b.Fatal(err)
			}
			w.Commit()
		}
	})
	b.Run("session", func(b *testing.B) {
		root := w.Commit()
		for b.Loop() {
			if _, err := w.Session(root); err != nil {
				b.Fatal(err)
			}
		}
	})
}
