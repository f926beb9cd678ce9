package tui

import (
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
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
		if isCoins(t) {
			if n, err := cell.ParseCoins(trimmed); err == nil {
				return n
			}
		}
	}
	return trimmed
}

// isCoins reports whether t is an Int as coins, typed as an amount of TON.
func isCoins(t cell.Type) bool {
	return t.Kind == cell.KindSimple && t.Type == "uint" && t.Format == "coins"
}

// valueError is what is wrong with the text typed for a value of type t
// before the codec sees it: an amount of TON that does not parse (the one
// rule of cell.ParseCoins, as in scenarios).
func valueError(t cell.Type, text string) error {
	if !isCoins(t) || (strings.TrimSpace(text) == "" && t.Optional) {
		return nil
	}
	_, err := cell.ParseCoins(text)
	return err
}

// placeholder is a valid value of type t, standing in for the other fields
// of a message while one field is checked alone.
func placeholder(abi *cell.ABI, t cell.Type, _ int) any { return abi.Zero(t) }
