package upgradable

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Protocol is how a family of contracts upgrades, written as data: which
// messages an upgrade sends and with what, which account's code it
// replaces, when the data migrates, what a pending migration looks like
// and where the running version is read. [Preflight] and the upgrade
// matrix run any protocol the same way; none is a special case in the code.
type Protocol struct {
	// Name is how scenarios and the command line name the protocol.
	Name string
	// About says, for people, where the protocol comes from.
	About string
	// Detect is what a contract's ABI must declare for the protocol to be
	// its own (see [DetectProtocol]).
	Detect Detect
	// Steps are the messages of one upgrade, in order.
	Steps []Step
	// Target says which account's code the upgrade replaces.
	Target Target
	// Migration says when the new code migrates the old data.
	Migration Migration
	// Envelopes are the layouts of the data a lazy upgrade leaves before
	// its migration ran.
	Envelopes []EnvelopeLayout
	// Version says where the running version is read.
	Version VersionSource
	// Calls name the new code's functions an eager upgrade's old code
	// calls through c3 once it pointed c3 at the new code, by method id:
	// the new code's migrate.
	Calls map[uint64]string

	// renamed maps a field a [Definition] renamed to the built-in's name.
	renamed map[string]string
}

// Call names the function the protocol's old code calls in the new code
// by method id; "" for none.
func (p *Protocol) Call(id uint64) string {
	if p == nil {
		return ""
	}
	return p.Calls[id]
}

// Detect is what identifies a protocol in an ABI.
type Detect struct {
	// Messages must each be a message type the contract receives.
	Messages []MessageShape
	// Types must each be a type the ABI declares, received or not: a
	// struct only the upgrade's code builds (the InitParams an envelope
	// holds).
	Types []MessageShape
	// Getters must be getters of the contract.
	Getters []string
}

// MessageShape matches a message type of an ABI.
type MessageShape struct {
	// Name is the type's name, "" for any; Opcode its opcode, 0 for any.
	Name   string
	Opcode uint32
	// Fields the type must have, exactly when Exact.
	Fields []string
	Exact  bool
}

// Step is one message of an upgrade: sent by the upgrade's sender to the
// contract, after waiting.
type Step struct {
	// Role is what the step does in its protocol, the name a
	// [Definition] renames its message by: "upgrade" for a protocol of
	// one message, "stage" and "commit" for a staged one, "request" and
	// "confirm" for a time lock.
	Role string
	// Message is the message type, by name in the ABI of the code the
	// contract runs when the step is sent.
	Message string
	// Fields give the message's fields; a field not listed takes the
	// request's value of that name, else its type's zero (0, null, an
	// empty cell, false).
	Fields map[string]Arg
	// Wait is how long to wait before the step, in seconds, at least;
	// WaitField adds the value, in seconds, of a field an earlier step
	// sent (a time lock's delay).
	Wait      uint32
	WaitField string
}

// ArgKind says where a step's field value comes from.
type ArgKind int

const (
	// ArgNewCode is the code upgraded to.
	ArgNewCode ArgKind = iota
	// ArgNull is null (an absent optional).
	ArgNull
	// ArgValue is the Value as given.
	ArgValue
	// ArgMigratedData is the new code's storage made from the current one,
	// field by field by name: for protocols whose upgrade message carries
	// the new data.
	ArgMigratedData
)

// Arg is a step field's value.
type Arg struct {
	Kind  ArgKind
	Value any
}

// Target says which account an upgrade changes.
type Target struct {
	// Getter, when set, is a getter of the contract that returns the
	// address of the account whose code the upgrade replaces: a proxy's
	// child. Empty means the contract itself.
	Getter string
}

// Migration says when an upgrade's data migrates.
type Migration int

const (
	// MigrationLazy: the upgrade swaps the code and leaves the old data in
	// an envelope; the new code's init migrates it on the next message or
	// getter (Chainlink's Tact trait).
	MigrationLazy Migration = iota
	// MigrationEager: the new code migrates the data inside the upgrade
	// transaction; a failing migration aborts the whole transaction, and
	// nothing changes (Chainlink's Tolk library).
	MigrationEager
	// MigrationNone: the upgrade message brings the new data, or the new
	// code reads the old data as it is.
	MigrationNone
)

var migrationNames = map[Migration]string{MigrationLazy: "lazy", MigrationEager: "eager", MigrationNone: "none"}

func (m Migration) String() string { return migrationNames[m] }

// ParseMigration reads lazy, eager or none.
func ParseMigration(s string) (Migration, error) {
	for m, name := range migrationNames {
		if name == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("migration %q is not one of lazy, eager, none", s)
}

// EnvelopeLayout is the shape of a pending migration's data: a cell of
// exactly Bits bits, starting with the PrefixBits-bit value Prefix (a
// cleared lazy-deployment bit), and Refs refs, of which ref DataRef holds
// the old data.
type EnvelopeLayout struct {
	Name       string
	Bits       int
	PrefixBits int
	Prefix     uint64
	Refs       int
	DataRef    int
}

// Open returns the old data inside an envelope of this layout, or
// [ErrNoEnvelope].
func (l EnvelopeLayout) Open(data *tvmcell.Cell) (*tvmcell.Cell, error) {
	if data == nil || int(data.BitsSize()) != l.Bits || int(data.RefsNum()) != l.Refs || l.DataRef >= l.Refs {
		return nil, ErrNoEnvelope
	}
	s, err := data.BeginParseWithoutTrace()
	if err != nil {
		return nil, ErrNoEnvelope
	}
	if l.PrefixBits > 0 {
		if p, err := s.LoadUInt(uint(l.PrefixBits)); err != nil || p != l.Prefix {
			return nil, ErrNoEnvelope
		}
	}
	ref, err := data.PeekRef(l.DataRef)
	if err != nil {
		return nil, ErrNoEnvelope
	}
	return ref, nil
}

// VersionKind says how a version getter's result reads.
type VersionKind int

const (
	// VersionTypeAndVersion is "<reverse-DNS type> v<semver>", as
	// Chainlink's type_and_version.
	VersionTypeAndVersion VersionKind = iota
	// VersionText is the version alone: "2.0.0".
	VersionText
)

// VersionSource says where a contract tells its version.
type VersionSource struct {
	Getter string
	Kind   VersionKind
}

// lazyEnvelope is the data Chainlink's Tact trait leaves:
//
//	struct LazyDeploymentLayout { lazyDeploymentBit: Bool; data: Cell; }
var lazyEnvelope = EnvelopeLayout{Name: "chainlink-tact", Bits: 1, PrefixBits: 1, Prefix: 0, Refs: 1, DataRef: 0}

// Built-in protocols, by name.
const (
	ProtocolChainlinkTact = "chainlink-tact"
	ProtocolChainlinkTolk = "chainlink-tolk"
	ProtocolDirect        = "direct"
	ProtocolStaged        = "staged"
	ProtocolDelayed       = "delayed"
	ProtocolProxy         = "proxy"
	ProtocolInitParams    = "initparams"
	ProtocolEagerTact     = "eager-tact"
	ProtocolSetCode       = "set-code"
)

// OpTolkUpgrade is the opcode of Chainlink's Tolk library's upgrade:
//
//	struct (0x0aa811ed) Upgradeable_Upgrade { queryId: uint64; code: cell }
const OpTolkUpgrade = 0x0aa811ed

// Method ids of the functions Chainlink's Tolk library calls in the new
// code through c3, in the upgrade's transaction; every version keeps them:
//
//	@method_id(1000) fun migrate(storage: cell, fromVersion: slice): cell
//	@method_id(1001) fun version(): slice
const (
	MethodTolkMigrate = 1000
	MethodTolkVersion = 1001
)

// MethodPostUpgrade is the method id of the eager Tact protocol's
// post-upgrade hook, which the old code calls in the new code through c3:
//
//	get(0x4850) fun postUpgrade(fromVersion: String): Cell
const MethodPostUpgrade = 0x4850

// DefaultDelay is the time lock a delayed upgrade asks for unless told
// otherwise, in seconds.
const DefaultDelay = 3600

// addrStdBits is the size of a Tact Address inline: addr_std$10, no
// anycast, an 8-bit workchain and a 256-bit account.
const addrStdBits = 2 + 1 + 8 + 256

// initParamsEnvelope is the data the commit of Chainlink's later Tact
// prototypes leaves, the cleared lazy-deployment bit followed by the new
// code's init argument:
//
//	struct InitParams { header: HeaderUpgradable; stateToBeMigrated: Cell; }
//	struct HeaderUpgradable { owner: Address; }
//
// The header sits inline and the old data is the only reference. The
// prefix is the cleared bit and the owner's first three bits: addr_std$10,
// no anycast (0_10_0).
var initParamsEnvelope = EnvelopeLayout{Name: ProtocolInitParams, Bits: 1 + addrStdBits, PrefixBits: 4, Prefix: 0b0_10_0, Refs: 1, DataRef: 0}

// stagedSteps stage the code, then commit it.
var stagedSteps = []Step{
	{Role: RoleStage, Message: "Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}},
	{Role: RoleCommit, Message: "CommitUpgrade"},
}

// builtins are the protocols tonsim knows, in the order detection tries
// them: the most specific first.
var builtins = []*Protocol{
	{
		Name:      ProtocolChainlinkTolk,
		About:     "Chainlink's Tolk Upgradeable library: Upgradeable_Upgrade { queryId, code }; the new code's migrate (method 1000) runs in the upgrade transaction",
		Detect:    Detect{Messages: []MessageShape{{Opcode: OpTolkUpgrade, Fields: []string{"queryId", "code"}}}},
		Steps:     []Step{{Role: RoleUpgrade, Message: "Upgradeable_Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}}},
		Migration: MigrationEager,
		Version:   VersionSource{Getter: "version", Kind: VersionText},
		Calls:     map[uint64]string{MethodTolkMigrate: "migrate", MethodTolkVersion: "version"},
	},
	{
		Name:  ProtocolDelayed,
		About: "a time-locked upgrade, the Tact cookbook's DelayedUpgradable: Upgrade { code, data?, timeout } requests, Confirm applies it once the delay passed",
		Detect: Detect{Messages: []MessageShape{
			{Name: "Upgrade", Fields: []string{"code", "data", "timeout"}},
			{Name: "Confirm"},
		}},
		Steps: []Step{
			{Role: RoleRequest, Message: "Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}, "data": {Kind: ArgNull}, "timeout": {Kind: ArgValue, Value: DefaultDelay}}},
			{Role: RoleConfirm, Message: "Confirm", WaitField: "timeout"},
		},
		Migration: MigrationNone,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		// Before staged: the same two messages, told apart by the
		// InitParams the commit builds.
		Name:  ProtocolInitParams,
		About: "Chainlink's later Tact prototypes: Upgrade { code } stages the code, CommitUpgrade applies it and leaves InitParams { header, stateToBeMigrated } for the new code's init(initParams), which migrates on the next message",
		Detect: Detect{
			Messages: []MessageShape{
				{Name: "Upgrade", Fields: []string{"code"}, Exact: true},
				{Name: "CommitUpgrade"},
			},
			Types: []MessageShape{{Name: "InitParams", Fields: []string{"header", "stateToBeMigrated"}}},
		},
		Steps:     stagedSteps,
		Migration: MigrationLazy,
		Envelopes: []EnvelopeLayout{initParamsEnvelope},
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		Name:  ProtocolStaged,
		About: "a two-step upgrade: Upgrade { code } stages the code, CommitUpgrade applies it",
		Detect: Detect{Messages: []MessageShape{
			{Name: "Upgrade", Fields: []string{"code"}, Exact: true},
			{Name: "CommitUpgrade"},
		}},
		Steps:     stagedSteps,
		Migration: MigrationNone,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		Name:  ProtocolProxy,
		About: "a proxy that forwards to a child: UpgradeChild { code } to the proxy replaces the child's code; the proxy's never changes",
		Detect: Detect{
			Messages: []MessageShape{{Name: "UpgradeChild", Fields: []string{"code"}}},
			Getters:  []string{"child"},
		},
		Steps:     []Step{{Role: RoleUpgrade, Message: "UpgradeChild", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}}},
		Target:    Target{Getter: "child"},
		Migration: MigrationNone,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		Name:  ProtocolChainlinkTact,
		About: "Chainlink's Tact Upgradable trait: Upgrade { code } (message 10), then the new code's init(stateToBeMigrated) migrates on the next message",
		Detect: Detect{
			Messages: []MessageShape{{Opcode: OpUpgrade, Fields: []string{"code"}, Exact: true}},
		},
		Steps:     []Step{{Role: RoleUpgrade, Message: "Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}}},
		Migration: MigrationLazy,
		Envelopes: []EnvelopeLayout{lazyEnvelope},
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		Name:  ProtocolDirect,
		About: "one message carrying the new code and, optionally, the new data: Upgrade { code: Cell?, data: Cell? }",
		Detect: Detect{
			Messages: []MessageShape{{Name: "Upgrade", Fields: []string{"code", "data"}, Exact: true}},
		},
		Steps:     []Step{{Role: RoleUpgrade, Message: "Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}, "data": {Kind: ArgMigratedData}}}},
		Migration: MigrationNone,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
	{
		Name:  ProtocolEagerTact,
		About: "an eager upgrade in Tact, the Internet Computer's hooks: Upgrade { queryId, code } runs the old code's pre-upgrade check, then the new code's postUpgrade (method 0x4850) migrates the data in the same transaction",
		Detect: Detect{
			Messages: []MessageShape{{Name: "Upgrade", Fields: []string{"queryId", "code"}, Exact: true}},
		},
		Steps:     []Step{{Role: RoleUpgrade, Message: "Upgrade", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}}},
		Migration: MigrationEager,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
		Calls:     map[uint64]string{MethodPostUpgrade: "postUpgrade"},
	},
	{
		Name:  ProtocolSetCode,
		About: "ink!'s set_code_hash: SetCode { code } replaces the code and keeps the data as it is, so the new code reads the old storage with no migration (storage units)",
		Detect: Detect{
			Messages: []MessageShape{{Name: "SetCode", Fields: []string{"code"}, Exact: true}},
		},
		Steps:     []Step{{Role: RoleUpgrade, Message: "SetCode", Fields: map[string]Arg{"code": {Kind: ArgNewCode}}}},
		Migration: MigrationNone,
		Version:   VersionSource{Getter: GetterTypeAndVersion},
	},
}

// Protocols returns the built-in protocols, in the order [DetectProtocol]
// tries them. They are shared: change a copy.
func Protocols() []*Protocol { return append([]*Protocol(nil), builtins...) }

// ErrUnknownProtocol is returned for a protocol name tonsim does not know.
var ErrUnknownProtocol = errors.New("unknown upgrade protocol")

// ErrNoProtocol is returned when no protocol matches a contract's ABI.
var ErrNoProtocol = errors.New("no upgrade protocol matches the contract")

// ProtocolByName returns a built-in protocol.
func ProtocolByName(name string) (*Protocol, error) {
	for _, p := range builtins {
		if p.Name == name {
			return p, nil
		}
	}
	names := make([]string, len(builtins))
	for i, p := range builtins {
		names[i] = p.Name
	}
	return nil, fmt.Errorf("%w %q (protocols: %s)", ErrUnknownProtocol, name, strings.Join(names, ", "))
}

// DetectProtocol returns the first built-in protocol whose messages and
// getters the ABI declares.
func DetectProtocol(abi *cell.ABI) (*Protocol, error) {
	if abi == nil {
		return nil, fmt.Errorf("%w: its code has no ABI", ErrNoProtocol)
	}
	for _, p := range builtins {
		if p.Matches(abi) {
			return p, nil
		}
	}
	return nil, fmt.Errorf("%w: %s declares none of the upgrade messages tonsim knows", ErrNoProtocol, abi.Name)
}

// Matches reports whether abi declares what the protocol's Detect asks.
func (p *Protocol) Matches(abi *cell.ABI) bool {
	for _, shape := range p.Detect.Messages {
		if shape.find(abi) == nil {
			return false
		}
	}
	for _, shape := range p.Detect.Types {
		if shape.declared(abi) == nil {
			return false
		}
	}
	for _, g := range p.Detect.Getters {
		if _, err := abi.Getter(g); err != nil {
			return false
		}
	}
	return len(p.Detect.Messages) > 0 || len(p.Detect.Types) > 0 || len(p.Detect.Getters) > 0
}

// declared returns the type of the ABI, received or not, that the shape
// matches, nil for none.
func (m MessageShape) declared(abi *cell.ABI) *cell.TypeDef {
	for i := range abi.Types {
		if t := &abi.Types[i]; m.matches(t) {
			return t
		}
	}
	return nil
}

// find returns the received message type the shape matches, nil for none.
func (m MessageShape) find(abi *cell.ABI) *cell.TypeDef {
	for _, t := range abi.InternalMessages() {
		if m.matches(t) {
			return t
		}
	}
	return nil
}

// matches reports whether t has the shape's name, opcode and fields.
func (m MessageShape) matches(t *cell.TypeDef) bool {
	if m.Name != "" && t.Name != m.Name {
		return false
	}
	if m.Opcode != 0 && (t.Header == nil || *t.Header != m.Opcode) {
		return false
	}
	return hasFields(t, m.Fields, m.Exact)
}

func hasFields(t *cell.TypeDef, want []string, exact bool) bool {
	if exact && len(t.Fields) != len(want) {
		return false
	}
	for _, w := range want {
		found := false
		for _, f := range t.Fields {
			if f.Name == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// CarriesData reports whether the protocol's messages bring the new data
// (a direct upgrade's data field), so the new code never reads the old.
func (p *Protocol) CarriesData() bool {
	for _, s := range p.Steps {
		for _, a := range s.Fields {
			if a.Kind == ArgMigratedData {
				return true
			}
		}
	}
	return false
}

// PendingData returns the old data inside data when it is one of the
// protocol's envelopes, or [ErrNoEnvelope].
func (p *Protocol) PendingData(data *tvmcell.Cell) (*tvmcell.Cell, error) {
	for _, l := range p.Envelopes {
		if old, err := l.Open(data); err == nil {
			return old, nil
		}
	}
	return nil, ErrNoEnvelope
}
