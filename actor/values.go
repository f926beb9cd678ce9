package actor

// Value returns what [World.SetValue] stored under key in this world, or
// in the world it was forked from before the fork; nil when nothing was.
func (w *World) Value(key any) any {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.values[key]
}

// SetValue stores v under key: what a package above actor keeps about a
// world, as context.WithValue keeps a value in a context (package contract
// keeps the contracts its handles know). A key is comparable and of a type
// its package does not export, so packages never collide. A fork, a
// session or a migration's scratch world starts with the values of the
// world it comes from, and neither sees what the other stores afterwards;
// restoring a snapshot or checking out a commit keeps them (they are no
// part of the chain's state), and a saved world does not carry them.
// Forks share v itself, so v must not change: store a new value instead.
func (w *World) SetValue(key, v any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	next := make(map[any]any, len(w.values)+1)
	for k, old := range w.values {
		next[k] = old
	}
	next[key] = v
	w.values = next
}
