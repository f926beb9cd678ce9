package scenario

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
)

// Pass says how a [Runner] plays a scenario's upgrade points, as
// upgradabletest.BothWays does for a Go test: the seed's advice to run
// every test twice, once as written and once with an upgrade in the middle,
// so an upgrade that changes behaviour fails a test that passed before.
type Pass int

const (
	// PassAsWritten skips every upgrade point.
	PassAsWritten Pass = iota
	// PassUpgraded performs each upgrade point as an upgrade step.
	PassUpgraded
)

// Pass names, as the output of tonsim test --both-ways says them.
const (
	PassAsWrittenName = "as written"
	PassUpgradedName  = "upgraded"
)

func (p Pass) String() string {
	if p == PassUpgraded {
		return PassUpgradedName
	}
	return PassAsWrittenName
}

// UpgradePoint marks where a scenario played both ways upgrades:
//
//	upgrade_point: { on: counter, to: v2 }
//
// It takes what an [Upgrade] step takes. The pass as written skips it; the
// upgraded pass performs it as that upgrade step.
type UpgradePoint struct {
	Upgrade
}

// Kind is "upgrade_point".
func (*UpgradePoint) Kind() string { return "upgrade_point" }

// UpgradePoints returns the steps of s that are upgrade points.
func (s *Scenario) UpgradePoints() []*Step {
	var out []*Step
	for _, step := range s.Steps {
		if _, ok := step.Action.(*UpgradePoint); ok {
			out = append(out, step)
		}
	}
	return out
}

// pointFailure fails an upgrade point whose upgrade changed no code in
// the upgraded pass: the rest of that pass would run the old code, and
// pass as the scenario as written does. It says why: the exit code and
// meaning of the step the contract refused, or that every message was
// accepted and the code stayed. nil when the code changed, or a layout
// gate already failed the point.
func (r *Runner) pointFailure(step *Step, u *UpgradePoint, res *Result) *Failure {
	done := res.Upgraded
	if done == nil || done.CodeChanged {
		return nil
	}
	f := &Failure{File: r.Scenario.Path, Pos: step.Pos, Key: "upgrade_point",
		Want: fmt.Sprintf("%s upgraded to %s in the %s pass", u.On.Name, u.To.Name, PassUpgraded)}
	for i, tx := range done.Steps {
		var exit *actor.ExitError
		if tx.Success || !errors.As(tx.Err(), &exit) {
			continue
		}
		meaning := exit.Meaning
		if ct, err := r.Catalog.ByCode(tx.CodeAfter); err == nil && ct.ABI() != nil {
			meaning = actor.ExitMeaning(exit.Code, ct.ABI())
		}
		what := "the upgrade"
		if len(done.Steps) > 1 {
			what = fmt.Sprintf("step %d of the upgrade (%s)", i+1, done.Protocol.Name)
		}
		f.Got = fmt.Sprintf("%s refused: exit %d (%s); %s still runs its old code, so this pass never upgraded", what, exit.Code, meaning, u.On.Name)
		return f
	}
	f.Got = fmt.Sprintf("every message of the upgrade was accepted, yet %s still runs its old code (the protocol needs another step), so this pass never upgraded", u.On.Name)
	return f
}
