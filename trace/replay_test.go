package trace_test

import (
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/examples"
	"github.com/tonsim/tonsim/examples/contracts"
	"github.com/tonsim/tonsim/internal/conformance"
	"github.com/tonsim/tonsim/scenario"
	"github.com/tonsim/tonsim/trace"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// coverage counts how many steps a set of traces placed in their code.
type coverage struct{ steps, placed, txs, getters int }

func (c *coverage) add(tr *trace.Trace) {
	for _, s := range tr.Steps {
		c.steps++
		if s.Pos.Valid() {
			c.placed++
		}
	}
}

// requireReproduces traces tx and checks that the trace ends as the record
// did: the rerun's exit code, gas, data and transaction cell, and the
// trace's own exit and the sum of its steps' gas.
func requireReproduces(t *testing.T, w *actor.World, cat *catalog.Catalog, tx *actor.Transaction, cov *coverage) {
	t.Helper()
	tr, err := trace.Transaction(w, cat, tx)
	require.NoError(t, err)
	require.NoError(t, tr.Check, "lt %d", tx.LT)
	assert.Equal(t, int64(tx.ExitCode), tr.Exit.Code, "lt %d exit", tx.LT)
	assert.Equal(t, tx.GasUsed, tr.GasUsed, "lt %d gas", tx.LT)
	for i, s := range tr.Steps {
		// A step's gas comes from its instruction's price, read off the
		// code: a wrong price shows as gas going negative.
		assert.GreaterOrEqual(t, s.Gas, int64(0), "lt %d step %d %s", tx.LT, i+1, s.Op)
	}
	cov.txs++
	cov.add(tr)
}

// TestExamplesReproduce traces every transaction of every example
// scenario, preflights' dry runs included, and every getter a scenario
// asks: each trace ends as the record (or the plain getter) did.
func TestExamplesReproduce(t *testing.T) {
	paths, err := filepath.Glob("../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var cov coverage
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, err := scenario.ReadFile(path)
			require.NoError(t, err)
			cat := catalog.New()
			require.NoError(t, s.LoadContracts(cat, examples.Builtins()))
			r, err := scenario.NewRunner(s, cat, nil)
			require.NoError(t, err)
			for !r.Done() {
				res, err := r.Next()
				require.NoError(t, err)
				if res.Get != nil && res.Get.Contract != nil {
					tr, err := trace.Getter(r.World, cat, res.Target, res.Get.Method, res.Get.Args...)
					require.NoError(t, err)
					require.NoError(t, tr.Check)
					assert.Equal(t, res.Get.GasUsed, tr.GasUsed, "get %s gas", res.Get.Method)
					cov.getters++
					cov.add(tr)
				}
				if p := res.Preflight; p != nil {
					for _, tx := range p.Transactions() {
						requireReproduces(t, r.World, cat, tx, &cov)
					}
				}
			}
			for _, tx := range r.World.Transactions() {
				requireReproduces(t, r.World, cat, tx, &cov)
			}
		})
	}
	t.Logf("%d transactions and %d getters, %d steps, %d placed in the code", cov.txs, cov.getters, cov.steps, cov.placed)
	assert.Positive(t, cov.txs)
	// The diamond's facets run in a child VM (RUNVM, the facet's code a
	// cell of the diamond's data): placed too.
	assert.Equal(t, cov.steps, cov.placed, "every step of the examples is placed in its code")
}

// TestVectorsReproduce plays the sends of every family's sandbox vector
// and traces every transaction they cause and every getter they ask.
func TestVectorsReproduce(t *testing.T) {
	paths, err := filepath.Glob("../examples/contracts/*/testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	cat := catalog.New()
	for name, pkg := range contracts.Builtins() {
		require.NoError(t, cat.Add(name, pkg))
	}
	var cov coverage
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if _, err := os.Stat(path); err != nil {
				t.Skip(err)
			}
			v, err := conformance.Load(path)
			if err != nil {
				t.Skipf("not a vector: %v", err)
			}
			w, err := actor.NewWorld(actor.WithProfile(v.Config), actor.WithNow(v.Now))
			require.NoError(t, err)
			wallets := map[string]*address.Address{}
			for name, raw := range v.Wallets {
				wallets[name], err = w.NewWallet(name, actor.WithAddress(address.MustParseRawAddr(raw)))
				require.NoError(t, err)
			}
			now := v.Now
			for _, s := range v.Steps {
				switch {
				case s.Send != nil:
					_, err := w.Send(message(t, wallets, s.Send))
					require.NoError(t, err)
				case s.Get != nil:
					addr := address.MustParseRawAddr(s.Get.On)
					if s.NoCode {
						continue
					}
					args := make([]any, len(s.Get.Args))
					for i, a := range s.Get.Args {
						args[i], err = a.StackValue()
						require.NoError(t, err)
					}
					tr, err := trace.Getter(w, cat, addr, s.Get.Method, args...)
					require.NoError(t, err)
					require.NoError(t, tr.Check)
					if s.GasUsed != nil {
						assert.Equal(t, *s.GasUsed, tr.GasUsed, "get %s: the sandbox's gas", s.Get.Method)
					}
					cov.getters++
					cov.add(tr)
				case s.Wait != nil:
					now += *s.Wait
					require.NoError(t, w.SetNow(now))
				}
			}
			for _, tx := range w.Transactions() {
				requireReproduces(t, w, cat, tx, &cov)
			}
		})
	}
	t.Logf("%d transactions and %d getters, %d steps, %d placed in the code", cov.txs, cov.getters, cov.steps, cov.placed)
	assert.Equal(t, cov.steps, cov.placed, "every step of the vectors is placed in its code")
}

// message builds the actor message of a recorded send.
func message(t *testing.T, wallets map[string]*address.Address, s *conformance.Send) actor.Message {
	t.Helper()
	value, ok := new(big.Int).SetString(s.Value, 10)
	require.True(t, ok, "value %q", s.Value)
	m := actor.Message{From: wallets[s.From], To: address.MustParseRawAddr(s.To), NoBounce: !s.Bounce, Value: tlb.FromNanoTON(value)}
	var err error
	if s.Body != "" {
		m.Body, err = cell.ParseBOC(s.Body)
		require.NoError(t, err)
	}
	if s.StateInit != "" {
		c, err := cell.ParseBOC(s.StateInit)
		require.NoError(t, err)
		m.StateInit = new(tlb.StateInit)
		require.NoError(t, tlb.Parse(m.StateInit, c))
	}
	return m
}
