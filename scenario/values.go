package scenario

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
)

// converter turns field values as written into the Go values cell.Encode
// takes, by their ABI types: a wallet or account name stands for its
// address, a contract name for its code, and an Int as coins is an amount
// of TON ([cell.ParseCoins]). It remembers where each field was written,
// so an error from the codec points into the file.
type converter struct {
	r     *Runner
	abi   *cell.ABI
	nodes map[string]Pos // field path (without the root type) → position
}

func (r *Runner) converter(abi *cell.ABI) *converter {
	return &converter{r: r, abi: abi, nodes: map[string]Pos{}}
}

// fields converts a mapping of fields laid out as fields.
func (c *converter) fields(v *Value, fields []cell.Field, what, path string) (map[string]any, error) {
	out := map[string]any{}
	if v == nil {
		return out, nil
	}
	if v.Kind != Mapping {
		return nil, c.r.errf(v.Pos, "%s must be a mapping of fields, not %s", what, v.describeKind())
	}
	c.nodes[path] = v.Pos
	for _, e := range v.Entries {
		f, ok := field(fields, e.Key)
		if !ok && len(fields) == 0 {
			return nil, c.r.errf(e.KeyPos, "%s: there are none, so %s is unknown", what, quote(e.Key))
		}
		if !ok {
			return nil, c.r.errf(e.KeyPos, "%s has no field %s%s (fields: %s)", what, quote(e.Key), suggest(e.Key, fieldNames(fields)), strings.Join(fieldNames(fields), ", "))
		}
		val, err := c.value(e.Value, f.Type, join(path, f.Name))
		if err != nil {
			return nil, err
		}
		out[f.Name] = val
	}
	return out, nil
}

func field(fields []cell.Field, name string) (cell.Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return cell.Field{}, false
}

func fieldNames(fields []cell.Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (c *converter) value(v *Value, t cell.Type, path string) (any, error) {
	c.nodes[path] = v.Pos
	if v.Kind == Null {
		return nil, nil
	}
	if t.Kind == cell.KindDict {
		return c.dict(v, t, path)
	}
	switch {
	case t.Type == "address":
		s, err := c.scalar(v, path)
		if err != nil {
			return nil, err
		}
		return c.r.address(Ref{Name: s, Pos: v.Pos})
	case t.Type == "cell" || t.Type == "slice" || t.Type == "builder":
		s, err := c.scalar(v, path)
		if err != nil {
			return nil, err
		}
		if ct, err := c.r.Catalog.ByName(s); err == nil {
			return ct.Code, nil
		}
		boc, err := cell.ParseBOC(s)
		if err != nil {
			return nil, c.r.errf(v.Pos, "%s is neither a contract of the scenario (%s) nor a BOC", quote(s), contractNames(c.r.Catalog.Contracts()))
		}
		return boc, nil
	case isCoins(t):
		p := &parser{file: c.r.Scenario.Path}
		return p.coinsValue(path, v)
	}
	if def, err := c.abi.Type(t.Type); err == nil {
		return c.fields(v, def.Fields, t.Type, path)
	}
	return c.scalar(v, path)
}

// isCoins reports whether t is an Int as coins.
func isCoins(t cell.Type) bool {
	return t.Kind == cell.KindSimple && t.Type == "uint" && t.Format == "coins"
}

func (c *converter) scalar(v *Value, path string) (string, error) {
	if v.Kind != Scalar {
		return "", c.r.errf(v.Pos, "%s must be a single value, not %s", path, v.describeKind())
	}
	return v.Text, nil
}

func (c *converter) dict(v *Value, t cell.Type, path string) (any, error) {
	if v.Kind != Mapping {
		return nil, c.r.errf(v.Pos, "%s must be a mapping (a map), not %s", path, v.describeKind())
	}
	valueType := cell.Type{Kind: cell.KindSimple, Type: t.Value, Format: t.ValueFormat}
	out := map[string]any{}
	for _, e := range v.Entries {
		key := e.Key
		if t.Key == "address" {
			addr, err := c.r.address(Ref{Name: key, Pos: e.KeyPos})
			if err != nil {
				return nil, err
			}
			key = addr.StringRaw()
		}
		val, err := c.value(e.Value, valueType, path+"["+key+"]")
		if err != nil {
			return nil, err
		}
		out[key] = val
	}
	return out, nil
}

// locate turns a codec error into a scenario error at the node it concerns:
// cell's paths start with the root type's name, then follow the fields.
func (c *converter) locate(err error, fallback Pos) error {
	var fe *cell.FieldError
	if errors.As(err, &fe) {
		path := fe.Path
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:]
		} else {
			path = ""
		}
		for p := path; ; {
			if pos, ok := c.nodes[p]; ok {
				return c.r.errf(pos, "%v", err)
			}
			i := strings.LastIndexAny(p, ".[")
			if i < 0 {
				break
			}
			p = p[:i]
		}
	}
	return c.r.errf(fallback, "%v", err)
}

// address resolves a wallet or account name, or parses an address.
func (r *Runner) address(ref Ref) (*address.Address, error) {
	if addr, ok := r.aliases[ref.Name]; ok {
		return addr, nil
	}
	if addr, err := r.World.Lookup(ref.Name); err == nil {
		return addr, nil
	}
	addr, err := cell.ParseAddress(ref.Name)
	if err != nil {
		return nil, r.errf(ref.Pos, "%s is neither a wallet or account of the scenario nor an address", quote(ref.Name))
	}
	return addr, nil
}

// errf is an error at pos in the scenario. The first error among args is
// its cause, for errors.As: an [actor.UndoneError] so reaches the command,
// which shows what the failed send ran.
func (r *Runner) errf(pos Pos, format string, args ...any) error {
	e := &Error{File: r.Scenario.Path, Pos: pos, Msg: fmt.Sprintf(format, args...)}
	for _, arg := range args {
		if err, ok := arg.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}

func contractNames(cs []*catalog.Contract) string {
	names := make([]string, len(cs))
	for i, ct := range cs {
		names[i] = ct.Name
	}
	return joinNames(names)
}
