package contract_test

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/xssnick/tonutils-go/tlb"
)

// Deploy a package with its init arguments, send it a message and run a
// getter by name; after an upgrade the same handle answers by version 2's
// ABI.
func ExampleDeploy() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	alice, _ := w.NewWallet("alice")
	v1, v2 := contracts.Builtins()["vault.v1"], contracts.Builtins()["vault.v2"]

	vault, res, _ := contract.Deploy(w, owner, v1, map[string]any{"owner": owner, "name": "savings"},
		contract.WithName("vault"), contract.WithPackage("VaultV2", v2))
	fmt.Println(res.Tx.To, res.Tx.Message, res.Tx.Exit)

	res, _ = vault.Send(alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1")},
		contract.WithValue(tlb.MustFromTON("1.5")))
	fmt.Println(res.Tx.From, "→", res.Tx.To, res.Tx.Message, res.Tx.Exit)

	got, _ := vault.Get("balanceOf", alice)
	fmt.Println(got.Method, got, "by", got.Contract.Name)

	vault.Send(owner, "Upgrade", map[string]any{"code": v2.Code})
	got, _ = vault.Get("stats")
	fmt.Println(got.Method, got, "by", got.Contract.Name)
	// Output:
	// vault empty 0 (Success)
	// alice → vault Deposit 0 (Success)
	// balanceOf 1000000000 by VaultV1
	// stats {total: 1 TON, deposits: 1, withdrawals: 0} by VaultV2
}

// Open an account deployed some other way, knowing the versions it may
// run.
func ExampleOpen() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	v1 := contracts.Builtins()["vault.v1"]
	data, _ := v1.InitData(map[string]any{"owner": owner, "name": "savings"})
	tr, _ := w.Send(actor.Message{From: owner, Value: tlb.MustFromTON("0.05"), StateInit: &tlb.StateInit{Code: v1.Code, Data: data}})

	vault, err := contract.Open(w, tr.Transactions[1].To, contract.WithPackages(v1), contract.WithName("vault"))
	fmt.Println(err)
	ct, _ := vault.Contract()
	got, _ := vault.Get("name")
	fmt.Println(vault, "runs", ct.Name, "named", got)
	// Output:
	// <nil>
	// vault runs VaultV1 named savings
}

// Events decodes a send's events of one type into Go structs.
func ExampleEvents() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	vault, _, _ := contract.Deploy(w, owner, contracts.Builtins()["vault.v1"], map[string]any{"owner": owner, "name": "savings"})

	type Deposited struct {
		Amount  tlb.Coins `abi:"amount"`
		Balance tlb.Coins `abi:"balance"`
	}
	res, _ := vault.Send(owner, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("2")},
		contract.WithValue(tlb.MustFromTON("2.5")))
	events, _ := contract.Events[Deposited](res, "Deposited")
	fmt.Println(len(events), events[0].Amount, events[0].Balance)
	// Output: 1 2 2
}

// Input turns a Go struct into fields by name; Unpack turns what package
// cell decoded back into it.
func ExampleInput() {
	type Withdraw struct {
		QueryID uint64    `abi:"queryId"`
		Amount  tlb.Coins `abi:"amount"`
	}
	in, _ := contract.Input(Withdraw{QueryID: 7, Amount: tlb.MustFromTON("0.5")})
	fmt.Println(cell.FormatValue(in))

	abi := contracts.Builtins()["vault.v1"].ABI
	body, _ := abi.Encode("Withdraw", in.(map[string]any))
	decoded, _ := abi.Decode("Withdraw", body)
	var back Withdraw
	fmt.Println(contract.Unpack(decoded, &back), back.QueryID, back.Amount)
	// Output:
	// {amount: 500000000, queryId: 7}
	// <nil> 7 0.5
}

// Matches compares a decoded value with what a test wants, in any form
// Input takes.
func ExampleMatches() {
	decoded := &cell.Struct{Type: "Stats", Fields: []cell.FieldValue{
		{Name: "total", Value: big.NewInt(1_000_000_000)},
		{Name: "deposits", Value: big.NewInt(1)},
	}}
	fmt.Println(contract.Matches(decoded, map[string]any{"total": tlb.MustFromTON("1")}))
	fmt.Println(contract.Matches(decoded, map[string]any{"deposits": 2}))
	// Output:
	// true
	// false
}
