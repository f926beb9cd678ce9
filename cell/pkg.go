package cell

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tonsim/tonsim/internal/inputfile"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Package is a compiled Tact contract: a .pkg file.
type Package struct {
	Name     string
	Code     *tvmcell.Cell
	ABI      *ABI
	Init     Init
	Compiler Compiler
	Sources  map[string][]byte // path → source text
}

// Init is how a contract's initial data is built from its init arguments.
type Init struct {
	// Args are the init() arguments, or the contract parameters.
	Args []Field
	// Prefix is the lazy-deployment bit stored before the arguments; nil for
	// contracts with contract parameters, whose data is their fields.
	Prefix *InitPrefix
	// Deployment is how the package deploys: "direct" or "system-cell".
	Deployment string

	layout *layout
}

// InitPrefix is a value stored in the first bits of the initial data.
type InitPrefix struct {
	Bits  int    `json:"bits"`
	Value uint64 `json:"value"`
}

// Compiler is what built the package.
type Compiler struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	Parameters string `json:"parameters"`
}

// pkgJSON is a .pkg file as Tact's packaging/fileFormat.ts describes it.
type pkgJSON struct {
	Name string  `json:"name"`
	Code string  `json:"code"`
	ABI  *string `json:"abi"`
	Init *struct {
		Kind       string      `json:"kind"`
		Args       []Field     `json:"args"`
		Prefix     *InitPrefix `json:"prefix"`
		Deployment struct {
			Kind string `json:"kind"`
		} `json:"deployment"`
	} `json:"init"`
	Sources  map[string]string `json:"sources"`
	Compiler Compiler          `json:"compiler"`
}

// LoadPackage reads a Tact .pkg file: a regular file of at most 4 MiB (see
// internal/inputfile).
func LoadPackage(path string) (*Package, error) {
	data, err := inputfile.Policy{}.Read(inputfile.Contract, path)
	if err != nil {
		return nil, fmt.Errorf("load package: %w", err)
	}
	p, err := ParsePackage(data)
	if err != nil {
		return nil, fmt.Errorf("load package %s: %w", path, err)
	}
	return p, nil
}

// ParsePackage reads a Tact .pkg file's content. It checks that the code is
// a BOC, that the ABI parses, and that every type the ABI and the init
// arguments use exists and can be serialized.
func ParsePackage(data []byte) (*Package, error) {
	var raw pkgJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidPackage, jsonError(err))
	}
	if raw.Name == "" {
		return nil, fmt.Errorf("%w: no name", ErrInvalidPackage)
	}

	code, err := decodeBase64BOC(raw.Code)
	if err != nil {
		return nil, fmt.Errorf("%w: code: %w", ErrInvalidPackage, err)
	}

	if raw.ABI == nil {
		return nil, fmt.Errorf("%w: no abi", ErrInvalidPackage)
	}
	abi, err := ParseABI([]byte(*raw.ABI))
	if err != nil {
		return nil, fmt.Errorf("%w: abi: %w", ErrInvalidPackage, err)
	}

	p := &Package{
		Name:     raw.Name,
		Code:     code,
		ABI:      abi,
		Compiler: raw.Compiler,
		Sources:  make(map[string][]byte, len(raw.Sources)),
	}
	for path, src := range raw.Sources {
		text, err := base64.StdEncoding.DecodeString(src)
		if err != nil {
			return nil, fmt.Errorf("%w: source %s: %w", ErrInvalidPackage, quoteIf(path, isSourcePath), err)
		}
		p.Sources[path] = text
	}

	if raw.Init == nil {
		return nil, fmt.Errorf("%w: no init", ErrInvalidPackage)
	}
	if raw.Init.Kind != "direct" {
		return nil, fmt.Errorf("%w: init kind is %s, not \"direct\"", ErrInvalidPackage, quoteIf(raw.Init.Kind, isName))
	}
	p.Init = Init{Args: raw.Init.Args, Prefix: raw.Init.Prefix, Deployment: raw.Init.Deployment.Kind}
	if pr := p.Init.Prefix; pr != nil && (pr.Bits < 1 || pr.Bits > 64 || (pr.Bits < 64 && pr.Value>>pr.Bits != 0)) {
		return nil, fmt.Errorf("%w: init prefix value %d does not fit %d bits", ErrInvalidPackage, pr.Value, pr.Bits)
	}
	if p.Init.layout, err = abi.initLayout(p.Name, p.Init); err != nil {
		return nil, fmt.Errorf("%w: init: %w", ErrInvalidPackage, err)
	}
	return p, nil
}

// jsonError keeps a JSON syntax error from quoting the character it met,
// and a type error the number: the data may be any file, and its bytes
// belong in no message.
func jsonError(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
		return errors.New("not JSON: unexpected end of the data")
	case se != nil:
		return fmt.Errorf("not JSON (a syntax error at byte %d)", se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return typeError(te)
	}
	return err
}

// decodeBase64BOC reads a BOC written in standard base64.
func decodeBase64BOC(s string) (*tvmcell.Cell, error) {
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotBOC, err)
	}
	return fromBOC(data)
}

// initLayout lays out the init arguments as resolveAllocations in Tact's
// storage/resolveAllocation.ts: one bit reserved for the lazy-deployment
// prefix and one ref for the system cell. A contract with contract
// parameters has no prefix, and its arguments are laid out as its fields
// (as Tact's TypeScript bindings write them).
func (a *ABI) initLayout(name string, init Init) (*layout, error) {
	fields, err := a.compileFields(name+" init", init.Args)
	if err != nil {
		return nil, err
	}

	res := reserved{refs: 1}
	if init.Prefix != nil {
		res.bits = init.Prefix.Bits
	}
	root, err := allocate(initTypeName(name), fields, res, func(s string) opSize {
		l, _ := a.layout(s) // every struct was laid out by ParseABI
		return l.size
	})
	if err != nil {
		return nil, err
	}
	return &layout{name: initTypeName(name), fields: fields, root: root}, nil
}

// initTypeName is the type name of a contract's init arguments, as Tact's
// TypeScript bindings call it.
func initTypeName(contract string) string {
	return contract + "_init_args"
}

// Debug reports whether the package was compiled with Tact's debug option,
// so its dump() calls print (see actor.World.SetDebugCode).
func (p *Package) Debug() bool {
	var params struct {
		Options struct {
			Debug bool `json:"debug"`
		} `json:"options"`
	}
	if json.Unmarshal([]byte(p.Compiler.Parameters), &params) != nil {
		return false
	}
	return params.Options.Debug
}
