package actortest

import (
	"testing"

	"github.com/tonsim/tonsim/actor"
)

// Fork returns a fork of w for this test and lets the test run in
// parallel with its siblings: prepare one world (wallets, deployments,
// whatever is slow), then give each subtest its own copy, which shares
// w's cells (O(1)) and sees none of the others' sends.
//
//	for _, tc := range cases {
//		t.Run(tc.name, func(t *testing.T) {
//			w := actortest.Fork(t, base)
//			v := vault.On(w)
//			…
//		})
//	}
//
// The fork is taken before the test pauses for its parallel siblings, so
// it holds w as it was when t.Run started the subtest.
func Fork(t *testing.T, w *actor.World) *actor.World {
	t.Helper()
	fork := w.Fork()
	t.Parallel()
	return fork
}
