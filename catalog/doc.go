// Package catalog knows contracts by name and by code: the Tact packages
// and bare code a scenario or the UI loaded, and the world's wallet. Package
// describe asks it which contract a code is, to name messages, exit codes
// and storage by that contract's ABI.
//
// The command line and the terminal UI both fill a [Catalog]; neither
// names a concrete contract: contracts are added to it.
package catalog
