package examples_test

import (
	"fmt"
	"math/big"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/counter"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// Dusk Piecrust's migration example (seed 000) from Go: the counter stands
// at 0xfe; the double counter, deployed beside it from (0xfc, 0xcf), reads
// it and replays the missing increments into its left counter, and then
// takes the counter's place under the same address.
func Example_migrateDoubleCounter() {
	double, err := cell.LoadPackage("contracts/migrate/build/DoubleCounter_DoubleCounter.pkg")
	if err != nil {
		fmt.Println(err)
		return
	}
	w, _ := actor.NewWorld()
	owner, _ := w.NewWallet("owner")
	c, _, err := counter.Deploy(w, owner, counter.Init{ID: 1, Owner: owner, Value: 0xfc})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = w.SetName("counter", c.Address)
	for q := range uint64(2) {
		if _, err := c.Step(owner, q); err != nil {
			fmt.Println(err)
			return
		}
	}

	data, err := double.InitData(map[string]any{"owner": owner, "left": big.NewInt(0xfc), "right": big.NewInt(0xcf)})
	if err != nil {
		fmt.Println(err)
		return
	}
	incrementLeft, _ := double.ABI.Encode("IncrementLeft", map[string]any{"queryId": big.NewInt(0)})
	op, err := w.Migrate(c.Address, double.Code, data, func(m actor.Migration) error {
		old, err := m.World.Get(m.Old, "value")
		if err != nil {
			return err
		}
		left, err := values(m.World, double, m.New)
		if err != nil {
			return err
		}
		diff := new(big.Int).Sub(old.Stack[0].(*big.Int), left["left"])
		fmt.Printf("old %#x, new left %#x: replay %d\n", old.Stack[0], left["left"], diff)
		for range diff.Int64() {
			if _, err := m.World.Send(actor.Message{From: owner, To: m.New, Value: tlb.MustFromTON("0.05"), Body: incrementLeft}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	got, _ := values(w, double, c.Address)
	fmt.Printf("%s %s: left %#x, right %#x\n", w.NameOf(op.Account), op.Kind, got["left"], got["right"])
	// Output:
	// old 0xfe, new left 0xfc: replay 2
	// counter migrated: left 0xfe, right 0xcf
}

// values reads the double counter's values getter by its ABI.
func values(w *actor.World, pkg *cell.Package, at *address.Address) (map[string]*big.Int, error) {
	v, err := w.GetTyped(at, pkg.ABI, "values", nil)
	if err != nil {
		return nil, err
	}
	out := map[string]*big.Int{}
	for _, f := range v.(*cell.Struct).Fields {
		out[f.Name] = f.Value.(*big.Int)
	}
	return out, nil
}
