package tolkcounter_test

import (
	"fmt"

	"github.com/xssnick/tonutils-go/tlb"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
)

// The eager upgrade: the Upgradeable_Upgrade transaction itself runs the
// new code's migrate, so the storage is version 2's when it ends, and it
// emits UpgradedEvent as an external message.
func Example() {
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	si, _ := tolkcounter.StateInit(owner, 7)
	addr, _ := actor.StateInitAddress(si)
	_, _ = w.Send(actor.Message{From: owner, StateInit: si, Value: tlb.MustFromTON("0.05")})
	step, _ := tolkcounter.StepBody(1)
	_, _ = w.Send(actor.Message{From: owner, To: addr, Value: tlb.MustFromTON("0.05"), Body: step})

	v2 := tolkcounter.V2()
	body, _ := tolkcounter.UpgradeBody(2, v2.Code)
	tr, _ := w.Send(actor.Message{From: owner, To: addr, Value: tlb.MustFromTON("0.05"), Body: body})
	for _, tx := range tr.Transactions {
		if tx.To.Equals(addr) {
			st, _ := v2.DecodeStorage(tx.DataAfter)
			value, _ := st.Fields.Get("value")
			fmt.Println("exit", tx.ExitCode, "value", value)
			ev, _ := v2.ABI.Decode("UpgradedEvent", tx.Out[0].Body)
			version, _ := ev.Get("version")
			fmt.Println("UpgradedEvent version", version)
		}
	}
	version, _ := w.GetTyped(addr, v2.ABI, "version", nil)
	fmt.Println("version getter", cell.FormatValue(version))
	// Output:
	// exit 0 value 1
	// UpgradedEvent version 2.0.0
	// version getter "2.0.0"
}
