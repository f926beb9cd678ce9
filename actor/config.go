package actor

import (
	_ "embed"
	"fmt"

	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// defaultConfigBOC is the mainnet blockchain config the TON sandbox
// (@ton/sandbox) uses by default: the ConfigParams dictionary root.
//
//go:embed blockchain-config.boc
var defaultConfigBOC []byte

// DefaultConfig returns the blockchain config a world uses unless told
// otherwise: the TON sandbox's default mainnet config (global version 12).
func DefaultConfig() *tvmcell.Cell {
	c, err := tvmcell.FromBOC(defaultConfigBOC)
	if err != nil {
		panic(fmt.Sprintf("actor: embedded blockchain config: %v", err))
	}
	return c
}

func prepareConfig(root *tvmcell.Cell) (*tvm.PreparedBlockchainConfig, error) {
	cfg, err := tvm.PrepareBlockchainConfig(root)
	if err != nil {
		return nil, fmt.Errorf("blockchain config: %w", err)
	}
	return cfg, nil
}
