// Package scenario reads and plays scenario files: YAML scripts of
// deployments, messages, getters and upgrade preflights on a tonsim world,
// with the results each step should have. The tonsim command runs them
// (run, test, get, preflight) and its terminal UI walks through them.
//
// A scenario (paths inside are relative to the file):
//
//	name: Upgrade a counter from v1 to v2
//	description: Optional text.
//	contracts:               # name -> a Tact package (.pkg), a code BOC file, or a built-in
//	  v1: build/CounterV1.pkg
//	  v2: counter.v2
//	wallets:                 # address optional (raw "0:<64 hex>"); balance optional, in TON
//	  owner: { address: "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31" }
//	  alice: { balance: "10" }
//	steps:
//	  - note: Deploy version 1, owned by owner.
//	    deploy: { name: counter, contract: v1, from: alice, value: "0.05",
//	              init: { id: 7, owner: owner, value: 0 } }
//	    expect: { exit_code: 0 }
//	  - send: { from: alice, to: counter, message: Step, fields: { queryId: 42 } }
//	  - send: { from: owner, to: counter, message: Upgrade, fields: { code: v2 } }
//	  - get: { on: counter, method: value }
//	    expect: { result: "1" }
//
// Steps:
//
//   - deploy: { name, contract, from, init, data, value, bounce, message|body|comment }
//     sends the contract's StateInit from a wallet; name then stands for its
//     address. init takes the package's init arguments; data raw data instead.
//   - send: { from, to, message, fields, body, comment, value, bounce }
//     sends from a wallet. message and fields encode by the ABI of the code
//     the target runs now; body is a raw BOC (hex or base64); comment a text
//     comment; none of them, an empty body.
//   - get: { on, method, args } runs a getter; args by the getter's ABI.
//   - preflight: { on, contract, from } dry-runs an upgrade to contract on a
//     copy of the world (see package upgradable).
//   - wait: seconds moves the clock forward.
//   - note: text narrates; it may stand alone or beside an action.
//
// send and deploy carry 0.05 TON and bounce unless told otherwise. In
// fields, init and args, a wallet or account name stands for its address and
// a contract name for its code.
//
// expect checks, per action:
//
//   - deploy, send: exit_code, action_code, success, aborted, deployed,
//     gas_used, op, lt, data_hash, code_hash (of the target's transaction,
//     as `tonsim run --json` prints them); bounced (the message came back to
//     its sender); transactions (how many ran); storage (fields of the
//     target's storage after, decoded by its package).
//   - get: result (the decoded value: numbers, names, text, or fields of a
//     struct) or exit_code (the getter failed).
//   - preflight: verdict (safe, rejected or bricked), exit_code, version.
//
// Files are read within bounds ([FileOption]): only regular files, a
// scenario or contract of at most 4 MiB and a saved world of 64 MiB unless
// [WithMaxFileSize] says otherwise, and contract paths inside the
// scenario's directory tree unless [WithAllowedDir] allows another. Field
// values are bounded in depth ([MaxValueDepth]) and count
// ([MaxValueCount]), YAML aliases followed. A saved world ([SaveWorld])
// carries a checksum and its state root, which [LoadWorld] checks.
//
// Mistakes are [*Error]s that say file:line:col. [Parse] finds those of
// shape, [NewRunner] unknown names before anything runs, and a step finds a
// field of the wrong type when it builds its message, leaving the world as
// it was. Expectations that do not hold are [Failure]s of the step's
// [Result], reported with file:line.
package scenario
