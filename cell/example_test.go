package cell_test

import (
	"fmt"
	"log"
	"math/big"

	"github.com/tonsim/tonsim/cell"
)

func ExampleParseBOC() {
	c, err := cell.ParseBOC("b5ee9c7201010201003000010140010053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(cell.Print(c))
	// Output:
	// 1 bits x{4_}
	// └─ 332 bits x{C0043A8E6C4C9CF0A60EB8708A9B47AF04DA74849F5D7ABA7C79221D85832321E310000000700000003}
}

func ExampleABI_Encode() {
	pkg, err := cell.LoadPackage("../counter/build/CounterV1_CounterV1.pkg")
	if err != nil {
		log.Fatal(err)
	}

	body, err := pkg.ABI.Encode("Step", map[string]any{"queryId": 42})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(cell.Print(body))

	_, err = pkg.ABI.Encode("Step", map[string]any{"queryId": "abc"})
	fmt.Println(err)
	// Output:
	// 96 bits x{00000001000000000000002A}
	// Step.queryId: want an integer, got "abc"
}

func ExamplePackage_InitData() {
	pkg, err := cell.LoadPackage("../counter/build/CounterV1_CounterV1.pkg")
	if err != nil {
		log.Fatal(err)
	}

	data, err := pkg.InitData(map[string]any{
		"id":    7,
		"owner": "0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31",
		"value": 0,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%x\n", data.Hash())
	// Output:
	// e1700aefd85133b79b153848e456ee6cf111918ffa1b39b8e22037f1fa239503
}

func ExampleABI_Decode() {
	pkg, err := cell.LoadPackage("testdata/kitchen/Kitchen_Kitchen.pkg")
	if err != nil {
		log.Fatal(err)
	}
	c, err := cell.ParseBOC("b5ee9c7241010201001700011b7e57ab1effffffffffffffff0166010008706f6e673e847631")
	if err != nil {
		log.Fatal(err)
	}

	ping, err := pkg.ABI.Decode("Ping", c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(cell.PrintStruct(ping))

	_, err = pkg.ABI.Decode("Envelope", c)
	fmt.Println(err)
	// Output:
	// Ping
	// ├─ queryId: 18446744073709551615
	// ├─ inner: Inner
	// │  ├─ x: 1
	// │  └─ y: false
	// ├─ note: "pong"
	// └─ body: 4 bits x{9}
	// Envelope.ping: opcode 0x57ab1eff is not Ping (0x7e57ab1e)
}

func ExamplePackage_DecodeStorage() {
	pkg, err := cell.LoadPackage("../counter/build/CounterV1_CounterV1.pkg")
	if err != nil {
		log.Fatal(err)
	}
	data, err := cell.ParseBOC("b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038")
	if err != nil {
		log.Fatal(err)
	}

	st, err := pkg.DecodeStorage(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Initialized, cell.FormatValue(st.Fields))
	// Output:
	// true {owner: 0:43a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e31, id: 7, value: 3}
}

func ExampleDiffStructs() {
	pkg, err := cell.LoadPackage("../counter/build/CounterV1_CounterV1.pkg")
	if err != nil {
		log.Fatal(err)
	}
	decode := func(boc string) *cell.Struct {
		c, err := cell.ParseBOC(boc)
		if err != nil {
			log.Fatal(err)
		}
		st, err := pkg.DecodeStorage(c)
		if err != nil {
			log.Fatal(err)
		}
		return st.Fields
	}

	before := decode("b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000028")
	after := decode("b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038")
	for _, change := range cell.DiffStructs(before, after) {
		fmt.Println(change)
	}
	// Output:
	// value: 2 → 3
}

func ExampleFormatStack() {
	fmt.Println(cell.FormatStack([]any{big.NewInt(-7), true, "Counter v1.0.0", nil}))
	// Output:
	// -7 true "Counter v1.0.0" null
}

// Shape says what Go form values of an ABI type take, what a code
// generator maps onto its own types.
func ExampleABI_Shape() {
	abi, _ := cell.ParseABI([]byte(`{"name":"X","types":[],"receivers":[],"getters":[],"errors":{}}`))
	balances, _ := abi.Shape(cell.Type{Kind: cell.KindDict, Key: "address", Value: "uint", ValueFormat: "coins"})
	fmt.Println(balances.Kind == cell.ShapeMap, balances.Key.Kind == cell.ShapeAddress, balances.Value.Coins, balances.Value.Bits)
	// Output: true true true 120
}
