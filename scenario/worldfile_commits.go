package scenario

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// savedState is one committed state of a world file: its account
// dictionary by state root (one of the file's accounts), its clock,
// logical time and names.
type savedState struct {
	StateRoot string            `json:"state_root"`
	Now       json.Number       `json:"now"`
	LT        json.Number       `json:"lt"`
	Names     map[string]string `json:"names"`
}

// savedCommit is one commit of a world file: its name ("" for none) and
// its state, an index of States.
type savedCommit struct {
	Name  string `json:"name,omitempty"`
	State int    `json:"state"`
}

// saveCommits writes s's commits into f, each state once, and returns the
// file's accounts: every dictionary once, the world's first.
func saveCommits(f *worldFile, s *actor.Saved) string {
	var roots []*tvmcell.Cell
	stored := map[string]bool{}
	store := func(c *tvmcell.Cell) {
		if c == nil {
			return
		}
		if key := string(c.Hash()); !stored[key] {
			stored[key] = true
			roots = append(roots, c)
		}
	}
	store(s.Accounts)
	states := map[string]int{}
	for _, c := range s.Commits {
		store(c.Accounts)
		st := savedState{
			StateRoot: c.Root().String(),
			Now:       json.Number(strconv.FormatUint(uint64(c.Now), 10)),
			LT:        json.Number(strconv.FormatUint(c.LT, 10)),
			Names:     map[string]string{},
		}
		for name, addr := range c.Names {
			st.Names[name] = addr.StringRaw()
		}
		key := st.key()
		i, ok := states[key]
		if !ok {
			i = len(f.States)
			states[key] = i
			f.States = append(f.States, st)
		}
		f.Commits = append(f.Commits, savedCommit{Name: c.Name, State: i})
	}
	return cell.HexRoots(roots)
}

// key identifies a state by everything it holds.
func (s savedState) key() string {
	names := make([]string, 0, len(s.Names))
	for name, addr := range s.Names {
		names = append(names, strconv.Quote(name)+"="+addr)
	}
	sort.Strings(names)
	return strings.Join(append([]string{s.StateRoot, string(s.Now), string(s.LT)}, names...), " ")
}

// errNoDictionary is wrapped by the error for a state root that names none
// of a world file's account dictionaries.
var errNoDictionary = errors.New("is none of the account dictionaries' in accounts")

// dictionaries are a world file's account dictionaries by state root,
// and which a state took.
type dictionaries struct {
	byRoot map[string]*tvmcell.Cell
	order  []string
	taken  map[string]bool
}

// emptyRoot is the state root of a world without accounts.
var emptyRoot = actor.SavedCommit{}.Root().String()

// newDictionaries reads a world file's accounts: a BOC of distinct roots.
func newDictionaries(accounts string) (*dictionaries, error) {
	d := &dictionaries{byRoot: map[string]*tvmcell.Cell{}, taken: map[string]bool{}}
	if accounts == "" {
		return d, nil
	}
	roots, err := cell.DecodeBOCRoots([]byte(accounts))
	if err != nil {
		return nil, err
	}
	for i, r := range roots {
		root := hex.EncodeToString(r.Hash())
		if d.byRoot[root] != nil {
			return nil, fmt.Errorf("roots %d and %d are the same dictionary: each is stored once", d.index(root)+1, i+1)
		}
		d.byRoot[root] = r
		d.order = append(d.order, root)
	}
	return d, nil
}

func (d *dictionaries) index(root string) int {
	for i, r := range d.order {
		if r == root {
			return i
		}
	}
	return -1
}

// take returns the dictionary of a state root: nil for the empty root.
func (d *dictionaries) take(root string) (*tvmcell.Cell, error) {
	if root == emptyRoot {
		return nil, nil
	}
	c := d.byRoot[root]
	if c == nil {
		return nil, fmt.Errorf("%q %w", root, errNoDictionary)
	}
	d.taken[root] = true
	return c, nil
}

// allTaken refuses a dictionary no state took.
func (d *dictionaries) allTaken() error {
	for i, root := range d.order {
		if !d.taken[root] {
			return fmt.Errorf("root %d (state root %s) is no state's", i+1, root)
		}
	}
	return nil
}

// loadCommits reads a world file's commits, each state's dictionary taken
// by its state root.
func loadCommits(f worldFile, dicts *dictionaries) ([]actor.SavedCommit, error) {
	states := make([]actor.SavedCommit, len(f.States))
	for i, st := range f.States {
		what := fmt.Sprintf("states[%d]", i)
		accounts, err := dicts.take(st.StateRoot)
		if err != nil {
			return nil, fmt.Errorf("%s: state root %w", what, err)
		}
		now, err := number(st.Now, what+": now", 0, math.MaxUint32)
		if err != nil {
			return nil, err
		}
		lt, err := number(st.LT, what+": lt", minLT, maxLT)
		if err != nil {
			return nil, err
		}
		sc := actor.SavedCommit{Accounts: accounts, Names: map[string]*address.Address{}, Now: uint32(now), LT: lt}
		for name, raw := range st.Names {
			if sc.Names[name], err = cell.ParseAddress(raw); err != nil {
				return nil, fmt.Errorf("%s: name %s: %v", what, quote(name), err)
			}
		}
		states[i] = sc
	}
	used := make([]bool, len(states))
	var out []actor.SavedCommit
	for i, c := range f.Commits {
		if c.State < 0 || c.State >= len(states) {
			return nil, fmt.Errorf("commits[%d]: state %d is out of range: the file has %d", i, c.State, len(states))
		}
		used[c.State] = true
		sc := states[c.State]
		sc.Name = c.Name
		out = append(out, sc)
	}
	for i, u := range used {
		if !u {
			return nil, fmt.Errorf("states[%d] is no commit's", i)
		}
	}
	return out, nil
}
