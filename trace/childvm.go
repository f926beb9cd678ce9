package trace

import (
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// maxChildArgs bounds how deep under the top of the stack a RUNVM's code
// slice is looked for: its flags add up to five values above it (data,
// c7, gas limits, the number of values to return).
const maxChildArgs = 8

// runsVM reports whether the instruction runs a child VM: RUNVM and
// RUNVMX run a code slice from the stack in a VM of their own (a
// diamond's facet, whose code is a cell of the diamond's data), and the
// VM reports the child's steps as the next ones, with no jump between.
func runsVM(mn string) bool { return mn == "RUNVM" || mn == "RUNVMX" }

// enterChild follows a RUNVM at step s (in, its instruction, nil when
// unknown): the child's code is one of the slices on the stack, and when
// the child ends the parent goes on after the RUNVM, with its own c3.
func (tr *tracker) enterChild(s *Step, in *instr) []candidate {
	var cands []candidate
	for k := len(s.Stack) - 1; k >= 0 && k >= len(s.Stack)-maxChildArgs; k-- {
		if code, ok := s.Stack[k].(*tvmcell.Slice); ok && code != nil && code.BaseCell() != nil {
			bit, _ := code.BitRange()
			ref, _ := code.RefRange()
			cands = append(cands, candidate{at: Pos{Cell: code.BaseCell(), Bit: bit, Ref: ref}})
		}
	}
	if in != nil {
		tr.ret = append(tr.ret, frame{at: in.next, proc: tr.proc, child: true, parentC3: tr.c3})
	}
	tr.depth++
	return cands
}

// leaveChildren undoes what the child VMs among the frames a return pops
// changed: the parent runs with the c3 it had.
func (tr *tracker) leaveChildren(popped []frame) {
	outer := true
	for _, f := range popped {
		if !f.child {
			continue
		}
		if outer {
			tr.c3, outer = f.parentC3, false
		}
		tr.depth--
	}
}
