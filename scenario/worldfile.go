package scenario

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/atomicfile"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/xssnick/tonutils-go/address"
)

// worldFormat names the world file format and its version. Version 2 added
// the state root and the checksum, version 3 the commits; older files are
// refused.
const (
	worldFormat   = "tonsim world 3"
	worldFormatV2 = "tonsim world 2"
	worldFormatV1 = "tonsim world 1"
)

// worldFile is a saved world: its state and the contracts that explain it.
//
// Checksum is the sha256, in hex, of the file's canonical content: the
// compact JSON encoding (encoding/json, fields in this order, map keys
// sorted) of the same value without the checksum. StateRoot is the
// account dictionary's hash. Load recomputes both.
//
// The file is content-addressed: Accounts holds every account dictionary
// once, the world's and its commits', as one BOC of several roots in which
// a cell they share is stored once, and a state names its dictionary by
// its state root. States holds each committed state once (two commits of
// the same state share it) and Commits names them, oldest first.
type worldFile struct {
	Format string `json:"format"`
	// Now is a unix time (uint32) and LT a logical time (below 2^63),
	// checked by range on load.
	Now       json.Number `json:"now"`
	LT        json.Number `json:"lt"`
	Seed      string      `json:"seed"`
	StateRoot string      `json:"state_root"`
	// Config is the config profile the world ran with; ConfigBOC the
	// config itself, hex, when it is no built-in profile.
	Config    string `json:"config"`
	ConfigBOC string `json:"config_boc,omitempty"`
	// Accounts is every account dictionary of the file as one hex BOC of
	// several roots (see [worldFile]), "" when there is none.
	Accounts  string            `json:"accounts"`
	Names     map[string]string `json:"names"`
	States    []savedState      `json:"states,omitempty"`
	Commits   []savedCommit     `json:"commits,omitempty"`
	Contracts []savedContract   `json:"contracts"`
	Checksum  string            `json:"checksum,omitempty"`
}

// savedContract is a built-in by name, a package as its JSON, or code as a
// hex BOC.
type savedContract struct {
	Name    string          `json:"name"`
	Builtin string          `json:"builtin,omitempty"`
	Package json.RawMessage `json:"package,omitempty"`
	Code    string          `json:"code,omitempty"`
	// ABI is the Tolk ABI file that came with Code.
	ABI json.RawMessage `json:"abi,omitempty"`
}

// checksum returns the hex sha256 of f's canonical content (see
// [worldFile]).
func (f worldFile) checksum() (string, error) {
	f.Checksum = ""
	data, err := json.Marshal(f)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// SaveWorld writes w's state and cat's contracts to path, atomically: a
// crash leaves either the old file or the new one. The file is JSON and
// carries the state root and a checksum of its content, which
// [LoadWorld] checks; the same world always gives the same bytes. An
// existing file keeps its permissions; a new one gets 0644 less the umask.
func SaveWorld(path string, w *actor.World, cat *catalog.Catalog) error {
	s := w.Save()
	f := worldFile{
		Format:    worldFormat,
		Now:       json.Number(strconv.FormatUint(uint64(s.Now), 10)),
		LT:        json.Number(strconv.FormatUint(s.LT, 10)),
		Seed:      hex.EncodeToString(s.Seed[:]),
		StateRoot: w.StateRoot().String(),
		Config:    s.Profile,
		Names:     map[string]string{},
	}
	if s.Profile == actor.ProfileCustom {
		f.ConfigBOC = cell.Hex(s.Config)
	}
	for name, addr := range s.Names {
		f.Names[name] = addr.StringRaw()
	}
	f.Accounts = saveCommits(&f, s)
	for _, ct := range cat.Contracts() {
		sc := savedContract{Name: ct.Name}
		switch {
		case ct.Raw == nil:
			sc.Builtin = ct.Origin
		case ct.RawABI != nil:
			sc.Code, sc.ABI = cell.Hex(ct.Code), json.RawMessage(ct.RawABI)
		case ct.Package != nil:
			sc.Package = json.RawMessage(ct.Raw)
		default:
			sc.Code = cell.Hex(ct.Code)
		}
		f.Contracts = append(f.Contracts, sc)
	}
	sort.Slice(f.Contracts, func(i, j int) bool { return f.Contracts[i].Name < f.Contracts[j].Name })
	sum, err := f.checksum()
	if err != nil {
		return fmt.Errorf("saving world: %w", err)
	}
	f.Checksum = sum
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("saving world: %w", err)
	}
	if err := atomicfile.Write(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("saving world: %w", err)
	}
	return nil
}

var (
	// ErrWorldFile is wrapped by every error about a world file's content.
	ErrWorldFile = errors.New("not a tonsim world file")
	// ErrWorldChanged is wrapped, beside [ErrWorldFile], by the error for a
	// world file whose checksum or state root does not match its content.
	ErrWorldChanged = errors.New("saved world was changed after it was written")
)

// Ranges of a world file's numbers: a unix time fits the clock's 32 bits;
// a logical time starts at 1 and stays below 2^63, as the TVM reads it.
const (
	minLT = 1
	maxLT = math.MaxInt64
)

// LoadWorld reads a world saved by [SaveWorld]; builtins resolve the
// built-in contracts it names. It refuses a file that is not a regular
// file, is larger than the limit (64 MiB unless opts say otherwise), is
// not a version 3 world file, or whose checksum or state roots do not
// match its content; errors name the file but never quote it. Every
// commit's state root must name one of the file's account dictionaries,
// and every dictionary must be some state's.
func LoadWorld(path string, builtins Builtins, opts ...FileOption) (*actor.World, *catalog.Catalog, error) {
	o := options(opts)
	data, err := o.policy.Read(inputfile.World, path)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %w", err)
	}
	return loadWorld(path, data, builtins, o.world)
}

// loadWorld loads the world file read from path.
func loadWorld(path string, data []byte, builtins Builtins, worldOpts []actor.Option) (*actor.World, *catalog.Catalog, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: %w: %s", path, ErrWorldFile, fmt.Sprintf(format, args...))
	}
	f, err := decodeWorld(data)
	if err != nil {
		return nil, nil, bad("%v", err)
	}
	switch f.Format {
	case worldFormat:
	case worldFormatV1, worldFormatV2:
		return nil, nil, bad("it was written by an older tonsim (format %q, without commits): save the world again with this one (tonsim run --save)", f.Format)
	default:
		return nil, nil, bad("the format field is not %q", worldFormat)
	}
	changed := func(format string, args ...any) error {
		return fmt.Errorf("%s: %w: %w: %s", path, ErrWorldFile, ErrWorldChanged, fmt.Sprintf(format, args...))
	}
	sum, err := f.checksum()
	if err != nil {
		return nil, nil, bad("%v", err)
	}
	if f.Checksum != sum {
		return nil, nil, changed("its checksum does not match its content (sha256 %s)", sum)
	}

	saved := &actor.Saved{Names: map[string]*address.Address{}}
	now, err := number(f.Now, "now", 0, math.MaxUint32)
	if err != nil {
		return nil, nil, bad("%v", err)
	}
	if saved.LT, err = number(f.LT, "lt", minLT, maxLT); err != nil {
		return nil, nil, bad("%v", err)
	}
	saved.Now = uint32(now)
	seed, err := hex.DecodeString(f.Seed)
	if err != nil || len(seed) != len(saved.Seed) {
		return nil, nil, bad("seed is not 32 bytes of hex")
	}
	copy(saved.Seed[:], seed)
	dicts, err := newDictionaries(f.Accounts)
	if err != nil {
		return nil, nil, bad("accounts: %v", err)
	}
	if saved.Accounts, err = dicts.take(f.StateRoot); err != nil {
		return nil, nil, changed("state root: %v", err)
	}
	if saved.Commits, err = loadCommits(f, dicts); err != nil {
		if errors.Is(err, errNoDictionary) {
			return nil, nil, changed("%v", err)
		}
		return nil, nil, bad("%v", err)
	}
	if err := dicts.allTaken(); err != nil {
		return nil, nil, bad("accounts: %v", err)
	}
	for name, raw := range f.Names {
		if saved.Names[name], err = cell.ParseAddress(raw); err != nil {
			return nil, nil, bad("name %s: %v", quote(name), err)
		}
	}
	switch {
	case f.ConfigBOC != "":
		if saved.Config, err = cell.DecodeBOC([]byte(f.ConfigBOC)); err != nil {
			return nil, nil, bad("config_boc: %v", err)
		}
	case f.Config != "":
		if saved.Config, err = actor.ProfileConfig(f.Config); err != nil {
			return nil, nil, bad("config: %v", err)
		}
	default:
		return nil, nil, bad("it names no config")
	}
	w, err := actor.Load(saved, worldOpts...)
	if err != nil {
		return nil, nil, bad("%v", err)
	}

	cat := catalog.New()
	for _, sc := range f.Contracts {
		ct := &catalog.Contract{Name: sc.Name, Origin: path}
		switch {
		case sc.Builtin != "":
			pkg, ok := builtins.Package(sc.Builtin)
			if !ok {
				return nil, nil, bad("contract %s: no built-in %s", quote(sc.Name), quote(sc.Builtin))
			}
			ct.Package, ct.Code, ct.Origin = pkg, pkg.Code, sc.Builtin
		case sc.Package != nil:
			if ct.Package, err = cell.ParsePackage(sc.Package); err != nil {
				return nil, nil, bad("contract %s: %v", quote(sc.Name), err)
			}
			ct.Code, ct.Raw = ct.Package.Code, sc.Package
		default:
			if ct.Code, err = cell.DecodeBOC([]byte(sc.Code)); err != nil {
				return nil, nil, bad("contract %s: %v", quote(sc.Name), err)
			}
			ct.Raw = ct.Code.ToBOC()
			if sc.ABI != nil {
				if ct.Package, err = cell.LoadTolkPackage(ct.Code, sc.ABI); err != nil {
					return nil, nil, bad("contract %s: its ABI: %v", quote(sc.Name), err)
				}
				ct.RawABI = sc.ABI
			}
		}
		if err := cat.AddContract(ct); err != nil {
			return nil, nil, bad("%v", err)
		}
	}
	return w, cat, nil
}

// decodeWorld decodes a world file strictly: one JSON object, no unknown
// fields. Its errors never quote the data.
func decodeWorld(data []byte) (worldFile, error) {
	var f worldFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return f, errors.New("not JSON: unexpected end of the data")
		case errors.As(err, &se):
			return f, fmt.Errorf("not JSON (a syntax error at byte %d)", se.Offset)
		case errors.As(err, &te):
			return f, fmt.Errorf("field %s holds a JSON %s, want %s", te.Field, te.Value, te.Type)
		}
		return f, errors.New("not the JSON of a world file (an unknown field or a wrong value)")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return f, errors.New("data after the world's JSON object")
	}
	return f, nil
}

// number reads a whole number of a world file in [lo, hi].
func number(n json.Number, field string, lo, hi uint64) (uint64, error) {
	v, err := strconv.ParseUint(string(n), 10, 64)
	if err != nil || v < lo || v > hi {
		return 0, fmt.Errorf("%s %s is out of range: want a whole number in [%d, %d]", field, numberText(n), lo, hi)
	}
	return v, nil
}

// numberText shows a number of a world file in an error: as written when
// short, else by its size.
func numberText(n json.Number) string {
	if len(n) > cell.MaxQuoted {
		return cell.DescribeText(string(n))
	}
	return string(n)
}
