// Package upgradabletest runs one test body twice, the practice the Internet
// Computer recommends for upgrade hooks ("Testing upgrade hooks"): once as
// written and once with an upgrade performed at a marked point, so the same
// assertions prove the state survives the upgrade.
//
//	upgradabletest.BothWays(t, func(t *testing.T, u *upgradabletest.Upgrader) {
//		w, owner, c := setup(t)
//		c.Step(owner, 1)
//		u.Upgrade(w, c.Address, owner, counter.V2().Code) // only in the second pass
//		require.Equal(t, int64(1), value(t, c))          // in both
//	})
package upgradabletest
