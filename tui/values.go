package tui

import (
	"sort"
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

// inputRow makes the form row of a value of type t, one rule with the
// scenario files: a Bool is a toggle (the text "true" or "false" a
// scenario writes), an Int as coins an amount of TON by cell.ParseCoins,
// an address a name (offered as you type) or a raw address, a cell a
// contract's name or a BOC; given is what was typed before.
func inputRow(c *Common, label string, t cell.Type, given string, st *state, cat *catalog.Catalog) *formRow {
	if t.Kind == cell.KindSimple && t.Type == "bool" {
		r := boolRow(label, t.String(), t.Optional)
		for i, v := range r.choices {
			if r.values != nil {
				v = r.values[i]
			}
			if v == strings.TrimSpace(given) && given != "" {
				r.choice = i
			}
		}
		return r
	}
	r := textRow(c, label, fieldHint(t), given, "")
	switch {
	case t.Kind != cell.KindSimple:
	case t.Type == "address" && st != nil:
		names := make([]string, 0, len(st.names))
		for _, n := range st.names {
			names = append(names, n)
		}
		sort.Strings(names)
		r.suggest(names)
	case (t.Type == "cell" || t.Type == "slice" || t.Type == "builder") && cat != nil:
		var names []string
		for _, ct := range cat.Contracts() {
			names = append(names, ct.Name)
		}
		r.suggest(names)
	}
	return r
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
