// Package tolkcounter is tonsim's example Tolk contract: a counter that
// upgrades eagerly, after Chainlink's Tolk Upgradeable library, compiled
// from the sources in examples/contracts/tolk-counter by the pinned
// @ton/tolk-js (npm run build:tolk) and embedded with the ABI file written
// by hand for each version, so running and testing need only Go.
//
//   - [V1] stores StorageV1 { owner: address; id: uint32; value: uint32 };
//     Step adds 1.
//   - [V2] stores StorageV2 { owner: address; value: uint64; id: uint32 };
//     its migrate reads V1's storage; Step subtracts 1.
//   - [V2Fail] is V2 with a bug: its migrate reads V1's storage as
//     StorageV2 and runs out of bits (exit 9).
//
// The owner's Upgradeable_Upgrade { queryId, code } sets the new code
// (contract.setCodePostponed), points c3 at it, calls the new code's
// migrate (method id 1000) with the storage and the running version, and
// its codeVersion (method id 1001), all in the same transaction, stores what
// migrate returned and emits an UpgradedEvent { code, codeHash, version } as
// an external message. A migrate that throws aborts the transaction: the
// code and the data stay as they were.
package tolkcounter
