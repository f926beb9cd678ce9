package contract

import (
	"fmt"
	"sync"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
)

// knownKey keys, among a world's values (see [actor.World.SetValue]), the
// contracts every handle and deployment on that world has known: a
// *catalog.Catalog, replaced, never changed, so forks share it.
type knownKey struct{}

// knownMu makes learning, a read and a write of a world's value, one step.
var knownMu sync.Mutex

// worldContracts returns the contracts the handles on w have known, nil
// when there were none.
func worldContracts(w *actor.World) *catalog.Catalog {
	cat, _ := w.Value(knownKey{}).(*catalog.Catalog)
	return cat
}

// learn makes every contract of cat known to every handle on w, and to
// the worlds forked from w from now on.
func learn(w *actor.World, cat *catalog.Catalog) {
	knownMu.Lock()
	defer knownMu.Unlock()
	if old := worldContracts(w); !covers(old, cat) {
		w.SetValue(knownKey{}, merge(old, cat))
	}
}

// covers reports whether a knows the code of every contract of b.
func covers(a, b *catalog.Catalog) bool {
	if b == nil {
		return true
	}
	if a == nil {
		return len(b.Contracts()) == 0
	}
	for _, ct := range b.Contracts() {
		if _, err := a.ByCode(ct.Code); err != nil {
			return false
		}
	}
	return true
}

// merge returns a new catalog of a's contracts, then b's whose code a
// does not know (see [addFree]); neither is changed. Every contract of a
// catalog has a name and code, so each is added.
func merge(a, b *catalog.Catalog) *catalog.Catalog {
	out := catalog.New()
	for _, cat := range []*catalog.Catalog{a, b} {
		if cat == nil {
			continue
		}
		for _, ct := range cat.Contracts() {
			_ = addFree(out, ct.Name, ct)
		}
	}
	return out
}

// addFree adds ct to out under name unless out knows its code already; a
// name taken by other code gets a "#2" (or later) suffix.
func addFree(out *catalog.Catalog, name string, ct *catalog.Contract) error {
	if _, err := out.ByCode(ct.Code); err == nil {
		return nil
	}
	free := name
	for i := 2; ; i++ {
		if _, err := out.ByName(free); err != nil {
			break
		}
		free = fmt.Sprintf("%s#%d", name, i)
	}
	if free == ct.Name {
		return out.AddContract(ct)
	}
	renamed := *ct
	renamed.Name = free
	return out.AddContract(&renamed)
}

// Known returns the contracts the handle knows: its own [Handle.Contracts],
// then every contract a handle or a deployment on its world has known
// (on the world it was forked from too, up to the fork), so a version one
// handle was told about serves every handle on the world. A contract keeps
// the name it was first known by; a name taken by other code gets a "#2"
// (or later) suffix.
func (h *Handle) Known() *catalog.Catalog {
	world := worldContracts(h.World)
	if h.Contracts != nil && covers(h.Contracts, world) {
		return h.Contracts
	}
	return merge(h.Contracts, world)
}
