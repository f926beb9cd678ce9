package cell_test

import (
	"fmt"

	"github.com/tonsim/tonsim/cell"
)

// A Tolk compiler's ABI file gives the same model as a Tact ABI: here the
// sample counter's Increment message, encoded and decoded by its ABI.
func ExampleParseTolkABI() {
	abi, err := cell.ParseTolkABI([]byte(`{
	  "abi_schema_version": "1.0", "contract_name": "Counter",
	  "unique_types": [{"kind": "intN", "n": 32}, {"kind": "StructRef", "struct_name": "Increment"}],
	  "declarations": [{"kind": "struct", "name": "Increment", "ty_idx": 1,
	    "prefix": {"prefix_num": 1, "prefix_len": 32}, "fields": [{"name": "value", "ty_idx": 0}]}],
	  "incoming_messages": [{"body_ty_idx": 1}], "storage": {},
	  "struct_instantiations": [], "alias_instantiations": [], "incoming_external": [],
	  "outgoing_messages": [], "emitted_events": [], "get_methods": [], "thrown_errors": [],
	  "compiler_name": "tolk", "compiler_version": "1.4.2"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	msg := abi.InternalMessages()[0]
	fmt.Printf("%s 0x%08x %s: %s\n", msg.Name, *msg.Header, msg.Fields[0].Name, msg.Fields[0].Type)

	c, _ := abi.Encode("Increment", map[string]any{"value": -2})
	fmt.Print(cell.Print(c))
	s, _ := abi.Decode("Increment", c)
	fmt.Println(cell.FormatValue(s))
	// Output:
	// Increment 0x00000001 value: int32
	// 64 bits x{00000001FFFFFFFE}
	// {value: -2}
}
