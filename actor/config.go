package actor

import (
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Config profiles: blockchain configs a world can run with, by name.
const (
	// ProfileMainnet is mainnet's config of June 2026 (masterchain seqno
	// 72712993, global version 14, basechain gas at about 66.7 nanoTON per
	// unit), the one @ton/sandbox 0.43–0.44 ships. Worlds use it unless told
	// otherwise.
	ProfileMainnet = "mainnet-2026-06"
	// ProfileSandbox041 is the config @ton/sandbox 0.38–0.41 runs with
	// (global version 12, basechain gas at 400 nanoTON per unit): gas is the
	// same as under ProfileMainnet for ordinary code, fees about six times
	// higher. Vectors recorded in those sandboxes replay under it.
	ProfileSandbox041 = "sandbox-0.41"
	// DefaultProfile is the profile of a world made without [WithConfig] or
	// [WithProfile].
	DefaultProfile = ProfileMainnet
)

//go:embed configs/*.boc
var configBOCs embed.FS

// Profile is a named blockchain config.
type Profile struct {
	Name string
	// About says what the config is, for people.
	About string
}

// Profiles lists the built-in config profiles, the default first.
func Profiles() []Profile {
	return []Profile{
		{ProfileMainnet, "mainnet, June 2026 (global version 14; what @ton/sandbox 0.43–0.44 ships)"},
		{ProfileSandbox041, "@ton/sandbox 0.38–0.41's default (global version 12; fees about 6× mainnet's)"},
	}
}

// ErrUnknownProfile is returned for a config profile name tonsim does not ship.
var ErrUnknownProfile = errors.New("unknown config profile")

var profileCells sync.Map // name → *tvmcell.Cell

// ProfileConfig returns the root of a built-in profile's ConfigParams
// dictionary.
func ProfileConfig(name string) (*tvmcell.Cell, error) {
	if c, ok := profileCells.Load(name); ok {
		return c.(*tvmcell.Cell), nil
	}
	data, err := configBOCs.ReadFile("configs/" + name + ".boc")
	if err != nil || strings.ContainsAny(name, "/\\") {
		names := make([]string, 0, 2)
		for _, p := range Profiles() {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("%w %q (profiles: %s)", ErrUnknownProfile, name, strings.Join(names, ", "))
	}
	c, err := tvmcell.FromBOC(data)
	if err != nil {
		return nil, fmt.Errorf("config profile %s: %w", name, err)
	}
	profileCells.Store(name, c)
	return c, nil
}

// DefaultConfig returns the blockchain config a world uses unless told
// otherwise: the [DefaultProfile].
func DefaultConfig() *tvmcell.Cell {
	c, err := ProfileConfig(DefaultProfile)
	if err != nil {
		panic(fmt.Sprintf("actor: embedded blockchain config: %v", err))
	}
	return c
}

// ConfigInfo says which config a world runs with: a profile's name, or
// "custom" for a config given as a cell, with the config's hash and global
// version either way.
type ConfigInfo struct {
	Profile       string
	Hash          string
	GlobalVersion uint32
}

func (c ConfigInfo) String() string {
	return fmt.Sprintf("%s (global version %d)", c.Profile, c.GlobalVersion)
}

// ProfileCustom names a config that is not a built-in profile.
const ProfileCustom = "custom"

// WithProfile runs the world with a built-in config profile.
func WithProfile(name string) Option {
	return func(w *World) error {
		root, err := ProfileConfig(name)
		if err != nil {
			return err
		}
		return w.setConfig(name, root)
	}
}

// WithConfig runs the world with another blockchain config: the root of the
// ConfigParams dictionary, as a config BOC holds it. A root equal to a
// built-in profile's is reported as that profile.
func WithConfig(root *tvmcell.Cell) Option {
	return func(w *World) error {
		name := ProfileCustom
		for _, p := range Profiles() {
			if c, err := ProfileConfig(p.Name); err == nil && string(c.Hash()) == string(root.Hash()) {
				name = p.Name
			}
		}
		return w.setConfig(name, root)
	}
}

func (w *World) setConfig(name string, root *tvmcell.Cell) error {
	cfg, err := prepareConfig(root)
	if err != nil {
		return err
	}
	w.config, w.configRoot, w.profile = cfg, root, name
	return nil
}

// Config returns which config the world runs with.
func (w *World) Config() ConfigInfo {
	return ConfigInfo{Profile: w.profile, Hash: hex.EncodeToString(w.configRoot.Hash()), GlobalVersion: w.config.GlobalVersion()}
}

// ConfigRoot returns the root of the world's ConfigParams dictionary.
func (w *World) ConfigRoot() *tvmcell.Cell { return w.configRoot }

func prepareConfig(root *tvmcell.Cell) (*tvm.PreparedBlockchainConfig, error) {
	cfg, err := tvm.PrepareBlockchainConfig(root)
	if err != nil {
		return nil, fmt.Errorf("blockchain config: %w", err)
	}
	return cfg, nil
}
