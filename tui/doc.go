// Package tui is tonsim's interactive terminal UI: a world of accounts
// running compiled Tact contracts, seen and driven from one screen.
//
// [New] builds the root Bubble Tea model for a world and its catalog, and
// [Run] runs it full screen with the mouse on. The screen shows the world's
// accounts (type_and_version, balance, status), the selected account's code,
// storage decoded by its ABI and live getters, the transaction log as trees
// of sends, and the selected transaction: its decoded message, exit code,
// action phase, fees, storage change, events and what it sent. From there a
// user sends messages through a form built from the target's ABI (each
// field by its type, one rule with scenario files), upgrades a contract
// after a preflight dry run ([upgradable.Preflight]) says whether the new
// code migrates the data or bricks the contract, steps back and forward
// through history (every transaction keeps a snapshot of the world), forks
// it by sending from the past and undoes the fork, copies what is selected
// (OSC 52), and, given a scenario, plays it behind the first screen and
// lists what did not hold, or walks through its steps one at a time with
// their narration.
//
// The pieces: [Model] is the only tea.Model; the panes and dialogs are small
// components (View, SetSize and a help.KeyMap) sharing one [Common] that
// holds the size, the [Styles] and the [KeyMap]. Everything that touches the
// world runs as a tea.Cmd, one at a time, and comes back as a message; the
// view reads only what those messages brought, so rendering never waits for
// the TVM and never reads the wall clock.
//
// A key costs the same however long the history is: each transaction is
// worded once, as it arrives, into its line of the log (history.go), the
// log draws only the rows in view from column widths it keeps, and the
// detail pane describes the one transaction it shows. A long history, and
// a scenario to play, load behind the screen a chunk per operation, keys
// answered in between. The help screen's entries are the one list of keys:
// [KeyTable] makes the README's table from them.
package tui
