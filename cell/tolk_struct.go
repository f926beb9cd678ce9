package cell

import (
	"fmt"
	"strings"
)

// resolveStruct lays out the struct a StructRef names (its instantiation,
// for a generic one) the first time it is met, as a [TypeDef] of the ABI.
func (r *tolkResolver) resolveStruct(idx int, t *tolkType, name, where string) (*tolkResolved, error) {
	ref := &tolkResolved{
		typ:        Type{Kind: KindSimple, Type: name, Tolk: name},
		op:         &op{kind: opStruct, name: name},
		kind:       "StructRef",
		structName: name,
	}
	if _, done := r.abi.types[name]; done {
		return ref, nil
	}
	if r.defining[name] {
		ref.selfRef = true // fine in a ref, an error inline
		return ref, nil
	}

	d, ok := r.structs[t.StructName]
	if !ok {
		return nil, fmt.Errorf("%s: struct %s is not declared", where, t.StructName)
	}
	fields := make([]tolkField, len(d.Fields))
	copy(fields, d.Fields)
	custom := d.CustomPackUnpack
	if in, ok := r.structInst[idx]; ok {
		if len(in.FieldsTyIdx) != len(d.Fields) {
			return nil, fmt.Errorf("%s: the instantiation of %s has %d fields, the struct %d", where, name, len(in.FieldsTyIdx), len(d.Fields))
		}
		for i := range fields {
			ty := in.FieldsTyIdx[i]
			fields[i].TyIdx, fields[i].ClientTyIdx = &ty, nil
		}
		if len(in.CustomPackUnpack) > 0 {
			custom = in.CustomPackUnpack
		}
	} else if len(d.TypeParams) > 0 || len(t.TypeArgsTyIdx) > 0 {
		return nil, fmt.Errorf("%s: generic struct %s has no instantiation", where, name)
	}
	if hasCustomPack(custom) {
		return nil, fmt.Errorf("%s: struct %s has a custom pack/unpack, which this package cannot run", where, name)
	}

	var pre *prefix
	if p := d.Prefix; p != nil && p.PrefixLen > 0 {
		if err := checkPrefix(p.PrefixNum, p.PrefixLen); err != nil {
			return nil, fmt.Errorf("struct %s: %w", name, err)
		}
		pre = &prefix{value: p.PrefixNum, bits: p.PrefixLen}
	}

	r.defining[name] = true
	defer delete(r.defining, name)
	lfs := make([]layoutField, len(fields))
	seen := map[string]bool{}
	for i, f := range fields {
		fw := name + "." + f.Name
		if f.Name == "" || seen[f.Name] {
			return nil, fmt.Errorf("struct %s: field %d has no name or the name of another", name, i)
		}
		seen[f.Name] = true
		// A field's client type, when it has one, is how its bits read.
		ty := f.TyIdx
		if f.ClientTyIdx != nil {
			ty = f.ClientTyIdx
			r.client[name] = append(r.client[name], f.Name)
		}
		fi, err := r.index(ty, fw)
		if err != nil {
			return nil, err
		}
		fr, err := r.resolve(fi, fw)
		if err != nil {
			return nil, err
		}
		if fr.selfRef {
			return nil, fmt.Errorf("%s: struct %s contains itself", fw, fr.structName)
		}
		lfs[i] = layoutField{name: f.Name, typ: fr.typ, op: fr.op}
	}

	def := TypeDef{Name: name, Fields: make([]Field, len(lfs))}
	for i, f := range lfs {
		def.Fields[i] = Field{Name: f.name, Type: f.typ}
	}
	if pre != nil && pre.bits == headerBits {
		h := uint32(pre.value)
		def.Header = &h
	}
	r.abi.types[name] = len(r.abi.Types)
	r.abi.Types = append(r.abi.Types, def)
	r.abi.layouts[name] = &layout{name: name, prefix: pre, fields: lfs, root: sequential(lfs)}
	return ref, nil
}

// checkPrefix checks a prefix's length and that its value fits it.
func checkPrefix(num uint64, bits int) error {
	if bits < 1 || bits > tolkMaxPrefixBits || (bits < tolkMaxPrefixBits && num>>uint(bits) != 0) {
		return fmt.Errorf("prefix %d does not fit %d bits (1 to %d)", num, bits, tolkMaxPrefixBits)
	}
	return nil
}

// resolveUnion resolves a union of structs, each told by a prefix: its own
// or, when implicit, one the union writes before it.
func (r *tolkResolver) resolveUnion(t *tolkType, name, where string) (*tolkResolved, error) {
	if len(t.Variants) < 2 {
		return nil, fmt.Errorf("%s: union %s has fewer than two variants", where, name)
	}
	o := &op{kind: opUnion, name: name}
	for i, v := range t.Variants {
		vw := fmt.Sprintf("%s: union %s, variant %d", where, name, i)
		vi, err := r.index(v.VariantTyIdx, vw)
		if err != nil {
			return nil, err
		}
		vr, err := r.resolve(vi, vw)
		if err != nil {
			return nil, err
		}
		if vr.selfRef {
			return nil, fmt.Errorf("%s: struct %s contains itself", vw, vr.structName)
		}
		if vr.structName == "" || vr.op.optional {
			return nil, fmt.Errorf("%s: %s is not a struct: only unions of structs are supported", vw, vr.typ)
		}
		if v.PrefixNum == nil || v.PrefixLen == nil {
			return nil, fmt.Errorf("%s: no prefix_num or prefix_len", vw)
		}
		if err := checkPrefix(*v.PrefixNum, *v.PrefixLen); err != nil {
			return nil, fmt.Errorf("%s: %w", vw, err)
		}
		uv := unionVariant{prefix: prefix{value: *v.PrefixNum, bits: *v.PrefixLen}, op: vr.op}
		own := r.abi.layouts[vr.structName].prefix
		uv.implicit = v.IsPrefixImplicit || own == nil || *own != uv.prefix
		if !v.IsPrefixImplicit && own != nil && *own != uv.prefix {
			return nil, fmt.Errorf("%s: prefix %s is not %s's own (%s)", vw,
				prefixText(uv.prefix.value, uv.prefix.bits), vr.structName, prefixText(own.value, own.bits))
		}
		for j, other := range o.variants {
			if prefixesOverlap(other.prefix, uv.prefix) {
				return nil, fmt.Errorf("%s: its prefix overlaps that of variant %d", vw, j)
			}
		}
		o.variants = append(o.variants, uv)
	}
	return &tolkResolved{typ: Type{Kind: KindSimple, Type: name, Tolk: name}, op: o, kind: "union"}, nil
}

// prefixesOverlap tells whether one prefix starts the other, so a cell
// could not tell them apart.
func prefixesOverlap(a, b prefix) bool {
	n := min(a.bits, b.bits)
	return a.value>>uint(a.bits-n) == b.value>>uint(b.bits-n)
}

// resolveInterface reads what the contract shows: storage, messages,
// events and getters.
func (r *tolkResolver) resolveInterface() error {
	a := r.abi
	if p := r.f.Storage.StorageTyIdx; p != nil {
		name, err := r.storageStruct(p, "storage_ty_idx")
		if err != nil {
			return err
		}
		a.storage = name
	}
	if p := r.f.Storage.StorageAtDeploymentTyIdx; p != nil {
		name, err := r.storageStruct(p, "storage_at_deployment_ty_idx")
		if err != nil {
			return err
		}
		a.deployStorage = name
	}

	seen := map[string]bool{}
	for _, list := range []struct {
		name     string
		bodies   []tolkBody
		receiver string
	}{
		{"incoming_messages", r.f.IncomingMessages, ReceiverInternal},
		{"incoming_external", r.f.IncomingExternal, ReceiverExternal},
	} {
		for i, b := range list.bodies {
			names, err := r.bodyStructs(b, fmt.Sprintf("%s[%d]", list.name, i))
			if err != nil {
				return err
			}
			for _, n := range names {
				if key := list.receiver + " " + n; !seen[key] {
					seen[key] = true
					a.Receivers = append(a.Receivers, Receiver{Receiver: list.receiver, Message: ReceiverMessage{Kind: MessageTyped, Type: n}})
				}
			}
		}
	}
	for i, b := range r.f.OutgoingMessages {
		if _, err := r.bodyStructs(b, fmt.Sprintf("outgoing_messages[%d]", i)); err != nil {
			return err
		}
	}
	events := map[string]bool{}
	for i, b := range r.f.EmittedEvents {
		names, err := r.bodyStructs(b, fmt.Sprintf("emitted_events[%d]", i))
		if err != nil {
			return err
		}
		for _, n := range names {
			if !events[n] {
				events[n] = true
				a.Events = append(a.Events, n)
			}
		}
	}
	return r.resolveGetters()
}

// storageStruct resolves a storage type: a struct that can be serialized.
func (r *tolkResolver) storageStruct(p *int, where string) (string, error) {
	idx, err := r.index(p, "storage: "+where)
	if err != nil {
		return "", err
	}
	res, err := r.resolve(idx, "storage")
	if err != nil {
		return "", err
	}
	if res.structName == "" || res.op.optional {
		return "", fmt.Errorf("storage: %s is not a struct", res.typ)
	}
	return res.structName, r.serializable(res.op, "storage "+res.structName, map[string]bool{})
}

// bodyStructs resolves a message or event body: a struct, or a union whose
// structs are each a body; every one must be serializable.
func (r *tolkResolver) bodyStructs(b tolkBody, where string) ([]string, error) {
	idx, err := r.index(b.BodyTyIdx, where)
	if err != nil {
		return nil, err
	}
	res, err := r.resolve(idx, where)
	if err != nil {
		return nil, err
	}
	var names []string
	switch {
	case res.op.kind == opUnion:
		for _, v := range res.op.variants {
			names = append(names, v.op.name)
		}
	case res.structName != "" && !res.op.optional:
		names = []string{res.structName}
	default:
		return nil, fmt.Errorf("%s: the body %s is not a struct or a union of structs", where, res.typ)
	}
	for _, n := range names {
		if err := r.serializable(&op{kind: opStruct, name: n}, where+" "+n, map[string]bool{}); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// serializable checks that o, and every type inside it, can be written to
// a cell: no int, slice or builder, which only live on the stack.
func (r *tolkResolver) serializable(o *op, where string, seen map[string]bool) error {
	if o.stackOnly {
		return fmt.Errorf("%s: %s cannot be serialized (it only lives on the stack)", where, o.name)
	}
	switch o.kind {
	case opStruct:
		if seen[o.name] {
			return nil
		}
		seen[o.name] = true
		for _, f := range r.abi.layouts[o.name].fields {
			if err := r.serializable(f.op, o.name+"."+f.name, seen); err != nil {
				return err
			}
		}
	case opMap:
		return r.serializable(o.value, where+" (map value)", seen)
	case opUnion:
		for _, v := range o.variants {
			if err := r.serializable(v.op, where, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

// resolveGetters reads get_methods. A getter's arguments and result are
// values on the TVM stack, where Tolk spreads a returned struct into its
// fields; unions, nullable structs and struct arguments take other stack
// shapes, which this package does not read.
func (r *tolkResolver) resolveGetters() error {
	a := r.abi
	ids := map[int64]string{}
	for i, g := range r.f.GetMethods {
		where := fmt.Sprintf("get_methods[%d]", i)
		if g.Name == "" {
			return fmt.Errorf("%s: no name", where)
		}
		where = "getter " + g.Name
		if g.TvmMethodID == nil {
			return fmt.Errorf("%s: no tvm_method_id", where)
		}
		if other, dup := ids[*g.TvmMethodID]; dup {
			return fmt.Errorf("%s: method id %d is also %s's", where, *g.TvmMethodID, other)
		}
		if _, err := a.Getter(g.Name); err == nil {
			return fmt.Errorf("%s is declared twice", where)
		}
		ids[*g.TvmMethodID] = g.Name

		out := Getter{Name: g.Name, MethodID: *g.TvmMethodID, Arguments: []Field{}}
		for j, p := range g.Parameters {
			pw := fmt.Sprintf("%s: parameter %q", where, p.Name)
			if p.Name == "" {
				return fmt.Errorf("%s: parameter %d has no name", where, j)
			}
			res, err := r.stackType(p.TyIdx, pw)
			if err != nil {
				return err
			}
			if res.op.kind == opStruct && !res.op.ref {
				return fmt.Errorf("%s: a struct argument (%s) is not supported", pw, res.typ)
			}
			out.Arguments = append(out.Arguments, Field{Name: p.Name, Type: res.typ})
		}
		if _, err := a.compileFields("getter "+g.Name, out.Arguments); err != nil {
			return err
		}

		idx, err := r.index(g.ReturnTyIdx, where+": return type")
		if err != nil {
			return err
		}
		if r.f.UniqueTypes[idx].Kind != "void" {
			res, err := r.stackType(g.ReturnTyIdx, where+": return type")
			if err != nil {
				return err
			}
			if res.op.kind == opStruct && !res.op.ref {
				if err := r.flatStruct(res.structName, where+": return type", map[string]bool{}); err != nil {
					return err
				}
			}
			rt := res.typ
			out.ReturnType = &rt
		}
		a.Getters = append(a.Getters, out)
	}
	return nil
}

// stackType resolves a getter's argument or result and checks that it can
// be read from the stack.
func (r *tolkResolver) stackType(p *int, where string) (*tolkResolved, error) {
	idx, err := r.index(p, where)
	if err != nil {
		return nil, err
	}
	res, err := r.resolve(idx, where)
	if err != nil {
		return nil, err
	}
	if err := r.onStack(res.op, res.typ, where); err != nil {
		return nil, err
	}
	return res, nil
}

// onStack checks that one stack value of o is read as Tolk writes it.
func (r *tolkResolver) onStack(o *op, t Type, where string) error {
	switch {
	case o.kind == opUnion:
		return fmt.Errorf("%s: a union (%s) on the stack is not supported", where, t)
	case o.kind == opStruct && !o.ref && o.optional:
		return fmt.Errorf("%s: a nullable struct (%s) on the stack is not supported", where, t)
	}
	return nil
}

// flatStruct checks a struct a getter returns, spread into its fields.
func (r *tolkResolver) flatStruct(name, where string, seen map[string]bool) error {
	if seen[name] {
		return fmt.Errorf("%s: struct %s contains itself", where, name)
	}
	seen[name] = true
	defer delete(seen, name)
	if fs := r.client[name]; len(fs) > 0 {
		return fmt.Errorf("%s: %s.%s has a client type, which does not say how it sits on the stack", where, name, strings.Join(fs, ", "))
	}
	for _, f := range r.abi.layouts[name].fields {
		fw := where + ": " + name + "." + f.name
		if err := r.onStack(f.op, f.typ, fw); err != nil {
			return err
		}
		if f.op.kind == opStruct && !f.op.ref {
			if err := r.flatStruct(f.op.name, fw, seen); err != nil {
				return err
			}
		}
	}
	return nil
}
