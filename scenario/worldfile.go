package scenario

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/atomicfile"
	"github.com/xssnick/tonutils-go/address"
)

// worldFormat names the world file format and its version.
const worldFormat = "tonsim world 1"

// worldFile is a saved world: its state and the contracts that explain it.
type worldFile struct {
	Format string `json:"format"`
	Now    uint32 `json:"now"`
	LT     uint64 `json:"lt"`
	Seed   string `json:"seed"`
	// Config is the config profile the world ran with; ConfigBOC the
	// config itself when it is no built-in profile.
	Config    string `json:"config"`
	ConfigBOC string `json:"config_boc,omitempty"`
	// Accounts is the account dictionary as a hex BOC, "" when empty.
	Accounts  string            `json:"accounts"`
	Names     map[string]string `json:"names"`
	Contracts []savedContract   `json:"contracts"`
}

// savedContract is a built-in by name, a package as its JSON, or code as a
// hex BOC.
type savedContract struct {
	Name    string          `json:"name"`
	Builtin string          `json:"builtin,omitempty"`
	Package json.RawMessage `json:"package,omitempty"`
	Code    string          `json:"code,omitempty"`
}

// SaveWorld writes w's state and cat's contracts to path, atomically: a
// crash leaves either the old file or the new one. The file is JSON; the
// same world always gives the same bytes.
func SaveWorld(path string, w *actor.World, cat *catalog.Catalog) error {
	s := w.Save()
	f := worldFile{Format: worldFormat, Now: s.Now, LT: s.LT, Seed: hex.EncodeToString(s.Seed[:]), Names: map[string]string{}, Config: s.Profile}
	if s.Profile == actor.ProfileCustom {
		f.ConfigBOC = cell.Hex(s.Config)
	}
	if s.Accounts != nil {
		f.Accounts = cell.Hex(s.Accounts)
	}
	for name, addr := range s.Names {
		f.Names[name] = addr.StringRaw()
	}
	for _, ct := range cat.Contracts() {
		sc := savedContract{Name: ct.Name}
		switch {
		case ct.Raw == nil:
			sc.Builtin = ct.Origin
		case ct.Package != nil:
			sc.Package = json.RawMessage(ct.Raw)
		default:
			sc.Code = cell.Hex(ct.Code)
		}
		f.Contracts = append(f.Contracts, sc)
	}
	sort.Slice(f.Contracts, func(i, j int) bool { return f.Contracts[i].Name < f.Contracts[j].Name })
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("saving world: %w", err)
	}
	if err := atomicfile.Write(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("saving world: %w", err)
	}
	return nil
}

// ErrWorldFile is wrapped by every error about a world file's content.
var ErrWorldFile = errors.New("not a tonsim world file")

// LoadWorld reads a world saved by [SaveWorld]; builtins resolve the
// built-in contracts it names.
func LoadWorld(path string, builtins Builtins, opts ...actor.Option) (*actor.World, *catalog.Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("loading world: %w", err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: %w: %s", path, ErrWorldFile, fmt.Sprintf(format, args...))
	}
	var f worldFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, bad("%v", err)
	}
	if f.Format != worldFormat {
		return nil, nil, bad("format is %q, want %q", f.Format, worldFormat)
	}

	saved := &actor.Saved{Names: map[string]*address.Address{}, Now: f.Now, LT: f.LT}
	seed, err := hex.DecodeString(f.Seed)
	if err != nil || len(seed) != len(saved.Seed) {
		return nil, nil, bad("seed %q is not 32 bytes of hex", f.Seed)
	}
	copy(saved.Seed[:], seed)
	if f.Accounts != "" {
		if saved.Accounts, err = cell.ParseBOC(f.Accounts); err != nil {
			return nil, nil, bad("accounts: %v", err)
		}
	}
	for name, raw := range f.Names {
		if saved.Names[name], err = cell.ParseAddress(raw); err != nil {
			return nil, nil, bad("name %s: %v", name, err)
		}
	}
	switch {
	case f.ConfigBOC != "":
		if saved.Config, err = cell.ParseBOC(f.ConfigBOC); err != nil {
			return nil, nil, bad("config_boc: %v", err)
		}
	case f.Config != "":
		if saved.Config, err = actor.ProfileConfig(f.Config); err != nil {
			return nil, nil, bad("config: %v", err)
		}
	default:
		return nil, nil, bad("it names no config (saved by an older tonsim: save it again)")
	}
	w, err := actor.Load(saved, opts...)
	if err != nil {
		return nil, nil, bad("%v", err)
	}

	cat := catalog.New()
	for _, sc := range f.Contracts {
		ct := &catalog.Contract{Name: sc.Name, Origin: path}
		switch {
		case sc.Builtin != "":
			pkg, ok := builtins[sc.Builtin]
			if !ok {
				return nil, nil, bad("contract %s: no built-in %q", sc.Name, sc.Builtin)
			}
			ct.Package, ct.Code, ct.Origin = pkg, pkg.Code, sc.Builtin
		case sc.Package != nil:
			if ct.Package, err = cell.ParsePackage(sc.Package); err != nil {
				return nil, nil, bad("contract %s: %v", sc.Name, err)
			}
			ct.Code, ct.Raw = ct.Package.Code, sc.Package
		default:
			if ct.Code, err = cell.ParseBOC(sc.Code); err != nil {
				return nil, nil, bad("contract %s: %v", sc.Name, err)
			}
			ct.Raw = ct.Code.ToBOC()
		}
		if err := cat.AddContract(ct); err != nil {
			return nil, nil, bad("%v", err)
		}
	}
	return w, cat, nil
}
