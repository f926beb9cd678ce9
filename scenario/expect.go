package scenario

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
	"github.com/xssnick/tonutils-go/address"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"go.yaml.in/yaml/v4"
)

// Failure is an expectation that did not hold.
type Failure struct {
	File string
	// Pos is where the check is written.
	Pos Pos
	// Key is the check (exit_code, storage.value, result, …); Want is what
	// the file expects and Got what happened.
	Key, Want, Got string
}

func (f Failure) String() string {
	return fmt.Sprintf("%s:%d: %s: want %s, got %s", f.File, f.Pos.Line, f.Key, f.Want, f.Got)
}

func (r *Runner) expect(step *Step, res *Result) []Failure {
	if step.Expect == nil {
		return nil
	}
	var out []Failure
	fail := func(c *Check, key, want, got string) {
		out = append(out, Failure{File: r.Scenario.Path, Pos: c.Pos, Key: key, Want: want, Got: got})
	}
	for _, c := range step.Expect.Checks {
		switch step.Action.(type) {
		case *Deploy, *Send:
			r.expectTx(c, res, fail)
		case *Get:
			r.expectGet(c, res.Get, fail)
		case *Preflight:
			expectPreflight(c, res.Preflight, fail)
		}
	}
	return out
}

type failFunc func(c *Check, key, want, got string)

func (r *Runner) expectTx(c *Check, res *Result, fail failFunc) {
	want := c.Value.Value
	if c.Key == "transactions" {
		if got := strconv.Itoa(len(res.Trace.Transactions)); got != want {
			fail(c, c.Key, want, got)
		}
		return
	}
	if c.Key == "bounced" {
		if got := strconv.FormatBool(bouncedBack(res)); got != want {
			fail(c, c.Key, want, got)
		}
		return
	}
	tx := res.Tx
	if tx == nil {
		fail(c, c.Key, want, "no transaction on "+res.Target.StringRaw())
		return
	}
	var got string
	switch c.Key {
	case "exit_code":
		if tx.ComputeSkipped != "" {
			got = "compute skipped (" + string(tx.ComputeSkipped) + ")"
		} else {
			got = strconv.Itoa(int(tx.ExitCode))
		}
	case "action_code":
		got = strconv.Itoa(int(tx.ActionCode))
	case "success":
		got = strconv.FormatBool(tx.Success)
	case "aborted":
		got = strconv.FormatBool(tx.Aborted)
	case "deployed":
		got = strconv.FormatBool(tx.Deployed)
	case "gas_used":
		got = strconv.FormatInt(tx.GasUsed, 10)
	case "lt":
		got = strconv.FormatUint(tx.LT, 10)
	case "op":
		got = "none"
		if tx.HasOpcode {
			got = strconv.FormatUint(uint64(tx.Opcode), 10)
			if n, err := strconv.ParseUint(want, 0, 32); err == nil && uint32(n) == tx.Opcode {
				got = want // 0x0a and 10 name the same opcode
			}
		}
	case "data_hash":
		got, want = hashOf(tx.DataAfter), strings.ToLower(want)
	case "code_hash":
		got, want = hashOf(tx.CodeAfter), strings.ToLower(want)
	case "storage":
		r.expectStorage(c, tx, fail)
		return
	}
	if want != got {
		fail(c, c.Key, want, got)
	}
}

// bouncedBack reports whether the step's message came back as a bounce to
// its sender.
func bouncedBack(res *Result) bool {
	if res.Tx == nil {
		return false
	}
	for _, tx := range res.Tx.Children {
		if tx.Bounced && res.Tx.From != nil && tx.To.Equals(res.Tx.From) {
			return true
		}
	}
	return false
}

func (r *Runner) expectStorage(c *Check, tx *actor.Transaction, fail failFunc) {
	ct, err := r.Catalog.ByCode(tx.CodeAfter)
	if err != nil || ct.Package == nil {
		fail(c, "storage", "storage decoded by a package", "code the scenario has no package for")
		return
	}
	st, err := ct.Package.DecodeStorage(tx.DataAfter)
	if err != nil {
		fail(c, "storage", "storage "+ct.Name+" reads", err.Error())
		return
	}
	if !st.Initialized {
		fail(c, "storage", "initialized storage", "init() has not run yet (a pending migration or deployment)")
		return
	}
	r.matchFields(c, "storage", c.Value, st.Fields, fail)
}

// matchFields checks each field written in n against s.
func (r *Runner) matchFields(c *Check, path string, n *yaml.Node, s *cell.Struct, fail failFunc) {
	n = resolve(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, resolve(n.Content[i+1])
		got, err := s.Get(k)
		if err != nil {
			fail(c, path+"."+k, describeNode(v), "no such field (fields: "+strings.Join(structFields(s), ", ")+")")
			continue
		}
		r.match(c, path+"."+k, v, got, fail)
	}
}

func structFields(s *cell.Struct) []string {
	out := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		out[i] = f.Name
	}
	return out
}

// match compares a value as written with a decoded one: numbers by value,
// names by the address or code they stand for, structs field by field,
// anything else by its formatted text.
func (r *Runner) match(c *Check, path string, want *yaml.Node, got any, fail failFunc) {
	want = resolve(want)
	if s, ok := got.(*cell.Struct); ok && want.Kind == yaml.MappingNode {
		r.matchFields(c, path, want, s, fail)
		return
	}
	if !r.equal(want, got) {
		fail(c, path, describeNode(want), Format(got))
	}
}

func (r *Runner) equal(want *yaml.Node, got any) bool {
	if want.Kind != yaml.ScalarNode {
		return false
	}
	w := want.Value
	switch g := got.(type) {
	case nil:
		return want.Tag == "!!null" || w == "null"
	case *big.Int:
		n, ok := new(big.Int).SetString(w, 0)
		return ok && n.Cmp(g) == 0
	case bool:
		return w == strconv.FormatBool(g)
	case string:
		return w == g
	case *address.Address:
		if addr, err := r.World.Lookup(w); err == nil {
			return addr.Equals(g)
		}
		addr, err := cell.ParseAddress(w)
		return err == nil && addr.Equals(g)
	case *tvmcell.Cell:
		if ct, err := r.Catalog.ByName(w); err == nil {
			return bytes.Equal(ct.Code.Hash(), g.Hash())
		}
		c, err := cell.ParseBOC(w)
		return err == nil && bytes.Equal(c.Hash(), g.Hash())
	}
	return w == Format(got)
}

func describeNode(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Value == "" {
			return `""`
		}
		return n.Value
	}
	return kind(n)
}

func (r *Runner) expectGet(c *Check, g *GetOutcome, fail failFunc) {
	var exit *actor.ExitError
	failed := errors.As(g.Err, &exit)
	switch c.Key {
	case "exit_code":
		got := "0"
		if failed {
			got = strconv.FormatInt(exit.Code, 10)
		}
		if got != c.Value.Value {
			fail(c, c.Key, c.Value.Value, got)
		}
	case "result":
		if failed {
			fail(c, c.Key, describeNode(c.Value), fmt.Sprintf("exit code %d (%s)", exit.Code, exit.Meaning))
			return
		}
		var got any = g.Value
		if g.Stack != nil {
			got = cell.FormatStack(g.Stack)
		}
		r.match(c, c.Key, c.Value, got, fail)
	}
}

func expectPreflight(c *Check, rep *upgradable.Report, fail failFunc) {
	var got string
	switch c.Key {
	case "verdict":
		got = VerdictName(rep.Verdict)
	case "exit_code":
		got = strconv.FormatInt(rep.ExitCode, 10)
	case "version":
		got = rep.After.Version
	}
	if got != c.Value.Value {
		fail(c, c.Key, c.Value.Value, got)
	}
}

// VerdictName is a verdict as scenarios write it: safe, rejected, bricked.
func VerdictName(v upgradable.Verdict) string {
	switch v {
	case upgradable.Rejected:
		return "rejected"
	case upgradable.Bricked:
		return "bricked"
	}
	return "safe"
}

// Format writes a decoded value as results are printed: strings bare,
// everything else as cell.FormatValue does.
func Format(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return cell.FormatValue(v)
}

func hashOf(c *tvmcell.Cell) string {
	if c == nil {
		return "none"
	}
	return hex.EncodeToString(c.Hash())
}
