package actor

import (
	"fmt"
	"maps"
	"sort"

	"github.com/xssnick/tonutils-go/address"
)

// names maps names to account ids and back. A value is never changed once a
// world state holds it: [names.with] returns a new one, so snapshots share it.
type names struct {
	byName map[string]accountID
	byID   map[accountID]string
}

func (n *names) with(name string, id accountID) (*names, error) {
	if old, ok := n.byName[name]; ok {
		if old == id {
			return n, nil
		}
		return nil, fmt.Errorf("%w: %q is %s", ErrNameTaken, name, old.address().StringRaw())
	}
	if old, ok := n.byID[id]; ok {
		return nil, fmt.Errorf("%w: %s is already called %q", ErrNameTaken, id.address().StringRaw(), old)
	}
	next := &names{byName: maps.Clone(n.byName), byID: maps.Clone(n.byID)}
	if next.byName == nil {
		next.byName = map[string]accountID{}
		next.byID = map[accountID]string{}
	}
	next.byName[name] = id
	next.byID[id] = name
	return next, nil
}

// NameOf returns the name given to addr, or "" when it has none.
func (w *World) NameOf(addr *address.Address) string {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	if err != nil {
		return ""
	}
	return w.st.names.byID[id]
}

// Lookup returns the address carrying name.
func (w *World) Lookup(name string) (*address.Address, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, ok := w.st.names.byName[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownName, name)
	}
	return id.address(), nil
}

// SetName gives addr a name. Names are unique both ways: a name belongs to one
// address and an address has at most one name.
func (w *World) SetName(name string, addr *address.Address) error {
	w.mu.Lock()
	defer w.mu.Unlock()

	if name == "" {
		return fmt.Errorf("empty name for %s", addr.StringRaw())
	}
	id, err := idOf(addr)
	if err != nil {
		return err
	}
	next, err := w.st.names.with(name, id)
	if err != nil {
		return err
	}
	w.st.names = next
	return nil
}

// Names returns every name the world knows, sorted.
func (w *World) Names() []string {
	w.mu.Lock()
	defer w.mu.Unlock()

	out := make([]string, 0, len(w.st.names.byName))
	for name := range w.st.names.byName {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
