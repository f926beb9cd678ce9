// Command rawsteps is the floor of the README's comparison: the same N
// Step sends as `tonsim run` on stepgen's scenario, driven through
// tonutils-go's EmulateTransaction by hand (the wallet's external message,
// the counter's transaction, the cashback), with no world, records,
// descriptions or output: what no tool on tonutils-go v1.18 can beat.
// A world sets the two accounts up, as BenchmarkStep's raw session does.
//
//	go run ./internal/bench/rawsteps 1000
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/counter"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

func main() {
	if len(os.Args) != 2 {
		fail(fmt.Errorf("usage: rawsteps N"))
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fail(fmt.Errorf("%q is not a number of sends", os.Args[1]))
	}
	if err := steps(n); err != nil {
		fail(err)
	}
}

func steps(n int) error {
	w, err := actor.NewWorld(actor.WithProfile(actor.ProfileSandbox041))
	if err != nil {
		return err
	}
	wallet, err := w.NewWallet("wallet")
	if err != nil {
		return err
	}
	c, _, err := counter.Deploy(w, wallet, counter.Init{ID: 1, Owner: wallet})
	if err != nil {
		return err
	}
	prepare := func(addr *address.Address) (*tvm.PreparedAccount, error) {
		acc, err := w.Account(addr)
		if err != nil {
			return nil, err
		}
		return tvm.PrepareAccount(&tlb.ShardAccount{Account: acc.Cell, LastTransHash: acc.LastHash, LastTransLT: acc.LastLT}, addr)
	}
	walletAcc, err := prepare(wallet)
	if err != nil {
		return err
	}
	counterAcc, err := prepare(c.Address)
	if err != nil {
		return err
	}
	cfg, err := tvm.PrepareBlockchainConfig(w.ConfigRoot())
	if err != nil {
		return err
	}
	block, err := cfg.NewBlockContext(tvm.BlockOptions{Now: actor.DefaultNow, RandSeed: make([]byte, 32)})
	if err != nil {
		return err
	}
	machine := tvm.NewTVM()
	lt := w.LT()
	var walletStat, counterStat *tvmcell.Cell
	emulate := func(acc *tvm.PreparedAccount, stat, msg *tvmcell.Cell, parsed *tlb.Message) (*tvm.TransactionExecutionResult, error) {
		pm, err := tvm.PrepareParsedMessage(msg, parsed)
		if err != nil {
			return nil, err
		}
		res, err := machine.EmulateTransaction(block, acc, pm, tvm.TransactionOptions{LogicalTime: int64(lt), AccountStorageStat: stat})
		if err != nil {
			return nil, err
		}
		lt = res.EndLT
		return res, nil
	}
	for i := range n {
		step, err := counter.V1().ABI.Encode("Step", map[string]any{"queryId": i + 1})
		if err != nil {
			return err
		}
		internal, err := tlb.ToCell(&tlb.InternalMessage{IHRDisabled: true, Bounce: true, SrcAddr: address.NewAddressNone(), DstAddr: c.Address, Amount: contract.DefaultValue, Body: step})
		if err != nil {
			return err
		}
		order := tvmcell.BeginCell()
		if err := order.StoreUInt(actor.SendPayFeesSeparately, 8); err != nil {
			return err
		}
		if err := order.StoreRef(internal); err != nil {
			return err
		}
		ext := &tlb.Message{MsgType: tlb.MsgTypeExternalIn, Msg: &tlb.ExternalMessage{SrcAddr: address.NewAddressNone(), DstAddr: wallet, Body: order.EndCell()}}
		extCell, err := ext.ToCell()
		if err != nil {
			return err
		}
		r1, err := emulate(walletAcc, walletStat, extCell, ext)
		if err != nil {
			return err
		}
		walletAcc, walletStat = r1.NextAccount, r1.AccountStorageStat
		if len(r1.OutMessages) != 1 {
			return fmt.Errorf("send %d: the wallet sent %d messages", i+1, len(r1.OutMessages))
		}
		r2, err := emulate(counterAcc, counterStat, r1.OutMessages[0].Cell, r1.OutMessages[0].Msg)
		if err != nil {
			return err
		}
		counterAcc, counterStat = r2.NextAccount, r2.AccountStorageStat
		if len(r2.OutMessages) != 1 {
			return fmt.Errorf("send %d: the counter sent %d messages", i+1, len(r2.OutMessages))
		}
		r3, err := emulate(walletAcc, walletStat, r2.OutMessages[0].Cell, r2.OutMessages[0].Msg)
		if err != nil {
			return err
		}
		walletAcc, walletStat = r3.NextAccount, r3.AccountStorageStat
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "rawsteps:", err)
	os.Exit(1)
}
