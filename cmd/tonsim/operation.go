package main

import (
	"encoding/hex"
	"encoding/json"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// operationHead lists a migration's steps under its headline: each step
// said the way a step is, a getter with its result.
func operationHead(r *scenario.Runner, res *scenario.Result) []string {
	var out []string
	for _, inner := range res.Inner {
		out = append(out, "· "+headline(r, inner))
	}
	return out
}

// operationTail words what a reinstall or a migration did, or why a
// migration was undone.
func operationTail(r *scenario.Runner, res *scenario.Result) []string {
	switch {
	case res.Operation != nil:
		d := describe.DescribeOp(r.Catalog, res.Operation)
		return append([]string{d.Title()}, d.Lines(d.Printer())...)
	case res.Undone != nil:
		return []string{describe.Undone(r.Catalog, res.Undone)}
	}
	return nil
}

// operationLine is a reinstall or a migration: what the account held
// before and holds after. An undone migration has done false, undone
// saying why, and nulls for what it would have done.
type operationLine struct {
	Kind   string  `json:"kind"`
	Step   int     `json:"step"`
	On     string  `json:"on"`
	OnName *string `json:"on_name"`
	Done   bool    `json:"done"`
	Undone *string `json:"undone"`
	Text   string  `json:"text"`
	// Lines are describe's words, one fact each.
	Lines            []string        `json:"lines"`
	LT               *uint64         `json:"lt"`
	ContractBefore   *string         `json:"contract_before"`
	Contract         *string         `json:"contract"`
	BalanceBefore    *string         `json:"balance_before"`
	Balance          *string         `json:"balance"`
	CodeHashBefore   *string         `json:"code_hash_before"`
	DataBOCBefore    *string         `json:"data_boc_before"`
	Lost             json.RawMessage `json:"lost"`
	CodeHash         *string         `json:"code_hash"`
	DataHash         *string         `json:"data_hash"`
	Storage          json.RawMessage `json:"storage"`
	Temporary        *string         `json:"temporary"`
	TemporaryName    *string         `json:"temporary_name"`
	TemporaryBalance *string         `json:"temporary_balance"`
	Transactions     int             `json:"transactions"`
	StateRootBefore  *string         `json:"state_root_before"`
	StateRootAfter   *string         `json:"state_root_after"`
}

func operationRow(r *scenario.Runner, res *scenario.Result) operationLine {
	line := operationLine{Kind: res.Step.Action.Kind(), Step: res.Step.Index, On: res.Target.StringRaw(), OnName: name(r.World.NameOf(res.Target)),
		Lines: operationTail(r, res), Lost: json.RawMessage("null"), Storage: json.RawMessage("null")}
	for _, inner := range res.Inner {
		if inner.Trace != nil {
			line.Transactions += len(inner.Trace.Transactions)
		}
	}
	op := res.Operation
	if op == nil {
		text := describe.Undone(r.Catalog, res.Undone)
		line.Undone, line.Text, line.Lines = &text, text, []string{}
		return line
	}
	d := describe.DescribeOp(r.Catalog, op)
	line.Done, line.Text, line.Lines = true, d.Title(), line.Lines[1:]
	lt := op.LT
	line.LT = &lt
	if d.Before != nil {
		line.ContractBefore = name(d.Before.Name)
	}
	if d.After != nil {
		line.Contract = name(d.After.Name)
	}
	line.BalanceBefore, line.Balance = name(op.BalanceBefore.Nano().String()), name(op.BalanceAfter.Nano().String())
	if op.CodeBefore != nil && op.DataBefore != nil {
		line.CodeHashBefore = name(hex.EncodeToString(op.CodeBefore.Hash()))
		line.DataBOCBefore = name(cell.Hex(op.DataBefore))
	}
	if d.Lost != nil {
		line.Lost = jsonValue(d.Lost.Fields)
	}
	line.CodeHash, line.DataHash = name(hex.EncodeToString(op.CodeAfter.Hash())), name(hex.EncodeToString(op.DataAfter.Hash()))
	if d.Storage != nil {
		line.Storage = jsonValue(d.Storage.Fields)
	}
	if op.Temporary != nil {
		line.Temporary, line.TemporaryName = name(op.Temporary.StringRaw()), name(d.Temporary.Name)
		line.TemporaryBalance = name(op.TemporaryBalance.Nano().String())
	}
	line.StateRootBefore, line.StateRootAfter = name(op.RootBefore.String()), name(op.RootAfter.String())
	return line
}
