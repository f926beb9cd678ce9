// Package actortest holds test helpers for what an [actor.World] did, in
// the spirit of @ton/test-utils:
//
//   - matchers on a send's transactions, by sender, receiver, opcode or
//     message type, exit code, success, deployment, bounce, value, fees
//     and events, as toHaveTransaction takes them ([Require], [Find]);
//   - [RequireStorage]: a contract's storage, field by field, by name;
//   - [Print]: a send as a tree with a table of values and fees, as
//     printTransactionFees;
//   - [Fork]: subtests in parallel, each on a fork of one prepared world.
//
// For example:
//
//	res, _ := v.SendDeposit(alice, vault.Deposit{QueryID: 1, Amount: ton}, value)
//	actortest.Require(t, res, actortest.From(alice), actortest.To(v.Address),
//		actortest.Message("Deposit"), actortest.Success(), actortest.Event("Deposited", nil))
//
// A failure draws the whole send as a tree, by the names the world gave
// when it ran and the contracts' ABIs (package describe words it), with the
// closest candidate marked ▸ and each matcher it fails under it.
//
// Matchers read a [Sent]: a *contract.Result (what contract handles and
// generated wrappers return) or [Described] records; [RequireTransaction]
// and its neighbours take bare records, named by the world's wallet alone.
package actortest
