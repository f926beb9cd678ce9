package actor

import (
	"fmt"
	"math/big"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Transaction is the record of one transaction: what came in, what the
// compute and action phases did, what went out, and the account before and
// after. Records never change once a send returns.
type Transaction struct {
	// LT is the transaction's logical time and Now the unix time it ran at.
	LT  uint64
	Now uint32

	// Parent is the transaction whose out message caused this one, nil for
	// the first transaction of a send; Children are the transactions its out
	// messages caused, in the order they ran.
	Parent   *Transaction
	Children []*Transaction

	// From is the sender; nil for an external message. To is the account
	// the transaction ran on.
	From *address.Address
	To   *address.Address

	// InCell is the inbound message (parse it with tlb.Parse for more).
	// Body is its body (an empty cell when it has none); Opcode is the
	// body's first 32 bits when HasOpcode (a bounced message's opcode is
	// 0xffffffff).
	InCell    *tvmcell.Cell
	Body      *tvmcell.Cell
	Opcode    uint32
	HasOpcode bool
	// External is set for an inbound external message.
	External bool
	// Value is the value the inbound message carried.
	Value tlb.Coins
	// Bounce is the inbound message's bounce flag; Bounced says the inbound
	// message is itself a bounce.
	Bounce  bool
	Bounced bool

	// ComputeSkipped is why the compute phase did not run (NO_STATE,
	// BAD_STATE, NO_GAS), "" when it ran.
	ComputeSkipped tlb.ComputeSkipReasonType
	// ExitCode is the compute phase's exit code, ActionCode the action
	// phase's result code (0 when it did not run or succeeded).
	ExitCode   int32
	ActionCode int32
	// Success means both phases ran and succeeded. Aborted is the
	// transaction's own flag: state changes were discarded.
	Success   bool
	Aborted   bool
	Deployed  bool // the account was not active before and is after
	Destroyed bool

	GasUsed int64
	// Fees are the transaction's total fees; ValueOut the value of the
	// internal messages it sent.
	Fees     tlb.Coins
	ValueOut tlb.Coins

	// Out holds every message the transaction sent, a bounce included.
	Out []OutMessage

	// The account before and after: status, balance, code and data
	// (nil code and data when not active).
	StatusBefore, StatusAfter   tlb.AccountStatus
	BalanceBefore, BalanceAfter tlb.Coins
	CodeBefore, CodeAfter       *tvmcell.Cell
	DataBefore, DataAfter       *tvmcell.Cell

	// Debug holds what the contract printed with its debug instructions
	// (Tact's dump(), FunC's ~dump, DUMPSTK, STRDUMP), in order; only for
	// code the world was told to watch ([World.SetDebugCode]).
	Debug []string

	// After is the world right after this transaction, messages still in
	// flight aside; set only while [World.SetTransactionSnapshots] is on.
	After *Snapshot

	// names are the world's names as the transaction ran.
	names *names
	// replay is what re-executing the transaction takes ([World.Retrace]):
	// pointers to state the world already shares, never copies.
	replay replay
	// cell is the transaction cell, packed: see [Transaction.Cell].
	cell packedCell
	// inFwdFee is the inbound message's fwd_fee, read off the parsed
	// message when it fits 64 bits (see [Transaction.InForwardFee]).
	inFwdFee struct {
		nano  uint64
		known bool
	}
}

// Cell returns the transaction as its TL-B cell. A record keeps it packed,
// sharing the message cells it holds anyway (InCell, Out), and builds it
// again on each call: the hash is checked, so the cell is the one the
// emulator made.
func (t *Transaction) Cell() (*tvmcell.Cell, error) {
	c, err := t.cell.unpack(t.sharedCells())
	if err != nil {
		return nil, fmt.Errorf("transaction lt %d: %w", t.LT, err)
	}
	return c, nil
}

// descriptionRef is the ref of a transaction cell that holds its
// description: ^[in_msg out_msgs], state_update, description.
const descriptionRef = 2

// sharedCells are the cells of the transaction cell a record keeps as they
// are: the inbound message and each outbound one.
func (t *Transaction) sharedCells() []*tvmcell.Cell {
	out := make([]*tvmcell.Cell, 0, 1+len(t.Out))
	out = append(out, t.InCell)
	for _, m := range t.Out {
		out = append(out, m.Cell)
	}
	return out
}

// NameOf returns the name addr had in the world when the transaction ran,
// "" when it had none. A record reads the same whatever the world does
// later.
func (t *Transaction) NameOf(addr *address.Address) string {
	if t.names == nil || addr == nil {
		return ""
	}
	id, err := idOf(addr)
	if err != nil {
		return ""
	}
	name, _ := t.names.nameOf(id)
	return name
}

// Phases returns the transaction's description as its cell holds it, every
// phase parsed: the storage phase's fees and dues, the credit, the compute
// phase's gas, the action phase's fees, counts and result, the bounce phase.
// Records keep only the most used fields; this parses the rest on demand.
func (t *Transaction) Phases() (*tlb.TransactionDescriptionOrdinary, error) {
	desc, err := t.description()
	if err != nil {
		return nil, err
	}
	var d tlb.TransactionDescriptionOrdinary
	if err := tlb.Parse(&d, desc); err != nil {
		return nil, fmt.Errorf("transaction lt %d: description: %w", t.LT, err)
	}
	return &d, nil
}

// Summary returns what the transaction's phases paid and did beyond what
// the record keeps (see [PhaseSummary]), read off its description without
// building the TL-B tree [Transaction.Phases] does. A fee wider than 64 bits
// is an error: Phases reads that one.
func (t *Transaction) Summary() (PhaseSummary, error) {
	desc, err := t.description()
	if err != nil {
		return PhaseSummary{}, err
	}
	s, err := readSummary(desc)
	if err != nil {
		return PhaseSummary{}, fmt.Errorf("transaction lt %d: %w", t.LT, err)
	}
	return s, nil
}

// description returns the description ref of the transaction cell.
func (t *Transaction) description() (*tvmcell.Cell, error) {
	desc, err := t.cell.unpackRef(t.sharedCells(), descriptionRef)
	if err != nil {
		return nil, fmt.Errorf("transaction lt %d: description: %w", t.LT, err)
	}
	return desc, nil
}

// InForwardFee returns the forward fee the inbound message paid (an
// internal message's fwd_fee field), zero for an external one.
func (t *Transaction) InForwardFee() tlb.Coins {
	if t.External || t.InCell == nil {
		return tlb.ZeroCoins
	}
	if t.inFwdFee.known {
		return tlb.FromNanoTONU(t.inFwdFee.nano)
	}
	var m tlb.Message
	if err := tlb.Parse(&m, t.InCell); err != nil {
		return tlb.ZeroCoins
	}
	if in, ok := m.Msg.(*tlb.InternalMessage); ok {
		return in.FwdFee
	}
	return tlb.ZeroCoins
}

// OutMessage is a message a transaction sent.
type OutMessage struct {
	// Cell is the message (parse it with tlb.Parse for more).
	Cell *tvmcell.Cell
	// To is the destination; nil for an external outbound message (a log).
	To *address.Address
	// Value is what an internal message carries.
	Value tlb.Coins
	// Bounce is an internal message's bounce flag.
	Bounce bool
	Body   *tvmcell.Cell
}

// Hash returns the representation hash of the transaction cell, the
// transaction's id on chain.
func (t *Transaction) Hash() []byte {
	h := t.cell.hash
	return h[:]
}

// Err returns nil for a successful transaction, else an [*ExitError]
// carrying the compute exit code or, when compute succeeded, the action
// phase's result code.
func (t *Transaction) Err() error {
	if t.Success {
		return nil
	}
	code := int64(t.ExitCode)
	switch {
	case t.ComputeSkipped != "":
		return &ExitError{Op: "transaction (compute skipped: " + string(t.ComputeSkipped) + ")", Account: t.To, Code: code}
	case code == ExitSuccess || code == ExitAltSuccess:
		code = int64(t.ActionCode)
		return &ExitError{Op: "transaction action phase", Account: t.To, Code: code, Meaning: ExitCodeMeaning(code)}
	}
	return &ExitError{Op: "transaction", Account: t.To, Code: code, Meaning: ExitCodeMeaning(code)}
}

// txHeader is what a record reads from the transaction cell itself; the
// messages it already holds in parsed form.
type txHeader struct {
	lt         uint64
	now        uint32
	origStatus tlb.AccountStatus
	endStatus  tlb.AccountStatus
	fees       tlb.Coins
	outcome    outcome
}

// readHeader reads transaction$0111 account_addr:bits256 lt:uint64
// prev_trans_hash:bits256 prev_trans_lt:uint64 now:uint32 outmsg_cnt:uint15
// orig_status:AccountStatus end_status:AccountStatus ^[in_msg out_msgs]
// total_fees:CurrencyCollection state_update:^HASH_UPDATE description:^TransactionDescr.
func readHeader(c *tvmcell.Cell) (txHeader, error) {
	var s tvmcell.Slice
	if err := c.BeginParseIntoWithoutTrace(&s); err != nil {
		return txHeader{}, err
	}
	r := reader{s: &s}
	var h txHeader
	r.skip(4 + 256)
	h.lt = r.uint(64)
	r.skip(256 + 64)
	h.now = uint32(r.uint(32))
	r.skip(15)
	h.origStatus, h.endStatus = r.accountStatus(), r.accountStatus()
	fees := r.coins()
	r.maybeRef() // extra currencies
	if r.err != nil {
		return txHeader{}, r.err
	}
	if s.RefsNum() != 3 {
		return txHeader{}, fmt.Errorf("transaction cell has %d refs after its fees, want 3", s.RefsNum())
	}
	desc, err := c.PeekRef(2)
	if err != nil {
		return txHeader{}, err
	}
	if h.outcome, err = readOutcome(desc); err != nil {
		return txHeader{}, err
	}
	h.fees = tlb.FromNanoTON(fees)
	return h, nil
}

// record builds the record of one emulated transaction, its cell kept
// whole until the history keeps it (see [World.remember]).
func record(to *address.Address, before, after *tvm.PreparedAccount, in *tvm.PreparedMessage, res *tvm.TransactionExecutionResult) (*Transaction, error) {
	h, err := readHeader(res.TransactionCell)
	if err != nil {
		return nil, fmt.Errorf("transaction cell: %w", err)
	}
	o := h.outcome

	tx := &Transaction{
		LT:        h.lt,
		Now:       h.now,
		To:        to,
		InCell:    in.Cell(),
		Aborted:   o.aborted,
		Destroyed: o.destroyed,
		Fees:      h.fees,
	}
	tx.StatusBefore, tx.BalanceBefore, tx.CodeBefore, tx.DataBefore = accountState(before)
	tx.StatusAfter, tx.BalanceAfter, tx.CodeAfter, tx.DataAfter = accountState(after)

	switch m := in.Message().Msg.(type) {
	case *tlb.InternalMessage:
		tx.From = m.SrcAddr
		tx.Value = m.Amount
		tx.Bounce = m.Bounce
		tx.Bounced = m.Bounced
		tx.Body = m.Body
		if fee := m.FwdFee.Nano(); fee.IsUint64() {
			tx.inFwdFee.nano, tx.inFwdFee.known = fee.Uint64(), true
		}
	case *tlb.ExternalMessage:
		tx.External = true
		tx.Value = tlb.ZeroCoins
		tx.Body = m.Body
	}
	if tx.Body == nil {
		tx.Body = emptyCell
	}
	if tx.Body.BitsSize() >= 32 {
		op, err := opcode(tx.Body)
		if err != nil {
			return nil, fmt.Errorf("inbound message opcode: %w", err)
		}
		tx.Opcode, tx.HasOpcode = uint32(op), true
	}

	tx.ComputeSkipped = o.computeSkipped
	tx.ExitCode, tx.GasUsed = o.exitCode, o.gasUsed
	tx.ActionCode = o.actionCode
	computed := o.computeSkipped == "" && o.computeSuccess
	actionOK := o.actionRan && o.actionSuccess
	tx.Success = computed && actionOK
	// As the TON sandbox's deploy matcher: tonutils-go leaves the compute
	// phase's account_activated flag unset, so read it off the statuses.
	tx.Deployed = h.origStatus != tlb.AccountStatusActive && h.endStatus == tlb.AccountStatusActive

	valueOut := new(big.Int)
	tx.Out = make([]OutMessage, len(res.OutMessages))
	for i, out := range res.OutMessages {
		o := &tx.Out[i]
		o.Cell, o.Value = out.Cell, tlb.ZeroCoins
		switch m := out.Msg.Msg.(type) {
		case *tlb.InternalMessage:
			o.To = m.DstAddr
			o.Value = m.Amount
			o.Bounce = m.Bounce
			o.Body = m.Body
			valueOut.Add(valueOut, m.Amount.Nano())
		case *tlb.ExternalMessageOut:
			o.Body = m.Body
		}
	}
	tx.ValueOut = tlb.ZeroCoins
	if valueOut.Sign() != 0 {
		tx.ValueOut = tlb.FromNanoTON(valueOut)
	}
	tx.cell = wholeCell(res.TransactionCell)
	return tx, nil
}

// accountState reads what a record keeps of an account: its status, balance,
// code and data (nil unless active).
func accountState(p *tvm.PreparedAccount) (status tlb.AccountStatus, balance tlb.Coins, code, data *tvmcell.Cell) {
	state := p.State()
	if !state.IsValid {
		return tlb.AccountStatusNonExist, tlb.ZeroCoins, nil, nil
	}
	if state.StateInit != nil {
		code, data = state.StateInit.Code, state.StateInit.Data
	}
	return state.Status, state.Balance, code, data
}

// emptyCell is the body of a message without one. Cells never change, so
// every record shares it.
var emptyCell = tvmcell.BeginCell().EndCell()

// opcode reads the first 32 bits of a body.
func opcode(body *tvmcell.Cell) (uint64, error) {
	var s tvmcell.Slice
	if err := body.BeginParseIntoWithoutTrace(&s); err != nil {
		return 0, err
	}
	return s.LoadUInt(32)
}
