package cell_test

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tonsim/tonsim/cell"
)

// TestEdgesAgainstTact checks the size the allocator gives every kind of
// field: for each kind, a struct of 1022 bits must stay in one cell and one
// of 1023 bits must spill its last field, exactly as Tact's toCell() does
// (testdata/kitchen/edges.tact).
func TestEdgesAgainstTact(t *testing.T) {
	p, err := cell.LoadPackage("testdata/kitchen/Kitchen_Edges.pkg")
	require.NoError(t, err)
	data, err := p.InitData(nil)
	require.NoError(t, err)
	c := newContract(t, p, data)
	r := rand.New(rand.NewSource(4))

	kinds := 0
	for _, g := range p.ABI.Getters {
		kind, ok := strings.CutPrefix(g.Name, "cellFit")
		if !ok {
			continue
		}
		kinds++
		t.Run(kind, func(t *testing.T) {
			refs := map[string]int{}
			for _, prefix := range []string{"Fit", "Over"} {
				typ := prefix + kind
				for i := 0; i < 5; i++ {
					values := randomStruct(r, p.ABI, typ)
					tact := c.runCell(t, "cell"+typ, map[string]any{"v": values})
					ours, err := p.ABI.Encode(typ, values)
					require.NoError(t, err)
					require.Equal(t, cell.Print(tact), cell.Print(ours), "%s %s", typ, cell.FormatValue(values))
					refs[prefix] = max(refs[prefix], int(tact.RefsNum()))
				}
			}
			assert.Equal(t, refs["Fit"]+1, refs["Over"], "a 1023-bit struct takes one more ref than a 1022-bit one")
		})
	}
	assert.Equal(t, 27, kinds)
}
