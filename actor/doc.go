// Package actor is an in-memory TON world whose accounts run real compiled
// contract code on the pure-Go TVM of github.com/xssnick/tonutils-go.
//
// A [World] holds accounts keyed by address in a ShardAccounts-style
// dictionary cell, wallets that pay for what they send, a logical time and a
// clock. [World.Send] injects one message and processes the queue it starts
// breadth-first until it is empty; every transaction goes through
// tonutils-go's transaction emulation with a real blockchain config (compute,
// action and bounce phases, fees) and is kept as a [Transaction] record.
// [World.Get] runs a get-method with a proper c7.
//
// Cells are immutable, so a [Snapshot] shares them with the live world: taking
// and restoring one costs O(1), and [World.StateRoot] is the hash of the
// account dictionary, equal exactly when two worlds hold equal accounts.
// [World.Commit] keeps a state reachable by its root, as Piecrust's commits
// do: [World.Session] opens a new world at any commit and [World.Checkout]
// moves the world there.
//
// The same inputs give byte-identical results, transaction hashes included:
// time moves only when told to ([World.SetNow]) and the random seed is derived
// from the world's seed, never from the wall clock.
package actor
