package tui

import "charm.land/bubbles/v2/key"

// DebuggerKeyMap holds the keys of the debugger: stepping, jumping to what
// an instruction does, searching by instruction.
type DebuggerKeyMap struct {
	// Next and Prev step forward and back; PageDown and PageUp a page at a
	// time; First and Last go to either end.
	Next, Prev       key.Binding
	PageDown, PageUp key.Binding
	First, Last      key.Binding
	// StackDown and StackUp scroll the panel of the step under the cursor
	// (what it did, where, the stack before it) a line at a time, when it
	// is taller than its room.
	StackDown, StackUp key.Binding
	Exception          key.Binding
	SetCode, SetCodeBk key.Binding
	Send, SendBk       key.Binding
	Accept, AcceptBk   key.Binding
	C4, C4Bk           key.Binding
	C5, C5Bk           key.Binding
	// Read jumps to the next read of the storage: on both sides at once
	// when two traces show side by side.
	Read, ReadBk key.Binding
	// Search asks for an instruction to find; Match and MatchBk find it
	// again forward and back.
	Search, Match, MatchBk key.Binding
	// Side switches between two traces side by side.
	Side  key.Binding
	Help  key.Binding
	Close key.Binding
}

// DefaultDebuggerKeyMap returns the debugger's keys: arrows or j/k to
// step, J/K to scroll the stack beside, a letter for each thing to jump to
// (shifted to jump back), / to search, as less and vi do.
func DefaultDebuggerKeyMap() DebuggerKeyMap {
	return DebuggerKeyMap{
		Next:      key.NewBinding(key.WithKeys("down", "j", "right", "l"), key.WithHelp("↓/j", "next step")),
		Prev:      key.NewBinding(key.WithKeys("up", "k", "left", "h"), key.WithHelp("↑/k", "previous step")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first step")),
		Last:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last step")),
		StackDown: key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "stack down")),
		StackUp:   key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "stack up")),
		Exception: key.NewBinding(key.WithKeys("e", "x"), key.WithHelp("e", "the exception")),
		SetCode:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c/C", "next/previous SETCODE")),
		SetCodeBk: key.NewBinding(key.WithKeys("C")),
		Send:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s/S", "SENDRAWMSG")),
		SendBk:    key.NewBinding(key.WithKeys("S")),
		Accept:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a/A", "ACCEPT")),
		AcceptBk:  key.NewBinding(key.WithKeys("A")),
		C4:        key.NewBinding(key.WithKeys("4"), key.WithHelp("4/$", "c4 write")),
		C4Bk:      key.NewBinding(key.WithKeys("$")),
		C5:        key.NewBinding(key.WithKeys("5"), key.WithHelp("5/%", "c5 write")),
		C5Bk:      key.NewBinding(key.WithKeys("%")),
		Read:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r/R", "storage read")),
		ReadBk:    key.NewBinding(key.WithKeys("R")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find an instruction")),
		Match:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous match")),
		MatchBk:   key.NewBinding(key.WithKeys("N")),
		Side:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "other side")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Close:     key.NewBinding(key.WithKeys("esc", "q", "t"), key.WithHelp("esc/q", "close")),
	}
}
