package scenario

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
