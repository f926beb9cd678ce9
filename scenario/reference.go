package scenario

import (
	"fmt"
	"strings"
)

// Reference writes the table of checks as Markdown, one row per check: its
// key, the steps that take it (✓ when a has_transaction matcher takes it
// too), how its value is written and what it checks. The README carries it
// and the package doc the same list ([DocReference]); a test keeps both in
// step with the table the parser uses.
func Reference() string {
	var b strings.Builder
	b.WriteString("| check | steps | matcher | value | checks |\n| --- | --- | --- | --- | --- |\n")
	for _, c := range checks {
		steps := strings.Join(c.steps, ", ")
		if steps == "" {
			steps = "—"
		}
		matcher := ""
		if c.matcher {
			matcher = "✓"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", c.key, steps, matcher, formText[c.form], c.doc)
	}
	return b.String()
}

// DocReference writes the table of checks as the package doc lists it.
func DocReference() string {
	var b strings.Builder
	for _, c := range checks {
		where := strings.Join(c.steps, ", ")
		if c.matcher {
			if where != "" {
				where += "; "
			}
			where += "matchers"
		}
		fmt.Fprintf(&b, "//   - %s (%s): %s; %s.\n", c.key, where, c.doc, strings.ReplaceAll(formText[c.form], "`", ""))
	}
	return b.String()
}
