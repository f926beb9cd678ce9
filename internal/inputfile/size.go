package inputfile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Size units, binary.
const (
	KiB = 1 << 10
	MiB = 1 << 20
	GiB = 1 << 30
)

// units are the suffixes [ParseSize] accepts, longest first; K, M and G
// are binary too, and "bytes" reads what [FormatSize] writes.
var units = []struct {
	suffix string
	size   int64
}{
	{"bytes", 1},
	{"KiB", KiB}, {"MiB", MiB}, {"GiB", GiB},
	{"KB", KiB}, {"MB", MiB}, {"GB", GiB},
	{"K", KiB}, {"M", MiB}, {"G", GiB},
	{"B", 1},
}

// maxSize bounds what [ParseSize] accepts: a limit past it is no limit.
const maxSize = 1 << 40

// ParseSize reads a size such as "16MiB", "512K", "64 MB", "1000000" or
// "1_000_000" (bytes). Units are binary: K, KB and KiB are all 1024 bytes.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range units {
		if len(t) > len(u.suffix) && strings.EqualFold(t[len(t)-len(u.suffix):], u.suffix) {
			t, mult = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.size
			break
		}
	}
	// Digits may be grouped by underscores as in Go and in every number
	// tonsim reads ("1_000_000"); a leading zero is still decimal.
	t = strings.TrimLeft(t, "0")
	n, err := strconv.ParseInt(t, 0, 64)
	if t == "" || t[0] < '1' || t[0] > '9' {
		err = strconv.ErrSyntax
	}
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number of bytes, optionally with K, M or G (such as 16M)", s)
	}
	if n > maxSize/mult {
		return 0, errors.New("size " + strconv.Quote(s) + ": more than 1 TiB")
	}
	return n * mult, nil
}

// FormatSize writes n bytes in the largest unit that divides it: "16 MiB",
// "1500 bytes".
func FormatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", GiB}, {"MiB", MiB}, {"KiB", KiB}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
