package view

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// ConfigFormats are the formats of "config show".
var ConfigFormats = []string{"text", "json"}

// Sources of a ConfigSetting, from the strongest to the weakest.
const (
	SourceFlag    = "flag"
	SourceEnv     = "env"
	SourceConfig  = "config"
	SourceDefault = "default"
)

// ConfigShow is what "config show" prints: the settings a command line
// would run with and where each comes from.
type ConfigShow struct {
	Command   string   // "lint"
	Arguments []string // the positional arguments
	Settings  []ConfigSetting
	Ignored   []ConfigIgnored
}

// ConfigSetting is one effective setting. Name is "-flag" for a flag,
// "var.NAME" for a spec variable, the attribute or block ("inline_ignores",
// "rule TMC102") for the configuration file, or the variable
// ("TERAMOTC_NOW") of a setting read only from the environment. Origin says
// which flag, variable or FILE:LINE set it ("" for a default). A sensitive
// value has been replaced before it gets here.
type ConfigSetting struct {
	Name      string `json:"name"`
	Value     string `json:"value"`
	Source    string `json:"source"`
	Origin    string `json:"origin"`
	Sensitive bool   `json:"sensitive"`
}

// ConfigIgnored is an environment variable that is set but not read.
type ConfigIgnored struct {
	Variable string `json:"variable"`
	Reason   string `json:"reason"`
}

// WriteConfigShow writes c as text or json ({"format_version": "1.0",
// ...}; arrays are never null).
func WriteConfigShow(w io.Writer, c *ConfigShow, format string) error {
	if format == "json" {
		doc := struct {
			FormatVersion string          `json:"format_version"`
			Command       string          `json:"command"`
			Arguments     []string        `json:"arguments"`
			Settings      []ConfigSetting `json:"settings"`
			Ignored       []ConfigIgnored `json:"ignored_environment"`
		}{"1.0", c.Command, nonNil(c.Arguments), nonNil(c.Settings), nonNil(c.Ignored)}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	fmt.Fprintf(w, "Settings of \"teramotc %s\" (a flag wins over its TERAMOTC_<FLAG> variable, which wins over the configuration file, then the default; inline_ignores = false in the configuration wins over -no-inline-ignores=false):\n\n", c.Command)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SETTING\tVALUE\tSOURCE")
	for _, s := range c.Settings {
		value := escapeControls(s.Value)
		if s.Value == "" {
			value = "(none)"
		}
		source := s.Source
		if s.Origin != "" {
			source = s.Source + " " + escapeControls(s.Origin)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", escapeControls(s.Name), value, source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(c.Arguments) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Arguments:")
		for _, a := range c.Arguments {
			fmt.Fprintf(w, "  %s\n", escapeControls(a))
		}
	}
	if len(c.Ignored) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Ignored environment variables:")
		for _, i := range c.Ignored {
			fmt.Fprintf(w, "  %s: %s\n", i.Variable, i.Reason)
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
