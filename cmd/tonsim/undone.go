package main

import (
	"errors"
	"fmt"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/describe"
	"github.com/tonsim/tonsim/scenario"
)

// undoneBy returns the transactions the failed send in err ran before it
// was undone, oldest first; none when the step failed before sending.
func undoneBy(err error) []*actor.Transaction {
	var ue *actor.UndoneError
	if errors.As(err, &ue) {
		return ue.Ran
	}
	return nil
}

// failed writes what the step the runner stopped at ran before err undid
// it: the world is as it was before the step, the error follows on stderr.
func (p textPrinter) failed(r *scenario.Runner, err error) {
	ran := undoneBy(err)
	if len(ran) == 0 {
		return
	}
	step, cat := r.Scenario.Steps[r.Position()], r.Catalog
	p.bg.do(func() {
		fmt.Fprintf(p.w, "%d. %s: failed after %s, all undone\n", step.Index, scenario.Describe(step.Action), describe.Count(len(ran), "transaction"))
		printTxs(p.w, "   ", describeAll(cat, ran))
		flush(p.w)
	})
}

// errorLine is a step that failed: where, why, and the transactions its
// failed send ran before they were undone (none of them in the history).
type errorLine struct {
	Kind    string   `json:"kind"`
	Step    int      `json:"step"`
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Col     int      `json:"col"`
	Message string   `json:"message"`
	Undone  []txLine `json:"undone"`
}

func (p jsonPrinter) failed(r *scenario.Runner, err error) {
	step, cat := r.Scenario.Steps[r.Position()], r.Catalog
	line := errorLine{Kind: "error", Step: step.Index, File: r.Scenario.Path, Line: step.Pos.Line, Col: step.Pos.Col, Message: err.Error(), Undone: []txLine{}}
	var se *scenario.Error
	if errors.As(err, &se) {
		line.File, line.Line, line.Col, line.Message = se.File, se.Pos.Line, se.Pos.Col, se.Msg
	}
	ran := undoneBy(err)
	p.bg.do(func() {
		for _, d := range describeAll(cat, ran) {
			line.Undone = append(line.Undone, txRow(step.Index, d))
		}
		p.enc.Encode(line)
		flush(p.w)
	})
}
