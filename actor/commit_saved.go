package actor

import (
	"fmt"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// SavedCommit is one commit of a [Saved] world: its name and its state
// (without the history), as [Saved] holds the world's own.
type SavedCommit struct {
	// Name is the commit's name, "" for none.
	Name string
	// Accounts is the committed account dictionary; nil for none.
	Accounts *tvmcell.Cell
	Names    map[string]*address.Address
	Now      uint32
	LT       uint64
}

// Root returns the commit's state root.
func (c SavedCommit) Root() StateRoot {
	return state{accounts: c.Accounts}.root()
}

// saveCommits returns commits as a save holds them.
func saveCommits(commits []Commit) []SavedCommit {
	if len(commits) == 0 {
		return nil
	}
	out := make([]SavedCommit, len(commits))
	for i, c := range commits {
		st := c.snap.st
		out[i] = SavedCommit{Name: c.Name, Accounts: st.accounts, Names: make(map[string]*address.Address, st.names.len()), Now: st.now, LT: st.lt}
		st.names.each(func(name string, id accountID) { out[i].Names[name] = id.address() })
	}
	return out
}

// loadCommits makes saved commits the world's, each state checked as
// [Load] checks the world's own but for its accounts, checked when first
// opened (see [World.open]); a name given twice is an error. It leaves the
// world's state to be loaded next.
func (w *World) loadCommits(saved []SavedCommit) error {
	commits := make([]Commit, 0, len(saved))
	named := map[string]bool{}
	for i, sc := range saved {
		what := fmt.Sprintf("saved commit %d", i+1)
		if sc.Name != "" {
			what = fmt.Sprintf("saved commit %q", sc.Name)
			if err := CheckName(sc.Name); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			if named[sc.Name] {
				return fmt.Errorf("%s: the name is given to two commits", what)
			}
			named[sc.Name] = true
		}
		if err := w.loadState(sc.Accounts, sc.Names, sc.Now, sc.LT, true); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		commits = append(commits, Commit{Name: sc.Name, Root: w.st.root(), snap: &Snapshot{st: w.st}, check: &commitCheck{}})
	}
	w.commits = commits
	return nil
}
