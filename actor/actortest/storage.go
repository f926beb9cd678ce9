package actortest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/contract"
	"github.com/tonsim/tonsim/describe"
)

// Storer is what storage assertions read: a *contract.Handle, or a
// wrapper generated around one.
type Storer interface {
	Storage() (*contract.Storage, error)
	Printer() describe.Printer
	String() string
}

// CheckStorage compares the storage of h's account, decoded by the version
// it runs, with want, field by field (each value in any form
// [contract.Matches] takes; fields want does not name are not compared).
// A difference is an error wrapping [ErrStorage] that lists each field
// that differs, then the whole storage as a tree with those fields marked
// ▸; storage whose init has not run (a migration pending after an
// upgrade) is an error wrapping [contract.ErrNotInitialized].
func CheckStorage(h Storer, want Fields) error {
	st, err := h.Storage()
	if err != nil {
		return err
	}
	s := st.Fields
	if !st.Initialized {
		return fmt.Errorf("storage of %s (%s): %w: it holds %s %s until the contract's init runs on it (after an upgrade, on the next message; getters see the migrated state already)",
			h, st.Contract.Name, contract.ErrNotInitialized, s.Type, h.Printer().Value(s))
	}
	names := make([]string, 0, len(want))
	for k := range want {
		names = append(names, k)
	}
	sort.Strings(names)

	p := h.Printer()
	var diffs []string
	bad := map[string]bool{}
	for _, name := range names {
		got, err := s.Get(name)
		if err != nil {
			return fmt.Errorf("storage of %s (%s): %w", h, st.Contract.Name, err)
		}
		if contract.Matches(got, want[name]) {
			continue
		}
		bad[name] = true
		t := fieldType(s, name)
		diffs = append(diffs, fmt.Sprintf("  %s: want %s, got %s", name, wantText(p, want[name], t), p.Typed(got, t)))
	}
	if len(diffs) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d fields of %s (%s) differ:\n%s\n%s\n", len(diffs), len(names), h, st.Contract.Name, strings.Join(diffs, "\n"), s.Type)
	for _, line := range p.Tree(s) {
		mark := "  "
		for name := range bad {
			if strings.HasPrefix(line, "├─ "+name+": ") || strings.HasPrefix(line, "└─ "+name+": ") {
				mark = "▸ "
			}
		}
		b.WriteString(mark + line + "\n")
	}
	return fmt.Errorf("%w: %s", ErrStorage, strings.TrimSuffix(b.String(), "\n"))
}

// RequireStorage fails the test now unless h's storage holds want (see
// [CheckStorage]).
func RequireStorage(t testing.TB, h Storer, want Fields) {
	t.Helper()
	if err := CheckStorage(h, want); err != nil {
		t.Fatal(err)
	}
}

func fieldType(s *cell.Struct, name string) *cell.Type {
	for _, f := range s.Fields {
		if f.Name == name {
			t := f.Type
			return &t
		}
	}
	return nil
}
