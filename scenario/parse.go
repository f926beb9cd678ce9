package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/tlb"
	"go.yaml.in/yaml/v4"
)

// Parse reads a scenario from data; path names the file in errors and
// anchors the relative paths inside it. It checks the file's shape (keys,
// kinds, values that need no context); names are checked when a run starts,
// against the contracts, wallets and accounts there are.
func Parse(path string, data []byte) (*Scenario, error) {
	p := &parser{file: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: path, Pos: Pos{1, 1}, Msg: "the file is empty: a scenario needs steps"}
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			return nil, &Error{File: path, Pos: Pos{max(le.Mark.Line, 1), max(le.Mark.Column, 1)}, Msg: "YAML: " + le.Message, Err: err}
		}
		return nil, &Error{File: path, Pos: Pos{1, 1}, Msg: "YAML: " + err.Error(), Err: err}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &Error{File: path, Pos: Pos{1, 1}, Msg: "the file is empty: a scenario needs steps"}
	}
	return p.scenario(doc.Content[0])
}

type parser struct {
	file string
}

func at(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

func (p *parser) errf(n *yaml.Node, format string, args ...any) error {
	return &Error{File: p.file, Pos: at(n), Msg: fmt.Sprintf(format, args...)}
}

// entry is one key of a mapping.
type entry struct {
	key   string
	k, v  *yaml.Node
	index int
}

// mapping returns n's keys in order, refusing duplicates and keys outside
// allowed (when given).
func (p *parser) mapping(n *yaml.Node, what string, allowed ...string) ([]entry, error) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		if len(allowed) > 0 {
			return nil, p.errf(n, "%s must be a mapping (keys: %s), not %s", what, strings.Join(allowed, ", "), kind(n))
		}
		return nil, p.errf(n, "%s must be a mapping, not %s", what, kind(n))
	}
	var out []entry
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, p.errf(k, "a key of %s must be a plain name", what)
		}
		if seen[k.Value] {
			return nil, p.errf(k, "%s has %s twice", what, quote(k.Value))
		}
		seen[k.Value] = true
		if len(allowed) > 0 && !contains(allowed, k.Value) {
			return nil, p.errf(k, "unknown key %s in %s%s (want %s)", quote(k.Value), what, suggest(k.Value, allowed), strings.Join(allowed, ", "))
		}
		out = append(out, entry{key: k.Value, k: k, v: v, index: len(out)})
	}
	return out, nil
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// kind says what n is for an error: a short text is quoted (see [quote]).
func kind(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return quote(n.Value)
	}
	return shape(n)
}

// shape says what n is without quoting it: a scalar by its size. An
// error about a whole file uses it, since the file may be anything a path
// leads to (a token, /etc/passwd).
func shape(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return cell.DescribeText(n.Value)
	}
	return "something else"
}

// quote quotes s, read from a scenario or world file, for an error (see
// [cell.Quote]).
func quote(s string) string { return cell.Quote(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest is ", did you mean "x"?" for the one of allowed nearest to key,
// within two edits; "" when none is that near. Errors about a misspelt
// name end with it.
func Suggest(key string, allowed []string) string { return suggest(key, allowed) }

// suggest offers the allowed key closest to a misspelt one.
func suggest(key string, allowed []string) string {
	best, bestDist := "", 3
	for _, a := range allowed {
		if d := distance(key, a); d < bestDist {
			best, bestDist = a, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(", did you mean %q?", best)
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func (p *parser) str(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errf(n, "%s must be a text, not %s", what, kind(n))
	}
	return n.Value, nil
}

func (p *parser) name(n *yaml.Node, what string) (Ref, error) {
	s, err := p.str(n, what)
	if err != nil {
		return Ref{}, err
	}
	if strings.TrimSpace(s) == "" {
		return Ref{}, p.errf(n, "%s is empty", what)
	}
	return Ref{Name: s, Pos: at(n)}, nil
}

func (p *parser) boolean(n *yaml.Node, what string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, p.errf(n, "%s must be true or false, not %s", what, kind(n))
}

func (p *parser) integer(n *yaml.Node, what string, lo, hi int64) (int64, error) {
	if n.Kind == yaml.ScalarNode {
		if v, err := cell.ParseInt(n.Value); err == nil {
			if !v.IsInt64() || v.Int64() < lo || v.Int64() > hi {
				return 0, p.errf(n, "%s %s is out of range [%d, %d]", what, v, lo, hi)
			}
			return v.Int64(), nil
		}
	}
	return 0, p.errf(n, "%s must be an integer, not %s", what, kind(n))
}

// coins reads an amount of TON: "0.05", 1, "1500000000n", {nano: N}
// ([cell.ParseCoins]).
func (p *parser) coins(n *yaml.Node, what string) (tlb.Coins, error) {
	v, err := p.value(n)
	if err != nil {
		return tlb.Coins{}, err
	}
	nano, err := p.coinsValue(what, v)
	if err != nil {
		return tlb.Coins{}, err
	}
	return tlb.FromNanoTON(nano), nil
}

func (p *parser) scenario(root *yaml.Node) (*Scenario, error) {
	if root = resolve(root); root.Kind != yaml.MappingNode {
		return nil, p.errf(root, "a scenario must be a mapping, not %s", shape(root))
	}
	entries, err := p.mapping(root, "a scenario", "name", "description", "config", "contracts", "protocols", "wallets", "steps")
	if err != nil {
		return nil, err
	}
	s := &Scenario{Path: p.file}
	var steps *yaml.Node
	for _, e := range entries {
		switch e.key {
		case "name":
			s.Name, err = p.str(e.v, "name")
		case "description":
			s.Description, err = p.str(e.v, "description")
		case "config":
			var ref Ref
			if ref, err = p.name(e.v, "config"); err == nil {
				s.Config = &ref
			}
		case "contracts":
			s.Contracts, err = p.contracts(e.v)
		case "protocols":
			s.Protocols, err = p.protocols(e.v)
		case "wallets":
			s.Wallets, err = p.wallets(e.v)
		case "steps":
			steps = e.v
		}
		if err != nil {
			return nil, err
		}
	}
	if steps == nil {
		return nil, p.errf(root, "a scenario needs steps")
	}
	if s.Steps, err = p.steps(steps); err != nil {
		return nil, err
	}
	return s, nil
}

func (p *parser) contracts(n *yaml.Node) ([]*ContractDecl, error) {
	entries, err := p.mapping(n, "contracts")
	if err != nil {
		return nil, err
	}
	var out []*ContractDecl
	for _, e := range entries {
		d := &ContractDecl{Name: e.key, Pos: at(e.v)}
		if e.v.Kind == yaml.MappingNode {
			fields, err := p.fields(e.v, "contract "+e.key, []string{"code", "abi"})
			if err != nil {
				return nil, err
			}
			if d.Source, err = p.str(fields["code"], "code"); err != nil {
				return nil, err
			}
			if d.ABI, err = p.str(fields["abi"], "abi"); err != nil {
				return nil, err
			}
		} else if d.Source, err = p.str(e.v, "contract "+e.key); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (p *parser) wallets(n *yaml.Node) ([]*WalletDecl, error) {
	entries, err := p.mapping(n, "wallets")
	if err != nil {
		return nil, err
	}
	var out []*WalletDecl
	for _, e := range entries {
		w := &WalletDecl{Name: e.key, Pos: at(e.k)}
		if e.v.Tag != "!!null" {
			fields, err := p.mapping(e.v, "wallet "+e.key, "address", "balance")
			if err != nil {
				return nil, err
			}
			for _, f := range fields {
				switch f.key {
				case "address":
					s, err := p.str(f.v, "address")
					if err != nil {
						return nil, err
					}
					if w.Address, err = cell.ParseAddress(s); err != nil {
						return nil, p.errf(f.v, `address %s does not parse: want raw "0:<64 hex digits>" or a user-friendly address`, quote(s))
					}
				case "balance":
					c, err := p.coins(f.v, "balance")
					if err != nil {
						return nil, err
					}
					w.Balance = &c
				}
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// Keys of a step.
var (
	actionKeys = []string{"deploy", "send", "get", "preflight", "upgrade", "upgrades", "upgrade_point", "wait", "commit", "session", "reinstall", "migrate"}
	stepKeys   = append([]string{"note", "expect"}, actionKeys...)
)

func (p *parser) steps(n *yaml.Node) ([]*Step, error) {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, "steps must be a list, not %s", kind(n))
	}
	if len(n.Content) == 0 {
		return nil, p.errf(n, "steps is empty")
	}
	out := make([]*Step, 0, len(n.Content))
	for i, item := range n.Content {
		step, err := p.step(resolve(item), i+1)
		if err != nil {
			return nil, err
		}
		out = append(out, step)
		// The step's YAML is garbage from now on (unless an alias in a
		// later step holds it): the tree of a long scenario, many times
		// the file's size, is freed as its steps are typed instead of
		// living beside all of them.
		n.Content[i] = nil
	}
	return out, nil
}

func (p *parser) step(n *yaml.Node, index int) (*Step, error) {
	entries, err := p.mapping(n, fmt.Sprintf("step %d", index), stepKeys...)
	if err != nil {
		return nil, err
	}
	s := &Step{Index: index, Pos: at(n)}
	var action, expect *entry
	for i, e := range entries {
		switch {
		case e.key == "note":
			if s.Note, err = p.str(e.v, "note"); err != nil {
				return nil, err
			}
		case e.key == "expect":
			expect = &entries[i]
		case action != nil:
			return nil, p.errf(e.k, "step %d has both %s and %s: one action per step", index, action.key, e.key)
		default:
			action = &entries[i]
		}
	}
	if action == nil {
		if expect != nil {
			return nil, p.errf(expect.k, "expect needs an action to check (%s)", strings.Join(actionKeys, ", "))
		}
		if s.Note == "" {
			return nil, p.errf(n, "step %d needs an action (%s) or a note", index, strings.Join(actionKeys, ", "))
		}
		return s, nil
	}

	switch action.key {
	case "deploy":
		s.Action, err = p.deploy(action.v)
	case "send":
		s.Action, err = p.send(action.v)
	case "get":
		s.Action, err = p.get(action.v)
	case "preflight":
		s.Action, err = p.preflight(action.v)
	case "upgrade":
		s.Action, err = p.upgrade(action.v, "upgrade")
	case "upgrade_point":
		var u *Upgrade
		if u, err = p.upgrade(action.v, "upgrade_point"); err == nil {
			s.Action = &UpgradePoint{Upgrade: *u}
		}
	case "upgrades":
		s.Action, err = p.upgrades(action.v)
	case "commit":
		s.Action, err = p.commit(action.v)
	case "session":
		s.Action, err = p.session(action.v)
	case "reinstall":
		s.Action, err = p.reinstall(action.v)
	case "migrate":
		s.Action, err = p.migrate(action.v)
	case "wait":
		var secs int64
		secs, err = p.integer(action.v, "wait (seconds)", 0, math.MaxUint32)
		s.Action = &Wait{Seconds: uint32(secs)}
	}
	if err != nil {
		return nil, err
	}
	if expect != nil {
		if s.Expect, err = p.expect(expect, action.key); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// fields reads the mapping of an action, requiring some keys.
func (p *parser) fields(n *yaml.Node, what string, required []string, optional ...string) (map[string]*yaml.Node, error) {
	entries, err := p.mapping(n, what, append(append([]string{}, required...), optional...)...)
	if err != nil {
		return nil, err
	}
	out := map[string]*yaml.Node{}
	for _, e := range entries {
		out[e.key] = e.v
	}
	for _, key := range required {
		if out[key] == nil {
			return nil, p.errf(n, "%s needs %s", what, key)
		}
	}
	return out, nil
}

var payloadKeys = []string{"message", "fields", "body", "comment", "value", "bounce"}

// payload reads value, bounce and the body of a deploy or send.
func (p *parser) payload(n *yaml.Node, f map[string]*yaml.Node) (Payload, tlb.Coins, bool, error) {
	var pl Payload
	value := DefaultValue
	noBounce := false
	var err error
	if v := f["value"]; v != nil {
		if value, err = p.coins(v, "value"); err != nil {
			return pl, value, false, err
		}
	}
	if v := f["bounce"]; v != nil {
		bounce, err := p.boolean(v, "bounce")
		if err != nil {
			return pl, value, false, err
		}
		noBounce = !bounce
	}
	given := 0
	for _, key := range []string{"message", "body", "comment"} {
		if f[key] != nil {
			given++
		}
	}
	if given > 1 {
		return pl, value, false, p.errf(n, "give the body one way: message (with fields), body or comment")
	}
	if v := f["fields"]; v != nil && f["message"] == nil {
		return pl, value, false, p.errf(v, "fields need a message type (message: Name)")
	}
	if v := f["message"]; v != nil {
		ref, err := p.name(v, "message")
		if err != nil {
			return pl, value, false, err
		}
		pl.Message = &ref
		if fields := f["fields"]; fields != nil {
			if _, err := p.mapping(fields, "fields"); err != nil {
				return pl, value, false, err
			}
			if pl.Fields, err = p.value(fields); err != nil {
				return pl, value, false, err
			}
		}
	}
	if v := f["body"]; v != nil {
		s, err := p.str(v, "body")
		if err != nil {
			return pl, value, false, err
		}
		if pl.Body, err = cell.ParseBOC(s); err != nil {
			return pl, value, false, p.errf(v, "body: %v", err)
		}
	}
	if v := f["comment"]; v != nil {
		s, err := p.str(v, "comment")
		if err != nil {
			return pl, value, false, err
		}
		pl.Comment = &s
	}
	return pl, value, noBounce, nil
}

func (p *parser) deploy(n *yaml.Node) (*Deploy, error) {
	f, err := p.fields(n, "deploy", []string{"name", "contract", "from"}, append([]string{"init", "data"}, payloadKeys...)...)
	if err != nil {
		return nil, err
	}
	d := &Deploy{}
	if d.Name, err = p.name(f["name"], "name"); err != nil {
		return nil, err
	}
	if d.Contract, err = p.name(f["contract"], "contract"); err != nil {
		return nil, err
	}
	if d.From, err = p.name(f["from"], "from"); err != nil {
		return nil, err
	}
	if d.Init, d.Data, err = p.initOrData(f); err != nil {
		return nil, err
	}
	d.Payload, d.Value, d.NoBounce, err = p.payload(n, f)
	return d, err
}

func (p *parser) send(n *yaml.Node) (*Send, error) {
	f, err := p.fields(n, "send", []string{"from", "to"}, payloadKeys...)
	if err != nil {
		return nil, err
	}
	s := &Send{}
	if s.From, err = p.name(f["from"], "from"); err != nil {
		return nil, err
	}
	if s.To, err = p.name(f["to"], "to"); err != nil {
		return nil, err
	}
	s.Payload, s.Value, s.NoBounce, err = p.payload(n, f)
	return s, err
}

func (p *parser) get(n *yaml.Node) (*Get, error) {
	f, err := p.fields(n, "get", []string{"on", "method"}, "args", "name")
	if err != nil {
		return nil, err
	}
	g := &Get{}
	if g.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	if g.Method, err = p.name(f["method"], "method"); err != nil {
		return nil, err
	}
	if v := f["name"]; v != nil {
		name, err := p.name(v, "name")
		if err != nil {
			return nil, err
		}
		g.Name = &name
	}
	if v := f["args"]; v != nil && v.Tag != "!!null" {
		if _, err := p.mapping(v, "args"); err != nil {
			return nil, err
		}
		if g.Args, err = p.value(v); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (p *parser) preflight(n *yaml.Node) (*Preflight, error) {
	f, err := p.fields(n, "preflight", []string{"on", "to"}, "from", "protocol", "fields", "layout")
	if err != nil {
		return nil, err
	}
	pf := &Preflight{}
	if pf.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	if pf.To, err = p.name(f["to"], "to"); err != nil {
		return nil, err
	}
	if pf.From, pf.Protocol, pf.Fields, err = p.upgradeOptions(f); err != nil {
		return nil, err
	}
	if v := f["layout"]; v != nil {
		pf.Layout, err = p.layoutOptions(v)
	}
	return pf, err
}

func (p *parser) upgrade(n *yaml.Node, what string) (*Upgrade, error) {
	f, err := p.fields(n, what, []string{"on", "to"}, "from", "protocol", "fields", "layout")
	if err != nil {
		return nil, err
	}
	u := &Upgrade{}
	if u.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	if u.To, err = p.name(f["to"], "to"); err != nil {
		return nil, err
	}
	if u.From, u.Protocol, u.Fields, err = p.upgradeOptions(f); err != nil {
		return nil, err
	}
	if v := f["layout"]; v != nil {
		u.Layout, err = p.layoutOptions(v)
	}
	return u, err
}

func (p *parser) upgrades(n *yaml.Node) (*Upgrades, error) {
	f, err := p.fields(n, "upgrades", []string{"on", "versions"}, "supported", "from", "protocol")
	if err != nil {
		return nil, err
	}
	u := &Upgrades{}
	if u.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	vs := f["versions"]
	if vs.Kind != yaml.SequenceNode || len(vs.Content) < 2 {
		return nil, p.errf(vs, "versions must list at least two contracts, oldest first")
	}
	for _, v := range vs.Content {
		ref, err := p.name(v, "a version")
		if err != nil {
			return nil, err
		}
		u.Versions = append(u.Versions, ref)
	}
	if s := f["supported"]; s != nil {
		if s.Kind != yaml.SequenceNode {
			return nil, p.errf(s, `supported must list upgrades ("v1 → v2")`)
		}
		u.Supported = []SupportedPair{}
		for _, item := range s.Content {
			text, err := p.str(item, "a supported upgrade")
			if err != nil {
				return nil, err
			}
			from, to, ok := strings.Cut(strings.ReplaceAll(text, "->", "→"), "→")
			from, to = strings.TrimSpace(from), strings.TrimSpace(to)
			if !ok || from == "" || to == "" {
				return nil, p.errf(item, `supported upgrade %s: want "FROM → TO" (or FROM -> TO)`, quote(text))
			}
			u.Supported = append(u.Supported, SupportedPair{From: from, To: to, Pos: at(item)})
		}
	}
	if u.From, u.Protocol, _, err = p.upgradeOptions(f); err != nil {
		return nil, err
	}
	return u, nil
}

// upgradeOptions reads what a preflight and an upgrade share: from,
// protocol and fields.
func (p *parser) upgradeOptions(f map[string]*yaml.Node) (from, protocol *Ref, fields *Value, err error) {
	if v := f["from"]; v != nil {
		ref, err := p.name(v, "from")
		if err != nil {
			return nil, nil, nil, err
		}
		from = &ref
	}
	if v := f["protocol"]; v != nil {
		ref, err := p.name(v, "protocol")
		if err != nil {
			return nil, nil, nil, err
		}
		protocol = &ref
	}
	if v := f["fields"]; v != nil {
		if _, err := p.mapping(v, "fields"); err != nil {
			return nil, nil, nil, err
		}
		if fields, err = p.value(v); err != nil {
			return nil, nil, nil, err
		}
	}
	return from, protocol, fields, nil
}

func (p *parser) expect(e *entry, action string) (*Expect, error) {
	allowed := stepChecks(action)
	if len(allowed) == 0 {
		return nil, p.errf(e.k, "%s has nothing to expect", action)
	}
	entries, err := p.mapping(e.v, "expect of "+action, allowed...)
	if err != nil {
		return nil, err
	}
	x := &Expect{Pos: at(e.k)}
	for _, c := range entries {
		v, err := p.value(c.v)
		if err != nil {
			return nil, err
		}
		want, err := p.parseWant(checkByKey(c.key), v)
		if err != nil {
			return nil, err
		}
		x.Checks = append(x.Checks, &Check{Key: c.key, Want: want, Pos: at(c.k)})
	}
	return x, nil
}
