package gen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
)

// handle is one generated handle type and the versions it runs.
type handle struct {
	name     string // Go type: Counter, VaultV1
	versions []*version
}

// version is one package of a handle.
type version struct {
	ident  string // Go identifier: CounterV1, VaultV1Debug
	index  int    // in the file's packages
	src    Source
	abi    *cell.ABI
	goName map[string]string // ABI type → Go type
}

// goType is one generated struct: a message, a struct, the storage.
type goType struct {
	name string
	def  *cell.TypeDef
	v    *version
	sig  string
}

// model is everything one file declares.
type model struct {
	pkg     string
	handles []*handle
	sources []Source
	types   []*goType
	byName  map[string]*goType
	taken   map[string]bool // package-level Go identifiers
	errs    []errCode
}

type errCode struct {
	name    string
	code    int
	message string
}

// build lays out what the file declares: handles, their versions, the Go
// types of every struct the ABIs reach, the exit codes.
func build(cfg Config) (*model, error) {
	m := &model{pkg: cfg.Package, sources: cfg.Sources, byName: map[string]*goType{}, taken: map[string]bool{}}
	if len(cfg.Sources) == 0 {
		return nil, fmt.Errorf("no packages")
	}
	var all []*version
	for i, src := range cfg.Sources {
		if src.Package == nil || src.Package.ABI == nil {
			return nil, fmt.Errorf("%s: no package", src.Path)
		}
		all = append(all, &version{ident: versionIdent(src), index: i, src: src, abi: src.Package.ABI, goName: map[string]string{}})
	}
	if cfg.Family != "" {
		m.handles = []*handle{{name: exported(cfg.Family), versions: all}}
	} else {
		for _, v := range all {
			m.handles = append(m.handles, &handle{name: v.ident, versions: []*version{v}})
		}
	}
	idents := map[string]string{}
	for _, v := range all {
		if prev, ok := idents[v.ident]; ok {
			return nil, fmt.Errorf("%s and %s both make %s: generate them separately or with -family", prev, v.src.Path, v.ident)
		}
		idents[v.ident] = v.src.Path
	}
	for _, h := range m.handles {
		for _, id := range []string{h.name, h.name + "Init", "Deploy" + h.name, "Open" + h.name, unexportedFirst(h.name) + "Known"} {
			if err := m.take(id); err != nil {
				return nil, err
			}
		}
		for _, v := range h.versions {
			if err := m.take(v.ident + "Package"); err != nil {
				return nil, err
			}
		}
		if len(h.versions) > 1 {
			if err := m.take(h.name + "Packages"); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range []string{m.filesVar(), m.packagesVar()} {
		if err := m.take(id); err != nil {
			return nil, err
		}
	}
	for _, v := range all {
		if err := m.addTypes(v); err != nil {
			return nil, err
		}
	}
	m.addErrors(all)
	return m, nil
}

func (m *model) take(id string) error {
	if m.taken[id] {
		return fmt.Errorf("the name %s would be declared twice", id)
	}
	m.taken[id] = true
	return nil
}

// filesVar and packagesVar name the file's embedded files and packages.
func (m *model) filesVar() string    { return unexportedFirst(m.handles[0].name) + "Files" }
func (m *model) packagesVar() string { return unexportedFirst(m.handles[0].name) + "Packages" }

// packagesCall is the expression giving the parsed packages.
func (m *model) packagesCall() string { return m.packagesVar() + "()" }

// versionIdent names a version: the Tact project of "<Project>_<Contract>.pkg",
// else the contract, else the file.
func versionIdent(src Source) string {
	base := src.Path[strings.LastIndex(src.Path, "/")+1:]
	stem := base[:len(base)-len(ext(base))]
	if project, contract, ok := strings.Cut(stem, "_"); ok && contract == src.Package.Name && project != "" {
		return exported(project)
	}
	if ext(base) == ".pkg" {
		return exported(src.Package.Name)
	}
	return exported(stem)
}

func ext(base string) string {
	if i := strings.LastIndex(base, "."); i > 0 {
		return base[i:]
	}
	return ""
}

func unexportedFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// addTypes gives a Go type to every struct v's ABI reaches from its
// messages, receivers, storage, getters, init arguments and events. A
// struct another version declared the same way is shared; one declared
// otherwise gets the version's name before it.
func (m *model) addTypes(v *version) error {
	reach := map[string]bool{}
	var visit func(name string) error
	visitType := func(t cell.Type, where string) error {
		sh, err := v.abi.Shape(t)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", v.src.Path, where, err)
		}
		for _, s := range structsOf(sh) {
			if err := visit(s); err != nil {
				return err
			}
		}
		return nil
	}
	visit = func(name string) error {
		if reach[name] {
			return nil
		}
		def, err := v.abi.Type(name)
		if err != nil {
			return fmt.Errorf("%s: %w", v.src.Path, err)
		}
		reach[name] = true
		for _, f := range def.Fields {
			if err := identifier(v, "field "+name+".", f.Name); err != nil {
				return err
			}
			if err := visitType(f.Type, name+"."+f.Name); err != nil {
				return err
			}
		}
		return nil
	}
	for _, t := range v.abi.Types {
		if t.Header != nil {
			if err := visit(t.Name); err != nil {
				return err
			}
		}
	}
	for _, r := range v.abi.Receivers {
		if r.Message.Kind == cell.MessageTyped {
			if err := visit(r.Message.Type); err != nil {
				return err
			}
		}
	}
	for _, e := range v.abi.Events {
		if err := visit(e); err != nil {
			return err
		}
	}
	if st, err := v.abi.StorageType(); err == nil {
		if err := visit(st.Name); err != nil {
			return err
		}
	}
	for _, g := range v.abi.Getters {
		if err := identifier(v, "getter ", g.Name); err != nil {
			return err
		}
		for _, a := range g.Arguments {
			if err := identifier(v, "argument "+g.Name+".", a.Name); err != nil {
				return err
			}
			if err := visitType(a.Type, "getter "+g.Name+"."+a.Name); err != nil {
				return err
			}
		}
		if g.ReturnType != nil {
			if err := visitType(*g.ReturnType, "getter "+g.Name); err != nil {
				return err
			}
		}
	}
	for _, a := range v.src.Package.Init.Args {
		if err := identifier(v, "init argument ", a.Name); err != nil {
			return err
		}
		if err := visitType(a.Type, "init."+a.Name); err != nil {
			return err
		}
	}

	sigs := map[string]string{}
	for i := range v.abi.Types {
		def := &v.abi.Types[i]
		if !reach[def.Name] {
			continue
		}
		sig := signature(v.abi, def.Name, sigs)
		name := exported(def.Name)
		if have, ok := m.byName[name]; ok && have.sig == sig {
			v.goName[def.Name] = name
			continue
		}
		if m.taken[name] {
			name = v.ident + name
		}
		if m.taken[name] {
			return fmt.Errorf("%s: the name %s of %s would be declared twice", v.src.Path, name, def.Name)
		}
		m.taken[name] = true
		if def.Header != nil {
			if err := m.take("Op" + name); err != nil {
				return fmt.Errorf("%s: the opcode of %s: %w", v.src.Path, def.Name, err)
			}
		}
		t := &goType{name: name, def: def, v: v, sig: sig}
		m.types = append(m.types, t)
		m.byName[name] = t
		v.goName[def.Name] = name
	}
	return nil
}

// structsOf lists the structs a value of shape sh holds directly.
func structsOf(sh *cell.Shape) []string {
	switch sh.Kind {
	case cell.ShapeStruct:
		return []string{sh.Struct}
	case cell.ShapeMap:
		return append(structsOf(sh.Key), structsOf(sh.Value)...)
	case cell.ShapeUnion:
		return sh.Variants
	}
	return nil
}

// signature writes a struct as its ABI declares it, the structs it holds
// included, so two versions' structs of one name compare.
func signature(abi *cell.ABI, name string, memo map[string]string) string {
	if s, ok := memo[name]; ok {
		return s
	}
	def, err := abi.Type(name)
	if err != nil {
		return name
	}
	var b strings.Builder
	if def.Header != nil {
		fmt.Fprintf(&b, "message(%d) ", *def.Header)
	}
	b.WriteString(name + "{")
	for _, f := range def.Fields {
		b.WriteString(f.Name + ":" + f.Type.String())
		if sh, err := abi.Shape(f.Type); err == nil {
			for _, s := range structsOf(sh) {
				b.WriteString("(" + signature(abi, s, memo) + ")")
			}
		}
		b.WriteString(";")
	}
	b.WriteString("}")
	memo[name] = b.String()
	return memo[name]
}

// addErrors names the exit codes the versions declare, but those of TVM's
// own table, which package actor names.
func (m *model) addErrors(all []*version) {
	seen := map[int]string{}
	for _, v := range all {
		for _, code := range v.abi.ErrorCodes() {
			msg := v.abi.ErrorMessage(code)
			if actor.ExitCodeMeaning(int64(code)) != "" || msg == "" {
				continue
			}
			if seen[code] == msg {
				continue
			}
			seen[code] = msg
			name := "Exit" + exported(msg)
			if m.taken[name] {
				name = fmt.Sprintf("%s%d", name, code)
			}
			if m.taken[name] {
				continue
			}
			m.taken[name] = true
			m.errs = append(m.errs, errCode{name: name, code: code, message: msg})
		}
	}
	sort.SliceStable(m.errs, func(i, j int) bool { return m.errs[i].code < m.errs[j].code })
}

// identifier checks a name the generated code carries as it is (in struct
// tags and calls): letters, digits and underscores, not starting with a
// digit, as Tact and Tolk names are.
func identifier(v *version, what, name string) error {
	ok := name != ""
	for i, r := range name {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			ok = false
		}
	}
	if !ok {
		return fmt.Errorf("%s: %s%q: %w", v.src.Path, what, name, ErrName)
	}
	return nil
}
