package cell

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Tolk limits.
const (
	tolkMaxIntBits    = 257 // intN
	tolkMaxUintBits   = 256 // uintN
	tolkMaxPrefixBits = 64  // a struct's or a union variant's prefix
	tolkMaxNesting    = 128 // types inside types, a guard against cycles
	tolkMaxTypes      = 1 << 14
)

// tolkResolver turns the unique_types of a Tolk ABI into [Type]s and ops,
// and its structs into [TypeDef]s and layouts of the ABI it builds.
type tolkResolver struct {
	f   *tolkFile
	abi *ABI

	structs    map[string]*tolkDeclaration
	aliases    map[string]*tolkDeclaration
	enums      map[string]*tolkDeclaration
	structInst map[int]*tolkStructInst // by the ty_idx of the StructRef with type arguments
	aliasInst  map[int]*tolkAliasInst

	resolved map[int]*tolkResolved // by ty_idx
	visiting map[int]bool          // types being resolved
	defining map[string]bool       // structs being laid out
	client   map[string][]string   // struct → its fields laid out by client_ty_idx
}

// tolkResolved is one Tolk type in this package's terms.
type tolkResolved struct {
	typ        Type
	op         *op
	kind       string // the Tolk kind, after aliases and enums
	structName string // the struct, when the type is one (after aliases)
	// selfRef is set when the type is a struct still being laid out: it may
	// sit in a ref, but not inline.
	selfRef bool
}

func newTolkResolver(f *tolkFile) (*tolkResolver, error) {
	if len(f.UniqueTypes) > tolkMaxTypes || len(f.Declarations) > tolkMaxTypes {
		return nil, fmt.Errorf("more than %d types", tolkMaxTypes)
	}
	r := &tolkResolver{
		f: f,
		abi: &ABI{
			Name:    f.ContractName,
			Errors:  map[int]string{},
			types:   map[string]int{},
			layouts: map[string]*layout{},
			ops:     map[Type]*op{},
		},
		structs:    map[string]*tolkDeclaration{},
		aliases:    map[string]*tolkDeclaration{},
		enums:      map[string]*tolkDeclaration{},
		structInst: map[int]*tolkStructInst{},
		aliasInst:  map[int]*tolkAliasInst{},
		resolved:   map[int]*tolkResolved{},
		visiting:   map[int]bool{},
		defining:   map[string]bool{},
		client:     map[string][]string{},
	}

	for i := range f.Declarations {
		d := &f.Declarations[i]
		var table map[string]*tolkDeclaration
		switch d.Kind {
		case "struct":
			table = r.structs
		case "alias":
			table = r.aliases
		case "enum":
			table = r.enums
		default:
			return nil, fmt.Errorf("declarations[%d]: unknown kind %q", i, d.Kind)
		}
		if d.Name == "" {
			return nil, fmt.Errorf("declarations[%d]: no name", i)
		}
		if _, dup := table[d.Name]; dup {
			return nil, fmt.Errorf("%s %s is declared twice", d.Kind, d.Name)
		}
		idx, err := r.index(d.TyIdx, d.Kind+" "+d.Name)
		if err != nil {
			return nil, err
		}
		if t := f.UniqueTypes[idx]; refName(t, d.Kind) != d.Name {
			return nil, fmt.Errorf("%s %s: ty_idx %d is %s, not a reference to it", d.Kind, d.Name, idx, r.name(idx))
		}
		table[d.Name] = d
	}
	for i := range f.StructInstantiations {
		in := &f.StructInstantiations[i]
		idx, err := r.index(in.TyIdx, "struct_instantiations["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		if t := f.UniqueTypes[idx]; t.Kind != "StructRef" || t.StructName != in.StructName && r.name(idx) != in.StructName {
			return nil, fmt.Errorf("struct_instantiations[%d]: ty_idx %d is %s, not an instance of %s", i, idx, r.name(idx), in.StructName)
		}
		if _, dup := r.structInst[idx]; dup {
			return nil, fmt.Errorf("struct_instantiations: type %d is instantiated twice", idx)
		}
		r.structInst[idx] = in
	}
	for i := range f.AliasInstantiations {
		in := &f.AliasInstantiations[i]
		idx, err := r.index(in.TyIdx, "alias_instantiations["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		if t := f.UniqueTypes[idx]; t.Kind != "AliasRef" || t.AliasName != in.AliasName && r.name(idx) != in.AliasName {
			return nil, fmt.Errorf("alias_instantiations[%d]: ty_idx %d is %s, not an instance of %s", i, idx, r.name(idx), in.AliasName)
		}
		if _, dup := r.aliasInst[idx]; dup {
			return nil, fmt.Errorf("alias_instantiations: type %d is instantiated twice", idx)
		}
		r.aliasInst[idx] = in
	}
	return r, nil
}

// refName is the name a StructRef, AliasRef or EnumRef refers to, when it
// is a reference of the declaration kind given; "" otherwise.
func refName(t tolkType, declKind string) string {
	switch {
	case declKind == "struct" && t.Kind == "StructRef":
		return t.StructName
	case declKind == "alias" && t.Kind == "AliasRef":
		return t.AliasName
	case declKind == "enum" && t.Kind == "EnumRef":
		return t.EnumName
	}
	return ""
}

// index checks a ty_idx that must be there.
func (r *tolkResolver) index(p *int, where string) (int, error) {
	if p == nil {
		return 0, fmt.Errorf("%s: no type index", where)
	}
	if *p < 0 || *p >= len(r.f.UniqueTypes) {
		return 0, fmt.Errorf("%s: type index %d is not in unique_types (%d types)", where, *p, len(r.f.UniqueTypes))
	}
	return *p, nil
}

// resolveDeclarations lays out every struct that is not generic and every
// instantiation of a generic one, and resolves every alias and enum, in
// the order the file declares them.
func (r *tolkResolver) resolveDeclarations() error {
	for _, d := range r.f.Declarations {
		if len(d.TypeParams) > 0 {
			continue // only its instantiations have a layout
		}
		if _, err := r.resolve(*d.TyIdx, d.Kind+" "+d.Name); err != nil {
			return err
		}
	}
	for i, in := range r.f.StructInstantiations {
		if _, err := r.resolve(*in.TyIdx, "struct_instantiations["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	return nil
}

// resolve returns type idx in this package's terms; where names the place
// that uses it, for errors.
func (r *tolkResolver) resolve(idx int, where string) (*tolkResolved, error) {
	if res, ok := r.resolved[idx]; ok {
		return res, nil
	}
	// A struct may hold itself in a ref; resolveStruct tells that from inline.
	if r.visiting[idx] && r.f.UniqueTypes[idx].Kind != "StructRef" {
		return nil, fmt.Errorf("%s: type %s refers to itself", where, r.name(idx))
	}
	if len(r.visiting) >= tolkMaxNesting {
		return nil, fmt.Errorf("%s: types nest more than %d deep", where, tolkMaxNesting)
	}
	r.visiting[idx] = true
	defer delete(r.visiting, idx)

	res, err := r.resolveKind(idx, where)
	if err != nil {
		return nil, err
	}
	if !res.selfRef {
		r.resolved[idx] = res
		// Whoever holds a Type of this ABI (a field's, a getter's) compiles it
		// to this op, not by Tact's rules.
		r.abi.ops[res.typ] = res.op
	}
	return res, nil
}

func (r *tolkResolver) resolveKind(idx int, where string) (*tolkResolved, error) {
	t := &r.f.UniqueTypes[idx]
	name := r.name(idx)
	simple := func(typ, format string, o *op) *tolkResolved {
		o.name = name
		return &tolkResolved{typ: Type{Kind: KindSimple, Type: typ, Format: format, Tolk: name}, op: o, kind: t.Kind}
	}

	switch t.Kind {
	case "intN", "uintN":
		limit, kind, typ := tolkMaxIntBits, opInt, "int"
		if t.Kind == "uintN" {
			limit, kind, typ = tolkMaxUintBits, opUint, "uint"
		}
		n, err := r.width(t, 1, limit, where)
		if err != nil {
			return nil, err
		}
		return simple(typ, strconv.Itoa(n), &op{kind: kind, bits: n}), nil
	case "varintN", "varuintN":
		if t.N == nil || (*t.N != 16 && *t.N != 32) {
			return nil, fmt.Errorf("%s: %s needs n 16 or 32", where, t.Kind)
		}
		if t.Kind == "varintN" {
			return simple("int", "varint"+strconv.Itoa(*t.N), &op{kind: opVarInt, varLen: *t.N}), nil
		}
		return simple("uint", "varuint"+strconv.Itoa(*t.N), &op{kind: opVarUint, varLen: *t.N}), nil
	case "coins":
		return simple("uint", "coins", &op{kind: opVarUint, varLen: 16}), nil
	case "bool":
		return simple("bool", "", &op{kind: opBool}), nil
	case "int":
		return simple("int", "", &op{kind: opInt, bits: tolkMaxIntBits, stackOnly: true}), nil
	case "cell":
		return simple("cell", "", &op{kind: opCell, cellType: "cell"}), nil
	case "remaining":
		return simple("slice", "remainder", &op{kind: opCell, cellType: "slice", remainder: true}), nil
	case "slice", "builder":
		return simple(t.Kind, "", &op{kind: opCell, cellType: t.Kind, stackOnly: true}), nil
	case "string":
		return simple("string", "", &op{kind: opString, tolk: true}), nil
	case "address":
		return simple("address", "", &op{kind: opAddress}), nil
	case "addressOpt":
		res := simple("address", "", &op{kind: opAddress, optional: true})
		res.typ.Optional = true
		return res, nil
	case "bitsN":
		n, err := r.width(t, 1, maxCellBits, where)
		if err != nil {
			return nil, err
		}
		o := &op{kind: opFixedBytes, bits: n}
		if n == 256 || n == 512 { // Tact's bytes32 and bytes64
			return simple("fixed-bytes", strconv.Itoa(n/8), o), nil
		}
		return simple("bits", strconv.Itoa(n), o), nil
	case "nullable":
		return r.resolveNullable(t, name, where)
	case "cellOf":
		return r.resolveCellOf(t, name, where)
	case "mapKV":
		return r.resolveMap(t, name, where)
	case "StructRef":
		return r.resolveStruct(idx, t, name, where)
	case "AliasRef":
		return r.resolveAlias(idx, t, name, where)
	case "EnumRef":
		d, ok := r.enums[t.EnumName]
		if !ok {
			return nil, fmt.Errorf("%s: enum %s is not declared", where, t.EnumName)
		}
		enc, err := r.index(d.EncodedAsTyIdx, "enum "+d.Name+": encoded_as_ty_idx")
		if err != nil {
			return nil, err
		}
		return r.renamed(enc, name, "enum "+d.Name)
	case "union":
		return r.resolveUnion(t, name, where)
	}
	return nil, fmt.Errorf("%s: %s (kind %q) is not supported", where, name, t.Kind)
}

// width reads the n of intN, uintN or bitsN.
func (r *tolkResolver) width(t *tolkType, lo, hi int, where string) (int, error) {
	if t.N == nil || *t.N < lo || *t.N > hi {
		return 0, fmt.Errorf("%s: %s needs n from %d to %d", where, t.Kind, lo, hi)
	}
	return *t.N, nil
}

// renamed resolves target and names the result as an alias or enum: the
// same value and serialization under another name.
func (r *tolkResolver) renamed(target int, name, where string) (*tolkResolved, error) {
	inner, err := r.resolve(target, where)
	if err != nil {
		return nil, err
	}
	res := *inner
	res.typ.Tolk = name
	return &res, nil
}

func (r *tolkResolver) resolveNullable(t *tolkType, name, where string) (*tolkResolved, error) {
	idx, err := r.index(t.InnerTyIdx, where+": nullable")
	if err != nil {
		return nil, err
	}
	inner, err := r.resolve(idx, where)
	if err != nil {
		return nil, err
	}
	switch {
	case inner.selfRef:
		return nil, fmt.Errorf("%s: struct %s contains itself", where, inner.structName)
	case inner.op.optional:
		return nil, fmt.Errorf("%s: %s: a nullable %s is not supported", where, name, inner.typ)
	case inner.op.kind == opMap || inner.op.kind == opUnion || inner.op.remainder:
		return nil, fmt.Errorf("%s: %s: a nullable %s is not supported", where, name, inner.kind)
	}
	o := *inner.op
	o.optional = true
	if o.kind != opStruct {
		o.name = name // a struct's op is named by the struct, which its layout is found by
	}
	res := &tolkResolved{typ: inner.typ, op: &o, kind: inner.kind, structName: inner.structName}
	res.typ.Optional = true
	res.typ.Tolk = name
	return res, nil
}

func (r *tolkResolver) resolveCellOf(t *tolkType, name, where string) (*tolkResolved, error) {
	idx, err := r.index(t.InnerTyIdx, where+": cellOf")
	if err != nil {
		return nil, err
	}
	inner, err := r.resolve(idx, where)
	if err != nil {
		return nil, err
	}
	if inner.structName == "" || inner.op.optional {
		return nil, fmt.Errorf("%s: %s: only a cell of a struct is supported", where, name)
	}
	return &tolkResolved{
		typ:  Type{Kind: KindSimple, Type: inner.structName, Format: "ref", Tolk: name},
		op:   &op{kind: opStruct, ref: true, tolk: true, name: inner.structName},
		kind: "cellOf",
	}, nil
}

func (r *tolkResolver) resolveMap(t *tolkType, name, where string) (*tolkResolved, error) {
	ki, err := r.index(t.KeyTyIdx, where+": mapKV key")
	if err != nil {
		return nil, err
	}
	vi, err := r.index(t.ValueTyIdx, where+": mapKV value")
	if err != nil {
		return nil, err
	}
	key, err := r.resolve(ki, where)
	if err != nil {
		return nil, err
	}
	switch {
	case key.op.optional || key.op.stackOnly:
		return nil, fmt.Errorf("%s: %s: a map key of %s is not supported", where, name, key.typ)
	case key.op.kind != opInt && key.op.kind != opUint && key.op.kind != opAddress:
		return nil, fmt.Errorf("%s: %s: a map key of %s is not supported (intN, uintN or address)", where, name, key.typ)
	}
	value, err := r.resolve(vi, where)
	if err != nil {
		return nil, err
	}
	if value.selfRef {
		return nil, fmt.Errorf("%s: struct %s contains itself", where, value.structName)
	}
	return &tolkResolved{
		typ: Type{
			Kind: KindDict,
			Key:  key.typ.Type, KeyFormat: key.typ.Format,
			Value: value.typ.Type, ValueFormat: value.typ.Format,
			Tolk: name,
		},
		op:   &op{kind: opMap, key: key.op, value: value.op, name: name},
		kind: "mapKV",
	}, nil
}

func (r *tolkResolver) resolveAlias(idx int, t *tolkType, name, where string) (*tolkResolved, error) {
	d, ok := r.aliases[t.AliasName]
	if !ok {
		return nil, fmt.Errorf("%s: alias %s is not declared", where, t.AliasName)
	}
	target := d.TargetTyIdx
	custom := d.CustomPackUnpack
	if in, ok := r.aliasInst[idx]; ok {
		target, custom = in.TargetTyIdx, in.CustomPackUnpack
	} else if len(d.TypeParams) > 0 || len(t.TypeArgsTyIdx) > 0 {
		return nil, fmt.Errorf("%s: generic alias %s has no instantiation", where, name)
	}
	if hasCustomPack(custom) {
		return nil, fmt.Errorf("%s: alias %s has a custom pack/unpack, which this package cannot run", where, name)
	}
	ti, err := r.index(target, "alias "+name+": target")
	if err != nil {
		return nil, err
	}
	return r.renamed(ti, name, "alias "+name)
}

// hasCustomPack tells whether a custom_pack_unpack entry turns either hook on.
func hasCustomPack(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return false
	}
	var hooks struct {
		Pack   bool `json:"pack_to_builder"`
		Unpack bool `json:"unpack_from_slice"`
	}
	if err := json.Unmarshal(raw, &hooks); err != nil {
		return true // unreadable: assume the worst
	}
	return hooks.Pack || hooks.Unpack
}
