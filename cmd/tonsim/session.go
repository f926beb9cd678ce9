package main

import (
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/scenario"
)

// open prepares a run of the scenario at path, on the world saved at
// worldPath when given, on a new world otherwise. path may be "" with a
// saved world: the run then has no steps.
func (c *cli) open(path, worldPath string) (*scenario.Runner, error) {
	var w *actor.World
	cat := catalog.New()
	if worldPath != "" {
		var err error
		if w, cat, err = scenario.LoadWorld(worldPath, c.builtins); err != nil {
			return nil, err
		}
	}
	s := &scenario.Scenario{Path: worldPath}
	if path != "" {
		var err error
		if s, err = load(path); err != nil {
			return nil, err
		}
		if err := s.LoadContracts(cat, c.builtins); err != nil {
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
