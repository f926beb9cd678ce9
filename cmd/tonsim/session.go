package main

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/inputfile"
	"github.com/tonsim/tonsim/scenario"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// open prepares a run of the scenario at path, on the world saved at
// worldPath when given, on a new world otherwise. path may be "" with a
// saved world: the run then has no steps. Files are read within the
// limits of --max-file-size and --allow-path; --config, when given, names
// the blockchain config over the scenario's or the saved world's.
func (c *cli) open(path, worldPath string) (*scenario.Runner, error) {
	if path == "" && worldPath == "" {
		return nil, errors.New("no scenario file")
	}
	worldOpts, err := c.worldOptions()
	if err != nil {
		return nil, err
	}
	var w *actor.World
	cat := catalog.New()
	opts := append(c.fileOptions(), scenario.WithWorldOptions(worldOpts...))
	if worldPath != "" {
		if w, cat, err = scenario.LoadWorld(worldPath, c.builtins, opts...); err != nil {
			return nil, err
		}
	}
	if err := c.checkout(w); err != nil {
		return nil, err
	}
	s := &scenario.Scenario{Path: worldPath}
	if path != "" {
		var err error
		if s, err = scenario.ReadFile(path, opts...); err != nil {
			return nil, err
		}
		if err := s.LoadContracts(cat, c.builtins, opts...); err != nil {
			return nil, err
		}
	}
	if w == nil && c.config != "" {
		// --config over the scenario's: its config file is not read.
		if w, err = actor.NewWorld(worldOpts...); err != nil {
			return nil, err
		}
	}
	r, err := scenario.NewRunner(s, cat, w)
	if err != nil {
		return nil, err
	}
	started()
	r.World.SetHistory(c.history)
	return r, nil
}

// loadPackage reads a Tact package named on the command line.
func (c *cli) loadPackage(path string) (*cell.Package, error) {
	data, err := c.files.Read(inputfile.Contract, path)
	if err != nil {
		return nil, fmt.Errorf("load package: %w", err)
	}
	pkg, err := cell.ParsePackage(data)
	if err != nil {
		return nil, fmt.Errorf("load package %s: %w", path, err)
	}
	return pkg, nil
}

// readBOCFile reads a BOC file named on the command line: a contract's code
// (kind Contract) or a cell to inspect (kind BOC).
func (c *cli) readBOCFile(kind inputfile.Kind, path string) (*tvmcell.Cell, error) {
	data, err := c.files.Read(kind, path)
	if err != nil {
		return nil, fmt.Errorf("read BOC: %w", err)
	}
	root, err := cell.DecodeBOC(data)
	if err != nil {
		return nil, fmt.Errorf("read BOC %s: %w", path, err)
	}
	return root, nil
}
