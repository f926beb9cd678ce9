package scenario

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/internal/inputfile"
)

// ConfigOption turns a config as the command line names it into a world
// option: a built-in profile ("mainnet-2026-06", "sandbox-0.41") or a
// config BOC file. The file is read within opts' size limit and only if
// regular; a path the user gives on the command line may name any
// directory, unlike one written in a scenario.
func ConfigOption(spec string, opts ...FileOption) (actor.Option, error) {
	return configOption(spec, policy(opts), func(path string) (string, error) { return path, nil })
}

// configOption reads spec, a profile or a config BOC file found by
// resolve, within p's limits. Errors name the file, never quote it.
func configOption(spec string, p inputfile.Policy, resolve func(string) (string, error)) (actor.Option, error) {
	if _, err := actor.ProfileConfig(spec); err == nil {
		return actor.WithProfile(spec), nil
	} else if !strings.HasSuffix(spec, ".boc") {
		return nil, err
	}
	path, err := resolve(spec)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	data, err := p.Read(inputfile.BOC, path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	root, err := cell.DecodeBOC(data)
	if err != nil {
		return nil, fmt.Errorf("config: %s: %w", spec, err)
	}
	return actor.WithConfig(root), nil
}

// worldOptions are the options a new world for s takes: its config (a
// config BOC file read within the bounds s was read with, see [ReadFile],
// and inside the scenario's directory tree like its contracts), then the
// options s was read with.
func (s *Scenario) worldOptions() ([]actor.Option, error) {
	if s.Config == nil {
		return s.read.world, nil
	}
	dir, p := filepath.Dir(s.Path), s.read.policy
	opt, err := configOption(s.Config.Name, p, func(name string) (string, error) { return p.Resolve(dir, name) })
	if err != nil {
		var unknown = errors.Is(err, actor.ErrUnknownProfile)
		msg := err.Error()
		if unknown {
			msg += `, or a config BOC file ("….boc")`
		}
		return nil, &Error{File: s.Path, Pos: s.Config.Pos, Msg: msg, Err: err}
	}
	return append([]actor.Option{opt}, s.read.world...), nil
}
