package actortest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/describe"
)

// Print logs what a send did, as @ton/sandbox's printTransactionFees
// does: the send as a tree, by name (events, skipped actions and debug
// output under each transaction), then a table of each transaction's
// value and fees. It is what `tonsim run --tree --fees` prints.
func Print(t testing.TB, sent Sent) {
	t.Helper()
	t.Log("\n" + Text(sent))
}

// Text is what [Print] logs.
func Text(sent Sent) string {
	ds := sent.Described()
	var b strings.Builder
	fmt.Fprintf(&b, "%d transactions:\n", len(ds))
	describe.WriteTree(&b, "  ", ds)
	describe.FeesTable(&b, "  ", ds)
	return b.String()
}
