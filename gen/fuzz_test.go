package gen_test

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/gen"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// FuzzGenerate feeds the generator ABIs (the seeds are the counter's and a
// small one with a map, a struct, optional values, a getter with
// arguments, a text receiver and an error): whatever parses as an ABI
// either fails to generate with an error or gives Go source that parses,
// so no name of an ABI can break out of the code it is put in. Each new
// input changes much of what the generator runs, so bound its
// minimization:
//
//	go test ./gen -run '^$' -fuzz '^FuzzGenerate$' -fuzztime 1m -fuzzminimizetime 3s
func FuzzGenerate(f *testing.F) {
	for _, path := range []string{"../counter/build/CounterV3_CounterV3.pkg"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var pkg struct {
			ABI string `json:"abi"`
		}
		if err := json.Unmarshal(data, &pkg); err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(pkg.ABI))
	}
	f.Add([]byte(`{"name":"Small","types":[
 {"name":"P","header":null,"fields":[{"name":"x","type":{"kind":"simple","type":"int","optional":true,"format":8}}]},
 {"name":"Put","header":7,"fields":[{"name":"at","type":{"kind":"simple","type":"P","optional":true}},{"name":"m","type":{"kind":"dict","key":"address","value":"uint","valueFormat":"coins"}}]},
 {"name":"Small$Data","header":null,"fields":[{"name":"p","type":{"kind":"simple","type":"P","optional":false}}]}],
 "receivers":[{"receiver":"internal","message":{"kind":"typed","type":"Put"}},{"receiver":"internal","message":{"kind":"text","text":"hi there"}}],
 "getters":[{"name":"get_p","methodId":1,"arguments":[{"name":"k","type":{"kind":"simple","type":"uint","optional":false,"format":8}}],"returnType":{"kind":"simple","type":"P","optional":true}}],
 "errors":{"300":{"message":"not allowed"}}}`))
	f.Add([]byte(`{"name":"X","types":[{"name":"M\n}","header":1,"fields":[{"name":"a` + "`" + `b","type":{"kind":"simple","type":"bool","optional":false}}]}],"receivers":[],"getters":[],"errors":{"300":{"message":"x\nfunc y(){}"}}}`))
	code := tvmcell.BeginCell().MustStoreUInt(1, 8).EndCell()
	f.Fuzz(func(t *testing.T, data []byte) {
		abi, err := cell.ParseABI(data)
		if err != nil {
			return
		}
		pkg := &cell.Package{Name: abi.Name, Code: code, ABI: abi}
		src, err := gen.Generate(gen.Config{Package: "p", Family: "F", Sources: []gen.Source{{Path: "a.pkg", Package: pkg}}})
		if err != nil {
			return
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0); err != nil {
			t.Fatalf("generated code does not parse: %v\n%s", err, src)
		}
	})
}
