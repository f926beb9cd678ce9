package contract

import (
	"fmt"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultValue is what a deployment or a message carries unless
// [WithValue] says otherwise; the contracts return what they do not spend.
var DefaultValue = tlb.MustFromTON("0.05")

// calls an option may apply to.
type scope int

const (
	forDeploy scope = 1 << iota
	forOpen
	forSend
)

func (s scope) String() string {
	switch s {
	case forDeploy:
		return "Deploy"
	case forOpen:
		return "Open"
	}
	return "Send"
}

// Option configures [Deploy], [Open] or a send; its doc says which. An
// option given to a call it does not apply to is an error wrapping
// [ErrOption].
type Option struct {
	name  string
	scope scope
	apply func(*settings)
}

// settings are the options of one call.
type settings struct {
	value    tlb.Coins
	noBounce bool
	name     string
	catalog  *catalog.Catalog
	packages []named
	body     *tvmcell.Cell
	message  string
	fields   any
}

type named struct {
	name string
	pkg  *cell.Package
}

func newSettings(call scope, opts []Option) (*settings, error) {
	s := &settings{value: DefaultValue}
	for _, o := range opts {
		if o.apply == nil {
			continue
		}
		if o.scope&call == 0 {
			return nil, fmt.Errorf("%w: %s is not an option of %s", ErrOption, o.name, call)
		}
		o.apply(s)
	}
	return s, nil
}

// WithValue makes the deployment or the message carry v instead of
// [DefaultValue]. Deploy and sends.
func WithValue(v tlb.Coins) Option {
	return Option{name: "WithValue", scope: forDeploy | forSend, apply: func(s *settings) { s.value = v }}
}

// NoBounce sends the deployment or the message non-bounceable. Deploy and
// sends.
func NoBounce() Option {
	return Option{name: "NoBounce", scope: forDeploy | forSend, apply: func(s *settings) { s.noBounce = true }}
}

// WithName names the account in the world (the name transactions and
// descriptions use); a deployment names it before it is sent, so its own
// transactions carry the name. Deploy and Open.
func WithName(name string) Option {
	return Option{name: "WithName", scope: forDeploy | forOpen, apply: func(s *settings) { s.name = name }}
}

// WithCatalog lets the handle know every contract of cat, by the names
// cat gives them: the versions the account may be upgraded to, and the
// other contracts its sends reach (for their descriptions). The handle
// copies what it needs; cat is not changed. Deploy and Open.
func WithCatalog(cat *catalog.Catalog) Option {
	return Option{name: "WithCatalog", scope: forDeploy | forOpen, apply: func(s *settings) { s.catalog = cat }}
}

// WithPackage lets the handle know pkg under name (see [WithCatalog]).
// Deploy and Open.
func WithPackage(name string, pkg *cell.Package) Option {
	return Option{name: "WithPackage", scope: forDeploy | forOpen, apply: func(s *settings) {
		s.packages = append(s.packages, named{name: name, pkg: pkg})
	}}
}

// WithPackages lets the handle know pkgs, each under its contract's name
// (see [WithCatalog]). Deploy and Open.
func WithPackages(pkgs ...*cell.Package) Option {
	return Option{name: "WithPackages", scope: forDeploy | forOpen, apply: func(s *settings) {
		for _, p := range pkgs {
			s.packages = append(s.packages, named{pkg: p})
		}
	}}
}

// WithMessage makes the deployment carry a message of the deployed
// package's ABI, typ with fields (a struct or a map by name, see
// [Input]), instead of an empty body. Deploy.
func WithMessage(typ string, fields any) Option {
	return Option{name: "WithMessage", scope: forDeploy, apply: func(s *settings) { s.message, s.fields = typ, fields }}
}

// WithBody makes the deployment carry body instead of an empty one. Deploy.
func WithBody(body *tvmcell.Cell) Option {
	return Option{name: "WithBody", scope: forDeploy, apply: func(s *settings) { s.body = body }}
}

// contracts builds the handle's catalog: cat's contracts, then the
// packages, then first (the deployed package) when its code is not known
// yet. A package whose code is known already is skipped; a name taken by
// other code gets a "#2" (or later) suffix.
func (s *settings) contracts(first *cell.Package) (*catalog.Catalog, error) {
	out := catalog.New()
	if s.catalog != nil {
		for _, ct := range s.catalog.Contracts() {
			if err := out.AddContract(ct); err != nil {
				return nil, err
			}
		}
	}
	pkgs := s.packages
	if first != nil {
		pkgs = append(pkgs, named{pkg: first})
	}
	for _, n := range pkgs {
		if n.pkg == nil || n.pkg.Code == nil {
			return nil, fmt.Errorf("%w: a package without code", ErrOption)
		}
		name := n.name
		if name == "" {
			name = n.pkg.Name
		}
		if err := addFree(out, name, &catalog.Contract{Name: name, Package: n.pkg, Code: n.pkg.Code}); err != nil {
			return nil, err
		}
	}
	return out, nil
}
