package tui

import (
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// names is what resolving typed values needs of a world.
type names interface {
	Lookup(name string) (*address.Address, error)
}

// resolveValue turns the text typed for a value of type t into what the
// codec takes: as in scenarios, a wallet or account name stands for its
// address and a contract name for its code; an empty text is null for an
// optional value. Anything else goes to the codec as typed, which says what
// is wrong with it.
func resolveValue(t cell.Type, text string, w names, cat *catalog.Catalog) any {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" && (t.Optional || t.Kind == cell.KindDict) {
		return nil
	}
	switch t.Type {
	case "address":
		if w != nil {
			if addr, err := w.Lookup(trimmed); err == nil {
				return addr
			}
		}
		return trimmed
	case "cell", "slice", "builder":
		if cat != nil {
			if ct, err := cat.ByName(trimmed); err == nil {
				return ct.Code
			}
		}
		return trimmed
	case "string":
		return text
	case "int", "uint":
		if t.Format == "coins" {
			return coins(trimmed)
		}
	}
	return trimmed
}

// coins reads an amount for an Int as coins: nanotons, or TON when it has
// a decimal point or says TON ("0.05", "1 TON").
func coins(text string) any {
	ton, isTON := strings.CutSuffix(text, "TON")
	ton = strings.TrimSpace(ton)
	if !isTON && !strings.Contains(ton, ".") {
		return text
	}
	c, err := tlb.FromTON(ton)
	if err != nil {
		return text
	}
	return c.Nano()
}

// placeholder is a valid value of type t, standing in for the other fields
// of a message while one field is checked alone.
func placeholder(abi *cell.ABI, t cell.Type, depth int) any {
	if t.Optional || t.Kind == cell.KindDict {
		return nil
	}
	switch t.Type {
	case "int", "uint":
		return big.NewInt(0)
	case "bool":
		return false
	case "address":
		return address.NewAddress(0, 0, make([]byte, 32))
	case "cell", "slice", "builder":
		return tvmcell.BeginCell().EndCell()
	case "string":
		return ""
	case "fixed-bytes":
		n := 32
		if t.Format == "64" {
			n = 64
		}
		return make([]byte, n)
	}
	td, err := abi.Type(t.Type)
	if err != nil || depth > 8 {
		return nil
	}
	m := map[string]any{}
	for _, f := range td.Fields {
		m[f.Name] = placeholder(abi, f.Type, depth+1)
	}
	return m
}
