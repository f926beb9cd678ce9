package describe

import (
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/cell"
	"github.com/tonsim/tonsim/upgradable"
)

// Package says what a compiled contract declares, a fact a line, each
// starting with its label: the contract and its compiler, the code's hash,
// the storage, the init arguments, the messages it receives (typed ones
// with their opcode and fields), its getters and the upgrade protocol its
// ABI speaks, if any.
func Package(pkg *cell.Package) []string {
	out := []string{"contract  " + pkg.Name + compiler(pkg.Compiler)}
	if pkg.Code != nil {
		out = append(out, "code      #"+hex.EncodeToString(pkg.Code.Hash()))
	}
	abi := pkg.ABI
	if abi == nil {
		return append(out, "abi       none: its messages and getters are unknown")
	}
	if st, err := abi.StorageType(); err == nil {
		out = append(out, "storage   "+st.Name+" "+fieldsText(st.Fields, "; ", "{", "}"))
	}
	if pkg.Init.Args != nil {
		out = append(out, "init      "+fieldsText(pkg.Init.Args, ", ", "(", ")"))
	}
	for i, r := range abi.Receivers {
		label := "receives  "
		if i > 0 {
			label = strings.Repeat(" ", len(label))
		}
		out = append(out, label+receiverText(abi, r))
	}
	for i, g := range abi.Getters {
		label := "getters   "
		if i > 0 {
			label = strings.Repeat(" ", len(label))
		}
		ret := ""
		if g.ReturnType != nil {
			ret = ": " + g.ReturnType.String()
		}
		out = append(out, label+g.Name+fieldsText(g.Arguments, ", ", "(", ")")+ret)
	}
	if p, err := upgradable.DetectProtocol(abi); err == nil {
		out = append(out, "upgrade   "+p.Name+" ("+Sequence(p)+"): "+p.About)
	} else {
		out = append(out, "upgrade   by no protocol tonsim knows: "+err.Error())
	}
	return out
}

// compiler writes what compiled a package: ", compiled by tact 1.6.7";
// "" when the package does not say.
func compiler(c cell.Compiler) string {
	if c.Name == "" {
		return ""
	}
	return ", compiled by " + strings.TrimSpace(c.Name+" "+c.Version)
}

// fieldsText writes fields as name: Type, between open and close.
func fieldsText(fs []cell.Field, sep, open, close string) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Name + ": " + f.Type.String()
	}
	return open + strings.Join(parts, sep) + close
}

// receiverText writes what a receiver takes: "Step (0x0000ab12) {queryId:
// Int as uint64}", "the comment "stop"", "an empty body", "any body", an
// external one marked so.
func receiverText(abi *cell.ABI, r cell.Receiver) string {
	var s string
	switch r.Message.Kind {
	case cell.MessageTyped:
		s = r.Message.Type
		if t, err := abi.Type(r.Message.Type); err == nil {
			if t.Header != nil {
				s += fmt.Sprintf(" (0x%08x)", *t.Header)
			}
			s += " " + fieldsText(t.Fields, "; ", "{", "}")
		}
	case cell.MessageText:
		s = "the comment " + cell.Quote(r.Message.Text)
	case cell.MessageEmpty:
		s = "an empty body"
	default:
		s = "any body"
	}
	if r.Receiver == cell.ReceiverExternal {
		s += ", external"
	}
	return s
}
