package actor

import (
	"strings"

	"github.com/xssnick/tonutils-go/tvm"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"github.com/xssnick/tonutils-go/tvm/vm"
)

// debugPrefix starts what tonutils-go's TVM reports for DUMP, DUMPSTK and
// STRDUMP, the instructions of Tact's dump() and FunC's ~dump and ~strdump.
const debugPrefix = "#DEBUG#: "

// SetDebugCode makes transactions of accounts running code keep their debug
// output (Transaction.Debug). Watching costs a hook per VM step, so only
// debug builds are worth watching; a scenario watches the packages built
// with Tact's debug option.
func (w *World) SetDebugCode(code *tvmcell.Cell) {
	w.mu.Lock()
	defer w.mu.Unlock()
	next := make(map[string]bool, len(w.debugCode)+1)
	for k := range w.debugCode {
		next[k] = true
	}
	next[string(code.Hash())] = true
	w.debugCode = next
}

// watched reports whether the account's code is watched for debug output.
func (w *World) watched(p *tvm.PreparedAccount) bool {
	if len(w.debugCode) == 0 {
		return false
	}
	st := p.State()
	if !st.IsValid || st.StateInit == nil || st.StateInit.Code == nil {
		return false
	}
	return w.debugCode[string(st.StateInit.Code.Hash())]
}

// debugHook collects the debug lines of one run.
func debugHook(out *[]string) vm.TraceHook {
	return func(s vm.TraceStep) {
		if msg, ok := strings.CutPrefix(s.Message, debugPrefix); ok {
			*out = append(*out, strings.TrimRight(msg, "\n"))
		}
	}
}
