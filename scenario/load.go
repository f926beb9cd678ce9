package scenario

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
)

// Builtins are contracts a scenario may name without a file, such as
// "counter.v2". The command line passes tonsim's example counters.
type Builtins map[string]*cell.Package

// Load reads the scenario at path, parses it and loads its contracts: a
// built-in name, or a file relative to the scenario's directory holding a
// Tact package (.pkg) or a code BOC (binary, hex or base64).
func Load(path string, builtins Builtins) (*Scenario, *catalog.Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading scenario: %w", err)
	}
	s, err := Parse(path, data)
	if err != nil {
		return nil, nil, err
	}
	cat := catalog.New()
	if err := s.LoadContracts(cat, builtins); err != nil {
		return nil, nil, err
	}
	return s, cat, nil
}

// LoadContracts loads the contracts the scenario declares into cat. A name
// cat already has (from a saved world) must name the same code.
func (s *Scenario) LoadContracts(cat *catalog.Catalog, builtins Builtins) error {
	for _, d := range s.Contracts {
		ct, err := loadContract(filepath.Dir(s.Path), d, builtins)
		if err != nil {
			return &Error{File: s.Path, Pos: d.Pos, Msg: fmt.Sprintf("contract %s: %v", d.Name, err), Err: err}
		}
		if have, err := cat.ByName(d.Name); err == nil {
			if !bytes.Equal(have.Code.Hash(), ct.Code.Hash()) {
				return &Error{File: s.Path, Pos: d.Pos, Msg: fmt.Sprintf("contract %s: the world already has another contract called %s (from %s)", d.Name, d.Name, have.Origin)}
			}
			continue
		}
		if err := cat.AddContract(ct); err != nil {
			return &Error{File: s.Path, Pos: d.Pos, Msg: err.Error(), Err: err}
		}
	}
	return nil
}

func loadContract(dir string, d *ContractDecl, builtins Builtins) (*catalog.Contract, error) {
	if pkg, ok := builtins[d.Source]; ok {
		return &catalog.Contract{Name: d.Name, Package: pkg, Code: pkg.Code, Origin: d.Source}, nil
	}
	path := d.Source
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no built-in contract or file %q (built-ins: %s)", d.Source, names(builtins))
		}
		return nil, err
	}
	if strings.HasSuffix(path, ".pkg") {
		pkg, err := cell.ParsePackage(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Source, err)
		}
		return &catalog.Contract{Name: d.Name, Package: pkg, Code: pkg.Code, Origin: d.Source, Raw: raw}, nil
	}
	code, err := cell.ReadBOCFile(path)
	if err != nil {
		return nil, err
	}
	return &catalog.Contract{Name: d.Name, Code: code, Origin: d.Source, Raw: code.ToBOC()}, nil
}

func names(b Builtins) string {
	if len(b) == 0 {
		return "none"
	}
	out := make([]string, 0, len(b))
	for name := range b {
		out = append(out, name)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
