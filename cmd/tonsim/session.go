package main

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/scenario"
)

// source is where a command's world comes from: a scenario, a saved world,
// or both (the scenario's steps run on the saved world), and the config
// --config names ("" for the scenario's, the saved world's or the default).
type source struct {
	path, world, config string
}

// open prepares a run of the scenario at src.path, on the world saved at
// src.world when given, on a new world otherwise. src.path may be "" with a
// saved world: the run then has no steps.
func (c *cli) open(src source) (*scenario.Runner, error) {
	var opts []actor.Option
	if src.config != "" {
		opt, err := scenario.ConfigOption(src.config, "")
		if err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	var w *actor.World
	cat := catalog.New()
	if src.world != "" {
		var err error
		if w, cat, err = scenario.LoadWorld(src.world, c.builtins, opts...); err != nil {
			return nil, err
		}
	}
	s := &scenario.Scenario{Path: src.world}
	if src.path != "" {
		var err error
		if s, err = load(src.path); err != nil {
			return nil, err
		}
		if err := s.LoadContracts(cat, c.builtins); err != nil {
			return nil, err
		}
	}
	if w == nil && len(opts) > 0 {
		var err error
		if w, err = actor.NewWorld(opts...); err != nil {
			return nil, err
		}
	}
	return scenario.NewRunner(s, cat, w)
}

func load(path string) (*scenario.Scenario, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return scenario.Parse(path, data)
}
