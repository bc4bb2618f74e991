package cli

// absPaths returns the -var-file paths absolute, as plan files record them
// (review op3 L4): like the spec and -policy, so that the apply command
// printed by plan -out and show works from any directory. apply records
// the paths it was given the same way, to name those plan was not given.
func absPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = absPath(p)
	}
	return out
}
