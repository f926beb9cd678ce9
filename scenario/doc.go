// Package scenario reads and plays scenario files: YAML scripts of
// deployments, messages, getters and upgrade preflights on a tonsim world,
// with the results each step should have. The tonsim command runs them
// (run, test, get, preflight) and its terminal UI walks through them.
//
// A scenario (paths inside are relative to the file):
//
//	name: Upgrade a counter from v1 to v2
//	description: Optional text.
//	config: mainnet-2026-06        # or sandbox-0.41, or a config BOC file
//	contracts:               # name -> a Tact package (.pkg), a code BOC file, or a built-in
//	  v1: build/CounterV1.pkg
//	  v2: counter.v2
//	protocols:               # optional: upgrade protocols of the file's own, each like a built-in
//	  two-step: { like: staged, messages: { stage: StageCode, commit: ApplyCode } }
//	wallets:                 # address optional (raw "0:<64 hex>"); balance optional, in TON
//	  owner: { address: "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31" }
//	  alice: { balance: "10" }
//	steps:
//	  - note: Deploy version 1, owned by owner.
//	    deploy: { name: counter, contract: v1, from: alice, value: "0.05",
//	              init: { id: 7, owner: owner, value: 0 } }
//	    expect: { exit_code: 0 }
//	  - send: { from: alice, to: counter, message: Step, fields: { queryId: 42 } }
//	    expect: { fees: { max: "0.01" }, has_transaction: [ { from: counter, to: alice, success: true } ] }
//	  - send: { from: owner, to: counter, message: Upgrade, fields: { code: v2 } }
//	  - get: { on: counter, method: value }
//	    expect: { result: 1 }
//
// A protocol of the file's own varies a built-in one (like): messages
// renames its steps' messages by role (upgrade; stage and commit; request
// and confirm), fields the fields they set (code, data, timeout; empty for
// none), child names the getter of the account a proxy upgrades, wait the
// seconds before the last step, version the version getter, migration
// lazy, eager or none. It is checked against the contracts' ABIs before
// anything runs; a step's protocol: names it as it names a built-in, and a
// step without one tries the file's protocols before the built-ins.
//
// Steps:
//
//   - deploy: { name, contract, from, init, data, value, bounce, message|body|comment }
//     sends the contract's StateInit from a wallet; name then stands for its
//     address (from the deployment's own transactions on). init takes the
//     package's init arguments; data raw data instead.
//   - send: { from, to, message, fields, body, comment, value, bounce }
//     sends from a wallet. message and fields encode by the ABI of the code
//     the target runs now; body is a raw BOC (hex or base64); comment a text
//     comment; none of them, an empty body.
//   - get: { on, method, args, name } runs a getter; args by the getter's
//     ABI. With name, the address the getter returns is given that name for
//     the steps after (an account another deployed: a proxy's child).
//   - upgrade: { on, to, from, protocol, fields, layout } upgrades on to the
//     code of the contract to by the real messages of its upgrade protocol
//     (the one its ABI declares, or the one named); from defaults to the
//     owner, and fields give the protocol's messages fields (a time lock's
//     timeout, a direct upgrade's data as the new storage's fields).
//   - preflight: { on, to, from, protocol, fields, layout } dry-runs that
//     upgrade on a copy of the world (see package upgradable) and checks its
//     verdict.
//   - layout: { renamed: { old: new }, allow: [kind, …] } on a preflight or
//     an upgrade checks the upgrade's storage layout statically
//     (upgradable.CompareLayouts) and fails the step unless it is
//     compatible; an upgrade then sends nothing. renamed and allow waive
//     findings on purpose, as OpenZeppelin's unsafeAllow: kinds insert,
//     remove, retype, reorder, rename, move, unit, reserved, init.
//   - upgrade_point: { on, to, from, protocol, fields } marks where a test
//     played both ways upgrades (see [Runner.BothWays]); a plain run skips
//     it.
//   - upgrades: { on, versions, supported, from, protocol } dry-runs every
//     upgrade between versions (oldest first) from on's state, as
//     upgradable.UpgradeMatrix does; a supported upgrade ("v1 → v2"; by
//     default each version to the next) that is not safe fails the step.
//   - wait: seconds moves the clock forward.
//   - commit: NAME records the world's state under a name, as
//     actor.World.CommitAs does (a name given again moves to the new state).
//   - session: { base: NAME } starts again from a commit, as Piecrust's
//     vm.session(base(root)) does: the world moves to it (actor.World.Checkout)
//     with its accounts, its names (so a deploy's name after the commit is
//     free again, and only wallets it had can send), its clock, its logical
//     time and its history; the commits stay, later ones too. The base is a
//     commit of an earlier step or of the saved world the run started from;
//     an unknown one is an error before anything runs, and state_root: NAME
//     checks that a step leaves the very state root a commit recorded.
//   - reinstall: { on, contract, init, data } gives on the code of contract
//     and fresh data (init arguments, as deploy takes them, or raw data),
//     keeping its address and balance and discarding its state: a world
//     operation, no transaction (see actor.World.Reinstall). lost checks
//     what it discarded, storage what it holds after.
//   - migrate: { on, contract, init, data, steps } puts contract's code
//     beside on at a temporary address, runs steps (send, get, wait; old
//     and new name the two accounts), then moves the new account's code,
//     data and balance under on's address (see actor.World.Migrate). A
//     failed transaction in the steps undoes the whole migration; the step
//     fails unless it expects migrated: false.
//   - note: text narrates; it may stand alone or beside an action.
//
// Values are read one way everywhere. send and deploy carry 0.05 TON and
// bounce unless told otherwise. An amount of TON (a value, a balance, an Int
// as coins field, a coins check) is a decimal, "1.5" or 0.05, or nanotons,
// 1500000000n or {nano: 1500000000}; more than nine decimals is a mistake,
// never rounded. Integers take any YAML form: 42, 0x2a, 1_000. In fields,
// init and args, a wallet or account name stands for its address and a
// contract name for its code.
//
// The checks (generated from the table of checks; go test ./scenario -update rewrites this list):
//
//   - exit_code (deploy, send, upgrade, get, preflight; matchers): the compute phase's exit code (a getter's, a preflight's failure); integer (0x1f, 1_000) or {min, max}.
//   - action_code (deploy, send, upgrade; matchers): the action phase's result code (0 when it did not run or succeeded); integer (0x1f, 1_000) or {min, max}.
//   - success (deploy, send, upgrade; matchers): both the compute and the action phase succeeded; true or false.
//   - aborted (deploy, send, upgrade; matchers): the transaction's aborted flag: its state changes were discarded; true or false.
//   - deployed (deploy, send, upgrade; matchers): the account became active in this transaction; true or false.
//   - bounced (deploy, send, upgrade; matchers): the step's message came back to its sender as a bounce (in a matcher: the inbound message is a bounce); true or false.
//   - gas_used (deploy, send, upgrade, get; matchers): gas the compute phase (or the getter) used; integer (0x1f, 1_000) or {min, max}.
//   - op (deploy, send, upgrade; matchers): the inbound message's opcode, or its type by the receiver's ABI; opcode or message type (Step).
//   - from (matchers): the sender (matchers only); wallet or account name, or address.
//   - to (matchers): the receiver (matchers only); wallet or account name, or address.
//   - lt (deploy, send, upgrade; matchers): the transaction's logical time; integer (0x1f, 1_000) or {min, max}.
//   - data_hash (deploy, send, upgrade, reinstall, migrate; matchers): the hash of the account's data after; 64 hex digits.
//   - code_hash (deploy, send, upgrade, reinstall, migrate; matchers): the hash of the account's code after; 64 hex digits.
//   - storage (deploy, send, upgrade, reinstall, migrate): the target's storage after, decoded, field by field (data init() has not run on yet, after a reinstall say, shows the init arguments); mapping of fields.
//   - events (deploy, send, upgrade; matchers): the events the transaction emitted, in order, by type and fields; list of {type, fields}.
//   - balance (deploy, send, upgrade, reinstall, migrate; matchers): the account's balance after; TON ("1.5"), nanotons (1500000000n, {nano: …}) or {min, max}.
//   - status (deploy, send, upgrade; matchers): the account's status after: frozen once its storage due passes the config's limit; active, uninit, frozen, nonexist.
//   - storage_due (deploy, send, upgrade; matchers): storage fees the account could not pay and owes after the transaction; TON ("1.5"), nanotons (1500000000n, {nano: …}) or {min, max}.
//   - fees (deploy, send, upgrade; matchers): the transaction's total fees; TON ("1.5"), nanotons (1500000000n, {nano: …}) or {min, max}.
//   - value_in (deploy, send, upgrade; matchers): the value the inbound message carried; TON ("1.5"), nanotons (1500000000n, {nano: …}) or {min, max}.
//   - value_out (deploy, send, upgrade; matchers): the value of the internal messages it sent; TON ("1.5"), nanotons (1500000000n, {nano: …}) or {min, max}.
//   - skipped_actions (deploy, send, upgrade; matchers): actions the action phase skipped; integer (0x1f, 1_000) or {min, max}.
//   - out_messages (deploy, send, upgrade; matchers): messages the transaction sent, events included; integer (0x1f, 1_000) or {min, max}.
//   - transactions (deploy, send, upgrade, reinstall, migrate): how many transactions the step's send ran; integer (0x1f, 1_000) or {min, max}.
//   - has_transaction (deploy, send, upgrade): each matcher (a mapping of the checks marked ✓) holds for some transaction of the send, as @ton/test-utils' toHaveTransaction; list of matchers.
//   - lost (reinstall, migrate): the storage a reinstall discarded (a migration: the old account's, as its steps left it), decoded by the old code's package, field by field; of a pending migration, the storage inside its envelope; mapping of fields.
//   - migrated (migrate): the migration went through; false: a failed transaction in its steps undid all of it (a migration undone unexpectedly fails the step); true or false.
//   - result (get): the getter's result, decoded by the ABI; value, or mapping of a struct's fields.
//   - verdict (preflight): the preflight's verdict; safe, rejected, bricked, no-op.
//   - version (preflight, upgrade): the version that runs after the upgrade; 2.0.0 or v2.0.0.
//   - protocol (preflight, upgrade): the upgrade protocol used: the one named, or the one the contract's ABI declares; a name.
//   - code_changed (preflight, upgrade): the account the upgrade had to change runs the new code after its messages; true or false.
//   - stays_upgradable (preflight): the new code accepts a further upgrade: an upgrade back to the old code goes through (or, for an eager protocol, only the old code's migrate refuses it); true or false.
//   - rolled_back (preflight): an eager upgrade's migration failed in its own transaction, so nothing changed; true or false.
//   - migration_gas (preflight): the gas the migration used (0 when the data does not migrate); integer (0x1f, 1_000) or {min, max}.
//   - warnings (preflight): exactly the probes that failed after the upgrade (an empty list: none); list of upgrade_back, rollback, again, back_to_back, stranger, replay.
//   - defaulted (preflight): exactly the new storage's fields an upgrade that writes the data (direct) sets to zero: the old data has no such field and the upgrade's fields give none; list of field names.
//   - state_root (deploy, send, upgrade, commit, session): the world's state root after the step: the hash of every account, written out or named by a commit (the root it recorded); 64 hex digits, or a commit's name.
//
// End of the checks.
//
// A has_transaction matcher is a mapping of the checks that name
// "matchers" above; it holds when one transaction of the send satisfies all
// of them, as @ton/test-utils' toHaveTransaction.
//
// Files are read within bounds ([FileOption]): only regular files, a
// scenario or contract of at most 4 MiB and a saved world of 64 MiB unless
// [WithMaxFileSize] says otherwise, and contract paths inside the
// scenario's directory tree unless [WithAllowedDir] allows another. Field
// values are bounded in depth ([MaxValueDepth]) and count
// ([MaxValueCount]), YAML aliases followed. A saved world ([SaveWorld])
// carries a checksum, its state root and its commits, each state and each
// shared cell stored once, which [LoadWorld] checks.
//
// Mistakes are [*Error]s that say file:line:col. [Parse] finds those of
// shape and values, [NewRunner] unknown names before anything runs, and a
// step finds a field of the wrong type when it builds its message, leaving
// the world as it was. Expectations that do not hold are [Failure]s of the
// step's [Result], reported with file:line.
package scenario
