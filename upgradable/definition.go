package upgradable

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tonsim/tonsim/cell"
)

// Roles of a protocol's steps, the names a [Definition] renames messages by.
const (
	// RoleUpgrade is the one message of a protocol of one step.
	RoleUpgrade = "upgrade"
	// RoleStage and RoleCommit are a staged protocol's: the code is
	// stored, then applied.
	RoleStage  = "stage"
	RoleCommit = "commit"
	// RoleRequest and RoleConfirm are a time lock's: the upgrade is asked
	// for, then confirmed once the delay passed.
	RoleRequest = "request"
	RoleConfirm = "confirm"
)

// Definition describes a protocol as a variation of a built-in one: the
// same steps, migration and probes, under the names a contract of its own
// gives them. It is what a scenario's protocols: section holds, and what a
// Go program builds for a contract no built-in protocol matches:
//
//	upgradable.Definition{Name: "two-step", Like: "staged",
//		Messages: map[string]string{"stage": "StageCode", "commit": "ApplyCode"}}
//
// [Definition.Protocol] makes the [Protocol]; [Protocol.Check] says whether
// a contract's ABI speaks it.
type Definition struct {
	Name  string
	About string
	// Like names the built-in protocol the definition varies
	// ([ProtocolByName]).
	Like string
	// Messages rename the steps' messages, by role (see [Step.Role]): for
	// staged, {stage: StageCode, commit: ApplyCode}.
	Messages map[string]string
	// Fields rename the fields the steps set, by the built-in's name: for
	// direct, {code: newCode, data: newData}; for delayed, {timeout: delay}.
	// An empty name drops the field: the contract's message has none (a
	// direct upgrade of the code alone, {data: ""}).
	Fields map[string]string
	// Child, when set, is the getter that returns the account whose code
	// the upgrade replaces (a proxy's child).
	Child string
	// Wait, when set, is how long to wait before the last step, in
	// seconds, at least (on top of a time lock's field).
	Wait *uint32
	// Version, when set, is the getter that tells the running version:
	// type_and_version's "<type> v<semver>", any other the version alone.
	Version string
	// Migration, when set, says when the data migrates.
	Migration *Migration
}

// DefinitionError is a [Definition] that does not fit the protocol it is
// like, or a protocol a contract's ABI does not speak ([Protocol.Check]).
type DefinitionError struct {
	// Part is what of the definition is at fault: "like", "messages",
	// "fields" or "child"; Key the entry of a map part (a step's role, a
	// field by the built-in's name).
	Part, Key string
	Msg       string
}

func (e *DefinitionError) Error() string { return e.Msg }

// Protocol makes the protocol the definition describes. It is detected
// by the messages it sends, by name, with the fields it sets.
func (d Definition) Protocol() (*Protocol, error) {
	base, err := ProtocolByName(d.Like)
	if err != nil {
		return nil, &DefinitionError{Part: "like", Msg: err.Error()}
	}
	if d.Name == "" {
		return nil, &DefinitionError{Msg: "a protocol needs a name"}
	}
	p := &Protocol{Name: d.Name, About: d.About, Target: base.Target, Migration: base.Migration,
		Envelopes: slices.Clone(base.Envelopes), Version: base.Version, Calls: maps.Clone(base.Calls), renamed: map[string]string{}}
	if p.About == "" {
		p.About = "like " + base.Name + ": " + base.About
	}
	roles := base.Roles()
	for _, role := range slices.Sorted(maps.Keys(d.Messages)) {
		if !slices.Contains(roles, role) {
			return nil, &DefinitionError{Part: "messages", Key: role,
				Msg: fmt.Sprintf("the %s protocol has no step %q (its steps: %s)", base.Name, role, strings.Join(roles, ", "))}
		}
	}
	set := base.fieldNames()
	for _, name := range slices.Sorted(maps.Keys(d.Fields)) {
		if !slices.Contains(set, name) {
			return nil, &DefinitionError{Part: "fields", Key: name,
				Msg: fmt.Sprintf("the %s protocol's messages set no field %q (they set: %s)", base.Name, name, strings.Join(set, ", "))}
		}
	}
	rename := func(f string) string {
		if to, ok := d.Fields[f]; ok && to != "" {
			p.renamed[to] = f
			return to
		}
		return f
	}
	for _, s := range base.Steps {
		step := Step{Role: s.Role, Message: s.Message, Wait: s.Wait, Fields: map[string]Arg{}}
		if m := d.Messages[s.Role]; m != "" {
			step.Message = m
		}
		for f, a := range s.Fields {
			if to, ok := d.Fields[f]; ok && to == "" {
				continue
			}
			step.Fields[rename(f)] = a
		}
		if s.WaitField != "" {
			step.WaitField = rename(s.WaitField)
		}
		p.Steps = append(p.Steps, step)
	}
	if d.Wait != nil {
		p.Steps[len(p.Steps)-1].Wait = *d.Wait
	}
	if d.Child != "" {
		p.Target.Getter = d.Child
	}
	if d.Version != "" {
		p.Version = VersionSource{Getter: d.Version, Kind: VersionText}
		if d.Version == GetterTypeAndVersion {
			p.Version.Kind = VersionTypeAndVersion
		}
	}
	if d.Migration != nil {
		p.Migration = *d.Migration
	}
	for _, s := range p.Steps {
		p.Detect.Messages = append(p.Detect.Messages, MessageShape{Name: s.Message, Fields: slices.Sorted(maps.Keys(s.Fields))})
	}
	p.Detect.Types = slices.Clone(base.Detect.Types)
	if p.Target.Getter != "" {
		p.Detect.Getters = []string{p.Target.Getter}
	}
	return p, nil
}

// Roles are the roles of the protocol's steps, in order.
func (p *Protocol) Roles() []string {
	out := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = s.Role
	}
	return out
}

// fieldNames are the fields the protocol's steps set, sorted.
func (p *Protocol) fieldNames() []string {
	seen := map[string]bool{}
	for _, s := range p.Steps {
		for f := range s.Fields {
			seen[f] = true
		}
		if s.WaitField != "" {
			seen[s.WaitField] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Check reports whether abi speaks the protocol: the contract receives
// each step's message, each with the fields the step sets, and has the
// getter that names the account the upgrade changes. The error, a
// [DefinitionError], names what the ABI has instead.
func (p *Protocol) Check(abi *cell.ABI) error {
	if abi == nil {
		return &DefinitionError{Msg: "the contract's code has no ABI"}
	}
	received := abi.InternalMessages()
	names := make([]string, len(received))
	for i, t := range received {
		names[i] = t.Name
	}
	for _, s := range p.Steps {
		i := slices.Index(names, s.Message)
		if i < 0 {
			return &DefinitionError{Part: "messages", Key: s.Role,
				Msg: fmt.Sprintf("%s receives no message %s (it receives %s)", abi.Name, s.Message, listOrNone(names))}
		}
		t := received[i]
		for _, f := range slices.Sorted(maps.Keys(s.Fields)) {
			if !hasFields(t, []string{f}, false) {
				key := f
				if orig, ok := p.renamed[f]; ok {
					key = orig
				}
				return &DefinitionError{Part: "fields", Key: key,
					Msg: fmt.Sprintf("%s's %s has no field %s (its fields: %s)", abi.Name, s.Message, f, listOrNone(fieldList(t)))}
			}
		}
	}
	if g := p.Target.Getter; g != "" {
		if _, err := abi.Getter(g); err != nil {
			getters := make([]string, len(abi.Getters))
			for i, x := range abi.Getters {
				getters[i] = x.Name
			}
			return &DefinitionError{Part: "child", Msg: fmt.Sprintf("%s has no getter %s (its getters: %s)", abi.Name, g, listOrNone(getters))}
		}
	}
	return nil
}

func fieldList(t *cell.TypeDef) []string {
	out := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		out[i] = f.Name
	}
	return out
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
