package cell

import tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

// TreeSize counts the cells of c written out as a tree: c and, for each of
// its references, the tree size of the cell referred to, so a cell reached
// by two paths counts twice. It is what a walk that does not remember the
// cells it has seen visits, and stays small for every cell that is not a
// DAG sharing cells level after level: 30 cells that each refer four times
// to the one below make a tree of about 4^30.
//
// TreeSize stops counting past limit and then returns limit+1; it visits
// each distinct cell once, so it is cheap even when the tree is not.
func TreeSize(c *tvmcell.Cell, limit uint64) uint64 {
	if c == nil {
		return 0
	}
	if c.RefsNum() == 0 {
		return 1 // the body of most messages: no map to make
	}
	seen := map[*tvmcell.Cell]uint64{}
	var size func(c *tvmcell.Cell) uint64
	size = func(c *tvmcell.Cell) uint64 {
		if n, ok := seen[c]; ok {
			return n
		}
		n := uint64(1)
		for i := range int(c.RefsNum()) {
			ref, err := c.PeekRef(i)
			if err != nil {
				break // RefsNum said it is there: not reachable
			}
			n += size(ref)
			if n > limit {
				n = limit + 1
				break
			}
		}
		seen[c] = n
		return n
	}
	return size(c)
}
