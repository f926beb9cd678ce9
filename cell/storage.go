package cell

import (
	"fmt"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Storage is a Tact contract's persistent data (c4), decoded.
type Storage struct {
	// Initialized is false while the data still holds the init arguments:
	// init() has not run yet (Tact runs it lazily on the first message or
	// getter). Contracts with contract parameters are always initialized.
	Initialized bool
	// Fields are the contract's fields (type "<Name>$Data") when initialized,
	// otherwise the init arguments (type "<Name>_init_args").
	Fields *Struct
}

// InitData builds the contract's initial data from its init arguments, as
// Tact's generated <Name>_init does: the lazy-deployment prefix, then the
// arguments laid out across cells. A Tolk contract's arguments are the
// fields of its storage struct.
func (p *Package) InitData(args map[string]any) (*tvmcell.Cell, error) {
	if p.Init.layout == nil {
		return nil, fmt.Errorf("%s: the ABI declares no storage: %w", p.Name, ErrUnknownType)
	}
	if args == nil {
		args = map[string]any{}
	}
	s, err := p.ABI.normalizeFields(p.Init.layout, args, p.Init.layout.name)
	if err != nil {
		return nil, err
	}
	return p.encodeInit(s)
}

func (p *Package) encodeInit(s *Struct) (*tvmcell.Cell, error) {
	b := tvmcell.BeginCell()
	if pr := p.Init.Prefix; pr != nil {
		if err := b.StoreUInt(pr.Value, uint(pr.Bits)); err != nil {
			return nil, fmt.Errorf("%s: store the init prefix: %w", p.Name, err)
		}
	}
	if err := p.ABI.writeStruct(b, p.Init.layout, s, p.Init.layout.name); err != nil {
		return nil, err
	}
	return b.EndCell(), nil
}

// DecodeStorage reads the contract's data. A contract with a
// lazy-deployment prefix is initialized when its first bit differs from the
// prefix (Tact stores 1 after init() ran, the prefix value 0 before).
// Decoding is as strict as [ABI.Decode].
func (p *Package) DecodeStorage(data *tvmcell.Cell) (*Storage, error) {
	s, err := beginParse(data, p.Name)
	if err != nil {
		return nil, err
	}

	if pr := p.Init.Prefix; pr != nil {
		if err := need(s, pr.Bits, "the lazy-deployment prefix", p.Name); err != nil {
			return nil, err
		}
		got, err := s.LoadUInt(uint(pr.Bits))
		if err != nil {
			return nil, fieldErr(p.Name, ErrCellUnderflow, "%v", err)
		}
		if got == pr.Value {
			l := p.Init.layout
			st := &Struct{Type: l.name, Fields: make([]FieldValue, len(l.fields))}
			if err := p.ABI.readSegment(s, l, l.root, st, l.name); err != nil {
				return nil, err
			}
			if err := checkEmpty(s, l.name, lastField(l, l.root)); err != nil {
				return nil, err
			}
			return &Storage{Initialized: false, Fields: st}, nil
		}
	}

	l, err := p.storageLayout()
	if err != nil {
		return nil, err
	}
	st, err := p.ABI.readStruct(s, l, l.name)
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(s, l.name, lastField(l, l.root)); err != nil {
		return nil, err
	}
	return &Storage{Initialized: true, Fields: st}, nil
}

// EncodeStorage writes contract data: the inverse of [Package.DecodeStorage].
// For an initialized contract with a lazy-deployment prefix the first bit
// is 1.
func (p *Package) EncodeStorage(st *Storage) (*tvmcell.Cell, error) {
	if !st.Initialized {
		if p.Init.Prefix == nil {
			return nil, fmt.Errorf("%s has contract parameters, so its data is always initialized: %w", p.Name, ErrInvalidValue)
		}
		s, err := p.ABI.normalizeFields(p.Init.layout, st.Fields, p.Init.layout.name)
		if err != nil {
			return nil, err
		}
		return p.encodeInit(s)
	}

	l, err := p.storageLayout()
	if err != nil {
		return nil, err
	}
	s, err := p.ABI.normalizeStruct(l.name, st.Fields, l.name)
	if err != nil {
		return nil, err
	}
	b := tvmcell.BeginCell()
	if p.Init.Prefix != nil {
		if err := b.StoreBoolBit(true); err != nil {
			return nil, fmt.Errorf("%s: store the lazy-deployment bit: %w", p.Name, err)
		}
	}
	if err := p.ABI.writeStruct(b, l, s, l.name); err != nil {
		return nil, err
	}
	return b.EndCell(), nil
}

func (p *Package) storageLayout() (*layout, error) {
	def, err := p.ABI.StorageType()
	if err != nil {
		return nil, err
	}
	return p.ABI.layout(def.Name)
}
