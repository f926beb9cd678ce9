package scenario

import (
	"encoding/hex"
	"maps"
	"slices"

	"github.com/tonsim/tonsim/actor"
	"go.yaml.in/yaml/v4"
)

// Commit records the world's state under a name, as
// [actor.World.CommitAs] does: a later session step starts from it again.
type Commit struct {
	Name Ref
}

// Session moves the world to the commit named Base, as
// [actor.World.Checkout] does: the accounts, names (wallets among them),
// clock, logical time and history as they were when it was committed. The
// commits stay, the later ones too.
type Session struct {
	Base Ref
}

func (*Commit) Kind() string  { return "commit" }
func (*Session) Kind() string { return "session" }

// commit reads `commit: NAME`.
func (p *parser) commit(n *yaml.Node) (*Commit, error) {
	ref, err := p.name(n, "commit (the commit's name)")
	if err != nil {
		return nil, err
	}
	if err := actor.CheckName(ref.Name); err != nil {
		return nil, p.errf(n, "commit: %v", err)
	}
	return &Commit{Name: ref}, nil
}

// session reads `session: { base: NAME }`.
func (p *parser) session(n *yaml.Node) (*Session, error) {
	f, err := p.fields(n, "session", []string{"base"})
	if err != nil {
		return nil, err
	}
	base, err := p.name(f["base"], "base")
	if err != nil {
		return nil, err
	}
	return &Session{Base: base}, nil
}

func (r *Runner) commit(c *Commit, res *Result) error {
	if _, err := r.World.CommitAs(c.Name.Name); err != nil {
		return r.errf(c.Name.Pos, "commit: %v", err)
	}
	made, err := r.World.FindCommit(actor.CommitName(c.Name.Name))
	if err != nil {
		return r.errf(c.Name.Pos, "commit: %v", err)
	}
	res.Commit = &made
	return nil
}

func (r *Runner) session(s *Session, res *Result) error {
	if err := r.World.Checkout(actor.CommitName(s.Base.Name)); err != nil {
		return r.errf(s.Base.Pos, "session: %v", err)
	}
	base, err := r.World.FindCommit(actor.CommitName(s.Base.Name))
	if err != nil {
		return r.errf(s.Base.Pos, "session: %v", err)
	}
	res.Commit = &base
	return nil
}

// stateRoot checks the world's state root after a step: a root written
// out, or the one a commit recorded.
func (c *checker) stateRoot(ch *Check) {
	want := ch.Want.(RootWant)
	root, text := want.Root, want.String()
	if want.Commit != "" {
		commit, err := c.r.World.FindCommit(actor.CommitName(want.Commit))
		if err != nil {
			c.fail(ch.Pos, ch.Key, text, err.Error())
			return
		}
		root, text = commit.Root, text+" ("+commit.Root.String()+")"
	}
	if got := c.r.World.StateRoot(); got != root {
		c.fail(ch.Pos, ch.Key, text, got.String())
	}
}

// RootWant is a state root: written out, or the one the commit named
// Commit recorded.
type RootWant struct {
	Root   actor.StateRoot
	Commit string
}

func (RootWant) want() {}

func (w RootWant) String() string {
	if w.Commit != "" {
		return "commit " + w.Commit
	}
	return w.Root.String()
}

// rootWant reads a state root check: 64 hex digits, or a commit's name.
func rootWant(v *Value) (RootWant, bool) {
	if v.Kind != Scalar || v.Text == "" {
		return RootWant{}, false
	}
	if h, err := hex.DecodeString(v.Text); err == nil && len(h) == len(actor.StateRoot{}) {
		return RootWant{Root: actor.StateRoot(h)}, true
	}
	return RootWant{Commit: v.Text}, actor.CheckName(v.Text) == nil
}

// commitTracker follows, as [Runner.check] goes through the steps, the
// commits there are and what a session from each starts with: the names
// known and the wallets among them.
type commitTracker struct {
	r     *Runner
	views map[string]commitView
}

type commitView struct{ known, wallets map[string]bool }

func (r *Runner) newCommitTracker() *commitTracker {
	return &commitTracker{r: r, views: map[string]commitView{}}
}

// commit records what a session from the commit will know.
func (t *commitTracker) commit(c *Commit, known, wallets map[string]bool) {
	t.views[c.Name.Name] = commitView{known: maps.Clone(known), wallets: maps.Clone(wallets)}
}

// session returns what the world knows after a session step: the names and
// wallets of its base, a commit of an earlier step or of the world.
func (t *commitTracker) session(s *Session) (known, wallets map[string]bool, err error) {
	v, err := t.view(s.Base, "session from")
	if err != nil {
		return nil, nil, err
	}
	return maps.Clone(v.known), maps.Clone(v.wallets), nil
}

// view finds the commit a step names (what says how, in errors).
func (t *commitTracker) view(ref Ref, what string) (commitView, error) {
	if v, ok := t.views[ref.Name]; ok {
		return v, nil
	}
	if _, err := t.r.World.FindCommit(actor.CommitName(ref.Name)); err != nil {
		names := slices.Collect(maps.Keys(t.views))
		for _, c := range t.r.World.Commits() {
			if c.Name != "" {
				names = append(names, c.Name)
			}
		}
		slices.Sort(names)
		list := "none yet"
		if len(names) > 0 {
			list = joinNames(slices.Compact(names))
		}
		return commitView{}, t.r.errf(ref.Pos, "%s an unknown commit %s%s (commits: %s)", what, quote(ref.Name), suggest(ref.Name, names), list)
	}
	s, err := t.r.World.Session(actor.CommitName(ref.Name))
	if err != nil {
		return commitView{}, t.r.errf(ref.Pos, "%s commit %s: %v", what, quote(ref.Name), err)
	}
	v := commitView{known: map[string]bool{}, wallets: map[string]bool{}}
	for _, name := range s.Names() {
		v.known[name] = true
		if _, err := s.Wallet(name); err == nil {
			v.wallets[name] = true
		}
	}
	t.views[ref.Name] = v
	return v, nil
}

// expect checks that a step's state_root names a commit there is by then.
func (t *commitTracker) expect(s *Step) error {
	if s.Expect == nil {
		return nil
	}
	for _, ch := range s.Expect.Checks {
		if w, ok := ch.Want.(RootWant); ok && w.Commit != "" {
			if _, err := t.view(Ref{Name: w.Commit, Pos: ch.Pos}, "state_root of"); err != nil {
				return err
			}
		}
	}
	return nil
}
