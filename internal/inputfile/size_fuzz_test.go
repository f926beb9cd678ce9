package inputfile_test

import (
	"strconv"
	"testing"

	"github.com/tonsim/tonsim/internal/inputfile"
)

// FuzzParseSize feeds --max-file-size and TONSIM_MAX_FILE_SIZE values: an
// error, or a size from 1 byte to 1 TiB that, written again in bytes or as
// FormatSize writes it in a unit, reads back the same.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"16M", "512K", "64 MB", "1000000", "1GiB", "1 TiB", "1024G", "1025G", "0", "-1", "1.5M",
		"9223372036854775807", "9223372036854775808", "8796093022208K", "mb", " 7 b ", "1500 bytes", "0x10", "1e6", "١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := inputfile.ParseSize(s)
		if err != nil {
			if n != 0 {
				t.Fatalf("ParseSize(%q) = %d and an error: %v", s, n, err)
			}
			return
		}
		if n < 1 || n > 1<<40 {
			t.Fatalf("ParseSize(%q) = %d, outside 1 byte to 1 TiB", s, n)
		}
		for _, form := range []string{strconv.FormatInt(n, 10), inputfile.FormatSize(n)} {
			back, err := inputfile.ParseSize(form)
			if err != nil || back != n {
				t.Fatalf("ParseSize(%q) = %d, but %q reads as %d (%v)", s, n, form, back, err)
			}
		}
	})
}
