package actor

import (
	"fmt"
	"math/big"

	"github.com/xssnick/tonutils-go/tlb"
)

// configGasBasechain is the config param holding the basechain's gas
// limits and prices.
const configGasBasechain = 21

// GasLimits returns the basechain's gas limits and prices from the world's
// config (param 21): the most gas one transaction may use (GasLimit), the
// price per unit, the credit an external message gets, the storage due at
// which an account freezes.
func (w *World) GasLimits() (*tlb.ConfigGasLimitsPrices, error) {
	dict := w.configRoot.AsDict(32)
	s, err := dict.LoadValueByIntKey(big.NewInt(configGasBasechain))
	if err != nil {
		return nil, fmt.Errorf("config param %d: %w", configGasBasechain, err)
	}
	ref, err := s.LoadRef()
	if err != nil {
		return nil, fmt.Errorf("config param %d: %w", configGasBasechain, err)
	}
	var g tlb.ConfigGasLimitsPrices
	if err := g.LoadFromCell(ref); err != nil {
		return nil, fmt.Errorf("config param %d: %w", configGasBasechain, err)
	}
	return &g, nil
}
