package describe

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Namer gives addresses their names: a record ([*actor.Transaction], as
// the world named them when it ran) or a world (as it names them now).
type Namer interface {
	NameOf(addr *address.Address) string
}

// Printer writes decoded values in words, the same way everywhere: an
// address the Namer knows as its name, any other as its short form
// ("0:4686a2…74d7", or raw when Full); an Int as coins in TON ("1.5 TON");
// strings bare at the top and quoted inside structs; everything else as
// [cell.FormatValue] writes it. The zero value knows no names.
type Printer struct {
	Names Namer
	// Full writes unnamed addresses raw instead of short.
	Full bool
	// WithAddress writes a named address's short form after its name:
	// "owner 0:44139b…33f7".
	WithAddress bool
}

// Value writes v on one line; a string is written bare.
func (p Printer) Value(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return p.nested(v, nil)
}

// Typed writes v, of ABI type t, on one line: as [Printer.Value], with an
// Int as coins in TON.
func (p Printer) Typed(v any, t *cell.Type) string {
	if s, ok := v.(string); ok {
		return s
	}
	return p.nested(v, t)
}

// nested writes a value inside another: strings quoted.
func (p Printer) nested(v any, t *cell.Type) string {
	switch x := v.(type) {
	case *address.Address:
		if x == nil {
			return "null"
		}
		return p.Address(x)
	case *big.Int:
		if x != nil && isCoins(t) {
			return TON(x)
		}
	case *cell.Struct:
		if x == nil {
			return "null"
		}
		parts := make([]string, len(x.Fields))
		for i, f := range x.Fields {
			ft := f.Type
			parts[i] = f.Name + ": " + p.nested(f.Value, &ft)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *cell.Map:
		if x == nil {
			return "{}"
		}
		vt := mapValueType(t)
		parts := make([]string, len(x.Entries))
		for i, e := range x.Entries {
			parts[i] = p.nested(e.Key, nil) + ": " + p.nested(e.Value, vt)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = p.nested(e, nil)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return cell.FormatValue(v)
}

// Stack writes a raw TVM stack (a getter of code without an ABI), values
// separated by spaces.
func (p Printer) Stack(stack []any) string {
	parts := make([]string, len(stack))
	for i, v := range stack {
		parts[i] = p.nested(v, nil)
	}
	return strings.Join(parts, " ")
}

// Address writes an address: its name, else its short form (raw when
// Full); addr_none is null.
func (p Printer) Address(a *address.Address) string {
	if a == nil || a.Type() == address.NoneAddress {
		return "null"
	}
	if a.Type() != address.StdAddress {
		return a.String()
	}
	if p.Names != nil {
		if n := p.Names.NameOf(a); n != "" {
			if p.WithAddress {
				return n + " " + Short(a)
			}
			return n
		}
	}
	if p.Full {
		return a.StringRaw()
	}
	return Short(a)
}

// Change writes a storage change: "value: 2 → 3", "balances[alice]: 1.5
// TON (added)".
func (p Printer) Change(c cell.Change) string {
	switch {
	case c.Added:
		return p.Path(c) + ": " + p.nested(c.New, c.Type) + " (added)"
	case c.Removed:
		return p.Path(c) + ": " + p.nested(c.Old, c.Type) + " (removed)"
	}
	return p.Path(c) + ": " + p.nested(c.Old, c.Type) + " → " + p.nested(c.New, c.Type)
}

// Path writes a change's path with its map keys by this printer: an
// address key the Namer knows by its name alone.
func (p Printer) Path(c cell.Change) string {
	path := c.Path
	var b strings.Builder
	for _, k := range c.Keys {
		raw := "[" + cell.FormatValue(k) + "]"
		i := strings.Index(path, raw)
		if i < 0 {
			break
		}
		key := p.nested(k, nil)
		if a, ok := k.(*address.Address); ok && p.Names != nil {
			if n := p.Names.NameOf(a); n != "" {
				key = n // a key is short: its name alone
			}
		}
		b.WriteString(path[:i] + "[" + key + "]")
		path = path[i+len(raw):]
	}
	return b.String() + path
}

// Tree writes a decoded struct as a tree of named fields, one line each,
// nested structs and maps indented under their field with ├─ └─ │ glyphs,
// cells on one line.
func (p Printer) Tree(s *cell.Struct) []string {
	var out []string
	p.treeFields(s, "", &out)
	return out
}

func (p Printer) treeFields(s *cell.Struct, indent string, out *[]string) {
	for i, f := range s.Fields {
		glyph, more := "├─ ", "│  "
		if i == len(s.Fields)-1 {
			glyph, more = "└─ ", "   "
		}
		ft := f.Type
		p.treeValue(indent+glyph+f.Name+": ", indent+more, f.Value, &ft, out)
	}
}

func (p Printer) treeValue(head, indent string, v any, t *cell.Type, out *[]string) {
	switch x := v.(type) {
	case *cell.Struct:
		if x != nil {
			*out = append(*out, head+x.Type)
			p.treeFields(x, indent, out)
			return
		}
	case *cell.Map:
		if x != nil && len(x.Entries) > 0 {
			*out = append(*out, head+plural(len(x.Entries), "map, %d entry", "map, %d entries"))
			vt := mapValueType(t)
			for i, e := range x.Entries {
				glyph, more := "├─ ", "│  "
				if i == len(x.Entries)-1 {
					glyph, more = "└─ ", "   "
				}
				p.treeValue(indent+glyph+p.nested(e.Key, nil)+": ", indent+more, e.Value, vt, out)
			}
			return
		}
	}
	*out = append(*out, head+p.nested(v, t))
}

// Short writes an address as "0:4686a2…74d7".
func Short(addr *address.Address) string {
	raw := addr.StringRaw()
	if len(raw) < 16 {
		return raw
	}
	return raw[:8] + "…" + raw[len(raw)-4:]
}

// TON writes nanotons as TON, with no trailing zeros: "1.5 TON", "0 TON".
func TON(nano *big.Int) string {
	return tlb.FromNanoTON(nano).String() + " TON"
}

// Nano writes nanotons as TON without the unit: "1.5"; nil is "0".
func Nano(n *big.Int) string {
	if n == nil {
		return "0"
	}
	return tlb.FromNanoTON(n).String()
}

func isCoins(t *cell.Type) bool {
	return t != nil && t.Kind == cell.KindSimple && t.Type == "uint" && t.Format == "coins"
}

func mapValueType(t *cell.Type) *cell.Type {
	if t == nil || t.Kind != cell.KindDict {
		return nil
	}
	return &cell.Type{Kind: cell.KindSimple, Type: t.Value, Format: t.ValueFormat}
}

// Count writes n and a noun that takes an s in the plural: "1 step",
// "3 steps".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf(one, n)
	}
	return fmt.Sprintf(many, n)
}

// cellText writes a cell's short form, as values show it.
func cellText(c *tvmcell.Cell) string { return cell.FormatValue(c) }
