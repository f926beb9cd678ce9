package conformance_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/internal/conformance"
	_ "github.com/tonsim/tonsim/internal/golden" // so go test ./... -update runs here too
)

// harness is testdata/harness.json, recorded by record/harness.mjs: a
// counter deployed and stepped, messages to an address with no account,
// getters (one missing) and a wait.
const harness = "testdata/harness.json"

// fatal is what fakeTB panics with to stop a (sub)test, as FailNow's
// runtime.Goexit does for a real one.
type fatal struct{}

// fakeTB records what a replay reports instead of failing the test that
// runs it. The embedded testing.TB is nil: a replay calling any method
// not below panics.
type fakeTB struct {
	testing.TB
	name   string
	failed bool
	// errors collects the errors of this test and all its subtests.
	errors *[]string
}

func newFakeTB() *fakeTB { return &fakeTB{name: "fake", errors: new([]string)} }

func (f *fakeTB) Helper()                   {}
func (f *fakeTB) Name() string              { return f.name }
func (f *fakeTB) Log(...any)                {}
func (f *fakeTB) Logf(string, ...any)       {}
func (f *fakeTB) Failed() bool              { return f.failed }
func (f *fakeTB) Fail()                     { f.failed = true }
func (f *fakeTB) FailNow()                  { f.failed = true; panic(fatal{}) }
func (f *fakeTB) Error(args ...any)         { f.Errorf("%s", fmt.Sprint(args...)) }
func (f *fakeTB) Fatal(args ...any)         { f.Error(args...); f.FailNow() }
func (f *fakeTB) Fatalf(s string, a ...any) { f.Errorf(s, a...); f.FailNow() }

func (f *fakeTB) Errorf(format string, args ...any) {
	f.failed = true
	*f.errors = append(*f.errors, f.name+": "+fmt.Sprintf(format, args...))
}

func (f *fakeTB) Run(name string, fn func(conformance.TB)) bool {
	sub := &fakeTB{name: f.name + "/" + name, errors: f.errors}
	guard(func() { fn(sub) })
	if sub.failed {
		f.failed = true
	}
	return !sub.failed
}

// guard runs fn and stops a fakeTB's FailNow there.
func guard(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(fatal); !ok {
				panic(r)
			}
		}
	}()
	fn()
}

// replay runs v through a fakeTB and returns it.
func replay(v *conformance.Vector) *fakeTB {
	f := newFakeTB()
	guard(func() { conformance.Run(f, v) })
	return f
}

func load(t *testing.T) *conformance.Vector {
	t.Helper()
	v, err := conformance.Load(harness)
	require.NoError(t, err)
	return v
}

func TestReplayHarness(t *testing.T) {
	conformance.Replay(t, harness)
}

func TestRunRecordedVectorPasses(t *testing.T) {
	f := replay(load(t))
	assert.False(t, f.Failed(), "errors: %v", *f.errors)
}

// TestRunFailsOnTamperedVector feeds the harness a vector with one field
// changed and requires the replay to fail, naming the field.
func TestRunFailsOnTamperedVector(t *testing.T) {
	zero := strings.Repeat("00", 32)
	for _, tc := range []struct {
		name   string
		tamper func(v *conformance.Vector)
		want   string
	}{
		{"data hash", func(v *conformance.Vector) { v.Steps[1].Transactions[0].DataHash = &zero }, "data_hash"},
		{"code hash", func(v *conformance.Vector) { v.Steps[1].Transactions[0].CodeHash = nil }, "code_hash"},
		{"exit code", func(v *conformance.Vector) { *v.Steps[1].Transactions[0].ExitCode = 9 }, "exit_code: sandbox 9 (Cell underflow), tonsim 0"},
		{"action code", func(v *conformance.Vector) { v.Steps[1].Transactions[0].ActionCode = 37 }, "action_code"},
		{"success", func(v *conformance.Vector) { v.Steps[1].Transactions[0].Success = false }, "success"},
		{"aborted", func(v *conformance.Vector) { v.Steps[1].Transactions[0].Aborted = true }, "aborted"},
		{"bounced", func(v *conformance.Vector) { v.Steps[1].Transactions[0].Bounced = true }, "bounced"},
		{"deployed", func(v *conformance.Vector) { v.Steps[0].Transactions[0].Deployed = false }, "deployed"},
		{"gas", func(v *conformance.Vector) { v.Steps[1].Transactions[0].GasUsed++ }, "gas_used"},
		{"fees", func(v *conformance.Vector) { v.Steps[1].Transactions[0].TotalFees = "1" }, "total_fees"},
		{"skipped actions", func(v *conformance.Vector) { v.Steps[1].Transactions[0].SkippedActions = 1 }, "skipped_actions"},
		{"out messages", func(v *conformance.Vector) { v.Steps[1].Transactions[0].OutMessages = 0 }, "out_messages"},
		{"events", func(v *conformance.Vector) {
			v.Steps[1].Transactions[0].Events = []string{"b5ee9c7201010101000600000800000001"}
		}, "events"},
		{"sender", func(v *conformance.Vector) { v.Steps[1].Transactions[0].From = nil }, "from: sandbox external"},
		{"compute skipped", func(v *conformance.Vector) { v.Steps[4].Transactions[0].ComputeSkipped = "no_gas" }, "compute_skipped"},
		{"one transaction too many", func(v *conformance.Vector) {
			v.Steps[1].Transactions = append(v.Steps[1].Transactions, v.Steps[1].Transactions[0])
		}, "the sandbox ran 2 transactions besides the wallets', tonsim 1"},
		{"getter result", func(v *conformance.Vector) { v.Steps[2].Result[0].Value = "2" }, "result"},
		{"getter gas", func(v *conformance.Vector) { *v.Steps[2].GasUsed = 1 }, "get value: gas_used: sandbox 1, tonsim 1051"},
		{"getter exit code", func(v *conformance.Vector) { *v.Steps[6].ExitCode = 0 }, "get missing: exit_code: sandbox 0 (Success), tonsim 11"},
		{"getter that fails", func(v *conformance.Vector) { *v.Steps[2].ExitCode = 9 }, "get value: exit_code: sandbox 9"},
		{"wait", func(v *conformance.Vector) { *v.Steps[7].Wait = 0 }, ""},
		{"config", func(v *conformance.Vector) { v.Config = "mainnet-2026" }, `unknown config "mainnet-2026"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := load(t)
			tc.tamper(v)
			f := replay(v)
			if tc.want == "" {
				// A different wait changes nothing this vector records: the
				// counter holds no balance to pay storage fees from.
				assert.False(t, f.Failed(), "errors: %v", *f.errors)
				return
			}
			require.True(t, f.Failed(), "a tampered %s must fail the replay", tc.name)
			assert.Contains(t, strings.Join(*f.errors, "\n"), tc.want)
		})
	}
}

// TestRunStopsAtFirstDifference requires the replay to stop after the
// first step that differs and say so.
func TestRunStopsAtFirstDifference(t *testing.T) {
	v := load(t)
	v.Steps[1].Transactions[0].GasUsed++
	*v.Steps[2].GasUsed = 1
	f := replay(v)
	require.True(t, f.Failed())
	errs := strings.Join(*f.errors, "\n")
	assert.Contains(t, errs, "step 1 differs from the sandbox; the 8 steps after it were not played")
	assert.NotContains(t, errs, "get value")
}

func TestParseRejectsMalformedVectors(t *testing.T) {
	raw, err := os.ReadFile(harness)
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		tamper func(m map[string]any)
		want   string
	}{
		{"unknown key", func(m map[string]any) { m["colour"] = "blue" }, `unknown field "colour"`},
		{"missing field", func(m map[string]any) { delete(tx(m, 1), "gas_used") }, "transaction 0 lacks gas_used"},
		{"exit code and skip reason", func(m map[string]any) { tx(m, 1)["compute_skipped"] = "no_state" }, "exactly one of exit_code and compute_skipped"},
		{"two actions", func(m map[string]any) { step(m, 7)["get"] = map[string]any{"on": "0:00", "method": "x"} }, "exactly one of send, get, wait and account"},
		{"unknown sender", func(m map[string]any) { step(m, 1)["send"].(map[string]any)["from"] = "mallory" }, `sender "mallory"`},
		{"getter without gas", func(m map[string]any) { delete(step(m, 2), "gas_used") }, "a get records its exit_code and gas_used"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(raw, &m))
			tc.tamper(m)
			data, err := json.Marshal(m)
			require.NoError(t, err)
			_, err = conformance.Parse(data)
			require.ErrorIs(t, err, conformance.ErrMalformed)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func step(m map[string]any, i int) map[string]any {
	return m["steps"].([]any)[i].(map[string]any)
}

func tx(m map[string]any, i int) map[string]any {
	return step(m, i)["transactions"].([]any)[0].(map[string]any)
}

func FuzzParse(f *testing.F) {
	raw, err := os.ReadFile(harness)
	require.NoError(f, err)
	f.Add(raw)
	f.Add([]byte(`{"config":"sandbox-0.41","wallets":{"a":"0:00"},"steps":[{"wait":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := conformance.Parse(data)
		if err != nil {
			require.ErrorIs(t, err, conformance.ErrMalformed)
			return
		}
		for _, s := range v.Steps {
			for _, a := range append(s.Result, argsOf(s)...) {
				_, _ = a.StackValue() // must not panic
			}
		}
	})
}

func argsOf(s conformance.Step) []conformance.Value {
	if s.Get == nil {
		return nil
	}
	return s.Get.Args
}
