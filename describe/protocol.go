package describe

import (
	"fmt"
	"strings"

	"github.com/tonsim/tonsim/upgradable"
)

// Sequence says which messages an upgrade by p sends, in order, with the
// waits between them: "the Upgrade", "StageCode, then ApplyCode", "Upgrade,
// then Confirm once its timeout has passed"; "the upgrade" for none.
func Sequence(p *upgradable.Protocol) string {
	if p == nil || len(p.Steps) == 0 {
		return "the upgrade"
	}
	if len(p.Steps) == 1 && p.Steps[0].Wait == 0 {
		return "the " + p.Steps[0].Message
	}
	var parts []string
	for i, s := range p.Steps {
		part := s.Message
		if i > 0 {
			part = "then " + part
		}
		switch {
		case s.WaitField != "" && s.Wait > 0:
			part += fmt.Sprintf(" once its %s and %s more have passed", s.WaitField, seconds(s.Wait))
		case s.WaitField != "":
			part += " once its " + s.WaitField + " has passed"
		case s.Wait > 0:
			part += " " + seconds(s.Wait) + " later"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}

// Waits say how long an upgrade waited before its steps, a line each:
// "waited 3600 s before Confirm (the clock moved on)"; none when it never
// waited.
func Waits(u *upgradable.Upgraded) []string {
	if u == nil || u.Protocol == nil {
		return nil
	}
	var out []string
	for i, w := range u.Waits {
		if w == 0 || i >= len(u.Protocol.Steps) {
			continue
		}
		out = append(out, fmt.Sprintf("waited %s before %s: the world's clock moved on", seconds(w), u.Protocol.Steps[i].Message))
	}
	return out
}

// seconds writes a duration: "3600 s (1 h)", "60 s (1 min)", "5 s".
func seconds(s uint32) string {
	switch {
	case s >= 3600 && s%3600 == 0:
		return fmt.Sprintf("%d s (%d h)", s, s/3600)
	case s >= 60 && s%60 == 0:
		return fmt.Sprintf("%d s (%d min)", s, s/60)
	}
	return fmt.Sprintf("%d s", s)
}
