package describe

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/upgradable"
)

// Verdict writes a preflight's conclusion on one line: "safe, v2.0.0 runs
// after", "rejected: exit 132 (Access denied)", "rejected at step 2
// (CommitUpgrade): …", "rolled back, nothing changed: exit 9 (Cell
// underflow)", "would brick: exit 9 (Cell underflow)", "no-op: the upgrade
// did not change the code".
func Verdict(r *upgradable.Report) string {
	switch r.Verdict {
	case upgradable.Safe:
		if r.After.Version != "" {
			return "safe, v" + r.After.Version + " runs after"
		}
		return "safe"
	case upgradable.Rejected:
		if r.RolledBack {
			return "rolled back, nothing changed: " + reportExit(r).Short()
		}
		if r.Protocol != nil && len(r.Protocol.Steps) > 1 {
			return fmt.Sprintf("rejected at step %d (%s): %s", r.Step, r.Protocol.Steps[r.Step-1].Message, reportExit(r).Short())
		}
		return "rejected: " + reportExit(r).Short()
	case upgradable.NoOp:
		return "no-op: the upgrade did not change the code"
	}
	return "would brick: " + reportExit(r).Short()
}

func reportExit(r *upgradable.Report) Exit {
	return Exit{Code: r.ExitCode, Meaning: r.Meaning}
}

// VerdictReason says what the verdict means for the contract, in a
// sentence; next names the code upgraded to.
func VerdictReason(r *upgradable.Report, next string, p Printer) string {
	account := "the contract"
	if r.Account != nil && r.Contract != nil && !r.Account.Equals(r.Contract) {
		account = p.Address(r.Account) + ", the account " + p.Address(r.Contract) + " upgrades,"
	}
	switch r.Verdict {
	case upgradable.Safe:
		switch protocolMigration(r) {
		case upgradable.MigrationLazy:
			return "the upgrade goes through and " + next + "'s init migrates the data on the next message"
		case upgradable.MigrationEager:
			return "the upgrade goes through and " + next + " migrates the data in the upgrade transaction itself"
		}
		return "the upgrade goes through and " + next + " reads " + account + "'s data"
	case upgradable.Rejected:
		if r.RolledBack {
			return next + "'s migration failed inside the upgrade transaction, so the whole upgrade was undone: the contract runs its old code on its old data"
		}
		s := fmt.Sprintf("the contract refuses the upgrade from %s: nothing would change", p.Address(r.Sender))
		if !r.Upgradable {
			s += ", and no later upgrade can change that"
		}
		return s
	case upgradable.NoOp:
		return fmt.Sprintf("every message of the %s protocol was accepted, but %s still runs its old code: the protocol is not this contract's, or it takes another step", protocolName(r), account)
	}
	s := fmt.Sprintf("the upgrade goes through, but %s fails on the data: every later message and getter fails with exit %d", next, r.ExitCode)
	if !r.Upgradable {
		s += ", a further upgrade included. No upgrade can repair the contract."
	} else {
		s += "; an upgrade back to the old code would still go through."
	}
	return s
}

func protocolMigration(r *upgradable.Report) upgradable.Migration {
	if r.Protocol == nil {
		return upgradable.MigrationLazy
	}
	return r.Protocol.Migration
}

func protocolName(r *upgradable.Report) string {
	if r.Protocol == nil {
		return "upgrade"
	}
	return r.Protocol.Name
}

// Warnings are what a preflight found besides its verdict, values written
// by p: each probe that failed, new fields written as zero, what only a
// reinstall would rescue, and a migration that leaves little room to grow.
func Warnings(r *upgradable.Report, next string, p Printer) []string {
	var out []string
	if r.SameCode {
		text := next + " is the code the account runs already: the upgrade replaces the code with itself"
		if r.Protocol != nil && r.Protocol.Migration == upgradable.MigrationLazy {
			text += ", and still wraps the data for a migration, which the code's init reads as the data of the version before"
		}
		out = append(out, text)
	}
	for _, probe := range r.Warnings() {
		if r.Verdict == upgradable.Bricked && probe.Kind == upgradable.ProbeUpgradeBack {
			continue // the verdict's reason says so
		}
		out = append(out, ProbeText(probe, next))
	}
	if text := Reinstall(r, p); text != "" {
		out = append(out, text)
	}
	if r.Verdict == upgradable.Safe && r.Before.Type != "" && r.After.Type != "" && r.Before.Type != r.After.Type {
		out = append(out, fmt.Sprintf("the contract's type changes, %s → %s: %s is another contract, not a version of the one that runs", r.Before.Type, r.After.Type, next))
	}
	if r.Verdict == upgradable.Rejected && !r.Upgradable {
		out = append(out, "no upgrade can ever pass the running code's check: it refuses before any new code runs, whatever the new code, and none of its messages ("+
			joinAnd(r.Tried)+", each sent by the owner with every field zero) changes that; the contract can never be upgraded again")
	}
	if r.Verdict == upgradable.Rejected && len(r.WayOut) > 0 {
		out = append(out, "the refusal is lifted by "+orList(withArticles(r.WayOut))+" from the owner (every field zero): after it, the upgrade is not refused this way")
	}
	if len(r.Defaulted) > 0 {
		out = append(out, fmt.Sprintf("the new data sets %s to zero: the old data has no such field and the upgrade gives none, and a default in the source is code, not data; give it as the upgrade's data field", joinAnd(r.Defaulted)))
	}
	if r.Verdict == upgradable.Safe && r.MaxGas > 0 && r.MigrationGas*4 > r.MaxGas {
		out = append(out, fmt.Sprintf("the migration uses %d of the %d gas a transaction may: if its work grows with the state, the state can grow only about %s before the migration no longer fits", r.MigrationGas, r.MaxGas, roomFactor(float64(r.MaxGas)/float64(r.MigrationGas))))
	}
	return out
}

// probeNames name what each probe tried.
var probeNames = map[upgradable.ProbeKind]string{
	upgradable.ProbeUpgradeBack: "an upgrade back to the old code",
	upgradable.ProbeRollback:    "the old code after the upgrade back",
	upgradable.ProbeAgain:       "the new code once more, after the rollback",
	upgradable.ProbeBackToBack:  "a second upgrade right after this one",
	upgradable.ProbeStranger:    "a stranger sending the last step",
	upgradable.ProbeReplay:      "the last step sent again",
}

// ProbeText says how one probe went, in a sentence; next names the code
// upgraded to.
func ProbeText(p upgradable.Probe, next string) string {
	exit := ""
	if p.ExitCode != 0 {
		exit = " with " + Exit{Code: p.ExitCode, Meaning: p.Meaning}.Short()
	}
	switch {
	case p.Err != nil:
		return probeNames[p.Kind] + " could not run: " + p.Err.Error()
	case p.OK:
		return probeNames[p.Kind] + ": ok"
	}
	switch p.Kind {
	case upgradable.ProbeUpgradeBack:
		if p.Migrating {
			return "rolling back is refused" + exit + ": the old code's migrate, which the upgrade back runs in the same transaction, does not take " + next + "'s data; the transaction is undone and " + next + " keeps running"
		}
		if p.Refused {
			return next + " refuses a further upgrade" + exit + ": it could never be upgraded again"
		}
		return "an upgrade back to the old code does not change the code"
	case upgradable.ProbeRollback:
		return "rolling back to the old code bricks the contract" + exit + ": the old code cannot read " + next + "'s data"
	case upgradable.ProbeAgain:
		return "upgrading to " + next + " again after a rollback fails" + exit
	case upgradable.ProbeBackToBack:
		return "a second upgrade right after this one bricks the contract: it nests the pending migration in a second envelope, which no init reads; send any message between two upgrades"
	case upgradable.ProbeStranger:
		return "anyone can finish this upgrade: a stranger's " + p.Step + " is accepted"
	case upgradable.ProbeReplay:
		return "the " + p.Step + " can be replayed: it is accepted again after the upgrade"
	}
	return probeNames[p.Kind] + " failed" + exit
}

// Gas writes a migration's gas against the limit and the room it leaves:
// "the migration uses 7104 of the 1000000 gas a transaction may (0.7%), on
// a state of 5 cells: room for 140× this cost; if the cost grows in step
// with the state, about 700 cells of state would still fit"; "" when the
// data does not migrate. The room is measured; the cells are a condition,
// not a measurement: a migration that moves a map whole costs the same at
// any size, one that walks its entries grows with them (a fixed part of
// the cost makes the estimate err on the safe side, a walk down a deeper
// dictionary on the other; for the example vault.v2recount it is within 5%
// from 100 depositors to 400).
func Gas(r *upgradable.Report) string {
	if r.MigrationGas == 0 {
		return ""
	}
	s := fmt.Sprintf("the migration uses %d of the %d gas a transaction may", r.MigrationGas, r.MaxGas)
	if r.MaxGas > 0 {
		s += fmt.Sprintf(" (%.1f%%)", 100*float64(r.MigrationGas)/float64(r.MaxGas))
	}
	if r.StateCells > 0 {
		s += ", on a state of " + plural(int(r.StateCells), "%d cell", "%d cells")
	}
	if r.MaxGas <= 0 {
		return s
	}
	room := float64(r.MaxGas) / float64(r.MigrationGas)
	if room < 1 {
		return s + ": it does not fit"
	}
	s += ": room for " + roomFactor(room) + " this cost"
	if r.StateCells > 0 {
		s += fmt.Sprintf("; if the cost grows in step with the state, about %s of state would still fit",
			plural(int(GrowthCells(r)), "%d cell", "%d cells"))
	}
	if r.GasLimit > 0 && r.GasLimit < r.MaxGas && r.MigrationGas*4 > r.GasLimit {
		// The value of the message that runs a migration buys its gas: past
		// a quarter of what it bought, say so, as the transaction's limit.
		s += fmt.Sprintf("; the message that ran it paid for only %d gas (%.0f%% used): the message that runs it must carry enough value",
			r.GasLimit, 100*float64(r.MigrationGas)/float64(r.GasLimit))
	}
	return s
}

// GrowthCells is how many cells of state a migration would still fit
// in a transaction's gas if its cost grew in step with the state: the
// measured state scaled by the room the gas leaves. 0 when unknown.
func GrowthCells(r *upgradable.Report) int64 {
	if r.MigrationGas <= 0 || r.MaxGas <= 0 || r.StateCells <= 0 {
		return 0
	}
	return r.StateCells * r.MaxGas / r.MigrationGas
}

// roomFactor writes how many times a cost fits: "140×", "2.5×".
func roomFactor(room float64) string {
	if room < 10 {
		return fmt.Sprintf("%.1f×", float64(int(room*10))/10)
	}
	return fmt.Sprintf("%d×", int(room))
}

// StaysUpgradable says, in a line, whether the contract can still be
// upgraded after this upgrade, as the probes found on the fork: "stays
// upgradable: an upgrade back to the old code and to v2 again go through";
// "does not stay upgradable: v2 refuses a further upgrade". next names the
// code upgraded to. "" when the preflight did not get that far (a rejected
// upgrade the running code may still lift, a no-op).
func StaysUpgradable(r *upgradable.Report, next string) string {
	probe := func(k upgradable.ProbeKind) *upgradable.Probe {
		for i := range r.Probes {
			if r.Probes[i].Kind == k {
				return &r.Probes[i]
			}
		}
		return nil
	}
	switch r.Verdict {
	case upgradable.Rejected:
		if r.RolledBack {
			return "stays upgradable: the upgrade was undone, and the old code takes upgrades as before"
		}
		if !r.Upgradable {
			return "does not stay upgradable: the running code refuses every upgrade"
		}
		return ""
	case upgradable.NoOp:
		return ""
	case upgradable.Bricked:
		if r.Upgradable {
			return "stays upgradable: an upgrade back to the old code still goes through"
		}
		return "does not stay upgradable: no upgrade reaches the bricked contract"
	}
	back := probe(upgradable.ProbeUpgradeBack)
	if back == nil {
		return ""
	}
	var s string
	switch {
	case back.OK:
		s = "stays upgradable: an upgrade back to the old code goes through"
		if again := probe(upgradable.ProbeAgain); again != nil && again.OK {
			s = "stays upgradable: an upgrade back to the old code and to " + next + " again go through"
		} else if health := probe(upgradable.ProbeRollback); health != nil && !health.OK {
			s += ", but the old code cannot read " + next + "'s data"
		} else if again != nil {
			s += ", but not to " + next + " again"
		}
	case back.Migrating:
		s = "stays upgradable, but not back to the old code: its migrate refuses " + next + "'s data"
	case back.Refused:
		return "does not stay upgradable: " + next + " refuses a further upgrade" + probeExit(*back)
	default:
		return "does not stay upgradable: an upgrade back to the old code does not change the code"
	}
	if b2b := probe(upgradable.ProbeBackToBack); b2b != nil && !b2b.OK {
		s += "; not twice in a row: a second upgrade before any message bricks it"
	}
	return s
}

func probeExit(p upgradable.Probe) string {
	if p.ExitCode == 0 {
		return ""
	}
	return " (" + Exit{Code: p.ExitCode, Meaning: p.Meaning}.Short() + ")"
}

// VerdictWord is the verdict in a word or two: "safe", "rejected",
// "rolled back", "would brick", "no-op".
func VerdictWord(r *upgradable.Report) string {
	switch {
	case r.Verdict == upgradable.Rejected && r.RolledBack:
		return "rolled back"
	case r.Verdict == upgradable.Bricked:
		return "would brick"
	}
	return r.Verdict.String()
}

// GetterSide writes one side of a getter's change: its value, or its exit.
func GetterSide(p Printer, v any, err error) string {
	if errors.Is(err, upgradable.ErrNewGetter) {
		return "(new)"
	}
	if err != nil {
		return Err(err, nil)
	}
	return p.Value(v)
}

// orList lists names as alternatives: "a", "a or b", "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// withArticles puts "a" or "an" before each name: "an Unlock", "a Lock".
func withArticles(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if n != "" && strings.ContainsRune("AEIOUaeiou", rune(n[0])) {
			out[i] = "an " + n
		} else {
			out[i] = "a " + n
		}
	}
	return out
}

// joinAnd lists names as prose: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
