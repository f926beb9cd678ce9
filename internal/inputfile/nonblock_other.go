//go:build !unix

package inputfile

// nonBlock is 0 where opening a pipe does not block on a writer.
const nonBlock = 0
