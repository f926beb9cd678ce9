package scenario

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"
)

// ValueKind says what a written [Value] is.
type ValueKind int

const (
	// Scalar is a single value: a number, a word, a quoted text.
	Scalar ValueKind = iota
	// Mapping is keys with values, in the order written.
	Mapping
	// List is values in order.
	List
	// Null is an empty value or null.
	Null
)

// Value is a value as a scenario writes it, before anything gives it a
// type: the fields of a message, init arguments, getter arguments, an
// expected storage or result. The parser turns YAML into Values, bounded
// (see [MaxValueDepth], [MaxValueNodes]); nothing after the parser sees YAML.
type Value struct {
	Kind ValueKind
	// Text is a scalar's text; Quoted says it was written in quotes (so
	// "1.5" is a text and 1.5 a number, where that matters).
	Text   string
	Quoted bool
	// Entries are a mapping's keys and values; Items a list's values.
	Entries []Entry
	Items   []*Value
	Pos     Pos
}

// Entry is one key of a mapping [Value].
type Entry struct {
	Key    string
	KeyPos Pos
	Value  *Value
}

// Get returns the value of a mapping's key, nil when it has none.
func (v *Value) Get(key string) *Value {
	for _, e := range v.Entries {
		if e.Key == key {
			return e.Value
		}
	}
	return nil
}

// String writes the value as a scenario would: scalars bare (quoted when
// empty), mappings as {k: v}, lists as [a, b].
func (v *Value) String() string {
	switch v.Kind {
	case Null:
		return "null"
	case Mapping:
		parts := make([]string, len(v.Entries))
		for i, e := range v.Entries {
			parts[i] = e.Key + ": " + e.Value.String()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = it.String()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	if v.Text == "" {
		return `""`
	}
	return v.Text
}

// describeKind names the value's kind in an error: "a mapping", "a list",
// "empty", or the scalar quoted.
func (v *Value) describeKind() string {
	switch v.Kind {
	case Mapping:
		return "a mapping"
	case List:
		return "a list"
	case Null:
		return "empty"
	}
	return quote(v.Text)
}

// Bounds on what a written value may hold: YAML aliases let a few lines
// stand for a tree of any size, or for one that contains itself. The
// parser refuses a value past them before anything runs.
const (
	// MaxValueDepth is how deep a value may nest.
	MaxValueDepth = 256
	// MaxValueCount is how many scalars, mappings and lists one value (a
	// message's fields, init arguments, getter arguments, an expectation)
	// may hold, each use of an alias counted again.
	MaxValueCount = 10_000
)

// value turns a YAML node into a Value, expanding aliases within the
// bounds.
func (p *parser) value(n *yaml.Node) (*Value, error) {
	budget := MaxValueCount
	return p.valueAt(n, 0, &budget, nil)
}

func (p *parser) valueAt(n *yaml.Node, depth int, budget *int, alias *yaml.Node) (*Value, error) {
	pos := at(n)
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > MaxValueDepth {
			return nil, &Error{File: p.file, Pos: pos, Msg: "an alias that leads nowhere"}
		}
		alias, n = n, n.Alias
	}
	if depth > MaxValueDepth {
		msg := fmt.Sprintf("values nest deeper than %d levels, the most a value may", MaxValueDepth)
		if alias != nil {
			msg += fmt.Sprintf(", through the alias *%s at %d:%d (does it hold itself?)", alias.Value, alias.Line, alias.Column)
		}
		return nil, &Error{File: p.file, Pos: pos, Msg: msg}
	}
	if *budget--; *budget < 0 {
		return nil, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf("more than %d values, the most one value may hold (YAML aliases count each time they are used)", MaxValueCount)}
	}
	v := &Value{Pos: pos}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			v.Kind = Null
			return v, nil
		}
		v.Text = n.Value
		v.Quoted = n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	case yaml.MappingNode:
		v.Kind = Mapping
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := resolve(n.Content[i])
			if k.Kind != yaml.ScalarNode {
				return nil, p.errf(k, "a key must be a plain name, not %s", kind(k))
			}
			if seen[k.Value] {
				return nil, p.errf(k, "%s is given twice", quote(k.Value))
			}
			seen[k.Value] = true
			val, err := p.valueAt(n.Content[i+1], depth+1, budget, alias)
			if err != nil {
				return nil, err
			}
			v.Entries = append(v.Entries, Entry{Key: k.Value, KeyPos: at(k), Value: val})
		}
	case yaml.SequenceNode:
		v.Kind = List
		for _, item := range n.Content {
			val, err := p.valueAt(item, depth+1, budget, alias)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, val)
		}
	default:
		return nil, p.errf(n, "a value cannot be %s", kind(n))
	}
	return v, nil
}
