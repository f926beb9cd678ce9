package build

import "embed"

// Files holds every code BOC and ABI file of this folder.
//
//go:embed *.boc *.abi.json
var Files embed.FS
