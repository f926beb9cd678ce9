package describe

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
)

// Layout says what a layout check found on one line: [LayoutSummary],
// then each finding ([LayoutFinding]).
func Layout(l *upgradable.LayoutCheck) string {
	s := LayoutSummary(l)
	sep := "; "
	if l.Reads {
		sep = ", but "
	}
	for _, f := range l.Findings {
		if f.Kind == upgradable.FindingInit {
			continue // the summary is about it
		}
		s += sep + LayoutFinding(l, f)
		sep = "; "
	}
	return s
}

// LayoutSummary says in a sentence what a layout check found: which struct
// reads the current storage and whether it lines up, or why nothing does.
// When a dry run judged the check and disagreed, the sentence starts with
// the dry run's verdict, which wins.
func LayoutSummary(l *upgradable.LayoutCheck) string {
	s := layoutSummary(l)
	switch l.DryRun {
	case upgradable.DryRunFails:
		return fmt.Sprintf("the dry run fails with exit %s, and it wins over the layout, which lines up: %s; the new code reads the data some other way than %s", exitText(l), s, readerName(l))
	case upgradable.DryRunReads:
		return fmt.Sprintf("the dry run reads the data, and it wins over the layout, which does not line up: %s; the new code migrates it some other way", s)
	case upgradable.DryRunRefuses:
		return fmt.Sprintf("the dry run fails with exit %s, and it wins over the layout, which lines up: %s; not the layout but the new code's own check or trap refuses the data", exitText(l), s)
	}
	return s
}

// exitText is the dry run's exit code with its meaning: "9 (Cell
// underflow)".
func exitText(l *upgradable.LayoutCheck) string {
	if l.Ran != nil && l.Ran.Meaning != "" {
		return fmt.Sprintf("%d (%s)", l.ExitCode, l.Ran.Meaning)
	}
	return fmt.Sprint(l.ExitCode)
}

func layoutSummary(l *upgradable.LayoutCheck) string {
	storage := placesText(l.Storage)
	switch {
	case l.Pending:
		return "the data is a pending migration (an envelope no message has migrated yet): an upgrade now nests it in a second envelope, which the new code cannot read as the old storage; send any message first"
	case l.Init != "" || len(l.Findings) == 1 && l.Findings[0].Kind == upgradable.FindingInit:
		if l.Init == "" {
			return fmt.Sprintf("%s's init takes no arguments, not the old storage: it ignores the data the upgrade hands it and starts afresh, so every value of the current storage %s is lost", l.Reader, storage)
		}
		return fmt.Sprintf("%s's init takes init arguments (%s), not the old storage as a cell: it reads the envelope the upgrade leaves as those arguments, and fails", l.Reader, l.Init)
	case l.Mode == upgradable.ReadByName:
		return fmt.Sprintf("the upgrade carries %s, written from the current storage %s field by field, by name", readerName(l), storage)
	case l.ReaderFrom == upgradable.ReaderNone && l.Next != "" && l.Reader != "":
		return fmt.Sprintf("no struct reads the current storage %s: the sources of %s's init show no fromCell or fromSlice of %s", storage, l.Next, l.Reader)
	case l.ReaderFrom == upgradable.ReaderNone:
		return fmt.Sprintf("no struct reads the current storage %s", storage)
	case l.Reads && len(l.Readers) > 1:
		return fmt.Sprintf("%s%s, one of the %d structs %s's init reads the old storage with (%s), reads the current storage %s", l.Reader, at(l.ReadAt), len(l.Readers), l.Next, strings.Join(l.Readers, ", "), storage)
	case l.Reads && skips(l) > 0:
		return fmt.Sprintf("%s reads the current storage %s", readerName(l), storage)
	case l.Reads:
		return fmt.Sprintf("%s reads the current storage %s", l.Reader, storage)
	case l.Guard != "":
		return fmt.Sprintf("%s's init checks the data before it reads it, %s, and %s the current storage %s, so the check refuses it rather than misreading it; the closest, %s, %s", l.Next, l.Guard, noneReads(l), storage, l.Reader, parting(l))
	case len(l.Readers) > 1:
		return fmt.Sprintf("%s the current storage %s: the closest, %s, %s", noneReads(l), storage, l.Reader, parting(l))
	case l.ReaderFrom == upgradable.ReaderClosest:
		return fmt.Sprintf("no struct reads the current storage %s; the closest, %s, %s", storage, l.Reader, parting(l))
	}
	return fmt.Sprintf("%s does not read the current storage %s: it %s", readerName(l), storage, parting(l))
}

// noneReads says that none of the new code's readers reads the storage,
// up to the object: "none of the 2 structs it reads the old storage with
// (LayoutV1, LayoutV2) reads".
func noneReads(l *upgradable.LayoutCheck) string {
	if len(l.Readers) > 1 {
		return fmt.Sprintf("none of the %d structs it reads the old storage with (%s) reads", len(l.Readers), strings.Join(l.Readers, ", "))
	}
	return readerName(l) + ", the struct it reads the old storage with, does not read"
}

// at writes where the sources read with a struct, " (file:line)".
func at(s upgradable.Source) string {
	if s.File == "" {
		return ""
	}
	return " (" + s.String() + ")"
}

// readerName names the reader: a struct, or "StagedV2's storage"; a
// struct read from a slice the code skipped bits of first says so:
// "HooksV2Layout (after 1 bit skipped, hooks_v2trap.tact:18)".
func readerName(l *upgradable.LayoutCheck) string {
	if l.ReaderFrom == upgradable.ReaderStorage {
		return strings.TrimSuffix(l.Reader, "$Data") + "'s storage"
	}
	if bits := skips(l); bits > 0 {
		unit := "bits"
		if bits == 1 {
			unit = "bit"
		}
		where := ""
		if l.ReadAt.File != "" {
			where = ", " + l.ReadAt.String()
		}
		return fmt.Sprintf("%s (after %d %s skipped%s)", l.Reader, bits, unit, where)
	}
	return l.Reader
}

// skips counts the bits the reader skips before its struct.
func skips(l *upgradable.LayoutCheck) int {
	n := 0
	for _, f := range l.Read {
		n += f.Skipped
	}
	return n
}

// parting says where the reader's places part from the storage's.
func parting(l *upgradable.LayoutCheck) string {
	n, storage, read := l.Agree, l.Old, l.Read
	switch {
	case n < len(storage) && n < len(read) && storage[n].Stored == read[n].Stored:
		return fmt.Sprintf("reads %s from the %s cell, where %s's storage has it in the %s (a contract's root cell keeps one more ref free than a struct's, so Tact splits them apart)",
			read[n].Name, ordinal(read[n].Cell), l.Owner, ordinal(storage[n].Cell))
	case n < len(storage) && n < len(read):
		return fmt.Sprintf("reads %s: %s where the storage holds %s: %s", read[n].Name, read[n].Type, storage[n].Name, storage[n].Type)
	case n < len(read):
		return fmt.Sprintf("reads %s: %s past the end of the storage", read[n].Name, read[n].Type)
	case n < len(storage):
		return fmt.Sprintf("stops before the storage's %s: %s, and a struct's read fails on what is left over", storage[n].Name, storage[n].Type)
	}
	return "reads the storage"
}

// LayoutFinding says what one finding is, where the sources declare the
// fields, and what it does to the data: "retyped value: Int as uint32 →
// Int as uint64 (counter_v1.tact:7 → counter_v3.tact:17): the read fails
// or is misaligned from here".
func LayoutFinding(l *upgradable.LayoutCheck, f upgradable.Finding) string {
	var s string
	switch f.Kind {
	case upgradable.FindingInsert:
		s = "inserted " + field(f.New)
	case upgradable.FindingRemove:
		s = "removed " + field(f.Old)
	case upgradable.FindingRetype:
		s = fmt.Sprintf("retyped %s: %s → %s", f.New.Name, f.Old.Type, f.New.Type)
	case upgradable.FindingReorder:
		s = fmt.Sprintf("reordered %s: field %d of the storage, read as field %d", f.New.Name, fieldAt(l.Old, f.Old)+1, fieldAt(l.Read, f.New)+1)
	case upgradable.FindingRename:
		s = fmt.Sprintf("renamed %s → %s", f.Old.Name, f.New.Name)
		if f.Old.Stored == f.New.Stored {
			s += " (stored alike: " + f.New.Stored + ")"
		}
	case upgradable.FindingMove:
		s = fmt.Sprintf("moved %s: the storage has it in its %s cell, the reader reads it from its %s", f.New.Name, ordinal(f.Old.Cell), ordinal(f.New.Cell))
	case upgradable.FindingUnit:
		s = unitText(f)
	case upgradable.FindingReserved:
		ext := "a cell"
		if f.Extension != "" {
			ext = f.Extension
		}
		as := ""
		if f.New.Name != f.Old.Name {
			as = " as " + f.New.Name
		}
		s = fmt.Sprintf("the reserved ref %s is filled with %s%s, compatibly: still an optional ref, null in the old data", f.Old.Name, ext, as)
	case upgradable.FindingInit:
		return layoutSummary(l)
	}
	if src := sources(f); src != "" {
		s += " (" + src + ")"
	}
	if f.Unit != "" && f.Kind != upgradable.FindingUnit {
		s = "unit " + f.Unit + ": " + s
	}
	return s + effectText(f)
}

// unitText says what happened to a storage unit.
func unitText(f upgradable.Finding) string {
	switch {
	case f.Err != nil:
		return fmt.Sprintf("unit %s: its entry in the account's data does not parse as %s, which the new code reads it as (%v)", f.Unit, f.New.Struct, f.Err)
	case f.Collision:
		return fmt.Sprintf("unit key %s is read as %s and, as %s, as %s too: one key, two units", f.Unit, f.Old.Struct, f.New.Name, f.New.Struct)
	case f.Old == nil:
		return fmt.Sprintf("a new unit %s under %s, a key of its own: nothing else moves", f.New.Struct, f.Unit)
	case f.New == nil:
		return fmt.Sprintf("unit %s under %s: the new code no longer reads it, and leaves it as it is", f.Old.Struct, f.Unit)
	}
	return fmt.Sprintf("unit key %s held %s, and the new code reads %s under it", f.Unit, f.Old.Struct, f.New.Struct)
}

func field(f *upgradable.LayoutField) string {
	return f.Name + ": " + f.Type.String()
}

// sources writes where the old and the new field are declared.
func sources(f upgradable.Finding) string {
	var o, n string
	if f.Old != nil {
		o = f.Old.Source.String()
	}
	if f.New != nil {
		n = f.New.Source.String()
	}
	switch {
	case o != "" && n != "":
		return o + " → " + n
	case o != "":
		return o
	}
	return n
}

func effectText(f upgradable.Finding) string {
	var s string
	switch f.Effect {
	case upgradable.EffectRefused:
		s = ": the init's check refuses the data first, rather than misreading it"
	case upgradable.EffectBreaks:
		s = ": breaks the read"
		if f.Kind == upgradable.FindingUnit {
			s = ": breaks every read of the unit"
		}
	case upgradable.EffectSilent:
		s = ": " + silently(f)
	case upgradable.EffectNone:
		switch f.Kind {
		case upgradable.FindingInsert:
			s = ": the upgrade's data gives it, else zero"
		case upgradable.FindingRetype:
			s = ": widened, every value fits"
		case upgradable.FindingReorder, upgradable.FindingMove:
			s = ": written by name, places do not matter"
		}
	}
	switch {
	case f.Waived && f.Kind == upgradable.FindingRename && f.Effect != upgradable.EffectBreaks:
		s += " (renamed on purpose)"
	case f.Waived:
		s += " (allowed)"
	}
	return s
}

// silently says what a change the read survives does to the data.
func silently(f upgradable.Finding) string {
	switch f.Kind {
	case upgradable.FindingRemove:
		return "its value is lost, which no dry run sees"
	case upgradable.FindingRename:
		return "read alike, so no dry run can tell it is still the same value"
	case upgradable.FindingRetype:
		return "a value may not fit, which no dry run of small values sees"
	case upgradable.FindingInit:
		return "every old value is lost"
	}
	return "read as another value, which no dry run sees"
}

func fieldAt(fields []upgradable.LayoutField, f *upgradable.LayoutField) int {
	for i := range fields {
		if &fields[i] == f {
			return i
		}
	}
	return -1
}

func ordinal(cell int) string {
	names := []string{"first", "second", "third", "fourth", "fifth"}
	if cell < len(names) {
		return names[cell]
	}
	return fmt.Sprintf("%dth", cell+1)
}

// placesText writes a layout's fields, "| " where a new cell starts.
func placesText(ps []cell.Place) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name + ": " + p.Type.String()
		if p.Cell > 0 && (i == 0 || ps[i-1].Cell != p.Cell) {
			parts[i] = "| " + parts[i]
		}
	}
	return "{" + strings.Join(parts, "; ") + "}"
}

// LayoutVerdict is a layout check's conclusion in a word or two:
// "compatible", "compatible, changes allowed", "incompatible",
// "incompatible, refused by its version check"; when a dry run disagreed
// with the layout and won, "incompatible by the dry run" or "compatible by
// the dry run".
func LayoutVerdict(l *upgradable.LayoutCheck) string {
	switch {
	case l.DryRun == upgradable.DryRunFails || l.DryRun == upgradable.DryRunRefuses:
		return "incompatible by the dry run"
	case l.DryRun == upgradable.DryRunReads:
		return "compatible by the dry run"
	case !l.Compatible() && refused(l):
		return "incompatible, refused by its check"
	case !l.Compatible():
		return "incompatible"
	case len(l.Findings) > 0 && hasWaived(l):
		return "compatible, changes allowed"
	}
	return "compatible"
}

// refused reports whether every finding that blocks the layout is one
// the new code's check refuses, none that breaks the read.
func refused(l *upgradable.LayoutCheck) bool {
	b := l.Blocking()
	for _, f := range b {
		if f.Effect != upgradable.EffectRefused {
			return false
		}
	}
	return len(b) > 0
}

func hasWaived(l *upgradable.LayoutCheck) bool {
	for _, f := range l.Findings {
		if f.Waived {
			return true
		}
	}
	return false
}
