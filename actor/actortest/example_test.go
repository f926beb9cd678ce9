package actortest_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/xssnick/tonutils-go/tlb"
)

// FindTransaction picks a transaction out of a trace by what it must be;
// RequireTransaction does the same and fails the test when none matches.
func ExampleFindTransaction() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")
	tr, _ := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")})

	tx, err := actortest.FindTransaction(tr.Transactions, actortest.From(alice), actortest.To(bob), actortest.Success())
	fmt.Println(err, tx.Value)

	_, err = actortest.FindTransaction(tr.Transactions, actortest.Bounced())
	fmt.Println(err != nil)
	// Output:
	// <nil> 1
	// true
}

// deployVault deploys vault.v1 as "vault" and returns the world, alice and
// the handle.
func deployVault() (*actor.World, *contract.Handle, func(amount, value string) *contract.Result) {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	alice, _ := w.NewWallet("alice")
	vault, _, _ := contract.Deploy(w, owner, contracts.Builtins()["vault.v1"], map[string]any{"owner": owner, "name": "savings"}, contract.WithName("vault"))
	deposit := func(amount, value string) *contract.Result {
		res, _ := vault.Send(alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON(amount)}, contract.WithValue(tlb.MustFromTON(value)))
		return res
	}
	return w, vault, deposit
}

// Find matches a send's transactions by message type, success and the
// events they emitted, as toHaveTransaction.
func ExampleFind() {
	_, vault, deposit := deployVault()
	d, err := actortest.Find(deposit("1", "1.5"), actortest.To(vault.Address), actortest.Message("Deposit"),
		actortest.Success(), actortest.Event("Deposited", actortest.Fields{"amount": tlb.MustFromTON("1")}))
	fmt.Println(err, d.From, "→", d.To, d.Message, d.Exit)
	// Output: <nil> alice → vault Deposit 0 (Success)
}

// When nothing matches, the error draws the whole send, the closest
// candidate marked and what it fails.
func ExampleFind_failure() {
	_, vault, deposit := deployVault()
	_, err := actortest.Find(deposit("1", "0.5"), actortest.To(vault.Address), actortest.Message("Deposit"), actortest.Success())
	fmt.Println(err)
	// Output:
	// no transaction matches (to vault, Deposit, success) in the send:
	//   lt 6   external → alice  external  0 (Success)
	// ▸ lt 8   └─ alice → vault  Deposit  34393 (Value must cover the deposit)
	//               ✗ success: exit 34393 (Value must cover the deposit)
	//   lt 10     └─ vault → alice  bounced Deposit  0 (Success)
	// the closest (▸) holds 2 of 3
}

// Text (what Print logs) draws a send as a tree with a table of values and
// fees, as printTransactionFees.
func ExampleText() {
	_, _, deposit := deployVault()
	fmt.Print(actortest.Text(deposit("1", "1.5")))
	// Output:
	// 3 transactions:
	//   external → alice  external  0 (Success)
	//   └─ alice → vault  Deposit  0 (Success)  balances[alice]: 1 TON (added), total: 0 TON → 1 TON, depositCount: 0 → 1, lastDepositor: null → alice, history[0]: 1 TON (added)
	//        ↳ event Deposited {queryId: 1, depositor: alice, amount: 1 TON, balance: 1 TON}
	//      └─ vault → alice  empty  0 (Success)
	//     lt   message     value in    value out   total fees       in fwd      out fwd      gas fee  storage  actions  exit  action
	//      6  external            0          1.5   0.00025529            0  0.000066667  0.000123201        0        1     0       0
	//      8   Deposit          1.5  0.499063065  0.000892489  0.000044446  0.000169001  0.000767934        0        3     0       0
	//     11     empty  0.499063065            0  0.000132801  0.000044446            0  0.000132801        0        0     0       0
}

// CheckStorage (and RequireStorage) compare a contract's storage by field
// name, decoded by the version it runs.
func ExampleCheckStorage() {
	w, vault, deposit := deployVault()
	deposit("1", "1.5")
	alice, _ := w.Wallet("alice")
	fmt.Println(actortest.CheckStorage(vault, actortest.Fields{"total": tlb.MustFromTON("1"), "lastDepositor": alice}))
	err := actortest.CheckStorage(vault, actortest.Fields{"depositCount": 2})
	fmt.Fprintln(os.Stdout, err)
	// Output:
	// <nil>
	// storage differs: 1 of 1 fields of vault (VaultV1) differ:
	//   depositCount: want 2, got 1
	// VaultV1$Data
	//   ├─ owner: owner
	//   ├─ balances: map, 1 entry
	//   │  └─ alice: 1 TON
	//   ├─ total: 1 TON
	// ▸ ├─ depositCount: 1
	//   ├─ name: "savings"
	//   ├─ lastDepositor: alice
	//   ├─ withdrawCount: 0
	//   └─ history: map, 1 entry
	//      └─ 0: 1 TON
}

// In a Go test, Fork gives each parallel subtest its own copy of a
// prepared world, and the Require forms fail the test with the words Find
// and CheckStorage return. (Not run here: it needs the test's *testing.T.)
func ExampleFork() {
	var t *testing.T // the test's own
	base, vault, _ := deployVault()
	alice, _ := base.Lookup("alice")
	for _, amount := range []string{"1", "2"} {
		t.Run(amount, func(t *testing.T) {
			v := vault.On(actortest.Fork(t, base)) // the same account, on the subtest's world
			sent, err := v.Send(alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON(amount)}, contract.WithValue(tlb.MustFromTON("3")))
			require.NoError(t, err)
			actortest.Print(t, sent) // logs the send as a tree, with fees
			actortest.Require(t, sent, actortest.To(v.Address), actortest.Message("Deposit"), actortest.Success())
			actortest.RequireStorage(t, v, actortest.Fields{"depositCount": 1, "total": tlb.MustFromTON(amount)})
		})
	}
}
