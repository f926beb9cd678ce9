package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBehind(t *testing.T) {
	var b behind
	var out strings.Builder
	for _, s := range []string{"a", "b", "c"} {
		b.do(func() { out.WriteString(s) })
	}
	b.wait()
	assert.Equal(t, "abc", out.String(), "in the order given, all done by wait")

	var idle behind
	idle.wait() // never used: returns at once

	var broken behind
	broken.do(func() { panic("boom") })
	broken.do(func() { t.Error("a job after a panic runs") })
	assert.PanicsWithValue(t, "boom", broken.wait, "raised again on the waiting goroutine")
}
