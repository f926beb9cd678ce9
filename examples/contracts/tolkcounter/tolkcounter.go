package tolkcounter

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples/contracts/tolk-counter/build"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Opcodes of the counter's messages.
const (
	// OpUpgrade is struct (0x0aa811ed) Upgradeable_Upgrade { queryId: uint64; code: cell }.
	OpUpgrade = 0x0aa811ed
	// OpStep is struct (0x00000001) Step { queryId: uint64 }.
	OpStep = 0x00000001
)

// Method ids every version keeps, so the code being replaced can call the
// new code's functions through c3.
const (
	// MethodMigrate is fun migrate(storage: cell, fromVersion: slice): cell.
	MethodMigrate = 1000
	// MethodCodeVersion is fun codeVersion(): slice.
	MethodCodeVersion = 1001
)

// EventTopic is the topic of the external address an UpgradedEvent is
// sent to (ExtOutLogBucket { topic }): crc32("UpgradedEvent").
const EventTopic = 0xddd7521c

// Exit codes the counter throws.
const (
	ExitNotOwner        = 132    // CounterError.NotOwner: Upgradeable_Upgrade from another than the owner
	ExitVersionMismatch = 28700  // UpgradeableError.VersionMismatch: migrate does not know the running version
	ExitUnknownMessage  = 0xFFFF // a body that is neither empty nor a known message
)

// versions parses the embedded code and ABIs on first use, not at start-up.
var versions = sync.OnceValue(func() [3]*cell.Package {
	return [3]*cell.Package{mustLoad("counter_v1"), mustLoad("counter_v2"), mustLoad("counter_v2fail")}
})

func mustLoad(name string) *cell.Package {
	code, err := build.Files.ReadFile(name + ".boc")
	if err != nil {
		panic(fmt.Sprintf("tolkcounter: embedded code %s: %v", name, err))
	}
	c, err := tvmcell.FromBOC(code)
	if err != nil {
		panic(fmt.Sprintf("tolkcounter: embedded code %s: %v", name, err))
	}
	abi, err := build.Files.ReadFile(name + ".abi.json")
	if err != nil {
		panic(fmt.Sprintf("tolkcounter: embedded ABI %s: %v", name, err))
	}
	pkg, err := cell.LoadTolkPackage(c, abi)
	if err != nil {
		panic(fmt.Sprintf("tolkcounter: %s: %v", name, err))
	}
	return pkg
}

// V1 returns the package of version 1.0.0.
func V1() *cell.Package { return versions()[0] }

// V2 returns the package of version 2.0.0.
func V2() *cell.Package { return versions()[1] }

// V2Fail returns the package of the broken version 2 ("2.0.0-fail").
func V2Fail() *cell.Package { return versions()[2] }

// Versions returns the packages of every version: V1, V2, V2Fail.
func Versions() []*cell.Package { v := versions(); return v[:] }

// ErrUnknownCode is returned by [ByCode] for code that is no version of the
// counter.
var ErrUnknownCode = errors.New("code is not a Tolk counter version")

// ByCode returns the package whose code is code.
func ByCode(code *tvmcell.Cell) (*cell.Package, error) {
	for _, pkg := range Versions() {
		if bytes.Equal(pkg.Code.Hash(), code.Hash()) {
			return pkg, nil
		}
	}
	return nil, ErrUnknownCode
}

// StateInit returns the StateInit that deploys version 1 owned by owner
// with the given id and a value of 0: its data is StorageV1, built from
// V1's ABI.
func StateInit(owner *address.Address, id uint32) (*tlb.StateInit, error) {
	data, err := V1().InitData(map[string]any{"owner": owner, "id": id, "value": 0})
	if err != nil {
		return nil, fmt.Errorf("tolkcounter: storage: %w", err)
	}
	return &tlb.StateInit{Code: V1().Code, Data: data}, nil
}

// UpgradeBody returns Upgradeable_Upgrade { queryId, code }.
func UpgradeBody(queryID uint64, code *tvmcell.Cell) (*tvmcell.Cell, error) {
	return V1().ABI.Encode("Upgradeable_Upgrade", map[string]any{"queryId": queryID, "code": code})
}

// StepBody returns Step { queryId }.
func StepBody(queryID uint64) (*tvmcell.Cell, error) {
	return V1().ABI.Encode("Step", map[string]any{"queryId": queryID})
}
