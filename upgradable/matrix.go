package upgradable

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Member is one version of a family of contracts.
type Member struct {
	Name    string
	Package *cell.Package
}

// Pair is an upgrade from one version of a family to another, by their
// indexes in the family.
type Pair struct{ From, To int }

// MatrixRequest asks [UpgradeMatrix] about a family of versions.
type MatrixRequest struct {
	// Contract is the contract the upgrades' messages go to. The account
	// the upgrades change (the contract, or a proxy's child) runs one of
	// the versions' code: the matrix starts there.
	Contract *address.Address
	// Versions are the family, oldest first.
	Versions []Member
	// Supported are the upgrades the family promises to be safe; nil means
	// each version to the next, from the one the account runs.
	Supported []Pair
	// Packages, Protocol, Sender and Value are as in [Request].
	Packages Packages
	Protocol *Protocol
	Sender   *address.Address
	Value    tlb.Coins
}

// Matrix is what [UpgradeMatrix] found: every upgrade between two versions
// of a family, dry-run from the state the chain of real upgrades reaches.
type Matrix struct {
	Versions  []Member
	Supported []Pair
	// Start is the version the account ran.
	Start int
	// Reports[i][j] is the preflight of the upgrade from version i to
	// version j, run on a fork of the state the account has at version i;
	// nil on the diagonal and from a version the chain did not reach.
	Reports [][]*Report
	// Reached[i] says whether the chain reached version i: by real
	// upgrades from Start, one version to the next, each followed by a
	// message so a lazy migration runs. Blocked[i] says why not, for a
	// version after Start the chain did not reach.
	Reached []bool
	Blocked []string
}

// Report returns the preflight of p, nil when it did not run.
func (m *Matrix) Report(p Pair) *Report { return m.Reports[p.From][p.To] }

// Failing are the supported upgrades that are not safe, or that could not
// be tried because the chain never reached their version.
func (m *Matrix) Failing() []Pair {
	var out []Pair
	for _, p := range m.Supported {
		if r := m.Report(p); r == nil || r.Verdict != Safe {
			out = append(out, p)
		}
	}
	return out
}

// ErrNotInFamily is returned when the account runs none of the versions.
var ErrNotInFamily = errors.New("the account runs none of the versions")

// UpgradeMatrix dry-runs every upgrade between two versions of a family:
// each version to the next (the chain), to a later one (skipping
// versions), to an earlier one (rolling back), each by [Preflight] on its
// own fork, whose probes also try two upgrades back to back. The state of
// version i is the one the chain reaches with real upgrades from the
// account's own. w is not touched.
func UpgradeMatrix(w *actor.World, req MatrixRequest) (*Matrix, error) {
	n := len(req.Versions)
	if n < 2 {
		return nil, errors.New("an upgrade matrix needs at least two versions")
	}
	for i, v := range req.Versions {
		if v.Package == nil || v.Package.Code == nil {
			return nil, fmt.Errorf("version %d (%s) has no code", i+1, v.Name)
		}
	}
	m := &Matrix{Versions: req.Versions, Supported: req.Supported, Reports: make([][]*Report, n),
		Reached: make([]bool, n), Blocked: make([]string, n)}
	for _, p := range m.Supported {
		if p.From < 0 || p.From >= n || p.To < 0 || p.To >= n || p.From == p.To {
			return nil, fmt.Errorf("supported upgrade %d → %d: want two different versions of %d", p.From+1, p.To+1, n)
		}
	}
	for i := range m.Reports {
		m.Reports[i] = make([]*Report, n)
	}

	pkgs := family{members: req.Versions, others: req.Packages}
	base := Request{Contract: req.Contract, Packages: pkgs, Protocol: req.Protocol, Sender: req.Sender, Value: req.Value}
	start, err := newPlan(w, Request{Contract: req.Contract, Code: req.Versions[0].Package.Code, Packages: pkgs, Protocol: req.Protocol, Sender: req.Sender})
	if err != nil {
		if acc, aerr := w.Account(req.Contract); aerr == nil && acc.Code != nil && pkgs.PackageOf(acc.Code) == nil {
			return nil, fmt.Errorf("%w (%s): %v", ErrNotInFamily, memberNames(req.Versions), err)
		}
		return nil, err
	}
	m.Start = -1
	for i, v := range req.Versions {
		if sameCode(v.Package.Code, start.code) {
			m.Start = i
		}
	}
	if m.Start < 0 {
		return nil, fmt.Errorf("%w (%s)", ErrNotInFamily, memberNames(req.Versions))
	}
	if m.Supported == nil {
		for i := m.Start; i+1 < n; i++ {
			m.Supported = append(m.Supported, Pair{i, i + 1})
		}
	}

	state := w.Fork()
	for i := m.Start; i < n; i++ {
		m.Reached[i] = true
		for j := range req.Versions {
			if j == i {
				continue
			}
			r := base
			r.Code, r.Next = req.Versions[j].Package.Code, req.Versions[j].Package
			if m.Reports[i][j], err = Preflight(state, r); err != nil {
				return nil, fmt.Errorf("%s → %s: %w", req.Versions[i].Name, req.Versions[j].Name, err)
			}
		}
		if i+1 == n {
			break
		}
		if why := advance(state, start, base, req.Versions[i+1]); why != "" {
			for k := i + 1; k < n; k++ {
				m.Blocked[k] = fmt.Sprintf("the chain stops at %s: %s → %s %s", req.Versions[i].Name, req.Versions[i].Name, req.Versions[i+1].Name, why)
			}
			break
		}
	}
	return m, nil
}

// advance upgrades the account on state to next for real, then sends it a
// message so a lazy migration runs; it says why when that did not work.
func advance(state *actor.World, start *plan, base Request, next Member) string {
	r := base
	r.Code, r.Next = next.Package.Code, next.Package
	up, err := Upgrade(state, r)
	switch {
	case err != nil:
		return "could not run: " + err.Error()
	case len(up.Steps) > 0 && !up.Steps[len(up.Steps)-1].Success:
		return fmt.Sprintf("is refused (exit %d)", up.Steps[len(up.Steps)-1].ExitCode)
	case !up.CodeChanged:
		return "does not change the code"
	}
	if up.Protocol.Migration != MigrationLazy {
		return ""
	}
	sender := base.Sender
	if sender == nil {
		sender = start.sender
	}
	value := base.Value
	if value.Nano().Sign() == 0 {
		value = DefaultUpgradeValue
	}
	tx, err := send(state, sender, up.Account, nil, value)
	if err != nil {
		return "could not be followed by a message: " + err.Error()
	}
	if !tx.Success && bricked(getters(state, up.Account, next.Package), tx) {
		return fmt.Sprintf("bricks the contract (exit %d)", tx.ExitCode)
	}
	return ""
}

// family finds a code's package among the versions, else among others.
type family struct {
	members []Member
	others  Packages
}

func (f family) PackageOf(code *tvmcell.Cell) *cell.Package {
	for _, m := range f.members {
		if sameCode(m.Package.Code, code) {
			return m.Package
		}
	}
	if f.others != nil {
		return f.others.PackageOf(code)
	}
	return nil
}

func memberNames(vs []Member) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		s += v.Name
	}
	return s
}
