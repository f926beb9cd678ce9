package actor_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// FuzzConfigBOC feeds what a config file (--config FILE.boc, a scenario's
// config:) may hold, read as scenario.ConfigOption reads it: it is no BOC,
// or a world with it fails to be made with an error, or the world works
// (see checkConfig). Never a panic.
func FuzzConfigBOC(f *testing.F) {
	for _, p := range actor.Profiles() {
		root, err := actor.ProfileConfig(p.Name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(root.ToBOC())
		f.Add(root.ToBOCWithOptions(tvmcell.BOCSerializeOptions{}))
		f.Add([]byte(cell.Base64(root)))
	}
	for _, seed := range []*tvmcell.Cell{
		tvmcell.BeginCell().EndCell(),
		tvmcell.BeginCell().MustStoreUInt(0, 1).EndCell(),
		tvmcell.BeginCell().MustStoreUInt(1, 1).MustStoreRef(tvmcell.BeginCell().EndCell()).EndCell(),
	} {
		f.Add(seed.ToBOC())
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := cell.DecodeBOC(data)
		if err != nil {
			if !errors.Is(err, cell.ErrNotBOC) && !errors.Is(err, cell.ErrMalformedBOC) {
				t.Fatalf("DecodeBOC: %v wraps neither ErrNotBOC nor ErrMalformedBOC", err)
			}
			return
		}
		checkConfig(t, root)
	})
}

// FuzzConfigParam runs worlds on the default config with one parameter
// replaced by the cell a BOC holds, or removed when the BOC is empty: the
// structured twin of FuzzConfigBOC, whose mutations seldom keep a config's
// shape.
func FuzzConfigParam(f *testing.F) {
	root := actor.DefaultConfig()
	kvs, err := root.AsDict(32).LoadAll()
	if err != nil {
		f.Fatal(err)
	}
	for _, kv := range kvs {
		param, err := kv.Value.LoadRef()
		if err != nil {
			f.Fatal(err)
		}
		id := int32(kv.Key.MustLoadInt(32))
		f.Add(id, param.MustToCell().ToBOCWithOptions(tvmcell.BOCSerializeOptions{}))
		f.Add(id, []byte{})
	}
	f.Fuzz(func(t *testing.T, id int32, boc []byte) {
		dict := root.AsDict(32)
		key := big.NewInt(int64(id))
		if len(boc) == 0 {
			if err := dict.DeleteIntKey(key); err != nil {
				return
			}
		} else {
			param, err := tvmcell.FromBOC(boc)
			if err != nil {
				return
			}
			if err := dict.SetIntKey(key, tvmcell.BeginCell().MustStoreRef(param).EndCell()); err != nil {
				return
			}
		}
		changed := dict.AsCell()
		if changed == nil {
			changed = tvmcell.BeginCell().EndCell()
		}
		checkConfig(t, changed)
	})
}

// checkConfig makes a world with the config root: an error, or a world whose
// config reads and in which wallets pay, a contract deploys and a getter
// answers, each with a result or an error; under a built-in profile's
// config, each with a result.
func checkConfig(t *testing.T, root *tvmcell.Cell) {
	w, err := actor.NewWorld(actor.WithConfig(root))
	if err != nil {
		if w != nil {
			t.Fatalf("a world and an error: %v", err)
		}
		return
	}
	info := w.Config()
	if info.Profile == "" || info.Hash == "" {
		t.Fatalf("a world whose config is unnamed: %+v", info)
	}
	failed := func(what string, err error) bool {
		if err != nil && info.Profile != actor.ProfileCustom {
			t.Fatalf("%s under %s: %v", what, info.Profile, err)
		}
		return err != nil
	}
	a, err := w.NewWallet("a")
	if failed("a wallet", err) {
		return
	}
	b, err := w.NewWallet("b")
	if failed("a wallet", err) {
		return
	}
	before := w.StateRoot()
	if _, err := w.Send(actor.Message{From: a, To: b, Value: ton("1")}); failed("a payment", err) && w.StateRoot() != before {
		t.Fatalf("a payment failed (%v) but changed the world", err)
	}
	si := probeInit(1)
	if _, err := w.Send(actor.Message{From: a, StateInit: si, Value: ton("1"), Body: body(opPing, nil)}); failed("a deploy", err) {
		return
	}
	addr, err := actor.StateInitAddress(si)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Get(addr, "seen")
	failed("a getter", err)
}
