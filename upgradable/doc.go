// Package upgradable speaks the upgrade protocol of Chainlink's Tact
// Upgradable trait, the pattern of ../counter:
//
//   - the owner sends Upgrade { code: Cell } (message(10));
//   - the contract runs SETCODE and replaces its data with the lazy-deployment
//     envelope { lazyDeploymentBit: false, data: <old data> }, then throw(0);
//   - the next message or getter runs the new code's
//     init(stateToBeMigrated: Cell), which parses the old data with the
//     previous version's layout.
//
// [UpgradeBody] builds the message, [TypeAndVersion] and [IsUpgradable] read
// the trait's getters, [Envelope] recognises a pending migration, and
// [Preflight] dry-runs an upgrade on a fork of the world to tell, before it
// is sent, whether the new code's init accepts the current data or would
// brick the contract. Package upgradabletest runs one test body both with and
// without an upgrade, as the Internet Computer recommends for upgrade hooks.
package upgradable
