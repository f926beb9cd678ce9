package cell

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ABI is a contract's interface: its structs and messages, receivers,
// getters and error messages, as in the "abi" of a Tact .pkg or an .abi
// file, or in a Tolk compiler's ABI file. Build it with [ParseABI] or
// [ParseTolkABI]; the zero value is not usable.
type ABI struct {
	Name       string
	Types      []TypeDef
	Receivers  []Receiver
	Getters    []Getter
	Errors     map[int]string // exit code → message
	Interfaces []string
	// Events names the types of the bodies of the external messages (logs)
	// the contract emits, as a Tolk ABI lists them; Tact ABIs list none.
	Events []string

	types         map[string]int // name → index in Types
	layouts       map[string]*layout
	storage       string       // the storage type, when it is not "<Name>$Data" (Tolk)
	deployStorage string       // the storage type at deployment, when it differs (Tolk)
	ops           map[Type]*op // compiled types of a Tolk ABI; Tact types compile from their text
}

// TypeDef is a struct or, when Header is set, a message: a struct whose cell
// starts with a 32-bit opcode.
type TypeDef struct {
	Name   string  `json:"name"`
	Header *uint32 `json:"header"`
	Fields []Field `json:"fields"`
}

// Field is a named value of a struct, of a getter's arguments or of a
// contract's init arguments.
type Field struct {
	Name string `json:"name"`
	Type Type   `json:"type"`
}

// Receiver kinds.
const (
	ReceiverInternal = "internal"
	ReceiverExternal = "external"
)

// Message kinds of a [Receiver].
const (
	MessageTyped = "typed" // receive(msg: Type)
	MessageEmpty = "empty" // receive()
	MessageText  = "text"  // receive("text")
	MessageAny   = "any"   // receive(msg: Slice)
)

// Receiver is one receive() or external() function of a contract.
type Receiver struct {
	Receiver string          `json:"receiver"`
	Message  ReceiverMessage `json:"message"`
}

// ReceiverMessage is what a [Receiver] accepts: a message type, a text
// comment, an empty body or any body.
type ReceiverMessage struct {
	Kind string `json:"kind"`
	Type string `json:"type,omitempty"`
	Text string `json:"text,omitempty"`
}

// Getter is one get fun of a contract. ReturnType is nil for a getter that
// returns nothing.
type Getter struct {
	Name       string  `json:"name"`
	MethodID   int64   `json:"methodId"`
	Arguments  []Field `json:"arguments"`
	ReturnType *Type   `json:"returnType"`
}

// abiJSON is the ABI as the compiler writes it.
type abiJSON struct {
	Name      string     `json:"name"`
	Types     []TypeDef  `json:"types"`
	Receivers []Receiver `json:"receivers"`
	Getters   []Getter   `json:"getters"`
	Errors    map[string]struct {
		Message string `json:"message"`
	} `json:"errors"`
	Interfaces []string `json:"interfaces"`
}

// ParseABI reads a Tact ABI (JSON) and checks that every type it names
// exists and can be serialized.
func ParseABI(data []byte) (*ABI, error) {
	var raw abiJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidABI, jsonError(err))
	}
	if err := raw.checkNames(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidABI, err)
	}

	a := &ABI{
		Name:       raw.Name,
		Types:      raw.Types,
		Receivers:  raw.Receivers,
		Getters:    raw.Getters,
		Errors:     make(map[int]string, len(raw.Errors)),
		Interfaces: raw.Interfaces,
	}
	for code, e := range raw.Errors {
		n, err := strconv.Atoi(code)
		if err != nil {
			return nil, fmt.Errorf("%w: an error code is not an integer: %s", ErrInvalidABI, DescribeText(code))
		}
		a.Errors[n] = e.Message
	}

	if err := a.index(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidABI, err)
	}
	return a, nil
}

// checkNames checks every name and format the ABI gives (see
// [checkName]) before any error may quote one.
func (raw *abiJSON) checkNames() error {
	if err := checkNames(func(int) string { return "name" }, raw.Name); err != nil {
		return err
	}
	for i, t := range raw.Types {
		at := fmt.Sprintf("types[%d]", i)
		if err := checkNames(func(int) string { return at + ".name" }, t.Name); err != nil {
			return err
		}
		if err := checkTactFields(at+".fields", t.Fields); err != nil {
			return err
		}
	}
	for i, r := range raw.Receivers {
		where := func(j int) string {
			return fmt.Sprintf("receivers[%d].%s", i, [...]string{"receiver", "message.kind", "message.type"}[j])
		}
		if err := checkNames(where, r.Receiver, r.Message.Kind, r.Message.Type); err != nil {
			return err
		}
	}
	for i, g := range raw.Getters {
		at := fmt.Sprintf("getters[%d]", i)
		if err := checkNames(func(int) string { return at + ".name" }, g.Name); err != nil {
			return err
		}
		if err := checkTactFields(at+".arguments", g.Arguments); err != nil {
			return err
		}
		if g.ReturnType != nil {
			if err := checkTactType(at+".returnType", *g.ReturnType); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkTactFields(at string, fields []Field) error {
	for i, f := range fields {
		fat := fmt.Sprintf("%s[%d]", at, i)
		if err := checkNames(func(int) string { return fat + ".name" }, f.Name); err != nil {
			return err
		}
		if err := checkTactType(fat+".type", f.Type); err != nil {
			return err
		}
	}
	return nil
}

// checkTactType checks a type reference's names, and its formats: a name
// or a number of bits.
func checkTactType(at string, t Type) error {
	where := func(j int) string { return at + "." + [...]string{"kind", "type", "key", "value", "tolk"}[j] }
	if err := checkNames(where, t.Kind, t.Type, t.Key, t.Value, t.Tolk); err != nil {
		return err
	}
	for j, format := range []string{t.Format, t.KeyFormat, t.ValueFormat} {
		if format != "" && !isDigits(format) && !isName(format) {
			return checkName(at+"."+[...]string{"format", "keyFormat", "valueFormat"}[j], format)
		}
		if len(format) > MaxNameLen {
			return checkName(at+"."+[...]string{"format", "keyFormat", "valueFormat"}[j], format)
		}
	}
	return nil
}

// index builds the lookup tables and the layout of every type, and checks
// every type reference.
func (a *ABI) index() error {
	a.types = make(map[string]int, len(a.Types))
	for i, t := range a.Types {
		if t.Name == "" {
			return fmt.Errorf("type %d has no name", i)
		}
		if _, dup := a.types[t.Name]; dup {
			return fmt.Errorf("type %s is defined twice", t.Name)
		}
		a.types[t.Name] = i
	}

	a.layouts = make(map[string]*layout, len(a.Types))
	for _, t := range a.Types {
		if _, err := a.layoutOf(t.Name, nil); err != nil {
			return err
		}
	}

	for i, r := range a.Receivers {
		if r.Receiver != ReceiverInternal && r.Receiver != ReceiverExternal {
			return fmt.Errorf("receiver %d: unknown receiver kind %q", i, r.Receiver)
		}
		switch r.Message.Kind {
		case MessageTyped:
			if _, ok := a.types[r.Message.Type]; !ok {
				return fmt.Errorf("receiver %d: %w %q", i, ErrUnknownType, r.Message.Type)
			}
		case MessageEmpty, MessageText, MessageAny:
		default:
			return fmt.Errorf("receiver %d: unknown message kind %q", i, r.Message.Kind)
		}
	}

	for _, g := range a.Getters {
		if _, err := a.compileFields("getter "+g.Name, g.Arguments); err != nil {
			return err
		}
		if g.ReturnType != nil {
			if _, err := a.compile(*g.ReturnType); err != nil {
				return fmt.Errorf("getter %s: return type: %w", g.Name, err)
			}
		}
	}
	return nil
}

func (a *ABI) isStruct(name string) bool {
	_, ok := a.types[name]
	return ok
}

func (a *ABI) compileFields(owner string, fields []Field) ([]layoutField, error) {
	out := make([]layoutField, len(fields))
	seen := make(map[string]bool, len(fields))
	for i, f := range fields {
		if seen[f.Name] {
			return nil, fmt.Errorf("%s.%s is defined twice", owner, f.Name)
		}
		seen[f.Name] = true
		o, err := a.compile(f.Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", owner, f.Name, err)
		}
		out[i] = layoutField{name: f.Name, typ: f.Type, op: o}
	}
	return out, nil
}

// layoutOf returns the layout of the named type, building it and the layouts
// of the structs it holds first. visiting guards against recursive structs.
func (a *ABI) layoutOf(name string, visiting map[string]bool) (*layout, error) {
	if l, ok := a.layouts[name]; ok {
		return l, nil
	}
	if visiting[name] {
		return nil, fmt.Errorf("type %s contains itself", name)
	}
	if visiting == nil {
		visiting = map[string]bool{}
	}
	visiting[name] = true
	defer delete(visiting, name)

	def := &a.Types[a.types[name]]
	fields, err := a.compileFields(name, def.Fields)
	if err != nil {
		return nil, err
	}

	// Inline structs need their size first; a struct in a ref is laid out on its own.
	var inner error
	structSize := func(s string) opSize {
		l, err := a.layoutOf(s, visiting)
		if err != nil {
			inner = err
			return opSize{}
		}
		return l.size
	}

	res := reserved{}
	if def.Header != nil {
		res.bits = headerBits
	}
	if isContractData(name) {
		res.refs = 1 // a contract keeps a ref for its system cell
	}
	root, err := allocate(name, fields, res, structSize)
	if inner != nil {
		return nil, inner
	}
	if err != nil {
		return nil, err
	}

	l := &layout{
		name:   name,
		fields: fields,
		root:   root,
		size:   opSize{bits: root.used.bits + res.bits, refs: root.used.refs + res.refs},
	}
	if def.Header != nil {
		l.prefix = opcodePrefix(*def.Header)
	}
	a.layouts[name] = l
	return l, nil
}

// isContractData tells whether a type is a contract's fields ("Name$Data"),
// which Tact allocates as a contract rather than as a struct.
func isContractData(name string) bool {
	return strings.HasSuffix(name, "$Data")
}

// Type returns the struct or message of that name.
func (a *ABI) Type(name string) (*TypeDef, error) {
	i, ok := a.types[name]
	if !ok {
		return nil, fmt.Errorf("%w %s in %s", ErrUnknownType, Quote(name), a.Name)
	}
	return &a.Types[i], nil
}

// Message returns the message whose opcode is op.
func (a *ABI) Message(op uint32) (*TypeDef, error) {
	for i := range a.Types {
		if h := a.Types[i].Header; h != nil && *h == op {
			return &a.Types[i], nil
		}
	}
	return nil, fmt.Errorf("%w 0x%08x in %s", ErrUnknownOpcode, op, a.Name)
}

// Messages returns every message type whose opcode is op, in the order the
// ABI lists them: two types may share an opcode (one received, another sent
// elsewhere), so a name by opcode alone can be wrong; see [ABI.Receives].
func (a *ABI) Messages(op uint32) []*TypeDef {
	var out []*TypeDef
	for i := range a.Types {
		if h := a.Types[i].Header; h != nil && *h == op {
			out = append(out, &a.Types[i])
		}
	}
	return out
}

// Receives reports whether one of the contract's internal receivers takes
// the message type name.
func (a *ABI) Receives(name string) bool {
	for _, r := range a.Receivers {
		if r.Receiver == ReceiverInternal && r.Message.Kind == MessageTyped && r.Message.Type == name {
			return true
		}
	}
	return false
}

// Getter returns the getter of that name.
func (a *ABI) Getter(name string) (*Getter, error) {
	for i := range a.Getters {
		if a.Getters[i].Name == name {
			return &a.Getters[i], nil
		}
	}
	return nil, fmt.Errorf("%w %s in %s", ErrUnknownGetter, Quote(name), a.Name)
}

// InternalMessages returns the message types the contract's internal
// receivers accept, in the order the contract declares them.
func (a *ABI) InternalMessages() []*TypeDef {
	var out []*TypeDef
	for _, r := range a.Receivers {
		if r.Receiver == ReceiverInternal && r.Message.Kind == MessageTyped {
			out = append(out, &a.Types[a.types[r.Message.Type]])
		}
	}
	return out
}

// StorageType returns the contract's fields as a struct: the type named
// "<Name>$Data" of a Tact contract, the storage struct of a Tolk one.
func (a *ABI) StorageType() (*TypeDef, error) {
	if a.storage != "" {
		return a.Type(a.storage)
	}
	return a.Type(a.Name + "$Data")
}

// compile returns the serialization of t: the one a Tolk ABI resolved for
// it, or the one Tact's rules give.
func (a *ABI) compile(t Type) (*op, error) {
	if o, ok := a.ops[t]; ok {
		return o, nil
	}
	return compileType(t, a.isStruct)
}

// ErrorMessage returns the message of an exit code the contract declares,
// or "" for a code it does not know.
func (a *ABI) ErrorMessage(code int) string {
	return a.Errors[code]
}

// ErrorCodes returns the exit codes the contract declares, in ascending order.
func (a *ABI) ErrorCodes() []int {
	codes := make([]int, 0, len(a.Errors))
	for c := range a.Errors {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	return codes
}

// layout returns the layout of a type, or ErrUnknownType.
func (a *ABI) layout(name string) (*layout, error) {
	l, ok := a.layouts[name]
	if !ok {
		return nil, fmt.Errorf("%w %s in %s", ErrUnknownType, Quote(name), a.Name)
	}
	return l, nil
}
