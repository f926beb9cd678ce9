package actor

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/internal/termtext"
	"github.com/xssnick/tonutils-go/address"
)

// names maps names to account ids and back.
//
// It is persistent: a value is never changed once made. [names.with]
// returns a new value that shares every node with the old one but the
// O(log n) it copies along the path to the new entry, so adding a name
// costs O(log n) time and memory, n names cost O(n log n), and a world
// state holding a names value (a snapshot) shares it in O(1). Lookups are
// O(log n) and [names.each] visits names in sorted order. The zero value
// (and nil) is empty.
type names struct {
	byName *node[string, accountID]
	byID   *node[accountID, string]
}

func compareIDs(a, b accountID) int { return bytes.Compare(a[:], b[:]) }

func (n *names) lookup(name string) (accountID, bool) {
	if n == nil {
		return accountID{}, false
	}
	return n.byName.get(name, strings.Compare)
}

func (n *names) nameOf(id accountID) (string, bool) {
	if n == nil {
		return "", false
	}
	return n.byID.get(id, compareIDs)
}

func (n *names) len() int {
	if n == nil {
		return 0
	}
	return n.byName.size()
}

// each calls f for every name in sorted order.
func (n *names) each(f func(name string, id accountID)) {
	if n != nil {
		n.byName.each(f)
	}
}

func (n *names) with(name string, id accountID) (*names, error) {
	if old, ok := n.lookup(name); ok {
		if old == id {
			return n, nil
		}
		return nil, fmt.Errorf("%w: %q is %s", ErrNameTaken, name, old.address().StringRaw())
	}
	if old, ok := n.nameOf(id); ok {
		return nil, fmt.Errorf("%w: %s is already called %q", ErrNameTaken, id.address().StringRaw(), old)
	}
	var next names
	if n != nil {
		next = *n
	}
	next.byName = next.byName.insert(name, id, strings.Compare)
	next.byID = next.byID.insert(id, name, compareIDs)
	return &next, nil
}

// node is a node of a persistent AVL tree: insert copies the path from the
// root to the new leaf and shares every other node.
type node[K, V any] struct {
	key         K
	val         V
	left, right *node[K, V]
	height      int
	count       int // nodes in this subtree
}

func (t *node[K, V]) get(key K, cmp func(K, K) int) (V, bool) {
	for t != nil {
		switch c := cmp(key, t.key); {
		case c < 0:
			t = t.left
		case c > 0:
			t = t.right
		default:
			return t.val, true
		}
	}
	var zero V
	return zero, false
}

func (t *node[K, V]) size() int {
	if t == nil {
		return 0
	}
	return t.count
}

func (t *node[K, V]) h() int {
	if t == nil {
		return 0
	}
	return t.height
}

func (t *node[K, V]) each(f func(K, V)) {
	if t == nil {
		return
	}
	t.left.each(f)
	f(t.key, t.val)
	t.right.each(f)
}

// insert returns the tree with key set to val; t is left as it was.
func (t *node[K, V]) insert(key K, val V, cmp func(K, K) int) *node[K, V] {
	if t == nil {
		return &node[K, V]{key: key, val: val, height: 1, count: 1}
	}
	c := cmp(key, t.key)
	if c == 0 {
		return mk(key, val, t.left, t.right)
	}
	if c < 0 {
		return balance(t.key, t.val, t.left.insert(key, val, cmp), t.right)
	}
	return balance(t.key, t.val, t.left, t.right.insert(key, val, cmp))
}

// mk makes a new node over two subtrees.
func mk[K, V any](key K, val V, left, right *node[K, V]) *node[K, V] {
	return &node[K, V]{key: key, val: val, left: left, right: right,
		height: 1 + max(left.h(), right.h()), count: 1 + left.size() + right.size()}
}

// balance makes a node over subtrees whose heights differ by at most two,
// rotating so they differ by at most one. It only makes new nodes.
func balance[K, V any](key K, val V, left, right *node[K, V]) *node[K, V] {
	switch lh, rh := left.h(), right.h(); {
	case lh > rh+1:
		if left.left.h() >= left.right.h() {
			return mk(left.key, left.val, left.left, mk(key, val, left.right, right))
		}
		lr := left.right
		return mk(lr.key, lr.val, mk(left.key, left.val, left.left, lr.left), mk(key, val, lr.right, right))
	case rh > lh+1:
		if right.right.h() >= right.left.h() {
			return mk(right.key, right.val, mk(key, val, left, right.left), right.right)
		}
		rl := right.left
		return mk(rl.key, rl.val, mk(key, val, left, rl.left), mk(right.key, right.val, rl.right, right.right))
	}
	return mk(key, val, left, right)
}

// CheckName returns an error wrapping [ErrBadName] unless name can name an
// account: not empty, valid UTF-8, and free of control characters and
// bidirectional overrides, so that printing it on a terminal shows it.
func CheckName(name string) error {
	if name == "" {
		return fmt.Errorf("%w: an empty name", ErrBadName)
	}
	if i := termtext.First(name); i >= 0 {
		return fmt.Errorf("%w: %q holds a control character at byte %d", ErrBadName, name, i)
	}
	return nil
}

// NameOf returns the name given to addr, or "" when it has none.
func (w *World) NameOf(addr *address.Address) string {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, err := idOf(addr)
	if err != nil {
		return ""
	}
	name, _ := w.st.names.nameOf(id)
	return name
}

// Lookup returns the address carrying name.
func (w *World) Lookup(name string) (*address.Address, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	id, ok := w.st.names.lookup(name)
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

	if err := CheckName(name); err != nil {
		return fmt.Errorf("name for %s: %w", addr.StringRaw(), err)
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

	out := make([]string, 0, w.st.names.len())
	w.st.names.each(func(name string, _ accountID) { out = append(out, name) })
	return out
}
