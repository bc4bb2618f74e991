package view

import (
	"encoding/json"
	"fmt"
	"io"
)

// VersionInfo is what "teramotc version" prints; its JSON form (-json) is
// a versioned contract (format_version "1.0").
type VersionInfo struct {
	FormatVersion string `json:"format_version"`
	Version       string `json:"version"`
	Go            string `json:"go"`
	OPA           string `json:"opa"`
	Platform      string `json:"platform"`
}

// WriteVersion writes info as two lines of text, or as indented JSON, and
// returns the exit code.
func WriteVersion(w io.Writer, info VersionInfo, asJSON bool) int {
	if asJSON {
		if err := writeIndentedJSON(w, info); err != nil {
			return ExitError
		}
		return ExitOK
	}
	fmt.Fprintf(w, "teramotc v%s\non %s, built with %s, OPA %s\n", info.Version, info.Platform, info.Go, info.OPA)
	return ExitOK
}

// writeIndentedJSON writes v as JSON indented by two spaces, with a final
// newline and encoding/json's default HTML escaping (unlike writeJSON).
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
