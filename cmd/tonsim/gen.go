package main

import (
	"os"
	"path/filepath"

	"github.com/tonsim/tonsim/gen"
	"github.com/tonsim/tonsim/internal/atomicfile"
)

var genCommand = &command{
	name:    "gen",
	usage:   "gen [-package NAME] [-family NAME] [-o FILE] PKG...",
	summary: "write typed Go wrappers for contract packages",
	help: `Writes a Go file with a typed wrapper for each package: a struct per
message, struct and storage type, DeployX, OpenX, a SendY per receiver, a
GetZ per getter, the opcodes and the exit codes, all over package
contract's handle, which encodes and decodes by the version the account
runs. A PKG is a Tact package (.pkg) or a Tolk code BOC (.boc) with its
ABI file beside it (NAME.abi.json); the file embeds them (go:embed), so
they must lie in the output's directory or below.

Flags:
  -package NAME  the Go package (default: $GOPACKAGE, as go generate sets
                 it, else the output directory's name)
  -family NAME   one handle called NAME over all the packages, the versions
                 of one contract, oldest first (DeployNAME deploys the
                 first), instead of one handle per package
  -o FILE        write FILE (atomically) instead of standard output

Examples:
  tonsim gen -package vault -o vault_gen.go build/Vault_Vault.pkg
  //go:generate go run github.com/tonsim/tonsim/cmd/tonsim gen -family Counter -o counter_gen.go build/CounterV1_CounterV1.pkg build/CounterV2_CounterV2.pkg
`,
	run:     runGen,
	noWorld: true,
}

func runGen(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	pkg := fs.String("package", "", "")
	family := fs.String("family", "", "")
	out := fs.String("o", "", "")
	files, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(files) == 0 {
		return c.wrongArgs(cmd, "want one or more package files")
	}
	dir := "."
	if *out != "" {
		dir = filepath.Dir(*out)
	}
	if *pkg == "" {
		*pkg = os.Getenv("GOPACKAGE")
	}
	if *pkg == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return c.fail(cmd, err)
		}
		*pkg = filepath.Base(abs)
	}
	sources, err := gen.Load(dir, files)
	if err != nil {
		return c.fail(cmd, err)
	}
	src, err := gen.Generate(gen.Config{Package: *pkg, Family: *family, Sources: sources})
	if err != nil {
		return c.fail(cmd, err)
	}
	if *out == "" {
		c.stdout.Write(src)
		return exitOK
	}
	if err := atomicfile.Write(*out, src, 0o644); err != nil {
		return c.fail(cmd, err)
	}
	return exitOK
}
