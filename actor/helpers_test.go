package actor_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Opcodes of testdata/probe/probe.tact.
const (
	opThrow    = 0x7468726f
	opForward  = 0x666f7277
	opPing     = 0x70696e67
	opLog      = 0x6c6f6721
	opRemember = 0x72656d65
)

var probe = func() *cell.Package {
	pkg, err := cell.LoadPackage("testdata/probe/Probe_Probe.pkg")
	if err != nil {
		panic(err)
	}
	return pkg
}()

var probeCode = probe.Code

// probeInit is the StateInit of a probe with id.
func probeInit(id int64) *tlb.StateInit {
	data, err := probe.InitData(map[string]any{"id": id})
	if err != nil {
		panic(err)
	}
	return &tlb.StateInit{Code: probeCode, Data: data}
}

func ton(s string) tlb.Coins { return tlb.MustFromTON(s) }

func body(op uint32, fields func(*tvmcell.Builder)) *tvmcell.Cell {
	b := tvmcell.BeginCell().MustStoreUInt(uint64(op), 32)
	if fields != nil {
		fields(b)
	}
	return b.EndCell()
}

func newWorld(t testing.TB, opts ...actor.Option) *actor.World {
	t.Helper()
	w, err := actor.NewWorld(opts...)
	require.NoError(t, err)
	return w
}

func newWallet(t testing.TB, w *actor.World, name string, opts ...actor.WalletOption) *address.Address {
	t.Helper()
	addr, err := w.NewWallet(name, opts...)
	require.NoError(t, err)
	return addr
}

// deployProbe deploys probe id from wallet and returns its address.
func deployProbe(t testing.TB, w *actor.World, from *address.Address, id int64) *address.Address {
	t.Helper()
	tr, err := w.Send(actor.Message{From: from, StateInit: probeInit(id), Value: ton("1")})
	require.NoError(t, err)
	addr, err := actor.StateInitAddress(probeInit(id))
	require.NoError(t, err)
	require.Len(t, tr.Transactions, 2, "wallet, then the probe's deploy")
	require.True(t, tr.Transactions[1].Deployed)
	return addr
}

func getInt(t testing.TB, w *actor.World, addr *address.Address, method string, args ...any) *big.Int {
	t.Helper()
	res, err := w.Get(addr, method, args...)
	require.NoError(t, err)
	require.Len(t, res.Stack, 1)
	v, ok := res.Stack[0].(*big.Int)
	require.Truef(t, ok, "%s returned %T", method, res.Stack[0])
	return v
}
