package scenario

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
)

// ConfigOption turns a config as the command line or a scenario names it
// into a world option: a built-in profile ("mainnet-2026-06",
// "sandbox-0.41") or a config BOC file, relative to dir.
func ConfigOption(spec, dir string) (actor.Option, error) {
	if _, err := actor.ProfileConfig(spec); err == nil {
		return actor.WithProfile(spec), nil
	} else if !strings.HasSuffix(spec, ".boc") {
		return nil, err
	}
	path := spec
	if !filepath.IsAbs(path) && dir != "" {
		path = filepath.Join(dir, path)
	}
	root, err := cell.ReadBOCFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", spec, err)
	}
	return actor.WithConfig(root), nil
}

// worldOptions are the options a new world for s takes: its config.
func (s *Scenario) worldOptions() ([]actor.Option, error) {
	if s.Config == nil {
		return nil, nil
	}
	opt, err := ConfigOption(s.Config.Name, filepath.Dir(s.Path))
	if err != nil {
		var unknown = errors.Is(err, actor.ErrUnknownProfile)
		msg := err.Error()
		if unknown {
			msg += `, or a config BOC file ("….boc")`
		}
		return nil, &Error{File: s.Path, Pos: s.Config.Pos, Msg: msg, Err: err}
	}
	return []actor.Option{opt}, nil
}
