// Package gen writes typed Go wrappers for contract packages, what
// `tonsim gen` runs (and `go generate` through it):
//
//	//go:generate go run github.com/tonsim/tonsim/cmd/tonsim gen -package vault -family Vault -o vault_gen.go build/VaultV1_VaultV1.pkg build/VaultV2_VaultV2.pkg
//
// A file holds, for each handle (one per package, or one over a family of
// versions with -family):
//
//   - a struct per message, struct and storage type the ABIs reach, with
//     Go-natural types: uint8 to uint64 and int8 to int64 for integers of
//     up to 64 bits, *big.Int past them (Tact's Int is 257 bits),
//     tlb.Coins for coins, bool, string, []byte, *address.Address,
//     *tvmcell.Cell for cells, slices and builders, pointers for optional
//     values (nil is absent), Go maps keyed by integers or, for addresses,
//     by raw text "0:…", and *cell.Struct for a Tolk union; the fields
//     carry `abi:"name"` tags, so package contract's Input and Unpack
//     convert them;
//   - the handle type over contract.Handle, DeployX (the first version,
//     with its init arguments as XInit), OpenX and On; every handle knows
//     every package of the file, its own versions first, so one made
//     without -family keeps answering after an upgrade to another;
//   - a SendY(from, Y{…}, value) per receiver (SendEmpty, SendTextZ for
//     comments), a GetZ(args…) per getter with its result typed, and a
//     StorageV() per version: all encoded and decoded by the version the
//     account runs at that moment;
//   - the packages, embedded (go:embed) with their accessors, the
//     messages' opcodes (OpY) and the exit codes the ABIs declare beyond
//     TVM's own (ExitZ).
//
// The first line records the arguments, so [Regenerate] writes the file
// again from the packages as they are now: a test comparing the two fails
// when a committed file is stale.
package gen
