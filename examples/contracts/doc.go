// Package contracts holds tonsim's example contract families: real Tact
// 1.6.13 contracts, one upgrade pattern each, compiled from the sources in
// the family folders by the pinned compiler (`npm run build` at the
// repository root) and embedded here, so running and testing need only Go.
// [Builtins] returns them by name, "<family>.<version>".
//
//   - vault: the description layer's showcase, upgraded by the Chainlink
//     protocol (Upgrade { code }, message 10, and a lazy migration in the
//     next version's init(stateToBeMigrated)). Deposit emits a Deposited
//     event and sends the rest back, Withdraw pays out, Sweep's
//     SendIgnoreErrors message is skipped when the vault cannot pay it,
//     Query and Reply share one opcode, and the storage spills into a
//     second cell. vault.v2 migrates it correctly; vault.v2bad reads it as
//     one cell and bricks the vault (exit 9). vault.v1debug is vault.v1
//     built with Tact's debug option (its Deposit calls dump()).
//     vault.v2recount migrates like vault.v2 but recounts the total by
//     walking every balance, so its migration's gas grows with the map.
//   - direct: the cookbook's direct upgrade, Upgrade { code: Cell?;
//     data: Cell? }; v2 changes the layout and the upgrader supplies the
//     migrated data.
//   - staged: Upgrade { code } stages the code, CommitUpgrade {} applies it.
//   - twostep: the same under names of its own, StageCode { code } and
//     ApplyCode {}, which no built-in protocol knows: a scenario or a Go
//     program describes its protocol.
//   - delayed: the cookbook's DelayedUpgradable: Upgrade { code; data;
//     timeout } records a request, Confirm {} applies it once the timeout
//     has passed. delayed.v1open lets anyone confirm and never clears the
//     request, so the confirmation can be replayed.
//   - proxy: a proxy of fixed code (proxy.proxy) deploys a child
//     (proxy.child.v1) and forwards messages to it; the owner's
//     UpgradeChild { code } is forwarded, and the child replaces its own
//     code (proxy.child.v2).
//   - initparams: the data-migration pattern of Chainlink's later Tact
//     prototypes. Upgrade { code } stages the code; CommitUpgrade {}
//     applies it and leaves the lazy-deployment bit cleared and an
//     InitParams { header: HeaderUpgradable { owner }; stateToBeMigrated }
//     for the new code's init(initParams: InitParams), which migrates on
//     the next message. initparams.v2 counts down from v1's count;
//     initparams.v2bad reads v1's 32-bit count as 64 bits and bricks the
//     contract (exit 9).
//   - hooks: the Internet Computer's pre_upgrade and post_upgrade hooks. A
//     pot whose owner may Lock funds, and whose running code's pre-upgrade
//     check refuses every upgrade while they are locked (exit
//     [ExitFundsLocked]). The eager versions (hooks.v1, hooks.v2,
//     hooks.v2trap) migrate inside the upgrade transaction: the old code
//     sets the new code, points c3 at it and calls its postUpgrade
//     (upgradable.MethodPostUpgrade), so hooks.v2trap's failing migration
//     undoes the whole upgrade. The lazy ones (hooks.lazy.v1,
//     hooks.lazy.v2, hooks.lazy.v2trap) use the Chainlink trait, so
//     hooks.lazy.v2trap commits its code and bricks the pot on the next
//     message. hooks.v1stuck's check always fails: it can never be
//     upgraded.
//   - versioned: the storage starts with its layout's version, and each
//     version's init runs every migration the storage has not had, in
//     order, so versioned.v1 → versioned.v3 is as safe as going through
//     versioned.v2.
//   - units: ink!'s storage units: the storage is a map from unit key to
//     cell, each unit's struct ends in a reserved ref, and SetCode { code }
//     (set_code_hash) upgrades with no migration at all, both ways.
//   - diamond: a dispatcher (diamond.diamond) whose facets are code cells
//     in its data, chosen by the top byte of a message's opcode and run by
//     RUNVM, each on a storage unit of its own; SetFacet adds, replaces or
//     removes one. The facets (diamond.counter.v1, diamond.counter.v2,
//     diamond.notes) are Tact contracts; the diamond's own code never
//     changes, so no upgrade protocol applies to it.
//   - layout: the static layout check's family, a staged counter (Upgrade
//     stages the code, CommitUpgrade applies it, the data stays):
//     layout.v2 renames count to bumps, layout.v2swap declares limit
//     before count, which the dry run calls safe and the layout does not.
//
// Every contract but the diamond's facets answers type_and_version
// ("<type> v<version>") and takes its upgrade from its owner only (exit
// 132 otherwise). Each family's
// testdata/ holds a conformance vector recorded in @ton/sandbox 0.41 that
// this package's tests replay with package internal/conformance.
package contracts
