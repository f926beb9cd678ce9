package upgradabletest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that keeps its errors.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()        {}
func (r *recorder) Failed() bool   { return len(r.errors) > 0 }
func (r *recorder) Error(a ...any) { r.errors = append(r.errors, fmt.Sprint(a...)) }

func TestFinish(t *testing.T) {
	tests := []struct {
		name             string
		upgrade, reached bool
		want             []string
	}{
		{"upgraded pass that never reached the mark", true, false, []string{"the test body never reached its upgrade point"}},
		{"upgraded pass that reached it", true, true, nil},
		{"plain pass", false, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			(&Upgrader{t: r, upgrade: tt.upgrade, reached: tt.reached}).finish(r)
			assert.Equal(t, tt.want, r.errors)
		})
	}
}
