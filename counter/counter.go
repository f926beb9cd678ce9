package counter

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"sync"

	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Type is the reverse-DNS type every version reports in type_and_version.
const Type = "com.example.upgrades.Counter"

// Opcodes of the counter's messages.
const (
	// OpStep is message(1) Step { queryId: Int as uint64 }.
	OpStep = 1
	// OpSetStep is message(2) SetStep { step: Int as uint8 } (V3).
	OpSetStep = 2
)

//go:embed build/*.pkg
var builds embed.FS

// versions parses the embedded packages on first use, not at start-up, so
// a command that names no counter (tonsim help) never pays for them. They
// are part of the binary and every test parses them, so the panic cannot be
// reached from input.
var versions = sync.OnceValue(func() [3]*cell.Package {
	return [3]*cell.Package{mustLoad("CounterV1"), mustLoad("CounterV2"), mustLoad("CounterV3")}
})

func mustLoad(name string) *cell.Package {
	data, err := builds.ReadFile("build/" + name + "_" + name + ".pkg")
	if err != nil {
		panic(fmt.Sprintf("counter: embedded package %s: %v", name, err))
	}
	pkg, err := cell.ParsePackage(data)
	if err != nil {
		panic(fmt.Sprintf("counter: embedded package %s: %v", name, err))
	}
	return pkg
}

// V1 returns the package of version 1.0.0.
func V1() *cell.Package { return versions()[0] }

// V2 returns the package of version 2.0.0.
func V2() *cell.Package { return versions()[1] }

// V3 returns the package of version 3.0.0.
func V3() *cell.Package { return versions()[2] }

// Versions returns the packages of every version, oldest first.
func Versions() []*cell.Package {
	v := versions()
	return v[:]
}

// ErrUnknownCode is returned by [ByCode] for code that is no counter version.
var ErrUnknownCode = errors.New("code is not a counter version")

// ByCode returns the package whose code is code.
func ByCode(code *tvmcell.Cell) (*cell.Package, error) {
	for _, pkg := range Versions() {
		if bytes.Equal(pkg.Code.Hash(), code.Hash()) {
			return pkg, nil
		}
	}
	return nil, ErrUnknownCode
}
