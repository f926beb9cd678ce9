package contract

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// Embedded reads the packages files name in fsys: a Tact package (.pkg),
// or a Tolk contract's code BOC (.boc) with its ABI file beside it (see
// [cell.TolkABIFile]), as [cell.LoadTolkPackage] puts them together.
func Embedded(fsys fs.FS, files ...string) ([]*cell.Package, error) {
	out := make([]*cell.Package, len(files))
	for i, file := range files {
		pkg, err := embedded(fsys, file)
		if err != nil {
			return nil, err
		}
		out[i] = pkg
	}
	return out, nil
}

func embedded(fsys fs.FS, file string) (*cell.Package, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(file, ".pkg") {
		pkg, err := cell.ParsePackage(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return pkg, nil
	}
	code, err := cell.DecodeBOC(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	abiFile := cell.TolkABIFile(file)
	abi, err := fs.ReadFile(fsys, abiFile)
	if err != nil {
		return nil, fmt.Errorf("%s: its ABI: %w", file, err)
	}
	pkg, err := cell.LoadTolkPackage(code, abi)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", abiFile, err)
	}
	return pkg, nil
}

// MustEmbedded is [Embedded] for packages compiled into the program by an
// embed directive, as generated wrappers hold them: files that do not parse are
// a mistake of the build, found by the first test that loads the
// package, so it panics.
func MustEmbedded(fsys fs.FS, files ...string) []*cell.Package {
	pkgs, err := Embedded(fsys, files...)
	if err != nil {
		panic(fmt.Sprintf("contract: embedded packages: %v", err))
	}
	return pkgs
}
