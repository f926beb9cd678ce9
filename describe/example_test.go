package describe_test

import (
	"fmt"
	"os"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/counter"
	"github.com/tonsim/tonsim/describe"
	"github.com/xssnick/tonutils-go/tlb"
)

// Describe explains a transaction by the contracts a catalog knows: its
// parties by the names they had when it ran, the message by its ABI name,
// the exit code with its meaning, and what it did to the storage.
func ExampleDescribe() {
	cat := catalog.New()
	cat.Add("v1", counter.V1())
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	init := counter.Init{ID: 1, Owner: alice}
	si, _ := counter.StateInit(init)
	addr, _ := actor.StateInitAddress(si)
	w.SetName("counter", addr)
	c, _, _ := counter.Deploy(w, alice, init)
	res, _ := c.Step(alice, 1)
	for _, tx := range res.Transactions() {
		d := describe.Describe(cat, tx)
		fmt.Println(d.From, "→", d.To, d.Message, d.Exit, d.Effects(d.Printer()))
	}
	// Output:
	// external → alice external 0 (Success) []
	// alice → counter Step 0 (Success) [value: 0 → 1]
	// counter → alice empty 0 (Success) []
}

// A Printer writes decoded values with the world's names.
func ExamplePrinter() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	p := describe.Printer{Names: w}
	fmt.Println(p.Value(owner))
	fmt.Println(describe.Printer{Names: w, WithAddress: true}.Value(owner))
	// Output:
	// owner
	// owner 0:44139b…33f7
}

// WriteTree draws a send as a tree; FeesTable adds what each transaction
// paid, as @ton/sandbox's printTransactionFees.
func ExampleWriteTree() {
	w, _ := actor.NewWorld()
	alice, _ := w.NewWallet("alice")
	bob, _ := w.NewWallet("bob")
	tr, _ := w.Send(actor.Message{From: alice, To: bob, Value: tlb.MustFromTON("1")})
	var ds []*describe.Tx
	for _, tx := range tr.Transactions {
		ds = append(ds, describe.Describe(catalog.New(), tx))
	}
	describe.WriteTree(os.Stdout, "", ds)
	describe.FeesTable(os.Stdout, "", ds)
	// Output:
	// external → alice  external  0 (Success)
	// └─ alice → bob  empty  0 (Success)
	//   lt   message  value in  value out   total fees       in fwd      out fwd      gas fee  storage  actions  exit  action
	//    1  external         0          1   0.00024649            0  0.000066667  0.000123201        0        1     0       0
	//    3     empty         1          0  0.000132801  0.000044446            0  0.000132801        0        0     0       0
}

// Package lists what a compiled contract declares, a fact a line.
func ExamplePackage() {
	for _, line := range describe.Package(counter.V1())[2:] {
		fmt.Println(line)
	}
	// Output:
	// storage   CounterV1$Data {owner: Address; id: Int as uint32; value: Int as uint32}
	// init      (id: Int, owner: Address, value: Int)
	// receives  an empty body
	//           Step (0x00000001) {queryId: Int as uint64}
	//           Upgrade (0x0000000a) {code: Cell}
	// getters   value(): Int
	//           id(): Int
	//           isUpgradable(): Bool
	//           type_and_version(): String
	//           owner(): Address
	// upgrade   chainlink-tact (the Upgrade): Chainlink's Tact Upgradable trait: Upgrade { code } (message 10), then the new code's init(stateToBeMigrated) migrates on the next message
}
