package main

import (
	"io"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
)

// BenchmarkPrintTxs describes and prints the transactions of recorded Step
// sends to the counter as tonsim run does, a send at a time: an op is one
// send of three transactions (the wallet's external, the Step, the
// cashback).
//
//	go test ./cmd/tonsim -run '^$' -bench PrintTxs -benchmem
func BenchmarkPrintTxs(b *testing.B) {
	cat := catalog.New()
	require.NoError(b, cat.Add("v1", counter.V1()))
	w, err := actor.NewWorld(actor.WithHistory(0))
	require.NoError(b, err)
	wallet, err := w.NewWallet("wallet")
	require.NoError(b, err)
	init := counter.Init{ID: 1, Owner: wallet}
	si, err := counter.StateInit(init)
	require.NoError(b, err)
	addr, err := actor.StateInitAddress(si)
	require.NoError(b, err)
	require.NoError(b, w.SetName("counter", addr)) // as a scenario's deploy names it
	c, _, err := counter.Deploy(w, wallet, init)
	require.NoError(b, err)
	var sends [][]*actor.Transaction
	for i := range 100 {
		res, err := c.Step(wallet, uint64(i))
		require.NoError(b, err)
		sends = append(sends, res.Transactions())
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		printTxs(io.Discard, "   ", describeAll(cat, sends[i%len(sends)]))
	}
}
