package trace

import (
	"strings"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Mark is something a step does that a debugger jumps to.
type Mark int

const (
	// MarkSetCode is SETCODE: the code changes when the run ends.
	MarkSetCode Mark = iota
	// MarkSend is SENDRAWMSG (or SENDMSG): a message is queued.
	MarkSend
	// MarkAccept is ACCEPT: the contract agrees to pay for the run.
	MarkAccept
	// MarkC4 writes c4, the storage the run leaves.
	MarkC4
	// MarkC5 writes c5, the actions the run leaves.
	MarkC5
	// MarkRead loads from the storage: an LD… or PLD… instruction on a
	// slice of the account's data, the one that ran out of bits included.
	MarkRead
	// MarkException throws.
	MarkException
	markCount
)

// mark is a set of Marks.
type mark uint8

var markNames = [markCount]string{"SETCODE", "SENDRAWMSG", "ACCEPT", "c4 write", "c5 write", "storage read", "exception"}

func (m Mark) String() string {
	if m < 0 || m >= markCount {
		return "mark"
	}
	return markNames[m]
}

// marksOf is what an instruction does of the marks.
func marksOf(op string) mark {
	var m mark
	switch op {
	case "SETCODE":
		m |= 1 << MarkSetCode
	case "SENDRAWMSG", "SENDMSG":
		m |= 1 << MarkSend
	case "ACCEPT":
		m |= 1 << MarkAccept
	case "c4 POP", "c4 POPSAVE", "c4 SETCONTCTR":
		m |= 1 << MarkC4
	case "c5 POP", "c5 POPSAVE", "c5 SETCONTCTR":
		m |= 1 << MarkC5
	}
	return m
}

// readsStorage reports whether step i loads from a slice of the storage.
func (t *Trace) readsStorage(i int) bool {
	s := &t.Steps[i]
	mn := mnemonic(s.Op)
	if len(s.Stack) == 0 || !(strings.HasPrefix(mn, "LD") || strings.HasPrefix(mn, "PLD")) {
		return false
	}
	if _, ok := s.Stack[len(s.Stack)-1].(*tvmcell.Slice); !ok {
		return false
	}
	o := t.known.origin(s.Stack[len(s.Stack)-1])
	return o != nil && o.Role == RoleStorage
}

// Has reports whether step i does m.
func (t *Trace) Has(i int, m Mark) bool {
	if i < 0 || i >= len(t.Steps) {
		return false
	}
	if m == MarkException {
		return t.Steps[i].Exception != nil
	}
	return t.Steps[i].marks&(1<<m) != 0
}

// Next is the first step after from that does m, -1 when none does;
// dir -1 looks back instead.
func (t *Trace) Next(from int, m Mark, dir int) int {
	return t.find(from, dir, func(i int) bool { return t.Has(i, m) })
}

// Search is the first step after from whose instruction contains query,
// in any case ("ldu" finds "32 LDU"), -1 when none does; dir -1 looks
// back instead.
func (t *Trace) Search(from int, query string, dir int) int {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return -1
	}
	return t.find(from, dir, func(i int) bool { return strings.Contains(strings.ToLower(t.Steps[i].Op), q) })
}

func (t *Trace) find(from, dir int, ok func(int) bool) int {
	if dir >= 0 {
		dir = 1
	} else {
		dir = -1
	}
	for i := from + dir; i >= 0 && i < len(t.Steps); i += dir {
		if ok(i) {
			return i
		}
	}
	return -1
}

// Around is the range of steps within n of the exception that ended the
// run, [from, to); when none did, the last step and the n before it, where
// the run ended. The whole trace when n is negative.
func (t *Trace) Around(n int) (from, to int) {
	if n < 0 {
		return 0, len(t.Steps)
	}
	f := t.Failure()
	if f == nil {
		return max(len(t.Steps)-n-1, 0), len(t.Steps)
	}
	return max(f.Step-n, 0), min(f.Step+n+1, len(t.Steps))
}

// Marks lists what step i does of the marks, in their order.
func (t *Trace) Marks(i int) []Mark {
	var out []Mark
	for m := Mark(0); m < markCount; m++ {
		if t.Has(i, m) {
			out = append(out, m)
		}
	}
	return out
}
