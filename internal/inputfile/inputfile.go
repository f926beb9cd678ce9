package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what a file holds: it picks the default size limit and names the
// file in errors.
type Kind int

// The kinds of file tonsim reads.
const (
	Scenario Kind = iota // a scenario (YAML)
	World                // a saved world (JSON)
	Contract             // a Tact package or a code BOC
	BOC                  // a BOC to inspect
)

// Default size limits. A scenario is written by hand: 4 MiB is tens of
// thousands of steps, and parsing YAML takes tens of times its size in
// memory. A saved world holds every account's state as hex, about 400
// bytes a wallet: 64 MiB is over 150,000 wallets. A compiled Tact package,
// sources included, is tens to hundreds of KB, and a code or data BOC less.
const (
	DefaultScenarioLimit = 4 << 20
	DefaultWorldLimit    = 64 << 20
	DefaultContractLimit = 4 << 20
)

// MaxSizeHint is how a user raises the limit; errors about size end with it.
const MaxSizeHint = "--max-file-size or TONSIM_MAX_FILE_SIZE raises the limit"

func (k Kind) String() string {
	switch k {
	case Scenario:
		return "scenario"
	case World:
		return "world file"
	case Contract:
		return "contract"
	case BOC:
		return "BOC file"
	}
	return "file"
}

// Limit is the default size limit of the kind.
func (k Kind) Limit() int64 {
	switch k {
	case Scenario:
		return DefaultScenarioLimit
	case World:
		return DefaultWorldLimit
	}
	return DefaultContractLimit
}

// Errors. Every error of [Policy.Read] and [Policy.Resolve] wraps one of
// them or the operating system's (such as [fs.ErrNotExist]).
var (
	// ErrNotRegular means the path names a pipe, a device, a directory or
	// anything else but a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge means the file holds more than the size limit.
	ErrTooLarge = errors.New("file too large")
	// ErrOutside means a path written in a scenario leads outside the trees
	// it may reach.
	ErrOutside = errors.New("path outside the allowed directories")
)

// Policy says how much of a file may be read and which directories paths
// written inside a scenario may reach. The zero value applies the defaults
// and allows only the scenario's own tree.
type Policy struct {
	// MaxSize, when positive, is the size limit of every kind of file in
	// bytes, in place of the kind's default.
	MaxSize int64
	// Allow lists directory trees that paths inside a scenario may reach
	// besides the scenario's own.
	Allow []string
}

// Limit is the size limit the policy applies to a kind of file.
func (p Policy) Limit(k Kind) int64 {
	if p.MaxSize > 0 {
		return p.MaxSize
	}
	return k.Limit()
}

// Read returns the content of the regular file at path, refusing anything
// else and a file larger than the policy's limit for k. The file is opened
// without blocking, so a named pipe is refused instead of waited on.
func (p Policy) Read(k Kind, path string) ([]byte, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", k, path, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", k, path, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s: %w but %s: tonsim reads only regular files", k, path, ErrNotRegular, describe(info.Mode()))
	}
	limit := p.Limit(k)
	if info.Size() > limit {
		return nil, tooLarge(k, path, limit)
	}
	// The size can change under us, and some files (/proc) report 0: read
	// one byte past the limit to know.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", k, path, unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(k, path, limit)
	}
	return data, nil
}

func tooLarge(k Kind, path string, limit int64) error {
	return fmt.Errorf("%s %s: %w: larger than the %s limit for a %s (%s)", k, path, ErrTooLarge, FormatSize(limit), k, MaxSizeHint)
}

// unwrapPath drops the *fs.PathError around an operating system error: the
// callers name the path themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// describe names what a non-regular file is.
func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a plain file (mode " + m.String() + ")"
}

// Resolve returns the path to read for name, written inside a file in dir:
// relative to dir unless absolute, and inside dir's tree or one of the
// policy's allowed trees once symbolic links are followed. A path that
// leaves them, by "..", by an absolute path or through a link, is refused
// with [ErrOutside]; a path that does not exist gives an error wrapping
// [fs.ErrNotExist].
func (p Policy) Resolve(dir, name string) (string, error) {
	if name == "" {
		return "", errors.New("empty path")
	}
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("path %q: %w", name, err)
	}
	trees, err := p.trees(dir)
	if err != nil {
		return "", err
	}
	// Refuse by the path as written first, without looking at what is
	// there: whether a file exists outside is none of the scenario's
	// business.
	if !insideAny(abs, trees, func(t tree) string { return t.abs }) {
		return "", p.outside(name, abs, dir)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("path %q: %w", name, unwrapPath(err))
	}
	if !insideAny(real, trees, func(t tree) string { return t.real }) {
		return "", p.outside(name, real, dir)
	}
	return real, nil
}

// tree is an allowed directory, as written (absolute) and with its links
// followed.
type tree struct{ abs, real string }

func (p Policy) trees(dir string) ([]tree, error) {
	var out []tree
	for i, d := range append([]string{dir}, p.Allow...) {
		if d == "" {
			d = "."
		}
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, fmt.Errorf("directory %q: %w", d, err)
		}
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			if i == 0 {
				return nil, fmt.Errorf("directory %q: %w", d, unwrapPath(err))
			}
			continue // an allowed tree that does not exist allows nothing
		}
		out = append(out, tree{abs: abs, real: real})
	}
	return out, nil
}

func (p Policy) outside(name, resolved, dir string) error {
	where := "the scenario's directory"
	if len(p.Allow) > 0 {
		where += " and the --allow-path directories"
	}
	if d, err := filepath.Abs(dir); err == nil {
		dir = d
	}
	return fmt.Errorf("path %q leads to %s: %w: a path in a scenario stays inside %s (%s) unless --allow-path DIR allows another tree",
		name, resolved, ErrOutside, where, dir)
}

func insideAny(path string, trees []tree, root func(tree) string) bool {
	for _, t := range trees {
		if Within(root(t), path) {
			return true
		}
	}
	return false
}

// Within reports whether path is root or lies under it; both must be
// absolute and clean.
func Within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel))
}

// openNonBlocking opens path for reading without waiting for a writer when
// it is a named pipe.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
}

// Oversized returns an error wrapping [ErrTooLarge] when the file of kind
// k at path, just written, is larger than the default limit for k: reading
// it back then takes a raised limit, which the error gives. It returns nil
// when the file fits, or cannot be looked at.
func Oversized(k Kind, path string) error {
	info, err := os.Stat(path)
	if err != nil || info.Size() <= k.Limit() {
		return nil
	}
	need := (info.Size() + MiB - 1) / MiB
	return fmt.Errorf("%s %s: %w: %d bytes, over the %s a %s may be by default: reading it back takes --max-file-size %dM (or TONSIM_MAX_FILE_SIZE=%dM)",
		k, path, ErrTooLarge, info.Size(), FormatSize(k.Limit()), k, need, need)
}
