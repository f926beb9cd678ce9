package describe

import (
	"fmt"
	"time"

	"github.com/tonsim/tonsim/actor"
)

// rootDigits is how many hex digits of a state root [Root] shows.
const rootDigits = 12

// Root writes a state root short, as its first hex digits: "3f2a91c0d4e1…".
// [actor.StateRoot.String] writes it whole.
func Root(r actor.StateRoot) string { return r.String()[:rootDigits] + "…" }

// Time writes a world's unix time in UTC: "2025-01-01 00:01:00 UTC". It is
// the world's clock, not the wall clock.
func Time(unix uint32) string {
	return time.Unix(int64(unix), 0).UTC().Format("2006-01-02 15:04:05 UTC")
}

// CommitName is a commit's name, or "unnamed".
func CommitName(c actor.Commit) string {
	if c.Name == "" {
		return "unnamed"
	}
	return c.Name
}

// Commit says what a commit holds, in one line: "deployed: state root
// 3f2a91c0d4e1…, lt 5, 2025-01-01 00:00:00 UTC, 4 transactions before it".
func Commit(c actor.Commit) string {
	return fmt.Sprintf("%s: %s, %s", CommitName(c), CommitState(c), CommitHistory(c))
}

// CommitState says where a commit left the world: "state root
// 3f2a91c0d4e1…, lt 5, 2025-01-01 00:00:00 UTC".
func CommitState(c actor.Commit) string {
	return fmt.Sprintf("state root %s, lt %d, %s", Root(c.Root), c.LT(), Time(c.Now()))
}

// CommitHistory says how much history a commit keeps: "4 transactions
// before it", or "no history kept" when transactions ran before it but
// none is kept (a commit loaded from a saved world, or a world keeping no
// history).
func CommitHistory(c actor.Commit) string {
	n := len(c.Transactions())
	if n == 0 && c.LT() > 1 {
		return "no history kept"
	}
	return plural(n, "%d transaction", "%d transactions") + " before it"
}
