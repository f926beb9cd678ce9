package contracts

import (
	"embed"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/tonsim/tonsim/cell"
)

//go:embed vault/build/*.pkg direct/build/*.pkg staged/build/*.pkg delayed/build/*.pkg proxy/build/*.pkg initparams/build/*.pkg
//go:embed hooks/build/*.pkg versioned/build/*.pkg units/build/*.pkg diamond/build/*.pkg layout/build/*.pkg twostep/build/*.pkg
var builds embed.FS

// packageFiles maps each built-in's name to its package in the family's build folder.
var packageFiles = map[string]string{
	"vault.v1":           "vault/build/VaultV1_VaultV1.pkg",
	"vault.v1debug":      "vault/build/VaultV1Debug_VaultV1.pkg",
	"vault.v2":           "vault/build/VaultV2_VaultV2.pkg",
	"vault.v2bad":        "vault/build/VaultV2Bad_VaultV2Bad.pkg",
	"vault.v2recount":    "vault/build/VaultV2Recount_VaultV2Recount.pkg",
	"direct.v1":          "direct/build/DirectV1_DirectV1.pkg",
	"direct.v2":          "direct/build/DirectV2_DirectV2.pkg",
	"staged.v1":          "staged/build/StagedV1_StagedV1.pkg",
	"staged.v2":          "staged/build/StagedV2_StagedV2.pkg",
	"twostep.v1":         "twostep/build/TwoStepV1_TwoStepV1.pkg",
	"twostep.v2":         "twostep/build/TwoStepV2_TwoStepV2.pkg",
	"delayed.v1":         "delayed/build/DelayedV1_DelayedV1.pkg",
	"delayed.v1open":     "delayed/build/DelayedV1Open_DelayedV1Open.pkg",
	"delayed.v2":         "delayed/build/DelayedV2_DelayedV2.pkg",
	"proxy.proxy":        "proxy/build/Proxy_Proxy.pkg",
	"proxy.child.v1":     "proxy/build/Proxy_ChildV1.pkg",
	"proxy.child.v2":     "proxy/build/ChildV2_ChildV2.pkg",
	"hooks.v1":           "hooks/build/HooksV1_HooksV1.pkg",
	"hooks.v1stuck":      "hooks/build/HooksV1Stuck_HooksV1Stuck.pkg",
	"hooks.v2":           "hooks/build/HooksV2_HooksV2.pkg",
	"hooks.v2trap":       "hooks/build/HooksV2Trap_HooksV2Trap.pkg",
	"hooks.lazy.v1":      "hooks/build/HooksLazyV1_HooksLazyV1.pkg",
	"hooks.lazy.v2":      "hooks/build/HooksLazyV2_HooksLazyV2.pkg",
	"hooks.lazy.v2trap":  "hooks/build/HooksLazyV2Trap_HooksLazyV2Trap.pkg",
	"versioned.v1":       "versioned/build/VersionedV1_VersionedV1.pkg",
	"versioned.v2":       "versioned/build/VersionedV2_VersionedV2.pkg",
	"versioned.v3":       "versioned/build/VersionedV3_VersionedV3.pkg",
	"units.v1":           "units/build/UnitsV1_UnitsV1.pkg",
	"units.v2":           "units/build/UnitsV2_UnitsV2.pkg",
	"diamond.diamond":    "diamond/build/Diamond_Diamond.pkg",
	"diamond.counter.v1": "diamond/build/CounterFacetV1_CounterFacetV1.pkg",
	"diamond.counter.v2": "diamond/build/CounterFacetV2_CounterFacetV2.pkg",
	"diamond.notes":      "diamond/build/NotesFacet_NotesFacet.pkg",
	"initparams.v1":      "initparams/build/InitParamsV1_InitParamsV1.pkg",
	"initparams.v2":      "initparams/build/InitParamsV2_InitParamsV2.pkg",
	"initparams.v2bad":   "initparams/build/InitParamsV2Bad_InitParamsV2Bad.pkg",
	"layout.v1":          "layout/build/LayoutV1_LayoutV1.pkg",
	"layout.v2":          "layout/build/LayoutV2_LayoutV2.pkg",
	"layout.v2swap":      "layout/build/LayoutV2Swap_LayoutV2Swap.pkg",
}

// loaders parse each package on its first use, so a program parses only
// the built-ins it names (tonsim help and a counter scenario parse none of
// these).
var loaders = func() map[string]func() *cell.Package {
	out := make(map[string]func() *cell.Package, len(packageFiles))
	for name, file := range packageFiles {
		out[name] = sync.OnceValue(func() *cell.Package {
			data, err := builds.ReadFile(file)
			if err != nil {
				panic(fmt.Sprintf("contracts: embedded package %s: %v", name, err))
			}
			pkg, err := cell.ParsePackage(data)
			if err != nil {
				panic(fmt.Sprintf("contracts: embedded package %s: %v", name, err))
			}
			return pkg
		})
	}
	return out
}()

// Builtins returns every example contract by name: "vault.v1",
// "vault.v1debug", "vault.v2", "vault.v2bad", "vault.v2recount",
// "direct.v1", "direct.v2", "staged.v1", "staged.v2", "twostep.v1",
// "twostep.v2", "delayed.v1", "delayed.v1open", "delayed.v2",
// "proxy.proxy", "proxy.child.v1", "proxy.child.v2", "hooks.v1",
// "hooks.v1stuck", "hooks.v2", "hooks.v2trap", "hooks.lazy.v1",
// "hooks.lazy.v2", "hooks.lazy.v2trap", "versioned.v1", "versioned.v2",
// "versioned.v3", "units.v1", "units.v2", "diamond.diamond",
// "diamond.counter.v1", "diamond.counter.v2", "diamond.notes",
// "initparams.v1", "initparams.v2", "initparams.v2bad", "layout.v1",
// "layout.v2" and "layout.v2swap", every one parsed. The map is the
// caller's; the packages are shared and must not be changed. [Loaders]
// parses only the ones used.
func Builtins() map[string]*cell.Package {
	out := make(map[string]*cell.Package, len(loaders))
	for name, load := range loaders {
		out[name] = load()
	}
	return out
}

// Loaders returns, by the names of [Builtins], a function that parses
// each package on its first call and returns the same package after.
func Loaders() map[string]func() *cell.Package {
	return maps.Clone(loaders)
}

// Names returns the names of [Builtins], sorted, without parsing a package.
func Names() []string {
	return slices.Sorted(maps.Keys(packageFiles))
}
