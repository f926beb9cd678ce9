package conformance

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/address"
	"github.com/xssnick/tonutils-go/tlb"
)

// TB is what a replay reports to: a testing.TB that runs subtests.
// [Replay] adapts a *testing.T; tests of the harness pass a fake.
type TB interface {
	testing.TB
	// Run runs f as a subtest called name and reports whether it passed.
	Run(name string, f func(t TB)) bool
}

// testingT adapts *testing.T to [TB].
type testingT struct{ *testing.T }

func (t testingT) Run(name string, f func(TB)) bool {
	return t.T.Run(name, func(t *testing.T) { f(testingT{t}) })
}

// Option configures a replay.
type Option func(*options)

type options struct {
	// names maps a code hash (hex) to the name of its package.
	names map[string]string
	pkgs  map[string]*cell.Package
}

// WithPackages names the contracts a vector runs, by name ("vault.v1"):
// failure messages then say which contract a transaction ran and what an
// exit code means in its ABI.
func WithPackages(pkgs map[string]*cell.Package) Option {
	return func(o *options) {
		for name, pkg := range pkgs {
			h := hex.EncodeToString(pkg.Code.Hash())
			o.names[h] = name
			o.pkgs[h] = pkg
		}
	}
}

// Replay loads the vector at path and plays it, one subtest per step; see
// [Run].
func Replay(t *testing.T, path string, opts ...Option) {
	t.Helper()
	v, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	Run(testingT{t}, v, opts...)
}

// Run plays v on a new world, one subtest per step, and reports every
// recorded field tonsim does not reproduce. It stops after the first step
// that differs: the later ones depend on it.
func Run(t TB, v *Vector, opts ...Option) {
	t.Helper()
	r, err := newReplayer(v, opts)
	if err != nil {
		t.Fatalf("replay: %v", err)
		return
	}
	t.Log(v.What)
	for i := range v.Steps {
		s := &v.Steps[i]
		if !t.Run(s.name(i), func(t TB) { r.play(t, s) }) {
			t.Errorf("step %d differs from the sandbox; the %d steps after it were not played", i, len(v.Steps)-i-1)
			return
		}
	}
}

func (s *Step) name(i int) string {
	switch {
	case s.Send != nil:
		return fmt.Sprintf("%02d send from %s", i, s.Send.From)
	case s.Get != nil:
		return fmt.Sprintf("%02d get %s", i, s.Get.Method)
	case s.Account != nil:
		return fmt.Sprintf("%02d account %s", i, s.Account.Status)
	}
	return fmt.Sprintf("%02d wait %ds", i, *s.Wait)
}

// replayer is a vector's world as its steps leave it.
type replayer struct {
	w       *actor.World
	now     uint32
	wallets map[string]*address.Address
	// walletNames maps a wallet's raw address to its name.
	walletNames map[string]string
	opts        options
}

func newReplayer(v *Vector, opts []Option) (*replayer, error) {
	o := options{names: map[string]string{}, pkgs: map[string]*cell.Package{}}
	for _, opt := range opts {
		opt(&o)
	}
	if _, err := actor.ProfileConfig(v.Config); err != nil {
		return nil, fmt.Errorf("%w %q: %w", ErrUnknownConfig, v.Config, err)
	}
	w, err := actor.NewWorld(actor.WithProfile(v.Config), actor.WithNow(v.Now))
	if err != nil {
		return nil, err
	}
	r := &replayer{w: w, now: v.Now, wallets: map[string]*address.Address{}, walletNames: map[string]string{}, opts: o}
	for name, raw := range v.Wallets {
		addr, err := address.ParseRawAddr(raw)
		if err != nil {
			return nil, fmt.Errorf("%w: wallet %q: %w", ErrMalformed, name, err)
		}
		if r.wallets[name], err = w.NewWallet(name, actor.WithAddress(addr)); err != nil {
			return nil, err
		}
		r.walletNames[addr.StringRaw()] = name
	}
	return r, nil
}

func (r *replayer) play(t TB, s *Step) {
	t.Helper()
	if s.Note != "" {
		t.Log(s.Note)
	}
	switch {
	case s.Send != nil:
		r.send(t, s)
	case s.Get != nil:
		r.get(t, s)
	case s.Account != nil:
		r.account(t, s.Account)
	default:
		r.now += *s.Wait
		if err := r.w.SetNow(r.now); err != nil {
			t.Fatalf("wait: %v", err)
		}
	}
}

func (r *replayer) send(t TB, s *Step) {
	t.Helper()
	m, err := r.message(s.Send)
	if err != nil {
		t.Fatalf("send: %v", err)
		return
	}
	tr, err := r.w.Send(m)
	if err != nil {
		t.Fatalf("send: %v", err)
		return
	}
	var got []*actor.Transaction
	for _, tx := range tr.Transactions {
		if _, wallet := r.walletNames[tx.To.StringRaw()]; !wallet {
			got = append(got, tx)
		}
	}
	if len(got) != len(s.Transactions) {
		t.Errorf("the sandbox ran %d transactions besides the wallets', tonsim %d:\nsandbox: %s\ntonsim:  %s",
			len(s.Transactions), len(got), r.listRecorded(s.Transactions), r.listObserved(got))
		return
	}
	for i, tx := range got {
		obs, err := observe(tx)
		if err != nil {
			t.Errorf("transaction %d: %v", i, err)
			continue
		}
		for _, d := range r.compare(s.Transactions[i], obs, tx) {
			t.Errorf("transaction %d on %s: %s", i, r.contract(tx), d)
		}
	}
}

// message builds the actor message of a recorded send.
func (r *replayer) message(s *Send) (actor.Message, error) {
	m := actor.Message{From: r.wallets[s.From], NoBounce: !s.Bounce}
	to, err := address.ParseRawAddr(s.To)
	if err != nil {
		return m, fmt.Errorf("%w: to: %w", ErrMalformed, err)
	}
	m.To = to
	value, ok := new(big.Int).SetString(s.Value, 10)
	if !ok {
		return m, fmt.Errorf("%w: value %q", ErrMalformed, s.Value)
	}
	m.Value = tlb.FromNanoTON(value)
	if s.Body != "" {
		if m.Body, err = cell.ParseBOC(s.Body); err != nil {
			return m, fmt.Errorf("%w: body: %w", ErrMalformed, err)
		}
	}
	if s.StateInit != "" {
		c, err := cell.ParseBOC(s.StateInit)
		if err != nil {
			return m, fmt.Errorf("%w: state_init: %w", ErrMalformed, err)
		}
		m.StateInit = new(tlb.StateInit)
		if err := tlb.Parse(m.StateInit, c); err != nil {
			return m, fmt.Errorf("%w: state_init: %w", ErrMalformed, err)
		}
	}
	return m, nil
}

func (r *replayer) get(t TB, s *Step) {
	t.Helper()
	addr, err := address.ParseRawAddr(s.Get.On)
	if err != nil {
		t.Fatalf("get: %v: %v", ErrMalformed, err)
		return
	}
	args := make([]any, len(s.Get.Args))
	for i, a := range s.Get.Args {
		if args[i], err = a.StackValue(); err != nil {
			t.Fatalf("get: argument %d: %v", i, err)
			return
		}
	}
	res, err := r.w.Get(addr, s.Get.Method, args...)
	if s.NoCode {
		if !errors.Is(err, actor.ErrNoCode) {
			t.Errorf("get %s: sandbox: no code to run, tonsim: %v", s.Get.Method, err)
		}
		return
	}
	var exit *actor.ExitError
	switch {
	case errors.As(err, &exit):
		if exit.Code != *s.ExitCode {
			t.Errorf("get %s: exit_code: sandbox %s, tonsim %s", s.Get.Method, r.exitCode(*s.ExitCode, addr), r.exitCode(exit.Code, addr))
			return
		}
		if s.GasUsed != nil && exit.GasUsed != *s.GasUsed {
			t.Errorf("get %s: gas_used: sandbox %d, tonsim %d", s.Get.Method, *s.GasUsed, exit.GasUsed)
		}
		return
	case err != nil:
		t.Fatalf("get %s: %v", s.Get.Method, err)
		return
	}
	if *s.ExitCode != res.ExitCode {
		t.Errorf("get %s: exit_code: sandbox %s, tonsim %s", s.Get.Method, r.exitCode(*s.ExitCode, addr), r.exitCode(res.ExitCode, addr))
		return
	}
	if res.GasUsed != *s.GasUsed {
		t.Errorf("get %s: gas_used: sandbox %d, tonsim %d", s.Get.Method, *s.GasUsed, res.GasUsed)
	}
	want, got := canonicalValues(s.Result), canonicalStack(res.Stack)
	if fmt.Sprint(want) != fmt.Sprint(got) {
		t.Errorf("get %s: result:\nsandbox %v\ntonsim  %v", s.Get.Method, want, got)
	}
}

// account checks an account's status and balance between steps.
func (r *replayer) account(t TB, want *Account) {
	t.Helper()
	addr, err := address.ParseRawAddr(want.On)
	if err != nil {
		t.Fatalf("account: %v: %v", ErrMalformed, err)
		return
	}
	status, balance := "nonexist", "0"
	acc, err := r.w.Account(addr)
	switch {
	case err == nil:
		status, balance = strings.ToLower(string(acc.Status)), acc.Balance.Nano().String()
	case !errors.Is(err, actor.ErrAccountNotFound):
		t.Fatalf("account %s: %v", want.On, err)
		return
	}
	if status != want.Status || balance != want.Balance {
		t.Errorf("account %s: sandbox %s with %s nanotons, tonsim %s with %s", want.On, want.Status, want.Balance, status, balance)
	}
}
