package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/inputfile"
)

// Builtins are contracts a scenario may name without a file, such as
// "counter.v2": by name, a function that returns the package, parsing it
// on first use, so a scenario pays only for the built-ins it names. The
// command line passes tonsim's examples ([examples.Builtins]).
type Builtins map[string]func() *cell.Package

// Packages makes Builtins of packages already parsed.
func Packages(pkgs map[string]*cell.Package) Builtins {
	out := make(Builtins, len(pkgs))
	for name, pkg := range pkgs {
		out[name] = func() *cell.Package { return pkg }
	}
	return out
}

// Package returns the built-in named name.
func (b Builtins) Package(name string) (*cell.Package, bool) {
	load, ok := b[name]
	if !ok {
		return nil, false
	}
	return load(), true
}

// FileOption bounds the files [Load], [Scenario.LoadContracts] and
// [LoadWorld] read. By default a scenario or a contract may be 4 MiB and a
// saved world 64 MiB, only regular files are read, and a contract path
// written in a scenario must stay inside the scenario's directory tree.
// [WithWorldOptions] passes options to the worlds made from the files.
type FileOption func(*loadOptions)

type loadOptions struct {
	policy inputfile.Policy
	world  []actor.Option
}

// WithMaxFileSize sets the size limit of every file read, in bytes, in
// place of the defaults.
func WithMaxFileSize(bytes int64) FileOption {
	return func(o *loadOptions) { o.policy.MaxSize = bytes }
}

// WithAllowedDir lets paths written in a scenario reach dir's tree as well
// as the scenario's own.
func WithAllowedDir(dir string) FileOption {
	return func(o *loadOptions) { o.policy.Allow = append(o.policy.Allow, dir) }
}

// WithWorldOptions gives the world [LoadWorld] makes, and the one
// [NewRunner] makes for a scenario from [ReadFile], these options, over
// what the file says (another config, say).
func WithWorldOptions(opts ...actor.Option) FileOption {
	return func(o *loadOptions) { o.world = append(o.world, opts...) }
}

func options(opts []FileOption) loadOptions {
	var o loadOptions
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

func policy(opts []FileOption) inputfile.Policy { return options(opts).policy }

// ReadFile reads the scenario at path and parses it, within opts' bounds,
// which also hold for the config BOC file it names when a run reads it;
// the world [NewRunner] makes for it takes opts' [WithWorldOptions].
func ReadFile(path string, opts ...FileOption) (*Scenario, error) {
	o := options(opts)
	data, err := o.policy.Read(inputfile.Scenario, path)
	if err != nil {
		return nil, fmt.Errorf("reading %w", err)
	}
	s, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	s.read = o
	return s, nil
}

// Load reads the scenario at path, parses it and loads its contracts: a
// built-in name, or a file relative to the scenario's directory holding a
// Tact package (.pkg) or a code BOC (binary, hex or base64).
func Load(path string, builtins Builtins, opts ...FileOption) (*Scenario, *catalog.Catalog, error) {
	s, err := ReadFile(path, opts...)
	if err != nil {
		return nil, nil, err
	}
	cat := catalog.New()
	if err := s.LoadContracts(cat, builtins, opts...); err != nil {
		return nil, nil, err
	}
	return s, cat, nil
}

// LoadContracts loads the contracts the scenario declares into cat. A name
// cat already has (from a saved world) must name the same code.
func (s *Scenario) LoadContracts(cat *catalog.Catalog, builtins Builtins, opts ...FileOption) error {
	p := policy(opts)
	for _, d := range s.Contracts {
		if err := actor.CheckName(d.Name); err != nil {
			return &Error{File: s.Path, Pos: d.Pos, Msg: fmt.Sprintf("contract: %v", err), Err: err}
		}
		ct, err := loadContract(p, filepath.Dir(s.Path), d, builtins)
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

// loadContract reads a contract: a built-in, else a file inside the
// scenario's tree (or an allowed one). Errors name the file, never quote it.
func loadContract(p inputfile.Policy, dir string, d *ContractDecl, builtins Builtins) (*catalog.Contract, error) {
	if pkg, ok := builtins.Package(d.Source); ok {
		return &catalog.Contract{Name: d.Name, Package: pkg, Code: pkg.Code, Origin: d.Source}, nil
	}
	path, err := p.Resolve(dir, d.Source)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no built-in contract or file %s (built-ins: %s)", quote(d.Source), names(builtins))
	}
	if err != nil {
		return nil, err
	}
	raw, err := p.Read(inputfile.Contract, path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(d.Source, ".pkg") {
		pkg, err := cell.ParsePackage(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Source, err)
		}
		return &catalog.Contract{Name: d.Name, Package: pkg, Code: pkg.Code, Origin: d.Source, Raw: raw}, nil
	}
	code, err := cell.DecodeBOC(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Source, err)
	}
	ct := &catalog.Contract{Name: d.Name, Code: code, Origin: d.Source, Raw: code.ToBOC()}
	abiFile := d.ABI
	if abiFile == "" {
		// The Tolk ABI file beside the code, when there is one.
		if beside, err := p.Resolve(dir, cell.TolkABIFile(d.Source)); err == nil {
			if _, err := os.Stat(beside); err == nil {
				abiFile = cell.TolkABIFile(d.Source)
			}
		}
	}
	if abiFile == "" {
		return ct, nil
	}
	abiPath, err := p.Resolve(dir, abiFile)
	if err != nil {
		return nil, fmt.Errorf("its ABI: %w", err)
	}
	if ct.RawABI, err = p.Read(inputfile.Contract, abiPath); err != nil {
		return nil, err
	}
	if ct.Package, err = cell.LoadTolkPackage(code, ct.RawABI); err != nil {
		return nil, fmt.Errorf("%s: %w", abiFile, err)
	}
	return ct, nil
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
