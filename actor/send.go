package actor

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/tonsim/tonsim/cell"

	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Message is an internal message for one of the world's wallets to send.
type Message struct {
	// From is the sending wallet; it pays Value and the forward fee.
	From *address.Address
	// To is the destination. It may be nil when StateInit is set: the
	// message then goes to the StateInit's address, deploying it.
	To    *address.Address
	Value tlb.Coins
	// NoBounce sends the message non-bounceable. The zero value bounces, as
	// wallets do by default.
	NoBounce bool
	// Body is the message body; nil sends an empty one.
	Body *tvmcell.Cell
	// StateInit, when set, travels with the message: an uninitialised
	// destination at its address is deployed with it.
	StateInit *tlb.StateInit
}

// Trace is what one send did: every transaction it caused, breadth-first in
// the order they ran. Transactions[0] is the root (the wallet's own
// transaction for [World.Send]); each record's Parent and Children give the
// tree.
type Trace struct {
	Transactions []*Transaction
}

// Root returns the transaction the send started with.
func (t *Trace) Root() *Transaction { return t.Transactions[0] }

// StateInitAddress returns the workchain-0 address a StateInit deploys to:
// its representation hash.
func StateInitAddress(si *tlb.StateInit) (*address.Address, error) {
	c, err := tlb.ToCell(si)
	if err != nil {
		return nil, fmt.Errorf("state init: %w", err)
	}
	return accountID(c.Hash()).address(), nil
}

// ErrInsufficientBalance is returned when a wallet cannot pay the value it
// is asked to send.
var ErrInsufficientBalance = errors.New("insufficient balance")

// Send has wallet m.From send m and processes every message that follows
// until the queue is empty. The wallet runs a real transaction (an external
// message asks it to send), so its balance pays the value and the fees.
//
// A send that cannot start (an unknown wallet, a bad address) changes
// nothing; a send that fails midway, which only a broken config or the
// transaction limit can cause, is undone. Contract failures are not errors:
// they are transactions in the trace, with their exit codes.
func (w *World) Send(m Message) (*Trace, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	from, err := idOf(m.From)
	if err != nil {
		return nil, fmt.Errorf("sender: %w", err)
	}
	if !w.isWallet(from) {
		return nil, fmt.Errorf("%w: %s is not a wallet of this world", ErrUnknownWallet, m.From.StringRaw())
	}
	to := m.To
	if to == nil {
		if m.StateInit == nil {
			return nil, errors.New("message has neither a destination nor a state init")
		}
		if to, err = StateInitAddress(m.StateInit); err != nil {
			return nil, err
		}
	}
	if _, err := idOf(to); err != nil {
		return nil, fmt.Errorf("destination: %w", err)
	}
	value := m.Value.Nano()
	if value.Sign() < 0 {
		return nil, fmt.Errorf("negative value %s", m.Value.String())
	}
	wallet, err := w.entry(from)
	if err != nil {
		return nil, err
	}
	if balance := wallet.prepared.State().Balance.Nano(); balance.Cmp(value) < 0 {
		name, _ := w.st.names.nameOf(from)
		return nil, fmt.Errorf("%w: wallet %q holds %s TON, cannot send %s TON", ErrInsufficientBalance, name, tlb.FromNanoTON(balance).String(), tlb.FromNanoTON(value).String())
	}

	body := m.Body
	if body == nil {
		body = emptyCell
	}
	if err := checkMessageTree("body", body); err != nil {
		return nil, err
	}
	if si := m.StateInit; si != nil {
		for _, part := range []struct {
			name string
			c    *tvmcell.Cell
		}{{"state init's code", si.Code}, {"state init's data", si.Data}} {
			if err := checkMessageTree(part.name, part.c); err != nil {
				return nil, err
			}
		}
	}
	internal, err := tlb.ToCell(&tlb.InternalMessage{
		IHRDisabled: true,
		Bounce:      !m.NoBounce,
		SrcAddr:     address.NewAddressNone(),
		DstAddr:     to,
		Amount:      tlb.FromNanoTON(value),
		StateInit:   m.StateInit,
		Body:        body,
	})
	if err != nil {
		return nil, fmt.Errorf("internal message: %w", err)
	}
	order := tvmcell.BeginCell()
	if err := errors.Join(order.StoreUInt(SendPayFeesSeparately, 8), order.StoreRef(internal)); err != nil {
		return nil, fmt.Errorf("wallet order: %w", err)
	}
	return w.external(from, order.EndCell())
}

// SendExternal delivers an external message with body to the contract at
// to and processes what follows. When the contract does not accept it,
// nothing happens and the error is [ErrNotAccepted].
func (w *World) SendExternal(to *address.Address, body *tvmcell.Cell) (*Trace, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(to)
	if err != nil {
		return nil, fmt.Errorf("destination: %w", err)
	}
	if body == nil {
		body = emptyCell
	}
	if err := checkMessageTree("body", body); err != nil {
		return nil, err
	}
	return w.external(id, body)
}

func (w *World) external(to accountID, body *tvmcell.Cell) (*Trace, error) {
	msg := &tlb.Message{MsgType: tlb.MsgTypeExternalIn, Msg: &tlb.ExternalMessage{
		SrcAddr: address.NewAddressNone(),
		DstAddr: to.address(),
		Body:    body,
	}}
	c, err := msg.ToCell()
	if err != nil {
		return nil, fmt.Errorf("external message: %w", err)
	}
	return w.run(to, c, msg)
}

// checkMessageTree refuses a cell of a message that tonutils-go would walk for
// longer than a send should take: one whose tree passes [MaxMessageTree].
func checkMessageTree(what string, c *tvmcell.Cell) error {
	if cell.TreeSize(c, MaxMessageTree) > MaxMessageTree {
		return fmt.Errorf("%w: the message's %s, written out as a tree, has more than %d cells (actor.MaxMessageTree); "+
			"tonutils-go counts a message's cells once per path to each, so it would not finish",
			ErrMessageTree, what, MaxMessageTree)
	}
	return nil
}

// queued is a message waiting for delivery and the transaction that sent it.
type queued struct {
	to     accountID
	cell   *tvmcell.Cell
	msg    *tlb.Message
	parent *Transaction
}

// run delivers the first message and then, breadth-first, every internal
// message the transactions send, until none is left. On error the world is
// put back as it was.
func (w *World) run(to accountID, c *tvmcell.Cell, msg *tlb.Message) (*Trace, error) {
	start := w.snapshot()
	trace, err := w.process(queued{to: to, cell: c, msg: msg})
	if err != nil {
		w.restore(start)
		if len(trace.Transactions) > 0 {
			err = &UndoneError{Err: err, Ran: trace.Transactions}
		}
		return nil, err
	}
	return trace, nil
}

// UndoneError is a send that failed after some of its transactions had
// run: the world is back as it was before the send, and Ran holds what ran,
// oldest first, for an error report to show (none of it is in the
// history).
type UndoneError struct {
	Err error
	Ran []*Transaction
}

func (e *UndoneError) Error() string { return e.Err.Error() }
func (e *UndoneError) Unwrap() error { return e.Err }

// process runs first and what follows it. On error the trace holds what
// ran before.
func (w *World) process(first queued) (*Trace, error) {
	trace := &Trace{Transactions: make([]*Transaction, 0, 4)}
	queue := make([]queued, 1, 4)
	queue[0] = first
	for len(queue) > 0 {
		if len(trace.Transactions) == w.maxTxs {
			return trace, fmt.Errorf("%w: stopped after %d", ErrTooManyTransactions, w.maxTxs)
		}
		q := queue[0]
		queue[0] = queued{} // the queue's array outlives the message
		queue = queue[1:]

		tx, outs, err := w.execute(q)
		if err != nil {
			return trace, err
		}
		trace.Transactions = append(trace.Transactions, tx)
		w.remember(tx)
		if w.snapshots {
			if err := w.flush(); err != nil {
				return trace, err
			}
			tx.After = w.snapshot()
		}

		for _, out := range outs {
			internal, ok := out.Msg.Msg.(*tlb.InternalMessage)
			if !ok {
				continue // an external outbound message is a log: nobody receives it
			}
			id, err := idOf(internal.DstAddr)
			if err != nil {
				continue // another workchain: outside this world
			}
			queue = append(queue, queued{to: id, cell: out.Cell, msg: out.Msg, parent: tx})
		}
		if err := w.checkQueue(len(trace.Transactions), len(queue)); err != nil {
			return trace, err
		}
	}
	return trace, nil
}

// checkQueue bounds what a send holds while it runs: the messages waiting
// for delivery, and the transactions run plus those still queued, since
// each queued message takes one. A send past either bound fails now, before
// a fan-out has filled memory with messages it can never deliver.
func (w *World) checkQueue(ran, queued int) error {
	if queued > w.maxInFlight {
		return &LimitError{Err: ErrTooManyMessages, Ran: ran, Queued: queued, Limit: w.maxInFlight, Raise: w.knobs.MaxInFlight}
	}
	if ran+queued > w.maxTxs {
		return &LimitError{Err: ErrTooManyTransactions, Ran: ran, Queued: queued, Limit: w.maxTxs, Raise: w.knobs.MaxTransactions}
	}
	return nil
}

// emulate runs one transaction in tonutils-go's emulator: inline, or in a
// goroutine of its own when the world bounds its time (see
// [WithTransactionTimeout]). Past the bound the goroutine is left to finish
// on its own and its result is never read.
func (w *World) emulate(acc *tvm.PreparedAccount, msg *tvm.PreparedMessage, opts tvm.TransactionOptions) (*tvm.TransactionExecutionResult, error) {
	machine, block := w.machine, w.st.block
	if w.txTimeout == 0 {
		return watched(func() (*tvm.TransactionExecutionResult, error) {
			return machine.EmulateTransaction(block, acc, msg, opts)
		})
	}
	return bounded(w.txTimeout, w.knobs.TransactionTimeout, func() (*tvm.TransactionExecutionResult, error) {
		return watched(func() (*tvm.TransactionExecutionResult, error) {
			return machine.EmulateTransaction(block, acc, msg, opts)
		})
	})
}

// bounded runs run on a goroutine of its own and waits at most d for it
// (knob names what raises d). A panic in run is raised again on the
// caller's goroutine, where a command's recover reports it, instead of
// killing the process with a stack trace.
func bounded[T any](d time.Duration, knob string, run func() (T, error)) (T, error) {
	type result struct {
		res      T
		err      error
		panicked any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- result{panicked: v}
			}
		}()
		res, err := run()
		done <- result{res: res, err: err}
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.panicked != nil {
			panic(r.panicked)
		}
		return r.res, r.err
	case <-timer.C:
		var zero T
		return zero, fmt.Errorf("%w; the emulator keeps a core busy until the process exits", stalled(d, knob))
	}
}

// overflows explains an emulation that failed because the balance of e
// would pass what a Grams field holds once msg's value is credited
// (tonutils-go says only "failed to serialize account balance: too big
// value"); nil when that is not why.
func overflows(e *entry, msg *tlb.Message) error {
	in, ok := msg.Msg.(*tlb.InternalMessage)
	if !ok {
		return nil
	}
	_, balance, _, _ := accountState(e.prepared)
	sum := new(big.Int).Add(balance.Nano(), in.Amount.Nano())
	if cell.CheckCoins(sum.String(), sum) == nil {
		return nil
	}
	return fmt.Errorf("its balance would pass 2^120 - 1 nanotons, the most an account holds: %s nanotons held and %s brought (%w)",
		balance.Nano(), in.Amount.Nano(), cell.ErrOutOfRange)
}

// execute runs one transaction through tonutils-go's emulator and stores
// the account it leaves. It returns the out messages parsed, for delivery.
func (w *World) execute(q queued) (*Transaction, []tvm.OutMessage, error) {
	e, err := w.entry(q.to)
	if err != nil {
		return nil, nil, err
	}
	prepared, err := tvm.PrepareParsedMessage(q.cell, q.msg)
	if err != nil {
		return nil, nil, fmt.Errorf("message to %s: %w", q.to.address().StringRaw(), err)
	}
	opts := tvm.TransactionOptions{
		LogicalTime:        int64(w.st.lt),
		RandSeed:           w.randSeed(q.to, w.st.lt),
		AccountStorageStat: e.stat,
	}
	var debug []string
	if w.watched(e.prepared) {
		opts.TraceHook = debugHook(&debug)
	}
	res, err := w.emulate(e.prepared, prepared, opts)
	if err != nil {
		if over := overflows(e, q.msg); over != nil {
			err = over
		}
		return nil, nil, fmt.Errorf("transaction on %s: %w", q.to.address().StringRaw(), err)
	}
	if res.EndLT > MaxLT {
		return nil, nil, fmt.Errorf("%w: a transaction on %s at lt %d would end at %d, past %d",
			ErrLTExhausted, q.to.address().StringRaw(), w.st.lt, res.EndLT, uint64(MaxLT))
	}
	if res.TransactionCell == nil {
		return nil, nil, &ExitError{Op: "external message", Account: q.to.address(), Code: res.ExitCode, Meaning: ExitCodeMeaning(res.ExitCode), Err: ErrNotAccepted}
	}

	next := &entry{prepared: res.NextAccount, stat: res.AccountStorageStat}
	tx, err := record(q.msg.Msg.DestAddr(), e.prepared, next.prepared, prepared, res)
	if err != nil {
		return nil, nil, fmt.Errorf("transaction on %s: %w", q.to.address().StringRaw(), err)
	}
	tx.names, tx.Debug = w.st.names, debug
	tx.replay = replay{shard: e.prepared.ShardAccount(), block: w.st.block, lt: opts.LogicalTime}
	if err := w.put(q.to, next); err != nil {
		return nil, nil, err
	}
	w.st.lt = max(w.st.lt, res.EndLT)

	if q.parent != nil {
		tx.Parent = q.parent
		q.parent.Children = append(q.parent.Children, tx)
	}
	return tx, res.OutMessages, nil
}
