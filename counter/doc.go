// Package counter is tonsim's example upgradable contract: a counter in
// three versions, compiled from the Tact sources in contracts/ by the pinned
// compiler (see the repository README) and embedded here, so running and
// testing need only Go.
//
//   - [V1] has the layout of the seed's UpgradableCounterV1:
//     owner: Address; id: Int as uint32; value: Int as uint32. Step adds 1.
//   - [V2] widens value to 64 bits and moves it before id; its
//     init(stateToBeMigrated) parses V1's storage. Step subtracts 1.
//   - [V3] adds step: Int as uint8 (SetStep changes it, owner only); its
//     init parses V2's storage, so V1 → V2 → V3 works while V1 → V3 bricks.
//
// V1 → V2 → V3 needs V2 to have migrated in between: any message does it.
// Two upgrades back to back nest one envelope in the other (the Upgrade
// receiver wraps the raw c4, which still holds the first envelope), and V3's
// init fails on it. The seed's pattern has this pitfall; package upgradable's
// Preflight reports it before the second Upgrade is sent.
//
// All three take the owner-checked Upgrade of package upgradable. [Counter]
// is a handle on a deployed counter whichever version it runs, written by
// `tonsim gen` (counter_gen.go, see package gen): [DeployCounter],
// [OpenCounter], typed messages ([Counter.SendStep]), getters
// ([Counter.GetValue]) and each version's storage
// ([Counter.StorageCounterV3]). A few shorthands are written over them:
// [Deploy] with [Init], [Counter.Step], [Counter.Upgrade].
package counter
