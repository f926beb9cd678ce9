package describe

import (
	"fmt"

	"github.com/tonsim/tonsim/upgradable"
)

// Verdict writes a preflight's conclusion on one line: "safe, v2.0.0 runs
// after", "rejected: exit 132 (Access denied)", "would brick: exit 9 (Cell
// underflow)".
func Verdict(r *upgradable.Report) string {
	switch r.Verdict {
	case upgradable.Safe:
		if r.After.Version != "" {
			return "safe, v" + r.After.Version + " runs after"
		}
		return "safe"
	case upgradable.Rejected:
		return "rejected: " + reportExit(r).Short()
	}
	return "would brick: " + reportExit(r).Short()
}

func reportExit(r *upgradable.Report) Exit {
	return Exit{Code: r.ExitCode, Meaning: r.Meaning}
}

// VerdictReason says what the verdict means for the contract, in a
// sentence; next names the code upgraded to.
func VerdictReason(r *upgradable.Report, next string, p Printer) string {
	switch r.Verdict {
	case upgradable.Safe:
		return "the Upgrade goes through and " + next + "'s init migrates the data"
	case upgradable.Rejected:
		return fmt.Sprintf("the contract refuses the Upgrade from %s: nothing would change", p.Address(r.Sender))
	}
	return fmt.Sprintf("the Upgrade goes through, but %s's init fails on the data: every later message and getter, a further Upgrade included, fails with exit %d. Nothing can repair the contract.", next, r.ExitCode)
}

// Warnings are what a preflight found besides its verdict.
func Warnings(r *upgradable.Report, next string) []string {
	var out []string
	if r.Verdict == upgradable.Safe && !r.Upgradable {
		out = append(out, next+" refuses a further Upgrade: it could never be upgraded again")
	}
	return out
}

// GetterSide writes one side of a getter's change: its value, or its exit.
func GetterSide(p Printer, v any, err error) string {
	if err != nil {
		return Err(err, nil)
	}
	return p.Value(v)
}
