package upgradabletest

import (
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Pass names, as the subtests are called.
const (
	PassAsWritten = "as written"
	PassUpgraded  = "upgraded"
)

// Upgrader marks where a [BothWays] body upgrades.
type Upgrader struct {
	t       testing.TB
	upgrade bool
	reached bool
}

// Upgraded reports whether this pass performs the upgrade, for the few
// assertions that rightly differ (the version that runs, say).
func (u *Upgrader) Upgraded() bool { return u.upgrade }

// At is the marked point: in the upgrading pass it runs upgrade, in the
// other it does nothing.
func (u *Upgrader) At(upgrade func()) {
	u.t.Helper()
	u.reached = true
	if u.upgrade {
		upgrade()
	}
}

// Upgrade is [Upgrader.At] for the Upgradable trait: owner sends
// Upgrade { code } to contract, and the test fails now unless the
// contract's transaction succeeds.
func (u *Upgrader) Upgrade(w *actor.World, contract, owner *address.Address, code *tvmcell.Cell) {
	u.t.Helper()
	u.At(func() {
		u.t.Helper()
		tr, err := w.Send(actor.Message{From: owner, To: contract, Value: upgradable.DefaultUpgradeValue, Body: upgradable.UpgradeBody(code)})
		if err != nil {
			u.t.Fatalf("upgrade: %v", err)
		}
		for _, tx := range tr.Transactions {
			if tx.To.Equals(contract) {
				if err := tx.Err(); err != nil {
					u.t.Fatalf("upgrade: %v", err)
				}
				return
			}
		}
		u.t.Fatalf("upgrade: no transaction reached %s", contract.StringRaw())
	})
}

// BothWays runs body as two subtests: PassAsWritten, where the Upgrader does
// nothing, and PassUpgraded, where it upgrades at its mark. The upgraded
// pass fails if body never reaches the mark.
func BothWays(t *testing.T, body func(t *testing.T, u *Upgrader)) {
	t.Helper()
	for _, pass := range []struct {
		name    string
		upgrade bool
	}{{PassAsWritten, false}, {PassUpgraded, true}} {
		t.Run(pass.name, func(t *testing.T) {
			u := &Upgrader{t: t, upgrade: pass.upgrade}
			body(t, u)
			u.finish(t)
		})
	}
}

// finish fails an upgrading pass whose body never reached the mark: it
// tested nothing about the upgrade.
func (u *Upgrader) finish(t testing.TB) {
	t.Helper()
	if u.upgrade && !u.reached && !t.Failed() {
		t.Error("the test body never reached its upgrade point")
	}
}
