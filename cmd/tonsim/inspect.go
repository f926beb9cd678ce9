package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/tonsim/tonsim/upgradable"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

var inspectCommand = &command{
	name:    "inspect",
	usage:   "inspect [--pkg PACKAGE [--type NAME]] BOC | inspect --pkg PACKAGE",
	summary: "pretty-print a cell, decoded by an ABI type when given one, or what a package declares",
	help: `BOC is a file (binary, hex or base64) or the BOC itself as hex or base64.
Alone, the cell prints as a raw tree: each cell's bits in hex and its refs
below it. With --pkg (a .pkg file, a built-in such as counter.v1, or a code
BOC with its Tolk ABI file beside it, counter.abi.json beside counter.boc)
it decodes by the package's ABI: as the contract's storage by default, or
as the struct or message --type names. A lazy-migration envelope is shown
as such, with the data inside it. With --pkg alone, it lists what the
package declares: its compiler, code hash, storage, init arguments, the
messages it receives with their opcodes, its getters and the upgrade
protocol its ABI speaks.

Examples:
  tonsim inspect b5ee9c7201010101002c000053c0043a8e6c4c9cf0a60eb8708a9b47af04da74849f5d7aba7c79221d85832321e3100000007000000038
  tonsim inspect --pkg counter.v1 data.boc
  tonsim inspect --pkg counter.v1
  tonsim inspect --pkg build/CounterV1.pkg --type Step b5ee9c7201010101000e000018000000010000000000000001
`,
	run:     runInspect,
	noWorld: true,
}

func runInspect(c *cli, cmd *command, args []string) int {
	fs := c.flags(cmd)
	pkgName := fs.String("pkg", "", "")
	typ := fs.String("type", "", "")
	pos, status, ok := c.parse(cmd, fs, args)
	if !ok {
		return status
	}
	if len(pos) == 0 && *pkgName != "" && *typ == "" {
		// The package alone: what it declares.
		pkg, err := c.pkg(*pkgName)
		if err != nil {
			return c.fail(cmd, err)
		}
		for _, line := range describe.Package(pkg) {
			fmt.Fprintln(c.stdout, termtext.Line(line))
		}
		return exitOK
	}
	if len(pos) != 1 {
		return c.wrongArgs(cmd, "want one BOC (a file, hex or base64)")
	}
	if *typ != "" && *pkgName == "" {
		return c.wrongArgs(cmd, "--type needs --pkg")
	}
	root, err := c.readBOC(pos[0])
	if err != nil {
		if _, ok := c.builtins.Package(pos[0]); ok || strings.HasSuffix(pos[0], ".pkg") {
			err = fmt.Errorf("%s is a contract, not a cell: give it as --pkg %s to decode a cell (its storage, a message) by its ABI", pos[0], pos[0])
		}
		return c.fail(cmd, err)
	}
	if *pkgName == "" {
		fmt.Fprint(c.stdout, cell.Print(root))
		return exitOK
	}
	pkg, err := c.pkg(*pkgName)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *typ != "" && *typ != "storage" {
		s, err := pkg.ABI.Decode(*typ, root)
		if err != nil {
			return c.fail(cmd, err)
		}
		fmt.Fprint(c.stdout, cell.PrintStruct(s))
		return exitOK
	}

	if old, err := upgradable.Envelope(root); err == nil {
		fmt.Fprintf(c.stdout, "lazy-migration envelope: the data inside awaits the new code's init\n")
		root = old
	}
	st, err := pkg.DecodeStorage(root)
	if err != nil {
		return c.fail(cmd, fmt.Errorf("as the storage of %s: %w", pkg.Name, err))
	}
	state := "initialized"
	if !st.Initialized {
		state = "not initialized: the init arguments"
	}
	fmt.Fprintf(c.stdout, "storage of %s (%s)\n", pkg.Name, state)
	fmt.Fprint(c.stdout, cell.PrintStruct(st.Fields))
	return exitOK
}

// readBOC reads a BOC from a file, or from the argument itself. An
// argument with a dot in its last element is a file's name (hex and base64
// have none), missing.
func (c *cli) readBOC(arg string) (*tvmcell.Cell, error) {
	_, err := os.Stat(arg)
	switch {
	case err == nil:
		return c.readBOCFile(inputfile.BOC, arg)
	case filepath.Ext(arg) != "":
		return nil, fmt.Errorf("%s: %w", termtext.Line(arg), fs.ErrNotExist)
	}
	return cell.ParseBOC(arg)
}

// pkg loads what --pkg names: a built-in, a Tact package (.pkg), or a code
// BOC with its Tolk ABI file beside it (counter.abi.json beside counter.boc).
func (c *cli) pkg(name string) (*cell.Package, error) {
	if pkg, ok := c.builtins.Package(name); ok {
		return pkg, nil
	}
	abiFile := cell.TolkABIFile(name)
	if strings.HasSuffix(name, ".pkg") || !fileExists(abiFile) {
		pkg, err := c.loadPackage(name)
		if err != nil && !strings.HasSuffix(name, ".pkg") {
			return nil, fmt.Errorf("%w; --pkg takes a Tact package (.pkg), a built-in, or a code BOC with its Tolk ABI file beside it (%s)", err, abiFile)
		}
		return pkg, err
	}
	code, err := c.readBOCFile(inputfile.Contract, name)
	if err != nil {
		return nil, err
	}
	abi, err := c.files.Read(inputfile.Contract, abiFile)
	if err != nil {
		return nil, err
	}
	pkg, err := cell.LoadTolkPackage(code, abi)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", abiFile, err)
	}
	return pkg, nil
}
