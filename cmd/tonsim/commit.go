package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// commitLine is a commit or session step ("kind":"commit"): the commit it
// made or started from.
type commitLine struct {
	Kind string `json:"kind"`
	Step int    `json:"step"`
	// Action is "commit" or "session".
	Action    string  `json:"action"`
	Name      *string `json:"name"`
	StateRoot string  `json:"state_root"`
	LT        uint64  `json:"lt"`
	Now       uint32  `json:"now"`
	Text      string  `json:"text"`
}

func commitRow(res *scenario.Result) commitLine {
	c := res.Commit
	return commitLine{Kind: "commit", Step: res.Step.Index, Action: res.Step.Action.Kind(), Name: name(c.Name),
		StateRoot: c.Root.String(), LT: c.LT(), Now: c.Now(), Text: describe.Commit(*c)}
}

// commitHeadline says where a commit or session step left the world.
func commitHeadline(res *scenario.Result) string {
	return ": " + describe.CommitState(*res.Commit)
}

// checkout moves a saved world to the commit --commit names.
func (c *cli) checkout(w *actor.World) error {
	if c.commit == "" {
		return nil
	}
	if w == nil {
		return errors.New("--commit names a commit of a saved world: give the world with --world")
	}
	if err := w.Checkout(actor.CommitName(c.commit)); err != nil {
		var names []string
		for _, cm := range w.Commits() {
			if cm.Name != "" {
				names = append(names, cm.Name)
			}
		}
		list := "it has none"
		if len(names) > 0 {
			list = "its commits: " + strings.Join(names, ", ")
		}
		return fmt.Errorf("--commit %s: %w (%s)", c.commit, err, list)
	}
	return nil
}
