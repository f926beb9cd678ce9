package scenario

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"go.yaml.in/yaml/v4"
)

// converter turns field values as written into the Go values cell.Encode
// takes, by their ABI types: a wallet or account name stands for its
// address, a contract name for its code. It remembers which node each field
// came from, so an error from the codec points into the file.
type converter struct {
	r     *Runner
	abi   *cell.ABI
	nodes map[string]*yaml.Node // field path (without the root type) → node
	// depth is how deep the value being converted nests, seen how many
	// values were converted: both bounded, since an alias can repeat a
	// node without end (one that holds itself, given to a recursive type).
	depth, seen int
	alias       *yaml.Node // the last alias followed
}

// Bounds of the field values of one message, init or getter call as
// written, YAML aliases followed. A message nests and holds far less: the
// TON node refuses a message more than 512 cells deep.
const (
	MaxValueDepth = 256
	MaxValueCount = 10_000
)

func (r *Runner) converter(abi *cell.ABI) *converter {
	return &converter{r: r, abi: abi, nodes: map[string]*yaml.Node{}}
}

// fields converts a mapping of fields laid out as fields.
func (c *converter) fields(n *yaml.Node, fields []cell.Field, what, path string) (map[string]any, error) {
	out := map[string]any{}
	if n == nil {
		return out, nil
	}
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return nil, c.r.errf(at(n), "%s must be a mapping of fields, not %s", what, kind(n))
	}
	c.nodes[path] = n
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), c.follow(n.Content[i+1])
		f, ok := field(fields, k.Value)
		if !ok && len(fields) == 0 {
			return nil, c.r.errf(at(k), "%s: there are none, so %q is unknown", what, k.Value)
		}
		if !ok {
			return nil, c.r.errf(at(k), "%s has no field %q%s (fields: %s)", what, k.Value, suggest(k.Value, fieldNames(fields)), strings.Join(fieldNames(fields), ", "))
		}
		val, err := c.value(v, f.Type, join(path, f.Name))
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

func (c *converter) value(n *yaml.Node, t cell.Type, path string) (any, error) {
	n = c.follow(n)
	c.depth++
	c.seen++
	defer func() { c.depth-- }()
	switch {
	case c.depth > MaxValueDepth && c.alias != nil:
		return nil, c.r.errf(at(n), "values nest deeper than %d levels, the most a value may, through the alias *%s at %d:%d (does it hold itself?)", MaxValueDepth, c.alias.Value, c.alias.Line, c.alias.Column)
	case c.depth > MaxValueDepth:
		return nil, c.r.errf(at(n), "values nest deeper than %d levels, the most a value may", MaxValueDepth)
	case c.seen > MaxValueCount:
		return nil, c.r.errf(at(n), "more than %d values, the most one message, init or getter call may hold (YAML aliases count each time they are used)", MaxValueCount)
	}
	c.nodes[path] = n
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if t.Kind == cell.KindDict {
		return c.dict(n, t, path)
	}
	switch t.Type {
	case "address":
		s, err := c.scalar(n, path)
		if err != nil {
			return nil, err
		}
		return c.r.address(Ref{Name: s, Pos: at(n)})
	case "cell", "slice", "builder":
		s, err := c.scalar(n, path)
		if err != nil {
			return nil, err
		}
		if ct, err := c.r.Catalog.ByName(s); err == nil {
			return ct.Code, nil
		}
		boc, err := cell.ParseBOC(s)
		if err != nil {
			return nil, c.r.errf(at(n), "%q is neither a contract of the scenario (%s) nor a BOC", s, contractNames(c.r.Catalog.Contracts()))
		}
		return boc, nil
	}
	if def, err := c.abi.Type(t.Type); err == nil {
		return c.fields(n, def.Fields, t.Type, path)
	}
	return c.scalar(n, path)
}

// follow resolves an alias, remembering it for errors.
func (c *converter) follow(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		c.alias = n
	}
	return resolve(n)
}

func (c *converter) scalar(n *yaml.Node, path string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", c.r.errf(at(n), "%s must be a single value, not %s", path, kind(n))
	}
	return n.Value, nil
}

func (c *converter) dict(n *yaml.Node, t cell.Type, path string) (any, error) {
	if n.Kind != yaml.MappingNode {
		return nil, c.r.errf(at(n), "%s must be a mapping (a map), not %s", path, kind(n))
	}
	valueType := cell.Type{Kind: cell.KindSimple, Type: t.Value, Format: t.ValueFormat}
	out := map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), c.follow(n.Content[i+1])
		key := k.Value
		if t.Key == "address" {
			addr, err := c.r.address(Ref{Name: key, Pos: at(k)})
			if err != nil {
				return nil, err
			}
			key = addr.StringRaw()
		}
		val, err := c.value(v, valueType, path+"["+key+"]")
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
			if n, ok := c.nodes[p]; ok {
				return c.r.errf(at(n), "%v", err)
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
	if addr, err := r.World.Lookup(ref.Name); err == nil {
		return addr, nil
	}
	addr, err := cell.ParseAddress(ref.Name)
	if err != nil {
		return nil, r.errf(ref.Pos, "%q is neither a wallet or account of the scenario nor an address", ref.Name)
	}
	return addr, nil
}

func (r *Runner) errf(pos Pos, format string, args ...any) error {
	return &Error{File: r.Scenario.Path, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func contractNames(cs []*catalog.Contract) string {
	names := make([]string, len(cs))
	for i, ct := range cs {
		names[i] = ct.Name
	}
	return joinNames(names)
}
