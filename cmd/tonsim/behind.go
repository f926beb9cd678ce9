package main

import "sync"

// behindQueue is how many steps a printer may lag behind the runner: the
// runner waits past it, so the records waiting to be printed stay few.
const behindQueue = 64

// behind runs a printer's work on a goroutine of its own, in the order it
// is given, so that describing and printing one step overlaps with running
// the next. Only work that depends on records, which never change once a
// send returns, may go behind; anything that reads the world as it is now
// must be done before. A panic there is raised again by wait, on the
// caller's goroutine, where the command's recover reports it. The zero
// value starts its goroutine on first use.
type behind struct {
	once sync.Once
	jobs chan func()
	done chan struct{}
	// panicked is what a job panicked with; later jobs are skipped.
	panicked any
}

func (b *behind) do(job func()) {
	b.once.Do(func() {
		b.jobs, b.done = make(chan func(), behindQueue), make(chan struct{})
		go b.work()
	})
	b.jobs <- job
}

func (b *behind) work() {
	defer close(b.done)
	for job := range b.jobs {
		if b.panicked == nil {
			b.run(job)
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
	close(b.jobs)
	<-b.done
	if b.panicked != nil {
		panic(b.panicked)
	}
}
