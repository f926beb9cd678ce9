package catalog

import (
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"

	"github.com/tonsim/tonsim/cell"
)

// DecodeAny decodes data as the initialized storage of the first contract
// (by name) whose layout reads it exactly, nil when none does. It names the
// version inside a lazy-migration envelope.
func (c *Catalog) DecodeAny(data *tvmcell.Cell) *cell.Storage {
	for _, ct := range c.Contracts() {
		if ct.Package == nil {
			continue
		}
		if st, err := ct.Package.DecodeStorage(data); err == nil && st.Initialized {
			return st
		}
	}
	return nil
}
