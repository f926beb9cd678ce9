package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/upgradable"
)

// FuzzFlagValues gives one value to every flag that parses its value:
// --max-file-size, --history, --max-transactions, --max-in-flight,
// --tx-timeout and --allow-path through a command's flag set, --shard,
// --renamed, --allow and --supported through their parsers. Each answers
// with an error or a value, and the value written again as the flag takes
// it parses to the same.
func FuzzFlagValues(f *testing.F) {
	for _, s := range []string{"", "all", "ALL", "-1", "0", "10", " 10", "9223372036854775807", "9223372036854775808", "64M", "1 TiB",
		"2/3", "0/1", "1/0", "3/2", "-1/2", "1/2/3", "a=b,c=d", "a=b=c", " a = b ", "a=", "=b", "a=b,a=c", ",",
		"insert,remove", "insert,", "rename", "1:2,v2:v3", "1:1", "v9:1", "3:v1", "1:2,", "\x00", "é=ü", "30s", "1h2m3.5s", "-1s", "1.5µs"} {
		f.Add(s)
	}
	members := []upgradable.Member{{Name: "v1"}, {Name: "v2"}, {Name: "v3"}}
	f.Fuzz(func(t *testing.T, s string) {
		// The flags every command takes, by their flag set.
		c := &cli{stdout: io.Discard, stderr: io.Discard}
		if c.flags(runCommand).Parse([]string{"--max-file-size=" + s}) == nil {
			size := c.files.MaxSize
			if size < 1 || size > 1<<40 {
				t.Fatalf("--max-file-size=%q gives %d, outside 1 byte to 1 TiB", s, size)
			}
			again := &cli{}
			if err := again.flags(runCommand).Parse([]string{"--max-file-size=" + strconv.FormatInt(size, 10)}); err != nil || again.files.MaxSize != size {
				t.Fatalf("--max-file-size=%q gives %d, but %d gives %d (%v)", s, size, size, again.files.MaxSize, err)
			}
		}
		if c.flags(runCommand).Parse([]string{"--history=" + s}) == nil {
			n := c.history
			text := strconv.Itoa(n)
			if n == actor.HistoryAll {
				text = "all"
			} else if n < 0 {
				t.Fatalf("--history=%q gives %d", s, n)
			}
			again := &cli{}
			if err := again.flags(runCommand).Parse([]string{"--history=" + text}); err != nil || again.history != n {
				t.Fatalf("--history=%q gives %d, but %q gives %d (%v)", s, n, text, again.history, err)
			}
		}
		for _, bound := range []struct {
			flag string
			got  func(c *cli) int
		}{{flagMaxTransactions, func(c *cli) int { return c.maxTxs }}, {flagMaxInFlight, func(c *cli) int { return c.maxInFlight }}} {
			if c.flags(runCommand).Parse([]string{"--" + bound.flag + "=" + s}) != nil {
				continue
			}
			n := bound.got(c)
			if n < 1 {
				t.Fatalf("--%s=%q gives %d", bound.flag, s, n)
			}
			again := &cli{}
			if err := again.flags(runCommand).Parse([]string{"--" + bound.flag + "=" + strconv.Itoa(n)}); err != nil || bound.got(again) != n {
				t.Fatalf("--%s=%q gives %d, but %d gives %d (%v)", bound.flag, s, n, n, bound.got(again), err)
			}
		}
		if c.flags(runCommand).Parse([]string{"--tx-timeout=" + s}) == nil {
			d := c.txTimeout
			if d < 0 {
				t.Fatalf("--tx-timeout=%q gives %s", s, d)
			}
			again := &cli{}
			if err := again.flags(runCommand).Parse([]string{"--tx-timeout=" + d.String()}); err != nil || again.txTimeout != d {
				t.Fatalf("--tx-timeout=%q gives %s, but %s gives %s (%v)", s, d, d, again.txTimeout, err)
			}
		}
		if c.flags(runCommand).Parse([]string{"--allow-path=" + s}) == nil && (s == "" || !slices.Equal(c.files.Allow, []string{s})) {
			t.Fatalf("--allow-path=%q allows %q", s, c.files.Allow)
		}

		var sh shard
		if sh.set(s) == nil {
			if sh.n < 1 || sh.i < 1 || sh.i > sh.n {
				t.Fatalf("--shard %q gives %d/%d", s, sh.i, sh.n)
			}
			var again shard
			if err := again.set(sh.String()); err != nil || again != sh {
				t.Fatalf("--shard %q gives %v, but %q gives %v (%v)", s, sh, sh.String(), again, err)
			}
		}

		var opts upgradable.LayoutOptions
		if parseRenamed(&opts, s) == nil {
			var parts []string
			for _, from := range slices.Sorted(maps.Keys(opts.Renamed)) {
				parts = append(parts, from+"="+opts.Renamed[from])
			}
			var again upgradable.LayoutOptions
			if err := parseRenamed(&again, strings.Join(parts, ",")); err != nil || !maps.Equal(again.Renamed, opts.Renamed) {
				t.Fatalf("--renamed %q gives %v, but %q gives %v (%v)", s, opts.Renamed, strings.Join(parts, ","), again.Renamed, err)
			}
		}
		opts = upgradable.LayoutOptions{}
		if parseAllow(&opts, s) == nil {
			var keys []string
			for _, k := range opts.Allow {
				keys = append(keys, k.Key())
			}
			var again upgradable.LayoutOptions
			if err := parseAllow(&again, strings.Join(keys, ",")); err != nil || !slices.Equal(again.Allow, opts.Allow) {
				t.Fatalf("--allow %q gives %v, but %q gives %v (%v)", s, opts.Allow, strings.Join(keys, ","), again.Allow, err)
			}
		}

		if pairs, err := parsePairs(s, members); err == nil {
			var parts []string
			for _, p := range pairs {
				if p.From == p.To || min(p.From, p.To) < 0 || max(p.From, p.To) >= len(members) {
					t.Fatalf("--supported %q gives %v", s, pairs)
				}
				parts = append(parts, fmt.Sprintf("%d:%s", p.From+1, members[p.To].Name))
			}
			again, err := parsePairs(strings.Join(parts, ","), members)
			if err != nil || !slices.Equal(again, pairs) {
				t.Fatalf("--supported %q gives %v, but %q gives %v (%v)", s, pairs, strings.Join(parts, ","), again, err)
			}
		}
	})
}
