package view

// PolicyFmtExit is the exit code of policy fmt: ExitError when a file
// could not be read, parsed or written, else ExitChanged when -fail is
// given and a file is not formatted, else ExitOK.
func PolicyFmtExit(failed, changed, fail bool) int {
	switch {
	case failed:
		return ExitError
	case fail && changed:
		return ExitChanged
	}
	return ExitOK
}
