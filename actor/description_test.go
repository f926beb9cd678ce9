package actor

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// TestReadOutcomeMatchesTLB checks the description reader field by field
// against tonutils-go's full TL-B parse, over transactions that take every
// branch: success, a throw and its bounce, a skipped compute phase with and
// without a bounce, a failed action phase, logs and externals.
func TestReadOutcomeMatchesTLB(t *testing.T) {
	for i, tx := range variedTransactions(t) {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			var full tlb.Transaction
			c, err := tx.Cell()
			require.NoError(t, err)
			require.NoError(t, tlb.Parse(&full, c))
			want := full.Description.(tlb.TransactionDescriptionOrdinary)
			desc, err := c.PeekRef(2)
			require.NoError(t, err)
			got, err := readOutcome(desc)
			require.NoError(t, err)

			assert.Equal(t, want.Aborted, got.aborted)
			assert.Equal(t, want.Destroyed, got.destroyed)
			switch c := want.ComputePhase.Phase.(type) {
			case tlb.ComputePhaseVM:
				assert.Empty(t, got.computeSkipped)
				assert.Equal(t, c.Success, got.computeSuccess)
				assert.Equal(t, c.Details.ExitCode, got.exitCode)
				assert.Equal(t, c.Details.GasUsed.Int64(), got.gasUsed)
			case tlb.ComputePhaseSkipped:
				assert.Equal(t, c.Reason.Type, got.computeSkipped)
			}
			assert.Equal(t, want.ActionPhase != nil, got.actionRan)
			if want.ActionPhase != nil {
				assert.Equal(t, want.ActionPhase.Success, got.actionSuccess)
				assert.Equal(t, want.ActionPhase.ResultCode, got.actionCode)
			}
		})
	}
}

// TestSummaryMatchesTLB checks [Transaction.Summary] field by field
// against tonutils-go's full parse of the description.
func TestSummaryMatchesTLB(t *testing.T) {
	nano := func(c *tlb.Coins) uint64 {
		if c == nil {
			return 0
		}
		return c.Nano().Uint64()
	}
	for i, tx := range variedTransactions(t) {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			want, err := tx.Phases()
			require.NoError(t, err)
			got, err := tx.Summary()
			require.NoError(t, err)

			if sp := want.StoragePhase; sp != nil {
				assert.Equal(t, sp.StorageFeesCollected.Nano().Uint64(), got.StorageFees)
				assert.Equal(t, nano(sp.StorageFeesDue), got.StorageDue)
			} else {
				assert.Zero(t, got.StorageFees)
				assert.Zero(t, got.StorageDue)
			}
			var gas uint64
			if vm, ok := want.ComputePhase.Phase.(tlb.ComputePhaseVM); ok {
				gas = vm.GasFees.Nano().Uint64()
			}
			assert.Equal(t, gas, got.GasFees)
			ap := want.ActionPhase
			require.Equal(t, ap != nil, got.ActionRan)
			if ap == nil {
				assert.Equal(t, PhaseSummary{StorageFees: got.StorageFees, StorageDue: got.StorageDue, GasFees: got.GasFees}, got, "nothing of an action phase")
				return
			}
			assert.Equal(t, PhaseSummary{
				StorageFees: got.StorageFees, StorageDue: got.StorageDue, GasFees: got.GasFees, ActionRan: true,
				ForwardFees: nano(ap.TotalFwdFees), ActionFees: nano(ap.TotalActionFees),
				Success: ap.Success, NoFunds: ap.NoFunds, ResultCode: ap.ResultCode,
				TotalActions: ap.TotalActions, SkippedActions: ap.SkippedActions, MessagesCreated: ap.MessagesCreated,
			}, got)
		})
	}
}

// variedTransactions runs sends whose transactions take every branch of a
// description, and checks that they did.
func variedTransactions(t *testing.T) []*Transaction {
	t.Helper()
	probe, err := cell.LoadPackage("testdata/probe/Probe_Probe.pkg")
	require.NoError(t, err)
	w, err := NewWorld()
	require.NoError(t, err)
	alice, err := w.NewWallet("alice")
	require.NoError(t, err)
	poor, err := w.NewWallet("poor", WithBalance(tlb.MustFromTON("0.3")))
	require.NoError(t, err)

	data, err := probe.InitData(map[string]any{"id": 1})
	require.NoError(t, err)
	si := &tlb.StateInit{Code: probe.Code, Data: data}
	p, err := StateInitAddress(si)
	require.NoError(t, err)
	msg := func(typ string, fields map[string]any) *tvmcell.Cell {
		c, err := probe.ABI.Encode(typ, fields)
		require.NoError(t, err)
		return c
	}
	nowhere := WalletAddress("nowhere")

	sends := []Message{
		{From: alice, StateInit: si, Value: tlb.MustFromTON("0.5")},
		{From: alice, To: p, Value: tlb.MustFromTON("0.1"), Body: msg("Throw", map[string]any{"code": 77})},
		{From: alice, To: nowhere, Value: tlb.MustFromTON("0.1")},
		{From: alice, To: nowhere, Value: tlb.MustFromTON("0.1"), NoBounce: true},
		{From: alice, To: p, Value: tlb.MustFromTON("0.1"), Body: msg("Forward", map[string]any{"to": alice, "value": "100000000000", "bounce": true, "mode": 0})},
		{From: alice, To: p, Value: tlb.MustFromTON("0.1"), Body: msg("Log", map[string]any{"value": 5})},
		{From: poor, To: alice, Value: tlb.MustFromTON("0.29")},
	}
	for _, m := range sends {
		_, err := w.Send(m)
		require.NoError(t, err)
	}

	seen := map[string]bool{}
	for _, tx := range w.Transactions() {
		c, err := tx.Cell()
		require.NoError(t, err)
		var full tlb.Transaction
		require.NoError(t, tlb.Parse(&full, c))
		want := full.Description.(tlb.TransactionDescriptionOrdinary)
		switch c := want.ComputePhase.Phase.(type) {
		case tlb.ComputePhaseVM:
			seen[fmt.Sprintf("vm success=%t", c.Success)] = true
		case tlb.ComputePhaseSkipped:
			seen["skipped "+string(c.Reason.Type)] = true
		}
		if want.ActionPhase != nil {
			seen[fmt.Sprintf("action success=%t", want.ActionPhase.Success)] = true
		}
		if want.BouncePhase != nil {
			seen[fmt.Sprintf("bounce %T", want.BouncePhase.Phase)] = true
		}
	}
	for _, branch := range []string{"vm success=true", "vm success=false", "skipped NO_STATE", "action success=true", "action success=false", "bounce tlb.BouncePhaseOk"} {
		assert.True(t, seen[branch], "no transaction took branch %q", branch)
	}
	return w.Transactions()
}
