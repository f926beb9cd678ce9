package scenario

import (
	"fmt"
	"strings"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// DefaultValue is what a send or deploy carries unless it says otherwise.
var DefaultValue = tlb.MustFromTON("0.05")

// Scenario is a parsed scenario file.
type Scenario struct {
	// Path is the file, as given; relative paths inside it are relative to
	// its directory.
	Path        string
	Name        string
	Description string
	// Config is the blockchain config the scenario runs with: a profile
	// name (see [actor.Profiles]) or a config BOC file; nil for the
	// default.
	Config    *Ref
	Contracts []*ContractDecl
	// Protocols are the upgrade protocols the scenario defines.
	Protocols []*ProtocolDecl
	Wallets   []*WalletDecl
	Steps     []*Step

	// read holds the options [ReadFile] read it with (the defaults for
	// [Parse]): the bounds of the files read after it (its config BOC)
	// and the options of the world [NewRunner] makes for it.
	read loadOptions
}

// ContractDecl is one entry of contracts: a name and where its code comes
// from: a built-in name, a Tact package (.pkg) or a code BOC file.
type ContractDecl struct {
	Name string
	// Source is a built-in's name or a file: a Tact package (.pkg) or a
	// code BOC, its Tolk ABI file beside it when there is one
	// (counter.abi.json beside counter.boc).
	Source string
	// ABI is the Tolk ABI file given with the code ({code, abi}); "" for
	// the one beside Source, if any.
	ABI string
	Pos Pos
}

// WalletDecl is one entry of wallets.
type WalletDecl struct {
	Name string
	// Address is nil for the address derived from the name.
	Address *address.Address
	// Balance is nil for the default balance.
	Balance *tlb.Coins
	Pos     Pos
}

// Step is one item of steps: an action, a narration, or both.
type Step struct {
	// Index is the step's number, from 1.
	Index int
	Pos   Pos
	// Note is the narration shown beside the step in walkthroughs.
	Note string
	// Action is a *Deploy, *Send, *Get, *Preflight, *Upgrade, *Upgrades,
	// *UpgradePoint, *Wait, *Commit, *Session, *Reinstall or *Migrate; nil for a step that is only a note.
	Action Action
	// Expect holds the step's checks; nil when it has none.
	Expect *Expect
}

// Action is what a step does.
type Action interface {
	// Kind is the action's key: "deploy", "send", "get", "preflight",
	// "upgrade", "upgrades", "wait", "commit", "session", "reinstall", "migrate".
	Kind() string
}

// Ref is a name the scenario uses (a wallet, an account, a contract) and
// where.
type Ref struct {
	Name string
	Pos  Pos
}

// Payload is how a step gives a message body: by ABI type and fields, as a
// raw BOC, as a text comment, or not at all (an empty body).
type Payload struct {
	// Message is the ABI type, looked up in the receiving contract's ABI.
	Message *Ref
	// Fields are the type's field values, as written.
	Fields *Value
	// Body is a raw body BOC.
	Body *tvmcell.Cell
	// Comment is a text comment.
	Comment *string
}

// Deploy deploys a contract by sending its StateInit.
type Deploy struct {
	// Name is what the deployed account is called from then on.
	Name     Ref
	Contract Ref
	From     Ref
	Value    tlb.Coins
	// Init are the init arguments by the package's ABI; Data is raw data
	// instead (for a contract without a package).
	Init     *Value
	Data     *tvmcell.Cell
	NoBounce bool
	Payload
}

// Send sends a message from a wallet.
type Send struct {
	From     Ref
	To       Ref
	Value    tlb.Coins
	NoBounce bool
	Payload
}

// Get runs a getter.
type Get struct {
	On     Ref
	Method Ref
	Args   *Value
	// Name, when given, names the address the getter returns, as a
	// deploy's name does: an account another one deployed (a proxy's
	// child, a jetton wallet) can then be named in the steps after.
	Name *Ref
}

// Preflight dry-runs an upgrade of On to Contract, sent by From (by default
// the contract's owner), by Protocol (by default the one On's ABI
// declares), with Fields over the protocol's message fields.
type Preflight struct {
	On       Ref
	To       Ref
	From     *Ref
	Protocol *Ref
	Fields   *Value
	// Layout, when given, fails the step unless the layout is compatible.
	Layout *LayoutOptions
}

// Upgrades dry-runs every upgrade between Versions, oldest first, from
// On's state (see upgradable.UpgradeMatrix); a supported upgrade that is not
// safe fails the step. Supported nil means each version to the next.
type Upgrades struct {
	On        Ref
	Versions  []Ref
	Supported []SupportedPair
	From      *Ref
	Protocol  *Ref
}

// SupportedPair is an upgrade a family promises to be safe, by the
// versions' names.
type SupportedPair struct {
	From, To string
	Pos      Pos
}

// Upgrade upgrades On to the code of To by the protocol's real messages,
// as a preflight would dry-run it.
type Upgrade struct {
	On       Ref
	To       Ref
	From     *Ref
	Protocol *Ref
	Fields   *Value
	// Layout, when given, checks the layout first: an incompatible one
	// fails the step, and nothing is sent.
	Layout *LayoutOptions
}

// Wait moves the world's clock forward.
type Wait struct {
	Seconds uint32
}

func (*Deploy) Kind() string    { return "deploy" }
func (*Send) Kind() string      { return "send" }
func (*Get) Kind() string       { return "get" }
func (*Preflight) Kind() string { return "preflight" }
func (*Upgrade) Kind() string   { return "upgrade" }
func (*Wait) Kind() string      { return "wait" }
func (*Upgrades) Kind() string  { return "upgrades" }

// Describe says what an action does, as tonsim's output and walkthroughs
// name a step: "deploy counter (v1) from alice", "send Step from alice to
// counter", "get value on counter", "wait 60 s"; nil is a note.
func Describe(a Action) string {
	switch a := a.(type) {
	case *Deploy:
		return fmt.Sprintf("deploy %s (%s) from %s", a.Name.Name, a.Contract.Name, a.From.Name)
	case *Send:
		return fmt.Sprintf("send %s from %s to %s", a.Payload, a.From.Name, a.To.Name)
	case *Get:
		if a.Name != nil {
			return fmt.Sprintf("get %s on %s, named %s", a.Method.Name, a.On.Name, a.Name.Name)
		}
		return fmt.Sprintf("get %s on %s", a.Method.Name, a.On.Name)
	case *Preflight:
		return fmt.Sprintf("preflight %s → %s", a.On.Name, a.To.Name)
	case *Upgrade:
		return fmt.Sprintf("upgrade %s to %s", a.On.Name, a.To.Name)
	case *UpgradePoint:
		return fmt.Sprintf("upgrade point: %s to %s", a.On.Name, a.To.Name)
	case *Upgrades:
		names := make([]string, len(a.Versions))
		for i, v := range a.Versions {
			names[i] = v.Name
		}
		return fmt.Sprintf("upgrades of %s: %s", a.On.Name, strings.Join(names, ", "))
	case *Wait:
		return fmt.Sprintf("wait %d s", a.Seconds)
	case *Commit:
		return "commit " + a.Name.Name
	case *Session:
		return "session from " + a.Base.Name
	case *Reinstall, *Migrate:
		return describeOp(a)
	}
	return "note"
}

// String names what a payload sends: the message type, a comment, "a raw
// body" or "an empty message".
func (p Payload) String() string {
	switch {
	case p.Message != nil:
		return p.Message.Name
	case p.Comment != nil:
		return "comment " + quote(*p.Comment)
	case p.Body != nil:
		return "a raw body"
	}
	return "an empty message"
}

// Expect holds a step's checks, in the order written.
type Expect struct {
	Pos    Pos
	Checks []*Check
}

// Check is one expected fact: Key names it in the table of checks
// (exit_code, storage, events, …; see the package doc) and Want is its
// expected value, parsed by the check's form.
type Check struct {
	Key  string
	Want Want
	Pos  Pos
}
