package catalog

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

var (
	// ErrUnknownContract is returned for a name the catalog does not hold.
	ErrUnknownContract = errors.New("unknown contract")
	// ErrUnknownCode is returned for code no contract of the catalog has.
	ErrUnknownCode = errors.New("code of no known contract")
	// ErrDuplicate is returned when a name is added twice.
	ErrDuplicate = errors.New("contract already in the catalog")
)

// Contract is a contract the catalog knows: a name and its code, with the
// Tact package it came from when there is one.
type Contract struct {
	Name    string
	Package *cell.Package
	Code    *tvmcell.Cell
	// Origin says where the contract came from, for people: a built-in
	// name or a file. Raw holds the bytes it was read from (a package's
	// JSON or a BOC), so a saved world can carry it; nil for built-ins.
	Origin string
	Raw    []byte
	// RawABI is the Tolk ABI file read with a code BOC, so a saved world
	// can carry it; nil otherwise.
	RawABI []byte
}

// ABI returns the contract's ABI, nil for bare code.
func (c *Contract) ABI() *cell.ABI {
	if c.Package == nil {
		return nil
	}
	return c.Package.ABI
}

// Catalog is a set of named contracts. It is not safe for concurrent
// writes; reads may run concurrently once it is filled.
type Catalog struct {
	byName map[string]*Contract
	byCode map[string]*Contract
}

// Wallet returns the contract every world's wallets run. A catalog knows it
// by its code without listing it among its contracts. It is made on first
// use, so a program that never runs a world does not pay for it.
var Wallet = sync.OnceValue(func() *Contract {
	return &Contract{Name: "wallet", Package: actor.WalletPackage(), Code: actor.WalletCode(), Origin: "tonsim"}
})

// New returns a catalog with no contracts but the world's wallet.
func New() *Catalog {
	return &Catalog{byName: map[string]*Contract{}, byCode: map[string]*Contract{}}
}

// Add adds a Tact package under name.
func (c *Catalog) Add(name string, pkg *cell.Package) error {
	return c.AddContract(&Contract{Name: name, Package: pkg, Code: pkg.Code})
}

// AddCode adds bare code (a code BOC without a package) under name.
func (c *Catalog) AddCode(name string, code *tvmcell.Cell) error {
	return c.AddContract(&Contract{Name: name, Code: code})
}

// AddContract adds ct; its Code must be set, and its Package's code when
// it has one.
func (c *Catalog) AddContract(ct *Contract) error {
	if ct.Name == "" {
		return errors.New("a contract needs a name")
	}
	if ct.Code == nil {
		return fmt.Errorf("contract %q has no code", ct.Name)
	}
	if _, ok := c.byName[ct.Name]; ok {
		return fmt.Errorf("%w: %q", ErrDuplicate, ct.Name)
	}
	c.byName[ct.Name] = ct
	// Two names for the same code: the first one names it.
	key := string(ct.Code.Hash())
	if _, ok := c.byCode[key]; !ok {
		c.byCode[key] = ct
	}
	return nil
}

// ByName returns the contract called name.
func (c *Catalog) ByName(name string) (*Contract, error) {
	ct, ok := c.byName[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownContract, name, c.names())
	}
	return ct, nil
}

// ByCode returns the contract whose code is code.
func (c *Catalog) ByCode(code *tvmcell.Cell) (*Contract, error) {
	if code == nil {
		return nil, fmt.Errorf("%w: no code", ErrUnknownCode)
	}
	key := code.HashKey()
	ct, ok := c.byCode[string(key[:])]
	if !ok {
		if w := Wallet(); key == w.Code.HashKey() {
			return w, nil
		}
		return nil, fmt.Errorf("%w %x", ErrUnknownCode, code.Hash()[:8])
	}
	return ct, nil
}

// Contracts returns every contract, by name.
func (c *Catalog) Contracts() []*Contract {
	out := make([]*Contract, 0, len(c.byName))
	for _, ct := range c.byName {
		out = append(out, ct)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (c *Catalog) names() string {
	if len(c.byName) == 0 {
		return "none"
	}
	var s string
	for i, ct := range c.Contracts() {
		if i > 0 {
			s += ", "
		}
		s += ct.Name
	}
	return s
}

// PackageOf returns the package of the contract whose code is code, nil
// when the catalog knows no such contract or it is bare code.
func (c *Catalog) PackageOf(code *tvmcell.Cell) *cell.Package {
	ct, err := c.ByCode(code)
	if err != nil {
		return nil
	}
	return ct.Package
}
