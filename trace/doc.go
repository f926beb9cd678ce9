// Package trace sees inside one TVM run: a transaction or a getter run
// again with tonutils-go's trace hook ([actor.World.Retrace],
// [actor.World.TraceGet]) becomes a [Trace], the instructions it took one
// [Step] each, with the stack before and after, the gas each used, the
// exception that ended it with its exit code and meaning, and where in the
// code it ran.
//
// Stack values that are the account's storage or the inbound message body
// (or a slice reading them) are recognised and decoded by the contract's
// package, so a load that runs out of bits shows the storage cell it was
// reading. Steps can be searched by instruction and jumped between by what
// they do: the exception, SETCODE, SENDRAWMSG, ACCEPT, a write of c4 or c5.
//
// The hook gives no code position; [Trace] recovers one by decoding the
// code with tonutils-go's instruction set and following the run: straight
// on while the VM reports no jump, to the continuation, ref, dictionary
// entry or return address whose instructions match the steps that follow
// after one. Where it cannot, a step's position is unknown, never guessed.
// The procedure that runs (a get-method, recv_internal and the receiver
// its message selects, a procedure of the code's dictionary) is named from
// the dispatch the steps show.
package trace
