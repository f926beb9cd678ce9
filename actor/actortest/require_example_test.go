package actortest_test

import (
	"fmt"
	"testing"

	"github.com/tonsim/tonsim/actor/actortest"
	"github.com/xssnick/tonutils-go/tlb"
)

// exampleT is the testing.TB the examples hand the Require forms and
// Print: it prints what a test would log or fail with, and a Fatal stops
// the body as it stops a test.
type exampleT struct{ testing.TB }

// stopped is what a Fatal of exampleT panics with, and [test] recovers.
type stopped struct{}

func (exampleT) Helper()         {}
func (exampleT) Log(args ...any) { fmt.Println(args...) }
func (exampleT) Fatal(args ...any) {
	fmt.Println(append([]any{"FAIL:"}, args...)...)
	panic(stopped{})
}

func (exampleT) Fatalf(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
	panic(stopped{})
}

// test runs body as a test body, on an exampleT.
func test(body func(t testing.TB)) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stopped); !ok {
				panic(r)
			}
		}
	}()
	body(exampleT{})
}

// Require fails the test unless a transaction of the send matches, and
// returns the one that does; the failure draws the send, the closest
// candidate marked.
func ExampleRequire() {
	_, vault, deposit := deployVault()
	test(func(t testing.TB) {
		d := actortest.Require(t, deposit("1", "1.5"), actortest.To(vault.Address), actortest.Message("Deposit"), actortest.Success())
		fmt.Println(d.From, "→", d.To, d.Message, d.Exit)
	})
	test(func(t testing.TB) {
		actortest.Require(t, deposit("1", "0.5"), actortest.To(vault.Address), actortest.Message("Deposit"), actortest.Success())
		fmt.Println("not reached: Require stopped the test")
	})
	// Output:
	// alice → vault Deposit 0 (Success)
	// FAIL: no transaction matches (to vault, Deposit, success) in the send:
	//   lt 12  external → alice  external  0 (Success)
	// ▸ lt 14  └─ alice → vault  Deposit  34393 (Value must cover the deposit)
	//               ✗ success: exit 34393 (Value must cover the deposit)
	//   lt 16     └─ vault → alice  bounced Deposit  0 (Success)
	// the closest (▸) holds 2 of 3
}

// RequireNo fails the test if a transaction of the send matches: here,
// when the vault bounces a deposit.
func ExampleRequireNo() {
	_, vault, deposit := deployVault()
	test(func(t testing.TB) {
		actortest.RequireNo(t, deposit("1", "1.5"), actortest.From(vault.Address), actortest.Bounced())
		fmt.Println("no bounce")
	})
	test(func(t testing.TB) {
		actortest.RequireNo(t, deposit("1", "0.5"), actortest.From(vault.Address), actortest.Bounced())
	})
	// Output:
	// no bounce
	// FAIL: want no transaction (from vault, bounced), found (▸):
	//   lt 12  external → alice  external  0 (Success)
	//   lt 14  └─ alice → vault  Deposit  34393 (Value must cover the deposit)
	// ▸ lt 16     └─ vault → alice  bounced Deposit  0 (Success)
}

// RequireStorage fails the test unless the storage holds the fields by
// name, decoded by the version the account runs.
func ExampleRequireStorage() {
	_, vault, deposit := deployVault()
	deposit("1", "1.5")
	test(func(t testing.TB) {
		actortest.RequireStorage(t, vault, actortest.Fields{"total": tlb.MustFromTON("1"), "depositCount": 1})
		fmt.Println("storage holds them")
	})
	test(func(t testing.TB) {
		actortest.RequireStorage(t, vault, actortest.Fields{"total": tlb.MustFromTON("2")})
	})
	// Output:
	// storage holds them
	// FAIL: storage differs: 1 of 1 fields of vault (VaultV1) differ:
	//   total: want 2 TON, got 1 TON
	// VaultV1$Data
	//   ├─ owner: owner
	//   ├─ balances: map, 1 entry
	//   │  └─ alice: 1 TON
	// ▸ ├─ total: 1 TON
	//   ├─ depositCount: 1
	//   ├─ name: "savings"
	//   ├─ lastDepositor: alice
	//   ├─ withdrawCount: 0
	//   └─ history: map, 1 entry
	//      └─ 0: 1 TON
}

// Print logs the send as a tree, by name, then a table of values and fees,
// as printTransactionFees.
func ExamplePrint() {
	_, _, deposit := deployVault()
	test(func(t testing.TB) {
		actortest.Print(t, deposit("1", "0.5"))
	})
	// Output:
	// 3 transactions:
	//   external → alice  external  0 (Success)
	//   └─ alice → vault  Deposit  34393 (Value must cover the deposit)
	//      └─ vault → alice  bounced Deposit  0 (Success)
	//     lt          message     value in    value out   total fees       in fwd      out fwd      gas fee  storage  actions   exit  action
	//      6         external            0          0.5   0.00025529            0  0.000066667  0.000123201        0        1      0       0
	//      8          Deposit          0.5  0.499753665  0.000201889  0.000044446            0  0.000179668        0        —  34393       —
	//     10  bounced Deposit  0.499753665            0  0.000113534  0.000044446            0  0.000113534        0        0      0       0
}
