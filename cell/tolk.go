package cell

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// tolkSchemaMajor is the major version of the Tolk ABI schema this package
// reads ("abi_schema_version": "1.0" and later 1.x).
const tolkSchemaMajor = "1"

// tolkFile is a Tolk compiler's ABI file, schema 1.0: every type is an
// entry of UniqueTypes, referred to by its index (ty_idx).
type tolkFile struct {
	SchemaVersion string `json:"abi_schema_version"`
	ContractName  string `json:"contract_name"`
	Author        string `json:"author"`
	Version       string `json:"version"`
	Description   string `json:"description"`

	UniqueTypes          []tolkType        `json:"unique_types"`
	StructInstantiations []tolkStructInst  `json:"struct_instantiations"`
	AliasInstantiations  []tolkAliasInst   `json:"alias_instantiations"`
	Declarations         []tolkDeclaration `json:"declarations"`

	IncomingMessages []tolkBody `json:"incoming_messages"`
	IncomingExternal []tolkBody `json:"incoming_external"`
	OutgoingMessages []tolkBody `json:"outgoing_messages"`
	EmittedEvents    []tolkBody `json:"emitted_events"`
	Storage          struct {
		StorageTyIdx             *int `json:"storage_ty_idx"`
		StorageAtDeploymentTyIdx *int `json:"storage_at_deployment_ty_idx"`
	} `json:"storage"`
	GetMethods   []tolkGetMethod `json:"get_methods"`
	ThrownErrors []tolkError     `json:"thrown_errors"`

	CompilerName    string `json:"compiler_name"`
	CompilerVersion string `json:"compiler_version"`
}

// tolkType is one entry of unique_types; which fields are set depends on
// its kind.
type tolkType struct {
	Kind          string        `json:"kind"`
	N             *int          `json:"n"`
	InnerTyIdx    *int          `json:"inner_ty_idx"`
	ItemsTyIdx    []int         `json:"items_ty_idx"`
	KeyTyIdx      *int          `json:"key_ty_idx"`
	ValueTyIdx    *int          `json:"value_ty_idx"`
	StructName    string        `json:"struct_name"`
	AliasName     string        `json:"alias_name"`
	EnumName      string        `json:"enum_name"`
	NameT         string        `json:"name_t"`
	TypeArgsTyIdx []int         `json:"type_args_ty_idx"`
	Variants      []tolkVariant `json:"variants"`
}

// tolkVariant is one member of a union and the prefix that tells it.
type tolkVariant struct {
	VariantTyIdx     *int    `json:"variant_ty_idx"`
	PrefixNum        *uint64 `json:"prefix_num"`
	PrefixLen        *int    `json:"prefix_len"`
	IsPrefixImplicit bool    `json:"is_prefix_implicit"`
}

// tolkPrefix is a struct's prefix: a message's 32-bit opcode, or any tag of
// up to 64 bits.
type tolkPrefix struct {
	PrefixNum uint64 `json:"prefix_num"`
	PrefixLen int    `json:"prefix_len"`
}

// tolkDeclaration is a struct, an alias or an enum.
type tolkDeclaration struct {
	Kind             string          `json:"kind"`
	Name             string          `json:"name"`
	TyIdx            *int            `json:"ty_idx"`
	TypeParams       []string        `json:"type_params"`
	Prefix           *tolkPrefix     `json:"prefix"`
	Fields           []tolkField     `json:"fields"`
	CustomPackUnpack json.RawMessage `json:"custom_pack_unpack"`
	TargetTyIdx      *int            `json:"target_ty_idx"`
	EncodedAsTyIdx   *int            `json:"encoded_as_ty_idx"`
	Members          []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"members"`
}

// tolkField is a field of a struct or a parameter of a get method.
// ClientTyIdx, when set, is how a client should see the field's bits.
type tolkField struct {
	Name        string `json:"name"`
	TyIdx       *int   `json:"ty_idx"`
	ClientTyIdx *int   `json:"client_ty_idx"`
	Description string `json:"description"`
}

// tolkStructInst and tolkAliasInst make a generic struct or alias concrete:
// the StructRef or AliasRef with type arguments at TyIdx has these fields or
// this target.
type tolkStructInst struct {
	TyIdx            *int            `json:"ty_idx"`
	StructName       string          `json:"struct_name"`
	FieldsTyIdx      []int           `json:"monomorphic_fields_ty_idx"`
	CustomPackUnpack json.RawMessage `json:"custom_pack_unpack"`
}

type tolkAliasInst struct {
	TyIdx            *int            `json:"ty_idx"`
	AliasName        string          `json:"alias_name"`
	TargetTyIdx      *int            `json:"monomorphic_target_ty_idx"`
	CustomPackUnpack json.RawMessage `json:"custom_pack_unpack"`
}

// tolkBody is a message or event body type.
type tolkBody struct {
	BodyTyIdx *int `json:"body_ty_idx"`
}

type tolkGetMethod struct {
	TvmMethodID *int64      `json:"tvm_method_id"`
	Name        string      `json:"name"`
	Parameters  []tolkField `json:"parameters"`
	ReturnTyIdx *int        `json:"return_ty_idx"`
	Description string      `json:"description"`
}

// tolkError is an exit code the contract may throw: a plain_int, a
// constant or an enum_member, named unless it is a plain int.
type tolkError struct {
	ErrCode     *int   `json:"err_code"`
	Kind        string `json:"kind"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ParseTolkABI reads the ABI file the Tolk compiler writes beside a
// contract's code ("abi_schema_version": "1.0") and turns it into the model
// Tact ABIs use, so [ABI.Decode], [ABI.Encode] and the getter functions work
// on a Tolk contract's cells and stack values:
//
//   - every struct becomes a [TypeDef] whose fields are laid out one after
//     another in one cell, as Tolk does; a struct with a 32-bit prefix is a
//     message (Header is the prefix), one with a shorter prefix stores it
//     too. Generic structs appear once per instantiation, named as Tolk
//     writes them ("Wrapper<int32>").
//   - incoming_messages and incoming_external become typed [Receiver]s (a
//     union stands for each of its structs), emitted_events become
//     [ABI.Events], get_methods become [Getter]s with their tvm_method_id,
//     thrown_errors with a name (or description) become [ABI.Errors], and
//     the storage struct is what [ABI.StorageType] returns.
//
// Supported kinds: intN, uintN, varintN, varuintN, coins, bool, cell,
// remaining, string (a ref to its snake cells), address, addressOpt
// (addr_none for null), bitsN (a []byte whose last byte's bits past N are
// 0), structs with or without prefixes, aliases, enums (as the integer they
// are encoded as; members are not checked), nullable (a Maybe bit, then the
// value), cellOf a struct (a ref), mapKV (a Maybe bit and a ref, values
// inline in the leaves; keys intN, uintN or address) and unions of structs
// told apart by prefixes; in getters also int, slice and builder, which are
// never serialized. On the stack a returned struct is spread into its
// fields, Cell<T> and string are cells, and a getter whose return type is
// string also takes a slice holding the snake bytes (what a version()
// returning slice gives). Any other kind (tensor, shapedTuple, arrayOf,
// lispListOf, an unresolved generic T, addressExt, addressAny, void in a
// struct, custom pack/unpack, a union or a nullable struct on the stack...)
// is an error wrapping [ErrInvalidTolkABI] that names the kind and where it
// is.
//
// Values decode as for Tact (see [Struct]); a union's value is the
// [*Struct] of the variant it holds. One difference: Tolk chunks a long
// string's cells as it was built, so a string decodes whatever its chunking
// and encodes again in 127-byte cells.
func ParseTolkABI(data []byte) (*ABI, error) {
	a, err := parseTolkABI(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidTolkABI, err)
	}
	return a, nil
}

func parseTolkABI(data []byte) (*ABI, error) {
	var f tolkFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, jsonError(err)
	}
	if major, _, _ := strings.Cut(f.SchemaVersion, "."); major != tolkSchemaMajor {
		if !isVersion(f.SchemaVersion) {
			return nil, fmt.Errorf("abi_schema_version is not 1.x: %s", DescribeText(f.SchemaVersion))
		}
		return nil, fmt.Errorf("abi_schema_version %q is not 1.x", f.SchemaVersion)
	}
	if f.ContractName == "" {
		return nil, fmt.Errorf("no contract_name")
	}
	if err := f.checkNames(); err != nil {
		return nil, err
	}

	r, err := newTolkResolver(&f)
	if err != nil {
		return nil, err
	}
	if err := r.resolveDeclarations(); err != nil {
		return nil, err
	}
	if err := r.resolveInterface(); err != nil {
		return nil, err
	}
	a := r.abi
	for _, e := range f.ThrownErrors {
		if e.ErrCode == nil {
			return nil, fmt.Errorf("thrown_errors: an error has no err_code")
		}
		msg := e.Description
		if msg == "" {
			msg = e.Name
		}
		if msg != "" {
			a.Errors[*e.ErrCode] = msg
		}
	}
	return a, nil
}

// checkNames checks every name the file gives (see [checkName]) before
// any error may quote one.
func (f *tolkFile) checkNames() error {
	if err := checkName("contract_name", f.ContractName); err != nil {
		return err
	}
	for i, t := range f.UniqueTypes {
		where := func(j int) string {
			return fmt.Sprintf("unique_types[%d].%s", i, [...]string{"kind", "struct_name", "alias_name", "enum_name", "name_t"}[j])
		}
		if err := checkNames(where, t.Kind, t.StructName, t.AliasName, t.EnumName, t.NameT); err != nil {
			return err
		}
	}
	for i, in := range f.StructInstantiations {
		if err := checkNames(func(int) string { return fmt.Sprintf("struct_instantiations[%d].struct_name", i) }, in.StructName); err != nil {
			return err
		}
	}
	for i, in := range f.AliasInstantiations {
		if err := checkNames(func(int) string { return fmt.Sprintf("alias_instantiations[%d].alias_name", i) }, in.AliasName); err != nil {
			return err
		}
	}
	for i, d := range f.Declarations {
		at := fmt.Sprintf("declarations[%d]", i)
		if err := checkNames(func(j int) string { return at + [...]string{".kind", ".name"}[j] }, d.Kind, d.Name); err != nil {
			return err
		}
		if err := checkNames(func(j int) string { return fmt.Sprintf("%s.type_params[%d]", at, j) }, d.TypeParams...); err != nil {
			return err
		}
		if err := checkFieldNames(at+".fields", d.Fields); err != nil {
			return err
		}
		for j, m := range d.Members {
			if err := checkNames(func(int) string { return fmt.Sprintf("%s.members[%d].name", at, j) }, m.Name); err != nil {
				return err
			}
		}
	}
	for i, g := range f.GetMethods {
		at := fmt.Sprintf("get_methods[%d]", i)
		if err := checkNames(func(int) string { return at + ".name" }, g.Name); err != nil {
			return err
		}
		if err := checkFieldNames(at+".parameters", g.Parameters); err != nil {
			return err
		}
	}
	return nil
}

func checkFieldNames(at string, fields []tolkField) error {
	for i, fd := range fields {
		if err := checkNames(func(int) string { return fmt.Sprintf("%s[%d].name", at, i) }, fd.Name); err != nil {
			return err
		}
	}
	return nil
}

// TolkABISuffix ends the name of a Tolk contract's ABI file beside its
// code: counter.boc has its interface in counter.abi.json.
const TolkABISuffix = ".abi.json"

// TolkABIFile names the ABI file beside a code BOC's file.
func TolkABIFile(codeFile string) string {
	return strings.TrimSuffix(codeFile, filepath.Ext(codeFile)) + TolkABISuffix
}

// LoadTolkPackage puts a Tolk contract's code and its ABI file
// ([ParseTolkABI]) together as a [Package]. A Tolk contract's data is its
// storage struct, so [Package.InitData] takes the storage fields (those of
// storage_at_deployment when the ABI has it) and Init.Prefix is nil, as for
// a Tact contract with contract parameters; [Package.DecodeStorage] reads
// the storage struct.
func LoadTolkPackage(code *tvmcell.Cell, abiJSON []byte) (*Package, error) {
	if code == nil {
		return nil, fmt.Errorf("%w: no code", ErrInvalidTolkABI)
	}
	a, err := ParseTolkABI(abiJSON)
	if err != nil {
		return nil, err
	}
	var f struct {
		CompilerName    string `json:"compiler_name"`
		CompilerVersion string `json:"compiler_version"`
	}
	_ = json.Unmarshal(abiJSON, &f) // it parsed above

	p := &Package{
		Name:     a.Name,
		Code:     code,
		ABI:      a,
		Compiler: Compiler{Name: f.CompilerName, Version: f.CompilerVersion},
		Sources:  map[string][]byte{},
	}
	deploy := a.storage
	if a.deployStorage != "" {
		deploy = a.deployStorage
	}
	if deploy != "" {
		l, err := a.layout(deploy)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidTolkABI, err)
		}
		def, _ := a.Type(deploy)
		p.Init = Init{Args: def.Fields, layout: l}
	}
	return p, nil
}
