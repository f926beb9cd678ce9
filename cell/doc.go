// Package cell reads and writes the data of Tact contracts in terms of
// tonutils-go's cells: BOC import and export, Tact packages and their ABI,
// the Tact 1.6 serialization of structs and messages, getter values on the
// TVM stack, and readable trees and diffs of cells and decoded values. It
// reads Tolk contracts too, through the ABI file the Tolk compiler writes.
//
// The package defines no cell type of its own: cells, slices, builders,
// addresses and dictionaries are those of github.com/xssnick/tonutils-go,
// whose cell package is imported as tvmcell.
//
// # BOCs
//
// [ParseBOC] reads a BOC written as hex or base64, [ReadBOCFile] a file
// holding one in binary or as text; [WriteBOCFile] writes one atomically, and
// [Hex] and [Base64] write one as text.
//
// # Packages and ABIs
//
// [LoadPackage] and [ParsePackage] read a compiled Tact contract (.pkg):
// its code, its [ABI] (also readable alone with [ParseABI]) and how its
// initial data is built. [Package.InitData] builds that data from init
// arguments, [Package.DecodeStorage] reads a contract's data back, whether
// init() already ran or not, and [Package.EncodeStorage] writes it.
//
// [ParseTolkABI] reads a Tolk compiler's ABI file (schema 1.0) into the
// same [ABI] model, and [LoadTolkPackage] puts it beside a Tolk contract's
// code as a [Package]: Tolk structs are laid out field after field in one
// cell, and the storage struct is the contract's data.
//
// # Encoding and decoding
//
// [ABI.Encode] serializes a struct or message exactly as Tact 1.6's toCell()
// does, splitting fields across cells as the compiler's allocator does.
// [ABI.Decode] is its strict inverse: a message must carry its opcode, data
// left after the last field is [ErrTrailingData] and a value Tact would have
// written differently is [ErrNonCanonical], so a cell that decodes is exactly
// the cell [ABI.EncodeStruct] writes for the result.
//
// Encode takes values in these forms, converted and range-checked against
// each field's type:
//
//	Int (any format)   int, int8…int64, uint…uint64, *big.Int, an integral float64,
//	                   json.Number, or a string: decimal or 0x hex, optionally negative
//	Bool               bool, "true" or "false"
//	Address            *address.Address, or a raw ("0:…") or user-friendly string
//	Cell, Slice,       *tvmcell.Cell, *tvmcell.Slice, *tvmcell.Builder,
//	Builder            or a hex or base64 BOC string
//	String             string
//	bytes32, bytes64   []byte or a hex string
//	struct             map[string]any or *Struct
//	map                map[string]any with keys as text, or *Map
//
// An optional field takes nil or may be left out; a map left out is empty.
// Decode returns values as listed at [Struct]. Errors about a value are
// [*FieldError]s naming its path, such as "Sink.inner.x: 300 does not fit
// uint8".
//
// # The TVM stack
//
// [ABI.ToStack] and [ABI.GetterArgs] turn values into what a Tact getter
// takes on tonutils-go's vm.Stack; [ABI.FromStack] and [ABI.FromGetterStack]
// decode what it returns.
//
// # Printing and comparing
//
// [FormatValue] writes any decoded value on one line, [Print] a raw cell
// tree and [PrintStruct] a decoded struct as a tree. [DiffStructs] lists what
// changed between two decoded structs, [DiffCells] between two cell trees of
// unknown layout.
//
// # What is not supported
//
// Only standard addresses (addr_std without anycast) are decoded: Tact's
// Address never holds another kind. A struct field "as reference" is laid
// out as Tact's allocator sizes it (a ref, or a maybe-ref when optional),
// but Tact 1.6 cannot compile such a field, so that layout is unverified.
package cell
