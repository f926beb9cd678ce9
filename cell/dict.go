package cell

import (
	"bytes"
	"math/big"

	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// keyBits is the size of a map key.
func keyBits(k *op) uint {
	if k.kind == opAddress {
		return addressBits
	}
	return uint(k.bits)
}

// keyCell writes a map key as the TVM dictionary key.
func keyCell(k *op, key any) (*tvmcell.Cell, error) {
	b := tvmcell.BeginCell()
	var err error
	switch k.kind {
	case opInt:
		err = b.StoreBigInt(key.(*big.Int), uint(k.bits))
	case opUint:
		err = b.StoreBigUInt(key.(*big.Int), uint(k.bits))
	default:
		err = b.StoreAddr(key.(*address.Address))
	}
	if err != nil {
		return nil, err
	}
	return b.EndCell(), nil
}

// encodeMap builds the dictionary of a normalized map: nil when it is empty.
func (a *ABI) encodeMap(o *op, m *Map, path string) (*tvmcell.Cell, error) {
	if m.Len() == 0 {
		return nil, nil
	}

	d := tvmcell.NewDict(keyBits(o.key))
	for _, e := range m.Entries {
		kp := path + "[" + FormatValue(e.Key) + "]"
		k, err := keyCell(o.key, e.Key)
		if err != nil {
			return nil, fieldErr(kp, ErrInvalidValue, "cannot write key: %v", err)
		}
		vb := tvmcell.BeginCell()
		if err := a.writeValue(vb, o.value, e.Value, kp); err != nil {
			return nil, err
		}
		if err := d.SetBuilder(k, vb); err != nil {
			return nil, fieldErr(kp, ErrCellOverflow, "cannot store the entry: %v", err)
		}
	}
	return d.AsCell(), nil
}

// decodeMap reads the dictionary rooted at root. It must be exactly the
// dictionary [ABI.encodeMap] builds for its entries.
func (a *ABI) decodeMap(o *op, root *tvmcell.Cell, path string) (*Map, error) {
	// Untraced: a VM may be charging gas for loads of the same cells.
	items, err := root.WithoutTrace().AsDict(keyBits(o.key)).LoadAll()
	if err != nil {
		return nil, fieldErr(path, ErrInvalidValue, "malformed dictionary: %v", err)
	}

	m := &Map{Entries: make([]MapEntry, 0, len(items))}
	for _, it := range items {
		key, err := readKey(o.key, it.Key, path)
		if err != nil {
			return nil, err
		}
		kp := path + "[" + FormatValue(key) + "]"
		value, err := a.readValue(it.Value, o.value, kp)
		if err != nil {
			return nil, err
		}
		if err := checkEmpty(it.Value, kp, "the value"); err != nil {
			return nil, err
		}
		m.Entries = append(m.Entries, MapEntry{Key: key, Value: value})
	}
	sortEntries(m.Entries)

	again, err := a.encodeMap(o, m, path)
	if err != nil {
		return nil, err
	}
	if again == nil || !bytes.Equal(again.Hash(), root.Hash()) {
		return nil, fieldErr(path, ErrNonCanonical, "the dictionary is not laid out as the TVM writes it")
	}
	return m, nil
}

// readKey reads a dictionary key.
func readKey(k *op, s *tvmcell.Slice, path string) (any, error) {
	switch k.kind {
	case opInt:
		n, err := s.LoadBigInt(uint(k.bits))
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "malformed key: %v", err)
		}
		return n, nil
	case opUint:
		n, err := s.LoadBigUInt(uint(k.bits))
		if err != nil {
			return nil, fieldErr(path, ErrInvalidValue, "malformed key: %v", err)
		}
		return n, nil
	default:
		addr, err := readAddress(s, path)
		if err != nil {
			return nil, err
		}
		if addr == nil {
			return nil, fieldErr(path, ErrInvalidValue, "a key is not a standard address")
		}
		return addr, nil
	}
}
