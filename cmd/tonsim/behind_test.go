package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestBehind(t *testing.T) {
	var b behind
	var out, want strings.Builder
	for i := range 3*behindBatch + 1 {
		s := fmt.Sprint(i, " ")
		want.WriteString(s)
		b.do(func() { out.WriteString(s) })
	}
	b.wait()
	assert.Equal(t, want.String(), out.String(), "in the order given, batches and the rest, all done by wait")

	var idle behind
	idle.wait() // never used: returns at once

	var broken behind
	broken.do(func() { panic("boom") })
	broken.do(func() { t.Error("a job after a panic runs") })
	assert.PanicsWithValue(t, "boom", broken.wait, "raised again on the waiting goroutine")
}

// TestBehindAlone: a job short of a batch runs without a wait, once it has
// waited behindDelay, so that a slow step does not hold back the output of
// those before it.
func TestBehindAlone(t *testing.T) {
	var b behind
	ran := make(chan struct{})
	b.do(func() { close(ran) })
	select {
	case <-ran:
	case <-time.After(100 * behindDelay):
		t.Fatal("a job alone never ran")
	}
	b.wait()
}
