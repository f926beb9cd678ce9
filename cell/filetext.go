package cell

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// An ABI file may be anything a path leads to (a key, /etc/passwd), so an
// error about one describes what it met and never quotes its bytes, with
// one exception: a name the user must see to find the mistake (a type, a
// field, a getter, a kind), and only once [checkName] has found it to be
// a short identifier. The ABI readers check every name up front, so the
// errors after may quote them.

// MaxNameLen is the longest name an ABI may give a contract, type, field,
// getter or kind.
const MaxNameLen = 128

// checkName returns nil when s, read from a file at where, is a name:
// 1 to [MaxNameLen] bytes of ASCII letters, digits and _ or $, starting
// with a letter, _ or $, with the punctuation types are written in inside
// it ("Wrapper<int32>", "Pair<int8, Foo?>", "A | B", "Errors.NotOwner",
// "fixed-bytes").
func checkName(where, s string) error {
	if isName(s) {
		return nil
	}
	return fmt.Errorf("%s is not a name: %s (want letters, digits and _, at most %d bytes)", where, DescribeText(s), MaxNameLen)
}

func isName(s string) bool {
	if s == "" || len(s) > MaxNameLen || !isNameStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isNameStart(s[i]) && !isDigit(s[i]) && !isTypePunct(s[i]) {
			return false
		}
	}
	return true
}

func isNameStart(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == '$'
}

func isTypePunct(b byte) bool {
	switch b {
	case '<', '>', ',', ' ', '?', '|', '.', ':', '-':
		return true
	}
	return false
}

// checkNames checks each of names, at where[i]; empty names are left to
// the reader, which knows whether one may be missing.
func checkNames(where func(i int) string, names ...string) error {
	for i, s := range names {
		if s == "" {
			continue
		}
		if err := checkName(where(i), s); err != nil {
			return err
		}
	}
	return nil
}

// MaxQuoted is the longest text read from a file (a scenario's value, a
// world's name) that [Quote] quotes in an error.
const MaxQuoted = 64

// Quote quotes s, read from a file, for an error when it is at most
// [MaxQuoted] bytes (control characters escaped), and otherwise describes
// it by its size: a file's content never reaches an error whole.
func Quote(s string) string {
	if len(s) > MaxQuoted {
		return DescribeText(s)
	}
	return strconv.Quote(s)
}

// DescribeText says what a string read from a file is without quoting it.
func DescribeText(s string) string {
	if s == "" {
		return "empty"
	}
	return "a string of " + strconv.Itoa(len(s)) + " bytes"
}

// quoteIf quotes s when ok says it may be shown, else describes it.
func quoteIf(s string, ok func(string) bool) string {
	if ok(s) {
		return strconv.Quote(s)
	}
	return DescribeText(s)
}

// isVersion tells whether s is short and written as a version is: "1.0",
// "2.1-beta".
func isVersion(s string) bool {
	if s == "" || len(s) > 16 || !isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && !isNameStart(s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '+' {
			return false
		}
	}
	return true
}

// isSourcePath tells whether s is short and written as a source file's
// path in a package is: "contracts/counter.tact".
func isSourcePath(s string) bool {
	if s == "" || len(s) > 2*MaxNameLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameStart(s[i]) && !isDigit(s[i]) && s[i] != '.' && s[i] != '/' && s[i] != '-' {
			return false
		}
	}
	return true
}

// typeError describes a JSON value of the wrong type by its field and the
// type wanted: encoding/json's own message quotes a number it met.
func typeError(te *json.UnmarshalTypeError) error {
	where := "a value"
	if te.Field != "" {
		where = quoteIf(te.Field, isName)
	}
	return fmt.Errorf("%s has the wrong type: want %s", where, te.Type)
}
