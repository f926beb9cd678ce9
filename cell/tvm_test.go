package cell_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
)

// getterGas is plenty for any kitchen getter.
const getterGas = 10_000_000

// contract is a compiled contract placed with its data in a tonsim world,
// ready to run getters on tonutils-go's TVM with the world's c7.
type contract struct {
	pkg  *cell.Package
	w    *actor.World
	addr *address.Address
}

func newContract(t testing.TB, pkg *cell.Package, data *tvmcell.Cell) *contract {
	t.Helper()
	w, err := actor.NewWorld(actor.WithGetterGasLimit(getterGas))
	require.NoError(t, err)
	self := address.MustParseRawAddr("0:0000000000000000000000000000000000000000000000000000000000000042")
	require.NoError(t, w.PutAccount(self, pkg.Code, data, tlb.MustFromTON("1")))
	return &contract{pkg: pkg, w: w, addr: self}
}

// run calls a getter with arguments converted by the package's ABI and
// returns what it left on the stack, deepest first.
func (c *contract) run(t testing.TB, getter string, args map[string]any) []any {
	t.Helper()
	argv, err := c.pkg.ABI.GetterArgs(getter, args)
	require.NoError(t, err)
	res, err := c.w.Get(c.addr, getter, argv...)
	require.NoError(t, err)
	return res.Stack
}

// runCell calls a getter that returns a cell.
func (c *contract) runCell(t testing.TB, getter string, args map[string]any) *tvmcell.Cell {
	t.Helper()
	out := c.run(t, getter, args)
	require.Len(t, out, 1)
	cl, ok := out[0].(*tvmcell.Cell)
	require.Truef(t, ok, "getter %s returned %T, want a cell", getter, out[0])
	return cl
}

// result decodes what a getter returned with its ABI return type.
func (c *contract) result(t testing.TB, getter string, args map[string]any) any {
	t.Helper()
	g, err := c.pkg.ABI.Getter(getter)
	require.NoError(t, err)
	require.NotNil(t, g.ReturnType)
	v, err := c.pkg.ABI.FromGetterStack(*g.ReturnType, c.run(t, getter, args))
	require.NoError(t, err)
	return v
}
