package gen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// imports are the packages generated code may use, by the name it uses.
var imports = map[string]string{
	"embed":    "embed",
	"sync":     "sync",
	"big":      "math/big",
	"actor":    "github.com/tonsim/tonsim/actor",
	"cell":     "github.com/tonsim/tonsim/cell",
	"contract": "github.com/tonsim/tonsim/contract",
	"address":  "github.com/xssnick/tonutils-go/address",
	"tlb":      "github.com/xssnick/tonutils-go/tlb",
	"tvmcell":  "github.com/xssnick/tonutils-go/tvm/cell",
}

// handleMethods are the names a generated handle gets from
// contract.Handle, which generated methods must not take.
var handleMethods = map[string]bool{
	"Send": true, "SendBody": true, "SendComment": true, "SendExternal": true, "Get": true, "GetInto": true,
	"Storage": true, "StorageInto": true, "Contract": true, "Account": true, "On": true, "String": true, "Printer": true,
	"World": true, "Address": true, "Contracts": true, "Handle": true,
}

// writer writes one file's body.
type writer struct {
	bytes.Buffer
	m *model
}

func (w *writer) p(format string, args ...any) { fmt.Fprintf(w, format, args...) }

func (m *model) write(cfg Config) ([]byte, error) {
	w := &writer{m: m}
	w.p("\n\n")
	w.embeds()
	for _, h := range m.handles {
		if err := w.handle(h); err != nil {
			return nil, err
		}
	}
	if err := w.types(); err != nil {
		return nil, err
	}
	w.errors()

	var out bytes.Buffer
	fmt.Fprintf(&out, "%s%s%s\n\n", headerStart, strings.Join(cfg.Args(), " "), headerEnd)
	fmt.Fprintf(&out, "package %s\n\n", m.pkg)
	used, err := usedImports(m.pkg, w.Bytes())
	if err != nil {
		return nil, err
	}
	out.WriteString("import (\n")
	std := true
	for _, name := range used {
		if path := imports[name]; std && strings.Contains(path, ".") {
			std = false
			out.WriteString("\n")
		}
		if name == "tvmcell" {
			fmt.Fprintf(&out, "\ttvmcell %q\n", imports[name])
			continue
		}
		fmt.Fprintf(&out, "\t%q\n", imports[name])
	}
	out.WriteString(")\n")
	out.Write(w.Bytes())
	return out.Bytes(), nil
}

// usedImports parses the body and returns the packages it refers to,
// sorted by import path.
func usedImports(pkg string, body []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "gen.go", append([]byte("package "+pkg+"\n"), body...), 0)
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse (a bug in tonsim gen): %w", err)
	}
	seen := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && imports[id.Name] != "" {
				seen[id.Name] = true
			}
		}
		return true
	})
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := imports[out[i]], imports[out[j]]
		if stdA, stdB := !strings.Contains(a, "."), !strings.Contains(b, "."); stdA != stdB {
			return stdA
		}
		return a < b
	})
	return out, nil
}

func (w *writer) embeds() {
	m := w.m
	var files []string
	for _, s := range m.sources {
		files = append(files, s.Path)
		if strings.HasSuffix(s.Path, ".boc") {
			files = append(files, strings.TrimSuffix(s.Path, ".boc")+".abi.json")
		}
	}
	w.p("// %s holds the packages, embedded.\n//\n//go:embed %s\nvar %s embed.FS\n\n", m.filesVar(), strings.Join(files, " "), m.filesVar())
	quoted := make([]string, len(m.sources))
	for i, s := range m.sources {
		quoted[i] = quote(s.Path)
	}
	w.p("// %s returns the packages, parsed on first use: a program that never\n// asks for them does not pay for them.\nvar %s = sync.OnceValue(func() []*cell.Package {\n\treturn contract.MustEmbedded(%s, %s)\n})\n\n",
		m.packagesVar(), m.packagesVar(), m.filesVar(), strings.Join(quoted, ", "))
}

func (w *writer) handle(h *handle) error {
	m := w.m
	first := h.versions[0]
	var names []string
	for _, v := range h.versions {
		names = append(names, v.ident)
		w.p("// %sPackage returns %s's package (%s).\nfunc %sPackage() *cell.Package { return %s[%d] }\n\n",
			v.ident, v.src.Package.Name, v.src.Path, v.ident, m.packagesCall(), v.index)
	}
	if len(h.versions) > 1 {
		w.p("// %sPackages returns every version of %s, oldest first.\nfunc %sPackages() []*cell.Package {\n\treturn []*cell.Package{", h.name, h.name, h.name)
		for i, v := range h.versions {
			if i > 0 {
				w.p(", ")
			}
			w.p("%s[%d]", m.packagesCall(), v.index)
		}
		w.p("}\n}\n\n")
	}

	known := unexportedFirst(h.name) + "Known"
	doc := "the versions"
	if len(m.handles) > 1 {
		doc = "its versions, then the file's other packages (an upgrade may reach them)"
	}
	w.p("%s\nfunc %s() []contract.Option {\n\treturn []contract.Option{\n", comment(fmt.Sprintf("%s are the packages a %s handle knows, by name: %s.", known, h.name, doc)), known)
	for _, v := range m.knownBy(h) {
		w.p("\t\tcontract.WithPackage(%q, %s[%d]),\n", v.ident, m.packagesCall(), v.index)
	}
	w.p("\t}\n}\n\n")

	what := first.ident
	if len(h.versions) > 1 {
		what = "a contract that runs " + joinAnd(names)
	}
	w.p("%s\ntype %s struct {\n\t*contract.Handle\n}\n\n", comment(fmt.Sprintf(
		"%s is a handle on %s. Its messages are encoded, and its getters and storage decoded, by the version the account runs at that moment.", h.name, what)), h.name)

	initDoc := "the init arguments of " + first.ident
	if first.src.Package.Init.Prefix == nil {
		initDoc = first.ident + "'s storage at deployment"
	}
	if err := w.structType(h.name+"Init", h.name+"Init is "+initDoc+".", first, first.src.Package.Init.Args); err != nil {
		return err
	}
	w.p(`// Deploy%[1]s has wallet from deploy %[2]s with init, carrying
// contract.DefaultValue unless an option says otherwise (see contract.Deploy).
func Deploy%[1]s(w *actor.World, from *address.Address, init %[1]sInit, opts ...contract.Option) (*%[1]s, *contract.Result, error) {
	h, res, err := contract.Deploy(w, from, %[3]s[%[4]d], init, append(%[5]s(), opts...)...)
	if err != nil {
		return nil, nil, err
	}
	return &%[1]s{h}, res, nil
}

// Open%[1]s returns a handle on the account at addr, which runs one of
// %[1]s's versions (see contract.Open).
func Open%[1]s(w *actor.World, addr *address.Address, opts ...contract.Option) (*%[1]s, error) {
	h, err := contract.Open(w, addr, append(%[5]s(), opts...)...)
	if err != nil {
		return nil, err
	}
	return &%[1]s{h}, nil
}

// On returns the same account in another world, a fork say.
func (c *%[1]s) On(w *actor.World) *%[1]s { return &%[1]s{c.Handle.On(w)} }

`, h.name, first.ident, m.packagesCall(), first.index, known)

	methods := map[string]bool{}
	method := func(name, suffix string) (string, error) {
		if handleMethods[name] || methods[name] {
			name += suffix
		}
		if handleMethods[name] || methods[name] {
			return "", fmt.Errorf("%s: the method %s would be declared twice", h.name, name)
		}
		methods[name] = true
		return name, nil
	}
	if err := w.receivers(h, method); err != nil {
		return err
	}
	if err := w.getters(h, method); err != nil {
		return err
	}
	for _, v := range h.versions {
		st, err := v.abi.StorageType()
		if err != nil {
			continue
		}
		name, err := method("Storage"+v.ident, "Data")
		if err != nil {
			return err
		}
		typ := v.goName[st.Name]
		w.p("%s", comment(fmt.Sprintf("%[1]s decodes the account's storage as %[2]s's %[3]s. It fails with contract.ErrOtherVersion while the account runs another version, and with contract.ErrNotInitialized before %[2]s's init has run on it.", name, v.ident, typ)))
		w.p(`
func (c *%[4]s) %[1]s() (*%[3]s, error) {
	var out %[3]s
	if err := c.StorageInto(&out, %[5]s[%[6]d]); err != nil {
		return nil, err
	}
	return &out, nil
}

`, name, v.ident, typ, h.name, m.packagesCall(), v.index)
	}
	return nil
}

// knownBy lists the packages h knows: its versions, then every other
// package of the file, so a handle keeps working after an upgrade to code
// generated beside it, -family or not.
func (m *model) knownBy(h *handle) []*version {
	out := append([]*version(nil), h.versions...)
	for _, other := range m.handles {
		if other != h {
			out = append(out, other.versions...)
		}
	}
	return out
}

// receivers writes a Send method per receiver of any version.
func (w *writer) receivers(h *handle, method func(name, suffix string) (string, error)) error {
	done := map[string]bool{}
	for _, v := range h.versions {
		for _, r := range v.abi.Receivers {
			var key string
			switch r.Message.Kind {
			case cell.MessageTyped:
				key = r.Receiver + " " + v.goName[r.Message.Type]
			case cell.MessageEmpty, cell.MessageText:
				key = r.Receiver + " " + r.Message.Kind + " " + r.Message.Text
			default:
				continue
			}
			if done[key] {
				continue
			}
			done[key] = true
			if err := w.receiver(h, v, r, method); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) receiver(h *handle, v *version, r cell.Receiver, method func(name, suffix string) (string, error)) error {
	if r.Receiver == cell.ReceiverExternal {
		if r.Message.Kind != cell.MessageTyped {
			return nil // no typed body to build: SendExternal takes a message type
		}
		typ := v.goName[r.Message.Type]
		name, err := method("SendExternal"+typ, "Message")
		if err != nil {
			return err
		}
		w.p("%s\n", comment(fmt.Sprintf("%s delivers %s to the account as an external message, encoded by the version the account runs now.", name, r.Message.Type)))
		w.p(`func (c *%[3]s) %[1]s(msg %[2]s) (*contract.Result, error) {
	return c.SendExternal(%[4]q, msg)
}

`, name, typ, h.name, r.Message.Type)
		return nil
	}
	switch r.Message.Kind {
	case cell.MessageEmpty:
		name, err := method("SendEmpty", "Message")
		if err != nil {
			return err
		}
		w.p("%s\n", comment(name+" has wallet from send an empty message carrying value."))
		w.p(`func (c *%[2]s) %[1]s(from *address.Address, value tlb.Coins, opts ...contract.Option) (*contract.Result, error) {
	return c.SendBody(from, nil, append([]contract.Option{contract.WithValue(value)}, opts...)...)
}

`, name, h.name)
	case cell.MessageText:
		name, err := method("SendText"+exported(r.Message.Text), "Message")
		if err != nil {
			return err
		}
		w.p("%s\n", comment(fmt.Sprintf("%s has wallet from send the comment %s carrying value.", name, quote(r.Message.Text))))
		w.p(`func (c *%[2]s) %[1]s(from *address.Address, value tlb.Coins, opts ...contract.Option) (*contract.Result, error) {
	return c.SendComment(from, %[3]s, append([]contract.Option{contract.WithValue(value)}, opts...)...)
}

`, name, h.name, quote(r.Message.Text))
	case cell.MessageTyped:
		typ := v.goName[r.Message.Type]
		name, err := method("Send"+typ, "Message")
		if err != nil {
			return err
		}
		w.p("%s\n", comment(fmt.Sprintf("%s has wallet from send %s carrying value, encoded by the version the account runs now.", name, r.Message.Type)))
		w.p(`func (c *%[3]s) %[1]s(from *address.Address, msg %[2]s, value tlb.Coins, opts ...contract.Option) (*contract.Result, error) {
	return c.Send(from, %[4]q, msg, append([]contract.Option{contract.WithValue(value)}, opts...)...)
}

`, name, typ, h.name, r.Message.Type)
	}
	return nil
}

// getters writes a Get method per getter of any version; a getter two
// versions declare differently gets one per version.
func (w *writer) getters(h *handle, method func(name, suffix string) (string, error)) error {
	sigs := map[string]string{}
	for _, v := range h.versions {
		for _, g := range v.abi.Getters {
			var params, args []string
			for _, a := range g.Arguments {
				t, err := w.goTypeOf(v, a.Type)
				if err != nil {
					return fmt.Errorf("%s: getter %s: %w", v.src.Path, g.Name, err)
				}
				p := unexported(a.Name)
				params = append(params, p+" "+t)
				args = append(args, p)
			}
			ret := ""
			if g.ReturnType != nil {
				t, err := w.goTypeOf(v, *g.ReturnType)
				if err != nil {
					return fmt.Errorf("%s: getter %s: %w", v.src.Path, g.Name, err)
				}
				ret = t
			}
			sig := strings.Join(params, ", ") + " → " + ret
			base := "Get" + exported(g.Name)
			if have, ok := sigs[g.Name]; ok {
				if have == sig {
					continue
				}
				base += v.ident
			} else {
				sigs[g.Name] = sig
			}
			name, err := method(base, "Value")
			if err != nil {
				return err
			}
			call := quote(g.Name)
			if len(args) > 0 {
				call += ", " + strings.Join(args, ", ")
			}
			doc := fmt.Sprintf("// %s runs get fun %s(%s)", name, g.Name, argText(g.Arguments))
			if g.ReturnType != nil {
				doc += ": " + g.ReturnType.String()
			}
			doc = comment(strings.TrimPrefix(doc, "// ") + " on the version the account runs now.")
			if ret == "" {
				w.p("%s\nfunc (c *%s) %s(%s) error {\n\t_, err := c.Get(%s)\n\treturn err\n}\n\n", doc, h.name, name, strings.Join(params, ", "), call)
				continue
			}
			w.p("%s\nfunc (c *%s) %s(%s) (%s, error) {\n\tvar out %s\n\terr := c.GetInto(&out, %s)\n\treturn out, err\n}\n\n",
				doc, h.name, name, strings.Join(params, ", "), ret, ret, call)
		}
	}
	return nil
}

func argText(fs []cell.Field) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name + ": " + f.Type.String()
	}
	return strings.Join(out, ", ")
}

// types writes the structs, and the messages' opcodes.
func (w *writer) types() error {
	var ops []*goType
	for _, t := range w.m.types {
		doc := t.name + " is " + declaration(t.def) + "."
		if t.def.Header != nil {
			ops = append(ops, t)
		}
		if err := w.structType(t.name, doc, t.v, t.def.Fields); err != nil {
			return err
		}
	}
	if len(ops) > 0 {
		w.p("// Opcodes of the messages.\nconst (\n")
		for _, t := range ops {
			w.p("\tOp%s = 0x%08x\n", t.name, *t.def.Header)
		}
		w.p(")\n\n")
	}
	return nil
}

// declaration writes a struct as its ABI declares it, wrapped for a doc
// comment: "message(0x00000001) Step { queryId: Int as uint64 }".
func declaration(def *cell.TypeDef) string {
	head := "struct " + def.Name
	if def.Header != nil {
		head = fmt.Sprintf("message(0x%08x) %s", *def.Header, def.Name)
	}
	if len(def.Fields) == 0 {
		return head + " {}"
	}
	return head + " { " + argText(def.Fields) + " }"
}

// errors writes the exit codes as constants.
func (w *writer) errors() {
	if len(w.m.errs) == 0 {
		return
	}
	w.p("// Exit codes the contract declares (TVM's own are package actor's Exit constants).\nconst (\n")
	for _, e := range w.m.errs {
		w.p("\t%s = %d // %s\n", e.name, e.code, oneLine(e.message))
	}
	w.p(")\n")
}

func joinAnd(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
