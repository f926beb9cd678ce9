package actor

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// outcome is what a record keeps of an ordinary transaction's description.
// Reading only these fields, without building the whole TL-B tree, keeps
// records cheap; a test checks every field against tonutils-go's full parse.
type outcome struct {
	computeSkipped tlb.ComputeSkipReasonType
	computeSuccess bool
	exitCode       int32
	gasUsed        int64
	actionRan      bool
	actionSuccess  bool
	actionCode     int32
	aborted        bool
	destroyed      bool
}

// readOutcome reads
//
//	trans_ord$0000 credit_first:Bool storage_ph:(Maybe TrStoragePhase)
//	  credit_ph:(Maybe TrCreditPhase) compute_ph:TrComputePhase
//	  action:(Maybe ^TrActionPhase) aborted:Bool bounce:(Maybe TrBouncePhase)
//	  destroyed:Bool = TransactionDescr;
func readOutcome(c *tvmcell.Cell) (outcome, error) {
	var o outcome
	var s tvmcell.Slice
	r, err := ordinary(c, &s)
	if err != nil {
		return o, err
	}
	if r.bit() {
		r.storagePhase()
	}
	if r.bit() {
		r.maybeGrams() // due_fees_collected
		r.grams()      // credit: grams
		r.maybeRef()   // credit: extra currencies
	}
	r.computePhase(&o)
	if r.bit() {
		r.actionPhase(&o)
	}
	o.aborted = r.bit()
	if r.bit() {
		r.bouncePhase()
	}
	o.destroyed = r.bit()
	if r.err != nil {
		return o, fmt.Errorf("transaction description: %w", r.err)
	}
	return o, nil
}

// PhaseSummary is what a transaction's phases paid, in nanotons, and what
// its action phase did: the fields of its description a record does not
// keep, but describing a transaction takes (see [Transaction.Summary]).
type PhaseSummary struct {
	// StorageFees is what the storage phase collected, StorageDue what it
	// could not collect and the account owes (0 when it owes nothing).
	StorageFees, StorageDue uint64
	// GasFees is the compute phase's gas fee, 0 when it was skipped.
	GasFees uint64
	// ActionRan is set when the action phase ran; the fields below are its.
	ActionRan bool
	// ForwardFees and ActionFees are its total_fwd_fees and
	// total_action_fees.
	ForwardFees, ActionFees uint64
	// Success, NoFunds and ResultCode are the phase's outcome.
	Success, NoFunds bool
	ResultCode       int32
	// TotalActions, SkippedActions and MessagesCreated count the actions
	// the contract asked for, those skipped and the messages created.
	TotalActions, SkippedActions, MessagesCreated uint16
}

// errWideFee marks a fee that does not fit a uint64.
var errWideFee = errors.New("fee wider than 64 bits")

// readSummary reads the phases' fees and the action phase's outcome and
// counts, walking the description as readOutcome does: of
//
//	tr_phase_storage$_ storage_fees_collected:Grams
//	  storage_fees_due:(Maybe Grams) status_change:AccStatusChange
//	trans_action$_ success:Bool valid:Bool no_funds:Bool
//	  status_change:AccStatusChange total_fwd_fees:(Maybe Grams)
//	  total_action_fees:(Maybe Grams) result_code:int32
//	  result_arg:(Maybe int32) tot_actions:uint16 spec_actions:uint16
//	  skipped_actions:uint16 msgs_created:uint16 ...
//
// and the compute phase's gas_fees. What follows the action phase it leaves
// unread.
func readSummary(c *tvmcell.Cell) (PhaseSummary, error) {
	var p PhaseSummary
	var s tvmcell.Slice
	r, err := ordinary(c, &s)
	if err != nil {
		return p, err
	}
	if r.bit() {
		p.StorageFees = r.grams64()
		if r.bit() {
			p.StorageDue = r.grams64()
		}
		r.statusChange()
	}
	if r.bit() {
		r.maybeGrams() // due_fees_collected
		r.grams()      // credit: grams
		r.maybeRef()   // credit: extra currencies
	}
	if r.bit() {
		r.skip(3) // success, msg_state_used, account_activated
		p.GasFees = r.grams64()
		r.skipRef() // the VM's details
	} else if r.uint(2) == 0b11 {
		r.skip(1) // cskip_suspended$110
	}
	if r.bit() {
		var as tvmcell.Slice
		a := r.ref(&as)
		p.ActionRan = true
		p.Success = a.bit()
		a.skip(1) // valid
		p.NoFunds = a.bit()
		a.statusChange()
		if a.bit() {
			p.ForwardFees = a.grams64()
		}
		if a.bit() {
			p.ActionFees = a.grams64()
		}
		p.ResultCode = int32(a.uint(32))
		if a.bit() {
			a.skip(32) // result_arg
		}
		p.TotalActions = uint16(a.uint(16))
		a.skip(16) // spec_actions
		p.SkippedActions = uint16(a.uint(16))
		p.MessagesCreated = uint16(a.uint(16))
		if r.err == nil {
			r.err = a.err
		}
	}
	if r.err != nil {
		return PhaseSummary{}, fmt.Errorf("transaction description: %w", r.err)
	}
	return p, nil
}

// ordinary begins reading c, an ordinary transaction's description, into
// s: past its tag and credit_first, at storage_ph.
func ordinary(c *tvmcell.Cell, s *tvmcell.Slice) (reader, error) {
	r := reader{s: s}
	if err := c.BeginParseIntoWithoutTrace(s); err != nil {
		return r, err
	}
	if tag := r.uint(4); tag != 0 && r.err == nil {
		return r, fmt.Errorf("transaction description tag %04b is not ordinary", tag)
	}
	r.skip(1) // credit_first
	return r, nil
}

// reader reads TL-B fields off a slice, keeping the first error.
type reader struct {
	s   *tvmcell.Slice
	err error
}

func (r *reader) uint(bits uint) uint64 {
	if r.err != nil {
		return 0
	}
	v, err := r.s.LoadUInt(bits)
	r.err = err
	return v
}

func (r *reader) bit() bool { return r.uint(1) == 1 }

func (r *reader) skip(bits uint) {
	if r.err == nil {
		r.err = r.s.SkipBits(bits)
	}
}

// varUint skips or reads VarUInteger n: len:(## lenBits) value:(uint len*8).
func (r *reader) varUint(lenBits uint) uint64 {
	n := r.uint(lenBits)
	if n > 8 {
		r.skip(uint(n) * 8)
		return 0
	}
	return r.uint(uint(n) * 8)
}

func (r *reader) grams() { r.varUint(4) }

// grams64 reads Grams that fit a uint64.
func (r *reader) grams64() uint64 {
	n := r.uint(4)
	if n > 8 && r.err == nil {
		r.err = errWideFee
	}
	return r.uint(uint(n) * 8)
}

func (r *reader) maybeGrams() {
	if r.bit() {
		r.grams()
	}
}

func (r *reader) maybeRef() {
	if r.bit() {
		r.skipRef()
	}
}

func (r *reader) skipRef() {
	if r.err == nil {
		_, r.err = r.s.LoadRefCell()
	}
}

// ref starts reading the next ref into s (the caller's, so that reading a
// description allocates nothing).
func (r *reader) ref(s *tvmcell.Slice) reader {
	if r.err == nil {
		var c *tvmcell.Cell
		if c, r.err = r.s.LoadRefCell(); r.err == nil {
			r.err = c.BeginParseInto(s)
		}
	}
	if r.err != nil {
		return reader{err: r.err}
	}
	return reader{s: s}
}

// coins reads Grams: VarUInteger 16.
func (r *reader) coins() *big.Int {
	n := r.uint(4)
	if r.err != nil {
		return new(big.Int)
	}
	if n == 0 {
		return new(big.Int)
	}
	v, err := r.s.LoadBigUInt(uint(n) * 8)
	if err != nil {
		r.err = err
		return new(big.Int)
	}
	return v
}

// accountStatus reads acc_state_uninit$00 | acc_state_frozen$01 |
// acc_state_active$10 | acc_state_nonexist$11.
func (r *reader) accountStatus() tlb.AccountStatus {
	switch r.uint(2) {
	case 0b01:
		return tlb.AccountStatusFrozen
	case 0b10:
		return tlb.AccountStatusActive
	case 0b11:
		return tlb.AccountStatusNonExist
	}
	return tlb.AccountStatusUninit
}

// statusChange skips acst_unchanged$0 | acst_frozen$10 | acst_deleted$11.
func (r *reader) statusChange() {
	if r.bit() {
		r.skip(1)
	}
}

// storagePhase skips storage_fees_collected:Grams
// storage_fees_due:(Maybe Grams) status_change:AccStatusChange.
func (r *reader) storagePhase() {
	r.grams()
	r.maybeGrams()
	r.statusChange()
}

// computePhase reads tr_phase_compute_skipped$0 reason:ComputeSkipReason |
// tr_phase_compute_vm$1 success:Bool msg_state_used:Bool
// account_activated:Bool gas_fees:Grams ^[ gas_used:(VarUInteger 7)
// gas_limit:(VarUInteger 7) gas_credit:(Maybe (VarUInteger 3)) mode:int8
// exit_code:int32 ... ].
func (r *reader) computePhase(o *outcome) {
	if !r.bit() {
		switch r.uint(2) {
		case 0b00:
			o.computeSkipped = tlb.ComputeSkipReasonNoState
		case 0b01:
			o.computeSkipped = tlb.ComputeSkipReasonBadState
		case 0b10:
			o.computeSkipped = tlb.ComputeSkipReasonNoGas
		default:
			r.skip(1) // cskip_suspended$110
			o.computeSkipped = tlb.ComputeSkipReasonSuspended
		}
		return
	}
	o.computeSuccess = r.bit()
	r.skip(2) // msg_state_used, account_activated
	r.grams() // gas_fees
	var ds tvmcell.Slice
	d := r.ref(&ds)
	o.gasUsed = int64(d.varUint(3))
	d.varUint(3) // gas_limit
	if d.bit() {
		d.varUint(2) // gas_credit
	}
	d.skip(8) // mode
	o.exitCode = int32(d.uint(32))
	if r.err == nil {
		r.err = d.err
	}
}

// actionPhase reads success:Bool valid:Bool no_funds:Bool
// status_change:AccStatusChange total_fwd_fees:(Maybe Grams)
// total_action_fees:(Maybe Grams) result_code:int32 ...
func (r *reader) actionPhase(o *outcome) {
	var as tvmcell.Slice
	a := r.ref(&as)
	o.actionRan = true
	o.actionSuccess = a.bit()
	a.skip(2) // valid, no_funds
	a.statusChange()
	a.maybeGrams()
	a.maybeGrams()
	o.actionCode = int32(a.uint(32))
	if r.err == nil {
		r.err = a.err
	}
}

// bouncePhase skips tr_phase_bounce_negfunds$00 |
// tr_phase_bounce_nofunds$01 msg_size:StorageUsedShort req_fwd_fees:Grams |
// tr_phase_bounce_ok$1 msg_size:StorageUsedShort msg_fees:Grams fwd_fees:Grams.
func (r *reader) bouncePhase() {
	storageUsedShort := func() { r.varUint(3); r.varUint(3) }
	if r.bit() {
		storageUsedShort()
		r.grams()
		r.grams()
		return
	}
	if r.bit() {
		storageUsedShort()
		r.grams()
	}
}
