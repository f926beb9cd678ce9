package tui

// Smallest terminal the UI draws in; below it says so.
const (
	minWidth  = 60
	minHeight = 15
	// wideWidth is the width from which the details sit beside the lists.
	wideWidth = 100
)

// rect is a region of the screen, in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout places the panes for a terminal size.
type layout struct {
	wide bool
	// body is everything between the header and the status line;
	// dialogs and help use all of it.
	body                        rect
	walk, accounts, txs, detail rect
	headerY, statusY, keysY     int
}

// maxStatusLines is how many lines a long status message may wrap to; the
// body gives them up while it shows.
const maxStatusLines = 3

// computeLayout places the panes: the walkthrough on top when there is one;
// then, wide, the accounts beside the details over the log; narrow,
// accounts, details and log stacked. accounts and txs are how many rows
// there are to show; status is how many lines the status line takes.
func computeLayout(width, height, accounts, txs int, walk bool, status int) layout {
	status = max(status, 1)
	l := layout{wide: width >= wideWidth, headerY: 0, statusY: height - 1 - status, keysY: height - 1}
	l.body = rect{0, 1, width, max(height-2-status, 0)}
	y, h := l.body.y, l.body.h
	if walk {
		wh := max(min(h/3, 10), 6)
		l.walk = rect{0, y, width, wh}
		y, h = y+wh, h-wh
	}
	if l.wide {
		lw := width * 29 / 50
		top := max(h*11/20, 6)
		l.accounts = rect{0, y, lw, top}
		l.detail = rect{lw + 2, y, width - lw - 2, top} // " │" between
		l.txs = rect{0, y + top, width, h - top}
		return l
	}
	// Narrow, every line counts: the log takes what it needs, up to
	// almost half, and the details the rest.
	ah := max(min(accounts+2, h/3), 3)
	th := max(min(txs+2, (h-ah)*9/20), 4)
	dh := h - ah - th
	l.accounts = rect{0, y, width, ah}
	l.detail = rect{0, y + ah, width, dh}
	l.txs = rect{0, y + ah + dh, width, h - ah - dh}
	return l
}
