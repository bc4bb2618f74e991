package spec

// validate runs the checks that need the whole model: duplicates across
// blocks and the hard rules of the catalog.
func (l *loader) validate() {
}
