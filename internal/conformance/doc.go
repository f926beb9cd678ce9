// Package conformance replays conformance vectors: JSON records of what
// @ton/sandbox 0.41 did for one message sequence, checked against what a
// tonsim [actor.World] does for the same sequence, with no node involved.
//
// A [Vector] names its wallets by address, starts the clock at a unix time
// and lists steps: a send from a wallet (with the transactions it caused on
// every account but the wallets), a getter (with its exit code, gas and
// result) or a wait. [Replay] loads one and plays it in a subtest per step:
// wallets at the recorded addresses, each send through the named wallet,
// each wait as [actor.World.SetNow], and asserts every recorded field —
// exit and action codes, the success, aborted, bounced and deployed flags,
// gas, total fees, skipped actions, out messages, the data and code hashes
// after the transaction and the external messages (events) it emitted, and
// each getter's exit code, gas and stack. The first step that differs stops
// the replay, since every later step depends on it.
//
// The vectors are recorded by the scripts in record/ (plain .mjs, run by
// hand in a scratch folder with the sandbox installed, never by tests).
//
// The wallets' own transactions are not compared: tonsim's wallets run
// other code than the sandbox's treasuries, so their gas and fees differ.
// What the contracts do must not.
package conformance
