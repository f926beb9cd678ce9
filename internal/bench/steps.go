package bench

import (
	"bytes"
	"fmt"
)

// StepScenario returns a scenario that deploys the example counter V1 from
// a wallet and sends it n Step messages from that wallet, each three
// transactions (the wallet's, the counter's, the cashback), then checks the
// counter's value: the work sandbox/steps.mjs does in @ton/sandbox, under
// the config @ton/sandbox 0.41 runs with.
func StepScenario(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `name: %d Step sends from a wallet
config: sandbox-0.41
contracts:
  v1: counter.v1
wallets:
  wallet: {}
steps:
  - deploy: { name: counter, contract: v1, from: wallet, init: { id: 1, owner: wallet, value: 0 } }
`, n)
	for i := range n {
		fmt.Fprintf(&b, "  - send: { from: wallet, to: counter, message: Step, fields: { queryId: %d } }\n", i+1)
	}
	fmt.Fprintf(&b, "  - get: { on: counter, method: value }\n    expect: { result: %d }\n", n)
	return b.Bytes()
}
