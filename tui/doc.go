// Package tui is tonsim's interactive terminal UI: a world of accounts
// running compiled Tact contracts, seen and driven from one screen.
//
// [New] builds the root Bubble Tea model for a world and its catalog, and
// [Run] runs it full screen with the mouse on. The screen shows the world's
// accounts (type_and_version, balance, status), the selected account's code,
// storage decoded by its ABI and live getters, and the transaction log as
// trees of sends, each transaction with its decoded message, its exit code
// and the change of the target's storage. From there a user sends messages
// through a form built from the target's ABI, upgrades a contract after a
// preflight dry run ([upgradable.Preflight]) says whether the new code
// migrates the data or bricks the contract, steps back and forward through
// history (every transaction keeps a snapshot of the world), and, given a
// scenario, walks through its steps one at a time with their narration.
//
// The pieces: [Model] is the only tea.Model; the panes and dialogs are small
// components (View, SetSize and a help.KeyMap) sharing one [Common] that
// holds the size, the [Styles] and the [KeyMap]. Everything that touches the
// world runs as a tea.Cmd, one at a time, and comes back as a message; the
// view reads only what those messages brought, so rendering never waits for
// the TVM and never reads the wall clock.
package tui
