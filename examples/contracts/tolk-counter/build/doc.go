// Package build holds what builds the Tolk counter family leaves here: the
// code BOCs that npm run build:tolk writes (counter_v1.boc, counter_v2.boc,
// counter_v2fail.boc) and the ABI file written by hand beside each
// (counter_v1.abi.json, ...), embedded in [Files]. Package tolkcounter
// loads them as cell packages.
package build
