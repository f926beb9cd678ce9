package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

// allowed are the Must calls that cannot panic on input: file (from the
// module root), the declaration holding the call (a function, a method as
// Type.Method, or a package-level variable), and the function called.
var allowed = []struct {
	file, in, call, why string
}{
	{"actor/wallet.go", "walletData", "MustStoreBoolBit", "a constant cell built at init: one bit in a new builder"},
	{"actor/wallet.go", "DefaultWalletBalance", "MustFromTON", "a constant: a literal amount"},
	{"actor/world.go", "emptyRoot", "MustStoreBoolBit", "a constant cell built at init: one bit in a new builder"},
	{"contract/options.go", "DefaultValue", "MustFromTON", "a constant: a literal amount"},
	{"counter/counter_gen.go", "counterPackages", "MustEmbedded", "packages embedded with go:embed, parsed on first use and tested"},
	{"examples/gotest/vault_gen.go", "vaultPackages", "MustEmbedded", "packages embedded with go:embed, parsed on first use and tested"},
	{"examples/contracts/tolkcounter/tolkcounter.go", "versions", "mustLoad", "embedded code and ABI files, parsed on first use and tested"},
	{"scenario/scenario.go", "DefaultValue", "MustFromTON", "a constant: a literal amount"},
	{"upgradable/preflight.go", "DefaultUpgradeValue", "MustFromTON", "a constant: a literal amount"},
	{"upgradable/protocol.go", "UpgradeBody", "MustStoreUInt", "32 bits always fit a new builder"},
	{"upgradable/protocol.go", "UpgradeBody", "MustStoreRef", "a new builder has room for a ref; a nil code is a programmer error"},
	{"upgradable/layout.go", "declared", "MustCompile", "regexp.QuoteMeta makes the only variable part a literal, so the pattern always compiles"},
	{"upgradable/layout_init.go", "initBody", "MustCompile", "regexp.QuoteMeta makes the only variable part (the contract's name) a literal, so the pattern always compiles"},
	{"upgradable/layout_init.go", "scanReads", "MustCompile", "regexp.QuoteMeta makes the only variable parts (the state's expression, a slice's name) literals, so the patterns always compile"},
	{"upgradable/layout_init.go", "funBody", "MustCompile", "regexp.QuoteMeta makes the only variable part (the function's name) a literal, so the pattern always compiles"},
	{"upgradable/layout_init.go", "guardOn", "MustCompile", "regexp.QuoteMeta makes the variable parts literals, and the names bound are identifiers (\\w+), so the patterns always compile"},
}

var mustName = regexp.MustCompile(`^[Mm]ust[A-Z]`)

// call is a Must call found in the source.
type call struct{ file, in, name string }

func TestNoMustOnInput(t *testing.T) {
	calls := mustCalls(t, moduleRoot(t))
	require.NotEmpty(t, calls, "the walk finds the allowed calls at least")

	used := make([]bool, len(allowed))
	var unexpected []string
	for _, c := range calls {
		ok := false
		for i, a := range allowed {
			if a.file == c.file && a.in == c.in && a.call == c.name {
				used[i], ok = true, true
			}
		}
		if !ok {
			unexpected = append(unexpected, c.file+": "+c.in+": "+c.name)
		}
	}
	assert.Empty(t, unexpected, "Must calls outside the allowlist: use the error-returning call, or allow it here with a reason")
	for i, a := range allowed {
		assert.True(t, used[i], "allowlist entry %s: %s: %s matches no call any more: remove it", a.file, a.in, a.call)
	}
}

// TestMustWalkFinds checks the walker on a snippet: a test that cannot
// fail is no test.
func TestMustWalkFinds(t *testing.T) {
	src := `package p

var (
	x = tvmcell.BeginCell().MustStoreUInt(1, 2).EndCell()
	y = tlb.MustFromTON("1")
)

func (r *R) body(s string) *Cell {
	f := func() { regexp.MustCompile(s) }
	f()
	return mustEncode(s)
}

func fine() { MustardSeed(); must() }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	assert.Equal(t, []call{
		{"p.go", "x", "MustStoreUInt"},
		{"p.go", "y", "MustFromTON"},
		{"p.go", "R.body", "MustCompile"},
		{"p.go", "R.body", "mustEncode"},
	}, fileCalls("p.go", f))
}

func moduleRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	return root
}

// mustCalls parses every non-test Go file of the module.
func mustCalls(t *testing.T, root string) []call {
	var out []call
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		out = append(out, fileCalls(filepath.ToSlash(rel), f)...)
		return nil
	})
	require.NoError(t, err)
	sort.Slice(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].in < out[j].in
	})
	return out
}

// fileCalls finds the Must calls of one file, each with the declaration
// holding it: a function, or one variable of a var block.
func fileCalls(file string, f *ast.File) []call {
	var out []call
	find := func(in string, node ast.Node) {
		ast.Inspect(node, func(n ast.Node) bool {
			ce, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := ce.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.IndexExpr: // a generic call: mustX[T](…)
				if id, ok := fn.X.(*ast.Ident); ok {
					name = id.Name
				}
			}
			if mustName.MatchString(name) {
				out = append(out, call{file, in, name})
			}
			return true
		})
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			in := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				in = recvName(d.Recv.List[0].Type) + "." + in
			}
			find(in, d)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				in := "?"
				if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Names) > 0 {
					in = vs.Names[0].Name
				}
				find(in, spec)
			}
		}
	}
	return out
}

func recvName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return recvName(x.X)
	case *ast.IndexExpr:
		return recvName(x.X)
	case *ast.Ident:
		return x.Name
	}
	return "?"
}
