// Package contract gives any contract package a handle in a world: deploy
// it with its init arguments in one call, open an account that runs it,
// send its messages and run its getters by name, typed or as maps, and
// read its storage, all by the ABI of the code the account runs at that
// moment.
//
//	v, res, err := contract.Deploy(w, owner, vaultV1, map[string]any{"owner": owner, "name": "savings"},
//		contract.WithName("vault"), contract.WithPackage("v2", vaultV2))
//	res, err = v.Send(alice, "Deposit", map[string]any{"queryId": 1, "amount": tlb.MustFromTON("1")},
//		contract.WithValue(tlb.MustFromTON("1.1")))
//	got, err := v.Get("balanceOf", alice) // got.Contract says which version answered
//
// A [Handle] finds the running version by the hash of the account's code
// among the contracts it knows (a [catalog.Catalog]: the deployed package,
// those [WithPackage], [WithPackages] and [WithCatalog] add, and those of
// every other handle and deployment on its world, see [Handle.Known]), so
// the same handle keeps working across an upgrade. It works for Tact packages
// and for Tolk contracts whose code and ABI file [cell.LoadTolkPackage]
// put together.
//
// Every send returns a [Result]: the trace, and each transaction described
// by package describe (parties by name, message types, exit codes with
// their meaning, fees, events, storage changes), the one on the handle's
// account apart. Package actor/actortest matches and prints them.
//
// Typed values go through [Input] and [Unpack]: Go structs whose fields
// carry `abi:"name"` tags, Go integers, *big.Int, tlb.Coins,
// *address.Address, *tvmcell.Cell, pointers for optional values and Go
// maps. The wrappers `tonsim gen` writes (package gen) are made of them:
// DeployX, OpenX, one SendY per receiver and one GetZ per getter.
package contract
