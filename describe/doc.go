// Package describe is the one place where what happened in a world becomes
// words: a transaction, its parties and message, its exit code, action
// phase, fees, events and storage change, a value, a getter's result and an
// upgrade's verdict. The command line, the terminal UI, walkthroughs and
// test failure listings all render from it; they only lay out and style.
//
// A description is computed from the record alone: [Describe] reads what
// the [actor.Transaction] captured when it ran (the names the world gave
// then, the code each party ran, the transaction cell) and the contracts a
// catalog knows by code, never the world as it is now, so history reads
// the same after later renames and upgrades.
//
// Values are typed and carry String methods ([Party], [Message], [Exit],
// [Action], [Fees]); a [Printer] writes decoded values with names.
package describe
