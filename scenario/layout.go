package scenario

import (
	"errors"
	"strings"

	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
	"go.yaml.in/yaml/v4"
)

// LayoutOptions are a preflight's or an upgrade's layout: key: the step
// checks the upgrade's storage layout statically, and fails unless it is
// compatible; Renamed and Allow waive findings on purpose, as
// OpenZeppelin's renamed-from and unsafeAllow do.
//
//	layout: { renamed: { count: total }, allow: [reorder] }
type LayoutOptions struct {
	upgradable.LayoutOptions
	Pos Pos
	// RenamedPos is where each old name of Renamed is written.
	RenamedPos map[string]Pos
}

// layoutOptions reads a step's layout: {renamed: {old: new}, allow: [kind,
// …]}; an empty one ({} or nothing) checks with nothing waived.
func (p *parser) layoutOptions(n *yaml.Node) (*LayoutOptions, error) {
	out := &LayoutOptions{Pos: at(n)}
	if n.Tag == "!!null" {
		return out, nil
	}
	entries, err := p.mapping(n, "layout", "renamed", "allow")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		switch e.key {
		case "renamed":
			fields, err := p.mapping(e.v, "renamed (old field: new field)")
			if err != nil {
				return nil, err
			}
			out.Renamed, out.RenamedPos = map[string]string{}, map[string]Pos{}
			for _, f := range fields {
				to, err := p.name(f.v, "the new name of "+f.key)
				if err != nil {
					return nil, err
				}
				out.Renamed[f.key], out.RenamedPos[f.key] = to.Name, at(f.k)
			}
		case "allow":
			list := resolve(e.v)
			if list.Kind != yaml.SequenceNode {
				return nil, p.errf(list, "allow must list kinds of layout change (%s), not %s", strings.Join(upgradable.FindingKeys(), ", "), kind(list))
			}
			for _, item := range list.Content {
				s, err := p.str(resolve(item), "a kind of layout change")
				if err != nil {
					return nil, err
				}
				k, err := upgradable.ParseFindingKind(s)
				if err != nil {
					return nil, p.errf(item, "%v%s", err, suggest(s, upgradable.FindingKeys()))
				}
				out.Allow = append(out.Allow, k)
			}
		}
	}
	return out, nil
}

// checkRenamed fails, at the old name's place, when opts rename a field
// the storage of the account the upgrade changes does not have.
func (r *Runner) checkRenamed(opts *LayoutOptions, req upgradable.Request) error {
	if opts == nil {
		return nil
	}
	var unknown *upgradable.UnknownFieldError
	if err := upgradable.CheckRenamed(r.World, req); errors.As(err, &unknown) {
		return r.errf(opts.RenamedPos[unknown.Field], "renamed: %v", err)
	}
	return nil
}

// layoutFailure is the failure of a step that asked for a compatible
// layout and did not get one; nil when it did, or asked nothing.
func (r *Runner) layoutFailure(opts *LayoutOptions, l *upgradable.LayoutCheck, err error) *Failure {
	if opts == nil {
		return nil
	}
	f := &Failure{File: r.Scenario.Path, Pos: opts.Pos, Key: "layout", Want: "a compatible layout"}
	switch {
	case err != nil:
		f.Got = "no layout check: " + err.Error()
	case l == nil:
		f.Got = "no layout check: the account's package or the new one has no storage layout"
	case l.Compatible():
		return nil
	default:
		parts := []string{describe.LayoutSummary(l)}
		for _, b := range l.Blocking() {
			parts = append(parts, describe.LayoutFinding(l, b))
		}
		f.Got = "incompatible: " + strings.Join(parts, "; ")
	}
	return f
}
