package cell

import (
	"fmt"
	"strings"

	tvmcell "github.com/xssnick/tonutils-go/tvm/cell"
)

// Limits of the printed trees: a cell reused through many refs is printed
// each time, so a small BOC can stand for a huge tree.
const (
	maxPrintDepth = 64
	maxPrintCells = 2000
)

// node is one line of a printed tree and the lines under it.
type node struct {
	label string
	kids  []*node
}

// render writes a tree, the root unmarked and every other line behind
// ├─, └─ and │ glyphs.
func render(root *node) string {
	var sb strings.Builder
	sb.WriteString(root.label + "\n")
	renderKids(&sb, root.kids, "")
	return sb.String()
}

func renderKids(sb *strings.Builder, kids []*node, indent string) {
	for i, k := range kids {
		glyph, more := "├─ ", "│  "
		if i == len(kids)-1 {
			glyph, more = "└─ ", "   "
		}
		sb.WriteString(indent + glyph + k.label + "\n")
		renderKids(sb, k.kids, indent+more)
	}
}

// Print writes a cell tree: per cell its bit length and its data in Fift
// hex (x{…}, with a "_" completion tag when the bits do not fill the last
// hex digit), its refs indented under it. A cell reachable through several
// refs is printed every time; past 64 levels or 2000 cells the output is cut
// with a note.
func Print(c *tvmcell.Cell) string {
	budget := maxPrintCells
	return render(cellNode(c, "", 0, &budget))
}

// cellLabel writes one cell's line.
func cellLabel(c *tvmcell.Cell) string {
	label := fmt.Sprintf("%d bits x{%s}", c.BitsSize(), fiftHex(c))
	if c.IsSpecial() {
		label += " (exotic: " + exoticName(c) + ")"
	}
	return label
}

// cellNode builds the tree of c, its line prefixed by head.
func cellNode(c *tvmcell.Cell, head string, depth int, budget *int) *node {
	n := &node{label: head + cellLabel(c)}
	*budget--
	n.kids = refNodes(c, depth, budget)
	return n
}

// refNodes builds the trees of c's refs.
func refNodes(c *tvmcell.Cell, depth int, budget *int) []*node {
	refs := int(c.RefsNum())
	if refs == 0 {
		return nil
	}
	if depth+1 >= maxPrintDepth {
		return []*node{{label: fmt.Sprintf("… %d refs deeper than %d levels not shown", refs, maxPrintDepth)}}
	}

	kids := make([]*node, 0, refs)
	for i := 0; i < refs; i++ {
		if *budget <= 0 {
			kids = append(kids, &node{label: fmt.Sprintf("… %d more refs not shown (over %d cells)", refs-i, maxPrintCells)})
			break
		}
		ref, err := c.PeekRef(i)
		if err != nil {
			kids = append(kids, &node{label: fmt.Sprintf("<ref %d: %v>", i, err)})
			continue
		}
		kids = append(kids, cellNode(ref, "", depth+1, budget))
	}
	return kids
}

// PrintStruct writes a decoded struct as a tree of named fields: scalars as
// [FormatValue] writes them, nested structs and maps indented under their
// field, and cell fields as their raw tree.
func PrintStruct(s *Struct) string {
	budget := maxPrintCells
	root := &node{label: s.Type}
	root.kids = structKids(s, &budget)
	return render(root)
}

func structKids(s *Struct, budget *int) []*node {
	kids := make([]*node, len(s.Fields))
	for i, f := range s.Fields {
		kids[i] = valueNode(f.Name+": ", f.Value, budget)
	}
	return kids
}

// valueNode builds the tree of a value, its line prefixed by head.
func valueNode(head string, v any, budget *int) *node {
	switch x := v.(type) {
	case *Struct:
		if x == nil {
			break
		}
		return &node{label: head + x.Type, kids: structKids(x, budget)}
	case *Map:
		if x == nil || len(x.Entries) == 0 {
			return &node{label: head + "{}"}
		}
		n := &node{label: fmt.Sprintf("%smap, %d entries", head, len(x.Entries))}
		if len(x.Entries) == 1 {
			n.label = head + "map, 1 entry"
		}
		for _, e := range x.Entries {
			n.kids = append(n.kids, valueNode(FormatValue(e.Key)+": ", e.Value, budget))
		}
		return n
	case *tvmcell.Cell:
		if x == nil {
			break
		}
		return cellNode(x, head, 0, budget)
	}
	return &node{label: head + FormatValue(v)}
}

// exoticName names the kind of an exotic cell.
func exoticName(c *tvmcell.Cell) string {
	switch c.GetType() {
	case tvmcell.PrunedCellType:
		return "pruned branch"
	case tvmcell.LibraryCellType:
		return "library"
	case tvmcell.MerkleProofCellType:
		return "Merkle proof"
	case tvmcell.MerkleUpdateCellType:
		return "Merkle update"
	}
	return fmt.Sprintf("type %d", c.GetType())
}
