// Package actortest finds and requires transactions in what an [actor.World]
// did, in the spirit of @ton/test-utils' toHaveTransaction:
//
//	tx := actortest.RequireTransaction(t, trace.Transactions,
//		actortest.From(owner), actortest.To(counter), actortest.Op(10), actortest.Success())
//
// A failed requirement lists every transaction it looked at, one line each,
// by the names the world gave when it ran (package describe words them), so
// the test output says what happened instead.
package actortest
