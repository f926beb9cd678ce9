package main

import (
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/upgradable"
)

// layoutLine is `tonsim layout --json`: the two contracts and the check.
type layoutLine struct {
	Kind string `json:"kind"`
	Old  string `json:"old"`
	New  string `json:"new"`
	layoutCheckJSON
}

// layoutCheckJSON is a layout check: the verdict, what reads the old
// storage and how, and every finding.
type layoutCheckJSON struct {
	Compatible       bool          `json:"compatible"`
	StaticCompatible bool          `json:"static_compatible"`
	Reads            bool          `json:"reads"`
	Protocol         *string       `json:"protocol"`
	Reader           *string       `json:"reader"`
	ReaderFrom       string        `json:"reader_from"`
	Readers          []string      `json:"readers"`
	Guard            *string       `json:"guard"`
	Mode             string        `json:"mode"`
	Pending          bool          `json:"pending"`
	DryRun           *dryRunJSON   `json:"dry_run"`
	Summary          string        `json:"summary"`
	Findings         []findingJSON `json:"findings"`
}

// dryRunJSON is the dry run a layout check was judged by: whether it
// agrees with the layout, and its verdict.
type dryRunJSON struct {
	Agrees     bool   `json:"agrees"`
	Verdict    string `json:"verdict"`
	RolledBack bool   `json:"rolled_back"`
	ExitCode   *int64 `json:"exit_code"`
}

// findingJSON is one change between the old storage and the reader.
type findingJSON struct {
	Kind   string           `json:"kind"`
	Effect string           `json:"effect"`
	Waived bool             `json:"waived"`
	Unit   *string          `json:"unit"`
	Old    *layoutFieldJSON `json:"old"`
	New    *layoutFieldJSON `json:"new"`
	Text   string           `json:"text"`
}

// layoutFieldJSON is a field of a layout and where it is declared.
type layoutFieldJSON struct {
	Name   string  `json:"name"`
	Type   string  `json:"type"`
	Struct string  `json:"struct"`
	Cell   int     `json:"cell"`
	Stored string  `json:"stored"`
	Source *string `json:"source"`
}

func layoutRow(old, next string, l *upgradable.LayoutCheck) layoutLine {
	return layoutLine{Kind: "layout", Old: old, New: next, layoutCheckJSON: layoutCheckRow(l)}
}

func layoutCheckRow(l *upgradable.LayoutCheck) layoutCheckJSON {
	out := layoutCheckJSON{Compatible: l.Compatible(), StaticCompatible: l.StaticCompatible(), Reads: l.Reads, Protocol: name(l.Protocol),
		Reader: name(l.Reader), ReaderFrom: l.ReaderFrom.Key(), Readers: append([]string{}, l.Readers...), Guard: name(l.Guard),
		Mode: l.Mode.Key(), Pending: l.Pending, Summary: describe.LayoutSummary(l), Findings: []findingJSON{}}
	if d := l.Ran; d != nil {
		out.DryRun = &dryRunJSON{Agrees: l.DryRun == upgradable.DryRunAgrees, Verdict: d.Verdict.Key(), RolledBack: d.RolledBack}
		if d.Verdict != upgradable.Safe {
			out.DryRun.ExitCode = &d.ExitCode
		}
	}
	for _, f := range l.Findings {
		out.Findings = append(out.Findings, findingJSON{Kind: f.Kind.Key(), Effect: f.Effect.Key(), Waived: f.Waived, Unit: name(f.Unit),
			Old: layoutFieldRow(f.Old), New: layoutFieldRow(f.New), Text: describe.LayoutFinding(l, f)})
	}
	return out
}

func layoutFieldRow(f *upgradable.LayoutField) *layoutFieldJSON {
	if f == nil {
		return nil
	}
	return &layoutFieldJSON{Name: f.Name, Type: f.Type.String(), Struct: f.Struct, Cell: f.Cell, Stored: f.Stored, Source: name(f.Source.String())}
}
