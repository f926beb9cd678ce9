// Package catalog knows contracts by name and by code, and describes what
// happened in a world in their terms: a transaction's message by the
// receiving contract's ABI, its exit code by the contract's own errors, and
// its storage before and after as decoded fields, with what changed.
//
// The command line and the terminal UI both read transactions through a
// [Catalog]; neither names a concrete contract: contracts are added to it.
package catalog
