package cell_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// FuzzGetterArgs feeds a getter argument as `tonsim get … NAME=VALUE`
// passes it, a string, to each argument of each kitchen getter (the others
// given as zeros): a *cell.FieldError, or stack values, and an integer or
// a bool written again as text pushes the same.
func FuzzGetterArgs(f *testing.F) {
	abi := kitchenPackage(f).ABI
	zero := map[string]any{"int": "0", "bool": "false", "address": "0:" + fmt.Sprintf("%064d", 0), "string": "x",
		"cell": tvmcell.BeginCell().EndCell()}
	for _, s := range []string{"0", "-1", "true", "false", " true ", "1e3", "0x10", "-0", "115792089237316195423570985008687907853269984665640564039457584007913129639935",
		"-115792089237316195423570985008687907853269984665640564039457584007913129639936", "0:" + fmt.Sprintf("%064d", 1),
		"EQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAM9c", "te6cckEBAQEAAgAAAEysuc0=", "", "null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range abi.Getters {
			for i, arg := range g.Arguments {
				args := map[string]any{}
				for j, other := range g.Arguments {
					if v, ok := zero[other.Type.Type]; ok && j != i && other.Type.Kind == cell.KindSimple {
						args[other.Name] = v
					}
				}
				args[arg.Name] = s
				stack, err := abi.GetterArgs(g.Name, args)
				if err != nil {
					var fe *cell.FieldError
					if !errors.As(err, &fe) {
						t.Fatalf("%s(%s=%q): %v is no *cell.FieldError", g.Name, arg.Name, s, err)
					}
					continue
				}
				var again string
				switch v := stack[i].(type) {
				case *big.Int:
					again = v.String()
					if arg.Type.Type == "bool" {
						again = fmt.Sprint(v.Sign() != 0)
					}
				default:
					continue
				}
				args[arg.Name] = again
				back, err := abi.GetterArgs(g.Name, args)
				if err != nil || fmt.Sprint(back[i]) != fmt.Sprint(stack[i]) {
					t.Fatalf("%s(%s=%q) pushes %v, but %q pushes %v (%v)", g.Name, arg.Name, s, stack[i], again, back, err)
				}
			}
		}
	})
}
