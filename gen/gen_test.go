package gen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/examples/contracts/tolkcounter"
	"github.com/tonsim/tonsim/gen"
	"github.com/tonsim/tonsim/internal/golden"
)

// cases are the golden files: a Tact package alone, a Tact family, a
// Tolk family, and the kitchen package with every kind of type.
func cases(t *testing.T) map[string]gen.Config {
	t.Helper()
	b := contracts.Builtins()
	kitchen, err := cell.LoadPackage("../cell/testdata/kitchen/Kitchen_Kitchen.pkg")
	require.NoError(t, err)
	return map[string]gen.Config{
		"vault": {Package: "vault", Sources: []gen.Source{{Path: "build/VaultV1_VaultV1.pkg", Package: b["vault.v1"]}}},
		"vaultfamily": {Package: "vault", Family: "Vault", Sources: []gen.Source{
			{Path: "build/VaultV1_VaultV1.pkg", Package: b["vault.v1"]},
			{Path: "build/VaultV2_VaultV2.pkg", Package: b["vault.v2"]},
		}},
		"tolkcounter": {Package: "tolkcounter", Family: "counter", Sources: []gen.Source{
			{Path: "build/counter_v1.boc", Package: tolkcounter.V1()},
			{Path: "build/counter_v2.boc", Package: tolkcounter.V2()},
		}},
		"tolkpair": {Package: "tolkpair", Sources: []gen.Source{
			{Path: "build/counter_v1.boc", Package: tolkcounter.V1()},
			{Path: "build/counter_v2.boc", Package: tolkcounter.V2()},
		}},
		"kitchen": {Package: "kitchen", Sources: []gen.Source{{Path: "Kitchen_Kitchen.pkg", Package: kitchen}}},
	}
}

// tests are test files run beside a golden's generated code.
var tests = map[string]string{
	// A handle of a file generated without -family knows the file's other
	// packages: after an upgrade to V2 the V1 handle still answers.
	"tolkpair": `package tolkpair

import (
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/contract"
)

func TestUpgradeToTheOtherPackage(t *testing.T) {
	w, err := actor.NewWorld()
	if err != nil {
		t.Fatal(err)
	}
	owner, err := w.NewWallet("owner")
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := DeployCounterV1(w, owner, CounterV1Init{Owner: owner, ID: 7})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.SendUpgradeableUpgrade(owner, UpgradeableUpgrade{QueryID: 1, Code: CounterV2Package().Code}, contract.DefaultValue)
	if err != nil || res.Err() != nil {
		t.Fatal(err, res.Err())
	}
	got, err := c.Get("value")
	if err != nil {
		t.Fatal(err)
	}
	if got.Contract.Name != "CounterV2" {
		t.Fatalf("%s answered, want CounterV2", got.Contract.Name)
	}
}
`,
}

// TestGenerate compares what the generator writes with the golden files
// in testdata (go test ./gen -update rewrites them).
func TestGenerate(t *testing.T) {
	for name, cfg := range cases(t) {
		t.Run(name, func(t *testing.T) {
			src, err := gen.Generate(cfg)
			require.NoError(t, err)
			golden.Equal(t, filepath.Join("testdata", name+".golden"), string(src))
		})
	}
}

// TestGeneratedCodeCompiles vets each golden as a package of this module,
// with the files it embeds beside it, and runs the tests written for it.
func TestGeneratedCodeCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	root, err := filepath.Abs("testdata/compile")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(root) })
	files := map[string]string{
		"build/VaultV1_VaultV1.pkg": "../examples/contracts/vault/build/VaultV1_VaultV1.pkg",
		"build/VaultV2_VaultV2.pkg": "../examples/contracts/vault/build/VaultV2_VaultV2.pkg",
		"build/counter_v1.boc":      "../examples/contracts/tolk-counter/build/counter_v1.boc",
		"build/counter_v1.abi.json": "../examples/contracts/tolk-counter/build/counter_v1.abi.json",
		"build/counter_v2.boc":      "../examples/contracts/tolk-counter/build/counter_v2.boc",
		"build/counter_v2.abi.json": "../examples/contracts/tolk-counter/build/counter_v2.abi.json",
		"Kitchen_Kitchen.pkg":       "../cell/testdata/kitchen/Kitchen_Kitchen.pkg",
	}
	var pkgs []string
	for name, cfg := range cases(t) {
		dir := filepath.Join(root, name)
		src, err := gen.Generate(cfg)
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "build"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "x_gen.go"), src, 0o644))
		if test, ok := tests[name]; ok {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "x_test.go"), []byte(test), 0o644))
		}
		for _, s := range cfg.Sources {
			for _, f := range []string{s.Path, strings.TrimSuffix(s.Path, ".boc") + ".abi.json"} {
				if from, ok := files[f]; ok {
					data, err := os.ReadFile(from)
					require.NoError(t, err)
					require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), data, 0o644))
				}
			}
		}
		pkgs = append(pkgs, "./testdata/compile/"+name)
	}
	// go test vets the packages as it builds them, then runs their tests.
	goCmd, err := exec.LookPath("go")
	require.NoError(t, err, "the go command runs this test")
	cmd := exec.Command(goCmd, append([]string{"test", "-vet=all", "-count=1"}, pkgs...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}

func TestGenerateErrors(t *testing.T) {
	v1 := contracts.Builtins()["vault.v1"]
	debug := contracts.Builtins()["vault.v1debug"]
	tests := []struct {
		name string
		cfg  gen.Config
		want string
	}{
		{"a package name", gen.Config{Package: "my-vault", Sources: []gen.Source{{Path: "v.pkg", Package: v1}}}, `package name "my-vault" is not a Go identifier`},
		{"no packages", gen.Config{Package: "vault"}, "no packages"},
		{"a path go:embed refuses", gen.Config{Package: "vault", Sources: []gen.Source{{Path: "../v.pkg", Package: v1}}}, "../v.pkg: go:embed needs a path inside the generated file's directory"},
		{"two packages of one name", gen.Config{Package: "vault", Sources: []gen.Source{{Path: "a/VaultV1.pkg", Package: v1}, {Path: "b/VaultV1.pkg", Package: debug}}},
			"a/VaultV1.pkg and b/VaultV1.pkg both make VaultV1: generate them separately or with -family"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gen.Generate(tt.cfg)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestLoad(t *testing.T) {
	sources, err := gen.Load("../examples/contracts", []string{"../examples/contracts/vault/build/VaultV1_VaultV1.pkg", "../examples/contracts/tolk-counter/build/counter_v1.boc"})
	require.NoError(t, err)
	require.Len(t, sources, 2)
	assert.Equal(t, "vault/build/VaultV1_VaultV1.pkg", sources[0].Path, "relative to the output's directory, slash-separated")
	assert.Equal(t, "VaultV1", sources[0].Package.Name)
	assert.Equal(t, "tolk-counter/build/counter_v1.boc", sources[1].Path)
	assert.Equal(t, "CounterV1", sources[1].Package.Name, "the Tolk code with its ABI file beside it")

	_, err = gen.Load("../counter", []string{"../examples/contracts/vault/build/VaultV1_VaultV1.pkg"})
	assert.ErrorContains(t, err, "is outside ../counter: go:embed can only embed files in the generated file's directory or below")
	_, err = gen.Load(".", []string{"gen.go"})
	assert.EqualError(t, err, "gen.go: want a Tact package (.pkg) or a Tolk code BOC (.boc, its ABI in .abi.json beside it)")
	_, err = gen.Load(".", []string{"missing.pkg"})
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestRegenerate(t *testing.T) {
	_, err := gen.Regenerate("gen.go")
	require.ErrorIs(t, err, gen.ErrNotGenerated)

	dir := t.TempDir()
	data, err := os.ReadFile("../counter/build/CounterV1_CounterV1.pkg")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "build"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "build", "CounterV1_CounterV1.pkg"), data, 0o644))
	sources, err := gen.Load(dir, []string{filepath.Join(dir, "build", "CounterV1_CounterV1.pkg")})
	require.NoError(t, err)
	src, err := gen.Generate(gen.Config{Package: "c", Sources: sources})
	require.NoError(t, err)
	file := filepath.Join(dir, "c_gen.go")
	require.NoError(t, os.WriteFile(file, src, 0o644))

	again, err := gen.Regenerate(file)
	require.NoError(t, err)
	assert.Equal(t, string(src), string(again), "the first line holds what it takes to write the file again")
	assert.True(t, strings.HasPrefix(string(src), `// Code generated by "tonsim gen -package c build/CounterV1_CounterV1.pkg"; DO NOT EDIT.`))
}
