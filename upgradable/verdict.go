package upgradable

import (
	"fmt"
	"strings"
)

// Verdict is what a preflight concludes.
type Verdict int

const (
	// Safe: the upgrade goes through, the right account runs the new code,
	// and the new code reads its data.
	Safe Verdict = iota
	// Rejected: the contract refuses one of the upgrade's messages (a
	// stranger's upgrade fails with 132; an eager upgrade whose migration
	// throws is undone whole); nothing would change.
	Rejected
	// Bricked: the upgrade goes through, but the new code fails on the
	// data, so every later message and getter fails with the same exit
	// code, a further upgrade included.
	Bricked
	// NoOp: every message was accepted, yet the account still runs its old
	// code: the protocol is not the contract's, or it needs another step.
	NoOp
)

// verdictKeys are the verdicts as scenarios and JSON write them.
var verdictKeys = map[Verdict]string{Safe: "safe", Rejected: "rejected", Bricked: "bricked", NoOp: "no-op"}

// Key is the verdict as scenarios and JSON write it: safe, rejected,
// bricked, no-op. Package describe puts verdicts into words.
func (v Verdict) Key() string {
	if k, ok := verdictKeys[v]; ok {
		return k
	}
	return fmt.Sprintf("verdict(%d)", int(v))
}

func (v Verdict) String() string { return v.Key() }

// Verdicts returns every verdict's key, in order.
func Verdicts() []string {
	out := make([]string, 0, len(verdictKeys))
	for v := Safe; int(v) < len(verdictKeys); v++ {
		out = append(out, v.Key())
	}
	return out
}

// ParseVerdict reads a verdict's key.
func ParseVerdict(key string) (Verdict, error) {
	for v, k := range verdictKeys {
		if k == key {
			return v, nil
		}
	}
	return 0, fmt.Errorf("verdict %q is not one of %s", key, strings.Join(Verdicts(), ", "))
}
