package scenario

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	"go.yaml.in/yaml/v4"
)

// ProtocolDecl is one entry of protocols: an upgrade protocol of the
// scenario's own, described as a variation of a built-in one:
//
//	protocols:
//	  two-step: { like: staged, messages: { stage: StageCode, commit: ApplyCode } }
//
// A step's protocol: names it as it names a built-in.
type ProtocolDecl struct {
	Name       string
	Definition upgradable.Definition
	// Protocol is the protocol the definition makes.
	Protocol *upgradable.Protocol
	Pos      Pos
	// at is where each part of the definition is written: "like",
	// "child", "messages.<role>", "fields.<name>".
	at map[string]Pos
}

// posOf is where a part of the definition an error names is written.
func (d *ProtocolDecl) posOf(e *upgradable.DefinitionError) Pos {
	for _, key := range []string{e.Part + "." + e.Key, e.Part} {
		if p, ok := d.at[key]; ok {
			return p
		}
	}
	if e.Part == "messages" {
		// a step the definition does not rename: its built-in name
		if p, ok := d.at["like"]; ok {
			return p
		}
	}
	return d.Pos
}

// protocolKeys are the keys of a protocol definition.
var protocolKeys = []string{"like", "about", "messages", "fields", "child", "wait", "version", "migration"}

func (p *parser) protocols(n *yaml.Node) ([]*ProtocolDecl, error) {
	entries, err := p.mapping(n, "protocols")
	if err != nil {
		return nil, err
	}
	var out []*ProtocolDecl
	for _, e := range entries {
		d, err := p.protocol(e)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (p *parser) protocol(e entry) (*ProtocolDecl, error) {
	what := "protocol " + e.key
	if _, err := upgradable.ProtocolByName(e.key); err == nil {
		return nil, p.errf(e.k, "protocol %s: a built-in protocol has that name; give yours another", e.key)
	}
	d := &ProtocolDecl{Name: e.key, Pos: at(e.k), at: map[string]Pos{}}
	def := upgradable.Definition{Name: e.key}
	f, err := p.fields(e.v, what, []string{"like"}, protocolKeys[1:]...)
	if err != nil {
		return nil, err
	}
	if def.Like, err = p.str(f["like"], "like"); err != nil {
		return nil, err
	}
	d.at["like"] = at(f["like"])
	if v := f["about"]; v != nil {
		if def.About, err = p.str(v, "about"); err != nil {
			return nil, err
		}
	}
	names := func(key string) (map[string]string, error) {
		v := f[key]
		if v == nil {
			return nil, nil
		}
		entries, err := p.mapping(v, what+"'s "+key)
		if err != nil {
			return nil, err
		}
		out := map[string]string{}
		for _, m := range entries {
			if m.v.Tag == "!!null" && key == "fields" {
				out[m.key] = "" // the message has no such field
			} else if out[m.key], err = p.str(m.v, key+"."+m.key); err != nil {
				return nil, err
			}
			d.at[key+"."+m.key] = at(m.v)
		}
		return out, nil
	}
	if def.Messages, err = names("messages"); err != nil {
		return nil, err
	}
	if def.Fields, err = names("fields"); err != nil {
		return nil, err
	}
	if v := f["child"]; v != nil {
		if def.Child, err = p.str(v, "child"); err != nil {
			return nil, err
		}
		d.at["child"] = at(v)
	}
	if v := f["wait"]; v != nil {
		secs, err := p.integer(v, "wait (seconds)", 0, math.MaxUint32)
		if err != nil {
			return nil, err
		}
		w := uint32(secs)
		def.Wait = &w
	}
	if v := f["version"]; v != nil {
		if def.Version, err = p.str(v, "version"); err != nil {
			return nil, err
		}
	}
	if v := f["migration"]; v != nil {
		s, err := p.str(v, "migration")
		if err != nil {
			return nil, err
		}
		m, err := upgradable.ParseMigration(s)
		if err != nil {
			return nil, p.errf(v, "%v", err)
		}
		def.Migration = &m
	}
	d.Definition = def
	if d.Protocol, err = def.Protocol(); err != nil {
		return nil, &Error{File: p.file, Pos: d.posOf(asDefinitionError(err)), Msg: fmt.Sprintf("%s: %v", what, err), Err: err}
	}
	return d, nil
}

func asDefinitionError(err error) *upgradable.DefinitionError {
	if de, ok := err.(*upgradable.DefinitionError); ok {
		return de
	}
	return &upgradable.DefinitionError{Msg: err.Error()}
}

// ProtocolByName returns the scenario's protocol of that name, else the
// built-in one ([upgradable.ProtocolByName]).
func (s *Scenario) ProtocolByName(name string) (*upgradable.Protocol, error) {
	if s == nil {
		return upgradable.ProtocolByName(name)
	}
	for _, d := range s.Protocols {
		if d.Name == name {
			return d.Protocol, nil
		}
	}
	p, err := upgradable.ProtocolByName(name)
	if err != nil && len(s.Protocols) > 0 {
		own := make([]string, len(s.Protocols))
		for i, d := range s.Protocols {
			own[i] = d.Name
		}
		return nil, fmt.Errorf("%w; the scenario's own: %s", err, strings.Join(own, ", "))
	}
	return p, err
}

// OwnProtocols returns the protocols the scenario defines, in order.
func (s *Scenario) OwnProtocols() []*upgradable.Protocol {
	if s == nil {
		return nil
	}
	out := make([]*upgradable.Protocol, len(s.Protocols))
	for i, d := range s.Protocols {
		out[i] = d.Protocol
	}
	return out
}

// DetectProtocol returns the first of the scenario's own protocols abi
// speaks, nil for none: a step without protocol: tries them before the
// built-ins.
func (s *Scenario) DetectProtocol(abi *cell.ABI) *upgradable.Protocol {
	if s == nil || abi == nil {
		return nil
	}
	for _, d := range s.Protocols {
		if d.Protocol.Matches(abi) && d.Protocol.Check(abi) == nil {
			return d.Protocol
		}
	}
	return nil
}

// checkProtocols checks each definition against the contracts the run
// knows: some contract must speak it, or the error names, at the part of
// the definition at fault, what the nearest contract has instead.
func (r *Runner) checkProtocols() error {
	for _, d := range r.Scenario.Protocols {
		var nearest error
		var nearestAt Pos
		best := -1
		ok := false
		for _, ct := range r.Catalog.Contracts() {
			abi := ct.ABI()
			if abi == nil {
				continue
			}
			err := d.Protocol.Check(abi)
			if err == nil {
				ok = true
				break
			}
			// nearest: the contract that receives the most of its messages
			n := 0
			for _, s := range d.Protocol.Steps {
				if slices.ContainsFunc(abi.InternalMessages(), func(t *cell.TypeDef) bool { return t.Name == s.Message }) {
					n++
				}
			}
			if n > best {
				best, nearest, nearestAt = n, fmt.Errorf("contract %s: %w", ct.Name, err), d.posOf(asDefinitionError(err))
			}
		}
		if ok {
			continue
		}
		if nearest == nil {
			return r.errf(d.Pos, "protocol %s: no contract of the scenario has an ABI to check it against", d.Name)
		}
		return &Error{File: r.Scenario.Path, Pos: nearestAt, Msg: fmt.Sprintf("protocol %s: no contract of the scenario speaks it: %v", d.Name, nearest), Err: nearest}
	}
	return nil
}
