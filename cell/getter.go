package cell

import (
	"sort"
	"strings"
)

// GetterArgs converts a getter's arguments, given by name, to the stack
// values to push before its method id, in push order.
func (a *ABI) GetterArgs(getter string, args map[string]any) ([]any, error) {
	g, err := a.Getter(getter)
	if err != nil {
		return nil, err
	}

	names := make([]string, len(g.Arguments))
	known := make(map[string]bool, len(g.Arguments))
	for i, f := range g.Arguments {
		names[i] = f.Name
		known[f.Name] = true
	}
	given := make([]string, 0, len(args))
	for k := range args {
		given = append(given, k)
	}
	sort.Strings(given)
	for _, k := range given {
		if !known[k] {
			if len(names) == 0 {
				return nil, fieldErr(getter, ErrUnknownField, "getter %s takes no arguments, so not %s", getter, Quote(k))
			}
			return nil, fieldErr(getter, ErrUnknownField, "getter %s has no argument %s (arguments: %s)", getter, Quote(k), strings.Join(names, ", "))
		}
	}

	out := make([]any, len(g.Arguments))
	for i, f := range g.Arguments {
		v, ok := args[f.Name]
		if !ok && !f.Type.Optional && f.Type.Kind != KindDict {
			return nil, fieldErr(getter+"."+f.Name, ErrMissingField, "missing %s", f.Type)
		}
		if out[i], err = a.toStackPath(f.Type, v, getter+"."+f.Name); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FromGetterStack decodes what a getter returning t left on the stack,
// values[0] being the deepest (the first pushed). A getter returning a
// non-optional struct leaves its fields spread out; any other getter leaves
// one value.
//
// To collect the values of a tonutils-go vm.Stack st:
//
//	for i := st.Len() - 1; i >= 0; i-- { v, _ := st.Get(i); values = append(values, v) }
func (a *ABI) FromGetterStack(t Type, values []any) (any, error) {
	path := t.String()
	if t.Kind == KindSimple && !t.Optional && t.Format == "" && a.isStruct(t.Type) {
		l, err := a.layout(t.Type)
		if err != nil {
			return nil, err
		}
		if len(l.fields) == 0 {
			if len(values) != 0 {
				return nil, fieldErr(path, ErrInvalidValue, "want no values, got %d", len(values))
			}
			return &Struct{Type: l.name, Fields: []FieldValue{}}, nil
		}
		rest := values
		st, err := a.fromFlat(l, &rest, path)
		if err != nil {
			return nil, err
		}
		if len(rest) != 0 {
			return nil, fieldErr(path, ErrInvalidValue, "%d values left over after the %d of %s", len(rest), len(values)-len(rest), l.name)
		}
		return st, nil
	}

	if len(values) != 1 {
		return nil, fieldErr(path, ErrInvalidValue, "want 1 value, got %d", len(values))
	}
	return a.FromStack(t, values[0])
}

// fromFlat decodes a struct from values spread out as Tact keeps structs in
// FunC variables, consuming them from *vals.
func (a *ABI) fromFlat(l *layout, vals *[]any, path string) (*Struct, error) {
	st := &Struct{Type: l.name, Fields: make([]FieldValue, len(l.fields))}
	for i, f := range l.fields {
		fp := path + "." + f.name
		var v any
		var err error
		switch {
		case f.op.kind == opStruct && !f.op.optional:
			v, err = a.flatStruct(f.op.name, vals, fp)
		case f.op.kind == opStruct:
			v, err = a.flatOptional(f.op.name, vals, fp)
		default:
			var x any
			if x, err = take(vals, fp); err == nil {
				v, err = a.fromStack(f.op, x, fp)
			}
		}
		if err != nil {
			return nil, err
		}
		st.Fields[i] = FieldValue{Name: f.name, Type: f.typ, Value: v}
	}
	return st, nil
}

// flatStruct decodes a non-optional nested struct: its fields spread out,
// or one placeholder value for a struct without fields.
func (a *ABI) flatStruct(name string, vals *[]any, path string) (*Struct, error) {
	l, err := a.layout(name)
	if err != nil {
		return nil, err
	}
	if len(l.fields) == 0 {
		if _, err := take(vals, path); err != nil {
			return nil, err
		}
		return &Struct{Type: l.name, Fields: []FieldValue{}}, nil
	}
	return a.fromFlat(l, vals, path)
}

// flatOptional decodes an optional nested struct: null, or a tuple of its
// spread-out fields.
func (a *ABI) flatOptional(name string, vals *[]any, path string) (any, error) {
	x, err := take(vals, path)
	if err != nil || x == nil {
		return nil, err
	}
	l, err := a.layout(name)
	if err != nil {
		return nil, err
	}
	items, err := unchain(x, a.flatCount(l), path)
	if err != nil {
		return nil, err
	}
	st, err := a.fromFlat(l, &items, path)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// flatCount is the number of values a struct spreads into.
func (a *ABI) flatCount(l *layout) int {
	n := 0
	for _, f := range l.fields {
		if f.op.kind == opStruct && !f.op.optional {
			sub, err := a.layout(f.op.name)
			if err == nil && len(sub.fields) > 0 {
				n += a.flatCount(sub)
				continue
			}
		}
		n++
	}
	return n
}

// take removes the first value of *vals.
func take(vals *[]any, path string) (any, error) {
	if len(*vals) == 0 {
		return nil, fieldErr(path, ErrInvalidValue, "no value left on the stack")
	}
	v := (*vals)[0]
	*vals = (*vals)[1:]
	return v, nil
}
