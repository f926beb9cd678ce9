package actor_test

import (
	"encoding/base64"
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
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

var probeCode = func() *tvmcell.Cell {
	b, err := os.ReadFile("testdata/probe/Probe_Probe.pkg")
	if err != nil {
		panic(err)
	}
	var pkg struct{ Code string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		panic(err)
	}
	boc, err := base64.StdEncoding.DecodeString(pkg.Code)
	if err != nil {
		panic(err)
	}
	code, err := tvmcell.FromBOC(boc)
	if err != nil {
		panic(err)
	}
	return code
}()

// probeInit is the StateInit of a probe with id: Tact's init data, the
// lazy-deployment bit 0 and the id as int257.
func probeInit(id int64) *tlb.StateInit {
	data := tvmcell.BeginCell().MustStoreBoolBit(false).MustStoreBigInt(big.NewInt(id), 257).EndCell()
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
