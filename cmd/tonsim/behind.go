package main

import (
	"sync"
	"time"
)

// behindQueue is how many batches of steps a printer may lag behind the
// runner: the runner waits past it, so the records waiting to be printed
// stay few.
const behindQueue = 4

// behindBatch and behindDelay say when jobs are handed to the goroutine:
// by the batch, or once the first of them has waited that long. Waking a
// goroutine for each step cost more CPU than describing it.
const (
	behindBatch = 16
	behindDelay = 20 * time.Millisecond
)

// behind runs a printer's work on a goroutine of its own, in the order it
// is given, so that describing and printing steps overlaps with running
// the next ones. Only work that depends on records, which never change
// once a send returns, may go behind; anything that reads the world as it
// is now must be done before. A panic there is raised again by wait, on the
// caller's goroutine, where the command's recover reports it. The zero
// value starts its goroutine on first use.
type behind struct {
	once sync.Once
	// mu guards pending and timer, and orders the hand-overs.
	mu      sync.Mutex
	pending []func()
	timer   *time.Timer
	closed  bool
	jobs    chan []func()
	done    chan struct{}
	// panicked is what a job panicked with; later jobs are skipped.
	panicked any
}

func (b *behind) do(job func()) {
	b.once.Do(func() {
		b.jobs, b.done = make(chan []func(), behindQueue), make(chan struct{})
		go b.work()
	})
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, job)
	switch {
	case len(b.pending) >= behindBatch:
		b.handOver()
	case b.timer == nil:
		b.timer = time.AfterFunc(behindDelay, b.due)
	}
}

// due hands over what waited behindDelay.
func (b *behind) due() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.handOver()
	}
}

// handOver gives the pending jobs to the goroutine; b.mu is held.
func (b *behind) handOver() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	if len(b.pending) == 0 {
		return
	}
	b.jobs <- b.pending
	b.pending = nil
}

func (b *behind) work() {
	defer close(b.done)
	for batch := range b.jobs {
		for _, job := range batch {
			if b.panicked == nil {
				b.run(job)
			}
		}
	}
}

func (b *behind) run(job func()) {
	defer func() {
		if v := recover(); v != nil {
			b.panicked = v
		}
	}()
	job()
}

// wait returns once every job has run. The behind cannot be used again.
func (b *behind) wait() {
	b.once.Do(func() {}) // never started: nothing to wait for
	if b.jobs == nil {
		return
	}
	b.mu.Lock()
	b.handOver()
	b.closed = true
	close(b.jobs)
	b.mu.Unlock()
	<-b.done
	if b.panicked != nil {
		panic(b.panicked)
	}
}
