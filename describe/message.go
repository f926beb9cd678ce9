package describe

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strconv"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
	"github.com/tonsim/tonsim/cell"
	"github.com/xssnick/tonutils-go/tlb"
	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// MessageKind says what a message body is.
type MessageKind int

const (
	// MessageTyped is a body whose opcode names a message type of an ABI
	// (Type), decoded (Body) unless Malformed.
	MessageTyped MessageKind = iota
	// MessageEmpty is an empty body.
	MessageEmpty
	// MessageComment is a text comment: opcode 0, then the text.
	MessageComment
	// MessageUnknown is a body whose opcode no ABI at hand declares.
	MessageUnknown
	// MessageBits is a body shorter than an opcode.
	MessageBits
	// MessageExternal is an inbound external message (a wallet's order).
	MessageExternal
	// MessageBounce is a bounced message: 0xffffffff, then the start of the
	// message that bounced, named by Type when an ABI declares it.
	MessageBounce
)

// bounceOp starts every bounced message's body.
const bounceOp = 0xffffffff

// Message is a message body named by the ABIs of the parties: its type,
// decoded fields, a comment or its opcode.
type Message struct {
	Kind MessageKind
	// Op is the body's first 32 bits when HasOp; for a bounce, the opcode
	// of the message that bounced.
	Op    uint32
	HasOp bool
	// Type is the ABI message type ("" when none is known); Body its fields,
	// nil when Malformed (a type has the opcode but the body does not decode
	// as it) or for a bounce.
	Type      string
	Body      *cell.Struct
	Malformed bool
	// Comment is a comment's text.
	Comment string
	// Bits is the length of a body shorter than an opcode.
	Bits int
	// Raw is the body.
	Raw *tvmcell.Cell
}

// String names the message: "Step", "empty", `comment "hi"`, "external",
// "bounced Upgrade", "0x00000063", "Get (malformed)", "12-bit body".
func (m Message) String() string {
	switch m.Kind {
	case MessageEmpty:
		return "empty"
	case MessageExternal:
		return "external"
	case MessageComment:
		return "comment " + strconv.Quote(m.Comment)
	case MessageBits:
		return fmt.Sprintf("%d-bit body", m.Bits)
	case MessageUnknown:
		return OpText(m.Op)
	case MessageBounce:
		switch {
		case m.Type != "":
			return "bounced " + m.Type
		case m.HasOp:
			return "bounced " + OpText(m.Op)
		}
		return "bounced"
	}
	if m.Malformed {
		return m.Type + " (malformed)"
	}
	return m.Type
}

// OpText writes an opcode as tonsim prints one: "0x0000000a".
func OpText(op uint32) string { return fmt.Sprintf("0x%08x", op) }

// Name names a message body by the ABIs of the contracts that may know its
// type, most authoritative first: for an inbound message the receiver, then
// the sender; for an event the emitter. Of the types with the body's
// opcode, one the first contract receives is preferred, then any that
// decodes the body exactly, so two types sharing an opcode are told apart.
func Name(body *tvmcell.Cell, by ...*catalog.Contract) Message {
	if body == nil || (body.BitsSize() == 0 && body.RefsNum() == 0) {
		return Message{Kind: MessageEmpty, Raw: body}
	}
	if body.BitsSize() < 32 {
		return Message{Kind: MessageBits, Bits: int(body.BitsSize()), Raw: body}
	}
	s, err := body.BeginParseWithoutTrace()
	if err != nil {
		return Message{Kind: MessageBits, Bits: int(body.BitsSize()), Raw: body}
	}
	op64, _ := s.LoadUInt(32)
	op := uint32(op64)
	m := Message{Op: op, HasOp: true, Raw: body}
	switch op {
	case 0:
		m.Kind = MessageComment
		if text, err := s.LoadStringSnake(); err == nil {
			m.Comment = text
		}
		return m
	case bounceOp:
		return bounced(body, by)
	}
	t, decoded := resolve(op, body, by)
	if t == "" {
		m.Kind = MessageUnknown
		return m
	}
	m.Type, m.Body, m.Malformed = t, decoded, decoded == nil
	return m
}

// bounced names a bounce by the message that bounced: its opcode follows
// 0xffffffff.
func bounced(body *tvmcell.Cell, by []*catalog.Contract) Message {
	m := Message{Kind: MessageBounce, Raw: body}
	if body.BitsSize() < 64 {
		return m
	}
	s, err := body.BeginParseWithoutTrace()
	if err != nil {
		return m
	}
	if _, err := s.LoadUInt(32); err != nil {
		return m
	}
	op, err := s.LoadUInt(32)
	if err != nil {
		return m
	}
	m.Op, m.HasOp = uint32(op), true
	for _, ct := range by {
		if abi := abiOf(ct); abi != nil {
			if ts := abi.Messages(m.Op); len(ts) > 0 {
				m.Type = preferReceived(abi, ts).Name
				return m
			}
		}
	}
	return m
}

// resolve finds the message type of op among the contracts' ABIs and
// decodes body as it; decoded is nil when the type was found but the body
// does not decode exactly.
func resolve(op uint32, body *tvmcell.Cell, by []*catalog.Contract) (name string, decoded *cell.Struct) {
	type candidate struct {
		abi *cell.ABI
		t   *cell.TypeDef
	}
	var cands []candidate
	for i, ct := range by {
		abi := abiOf(ct)
		if abi == nil {
			continue
		}
		ts := abi.Messages(op)
		if i == 0 {
			// What the first contract receives comes first.
			for _, t := range ts {
				if abi.Receives(t.Name) {
					cands = append(cands, candidate{abi, t})
				}
			}
		}
		for _, t := range ts {
			if i != 0 || !abi.Receives(t.Name) {
				cands = append(cands, candidate{abi, t})
			}
		}
	}
	if len(cands) == 0 {
		return "", nil
	}
	for _, c := range cands {
		if s, err := c.abi.Decode(c.t.Name, body); err == nil {
			return c.t.Name, s
		}
	}
	return cands[0].t.Name, nil
}

// preferReceived picks, of types sharing an opcode, one the contract
// receives, else the first.
func preferReceived(abi *cell.ABI, ts []*cell.TypeDef) *cell.TypeDef {
	for _, t := range ts {
		if abi.Receives(t.Name) {
			return t
		}
	}
	return ts[0]
}

func abiOf(ct *catalog.Contract) *cell.ABI {
	if ct == nil {
		return nil
	}
	return ct.ABI()
}

// EventName names an event, an external message a contract logged: by its
// opcode among the events of by's ABIs, as [Name] does, or, for a body
// with no opcode of its own (a Tolk struct without a prefix), by the topic
// of its destination: Tolk's ExtOutLogBucket { topic } is an external
// address of 256 bits, a zero byte and a 248-bit topic, and an event
// struct whose name's CRC-32 is the topic is the one logged (the
// convention of Chainlink's Tolk library). A body that only one event
// struct without a prefix reads whole is named by it too.
func EventName(m actor.OutMessage, by ...*catalog.Contract) Message {
	named := Name(m.Body, by...)
	if named.Type != "" && !named.Malformed {
		return named
	}
	topic, hasTopic := logTopic(m.Cell)
	var fits []Message
	for _, ct := range by {
		abi := abiOf(ct)
		if abi == nil {
			continue
		}
		for _, name := range abi.Events {
			t, err := abi.Type(name)
			if err != nil || t.Header != nil {
				continue
			}
			s, err := abi.Decode(name, m.Body)
			if err != nil {
				continue
			}
			ev := Message{Kind: MessageTyped, Type: name, Body: s, Raw: m.Body}
			if hasTopic && crc32.ChecksumIEEE([]byte(name)) == topic {
				return ev
			}
			fits = append(fits, ev)
		}
	}
	if len(fits) == 1 {
		return fits[0]
	}
	return named
}

// logTopic reads the topic of an external message sent to Tolk's
// ExtOutLogBucket: its destination is 256 bits, a zero byte then the
// topic, of which a CRC-32 fills the low 32 bits.
func logTopic(msg *tvmcell.Cell) (uint32, bool) {
	if msg == nil {
		return 0, false
	}
	s, err := msg.BeginParseWithoutTrace()
	if err != nil {
		return 0, false
	}
	var out tlb.Message
	if err := tlb.LoadFromCell(&out, s); err != nil {
		return 0, false
	}
	ext, ok := out.Msg.(*tlb.ExternalMessageOut)
	if !ok || ext.DstAddr == nil || ext.DstAddr.BitsLen() != 256 {
		return 0, false
	}
	data := ext.DstAddr.Data()
	if len(data) != 32 || data[0] != 0 {
		return 0, false
	}
	for _, b := range data[1:28] {
		if b != 0 {
			return 0, false // a topic wider than a CRC-32
		}
	}
	return binary.BigEndian.Uint32(data[28:]), true
}
