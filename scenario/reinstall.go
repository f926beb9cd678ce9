package scenario

import (
	"fmt"

	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
	"go.yaml.in/yaml/v4"
)

// Reinstall gives On the code of Contract and fresh data, keeping its
// address and balance and discarding its state (see
// [actor.World.Reinstall]): Init are the init arguments by the package's
// ABI, as a deploy takes them, or Data raw data instead.
type Reinstall struct {
	On       Ref
	Contract Ref
	Init     *Value
	Data     *tvmcell.Cell
}

func (*Reinstall) Kind() string { return "reinstall" }

// worldOpSteps are the steps of world operations: they take the checks of
// an account's state after (storage, balance, code_hash, data_hash) and
// of the state they discarded (lost).
var worldOpSteps = []string{"reinstall", "migrate"}

// withOps is steps and the world operations.
func withOps(steps []string) []string {
	return append(append([]string{}, steps...), worldOpSteps...)
}

func (p *parser) reinstall(n *yaml.Node) (*Reinstall, error) {
	f, err := p.fields(n, "reinstall", []string{"on", "contract"}, "init", "data")
	if err != nil {
		return nil, err
	}
	ri := &Reinstall{}
	if ri.On, err = p.name(f["on"], "on"); err != nil {
		return nil, err
	}
	if ri.Contract, err = p.name(f["contract"], "contract"); err != nil {
		return nil, err
	}
	ri.Init, ri.Data, err = p.initOrData(f)
	return ri, err
}

// initOrData reads what a deploy, a reinstall and a migration start a
// contract with: init arguments (a mapping) or raw data (a BOC).
func (p *parser) initOrData(f map[string]*yaml.Node) (*Value, *tvmcell.Cell, error) {
	var init *Value
	if v := f["init"]; v != nil {
		if f["data"] != nil {
			return nil, nil, p.errf(v, "give init arguments or raw data, not both")
		}
		if v.Tag != "!!null" {
			if _, err := p.mapping(v, "init"); err != nil {
				return nil, nil, err
			}
			var err error
			if init, err = p.value(v); err != nil {
				return nil, nil, err
			}
		}
	}
	v := f["data"]
	if v == nil {
		return init, nil, nil
	}
	s, err := p.str(v, "data")
	if err != nil {
		return nil, nil, err
	}
	data, err := cell.ParseBOC(s)
	if err != nil {
		return nil, nil, p.errf(v, "data: %v", err)
	}
	return init, data, nil
}

// initData is the data a contract starts with: data as given, or its
// package's init data from the init arguments.
func (r *Runner) initData(ct *catalog.Contract, init *Value, data *tvmcell.Cell, at Pos) (*tvmcell.Cell, error) {
	if data != nil {
		return data, nil
	}
	if ct.Package == nil {
		return nil, r.errf(at, "contract %s is bare code: give its data (data: <BOC>)", ct.Name)
	}
	conv := r.converter(ct.Package.ABI)
	args, err := conv.fields(init, ct.Package.Init.Args, "init of "+ct.Name, "")
	if err != nil {
		return nil, err
	}
	if data, err = ct.Package.InitData(args); err != nil {
		return nil, conv.locate(err, at)
	}
	return data, nil
}

func (r *Runner) reinstall(ri *Reinstall, res *Result) error {
	addr, err := r.address(ri.On)
	if err != nil {
		return err
	}
	ct, err := r.Catalog.ByName(ri.Contract.Name)
	if err != nil {
		return r.errf(ri.Contract.Pos, "%v", err)
	}
	data, err := r.initData(ct, ri.Init, ri.Data, ri.Contract.Pos)
	if err != nil {
		return err
	}
	op, err := r.World.Reinstall(addr, ct.Code, data)
	if err != nil {
		return r.errf(ri.On.Pos, "%v", err)
	}
	res.Target, res.Operation = addr, op
	return nil
}

// describeOp names a world operation's step, as [Describe] does.
func describeOp(a Action) string {
	switch a := a.(type) {
	case *Reinstall:
		return fmt.Sprintf("reinstall %s with %s", a.On.Name, a.Contract.Name)
	case *Migrate:
		steps := "steps"
		if len(a.Steps) == 1 {
			steps = "step"
		}
		return fmt.Sprintf("migrate %s to %s (%d %s)", a.On.Name, a.Contract.Name, len(a.Steps), steps)
	}
	return ""
}
