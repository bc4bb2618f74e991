// Package view renders every result of teramotc (diagnostics, findings,
// documents, plans) in the requested format and owns the exit codes.
package view

// Exit codes, shared by every command (see docs/cli.md).
const (
	ExitOK       = 0 // success; no findings at or above the fail level; no changes
	ExitError    = 1 // usage error, invalid spec, policy compile error, AWS error
	ExitFindings = 2 // lint findings at or above the fail level; plan changes with -detailed-exitcode; failing policy tests
	ExitChanged  = 3 // fmt -check / render --check: files would change
)
