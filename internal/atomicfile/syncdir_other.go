//go:build !unix

package atomicfile

// syncDir does nothing where directories cannot be opened for syncing:
// there a rename is made durable by the file system itself.
func syncDir(string) error { return nil }
