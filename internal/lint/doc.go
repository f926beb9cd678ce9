// Package lint holds tests that read tonsim's own source: rules a
// compiler does not check but review would. It has no code.
//
// must_test.go: no Must… call (tonutils-go's MustStore…, MustLoad…,
// MustBeginParse, tlb.MustFromTON, regexp.MustCompile, our own must…)
// outside a short allowlist, each entry justified. A Must panics on an
// error, and a panic reachable from a scenario, a world file or a BOC is a
// crash a user can cause; the allowed calls build constants at init or
// take values already checked.
package lint
