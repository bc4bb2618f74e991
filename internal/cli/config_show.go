package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// masked replaces a secret in "config show".
const masked = "(sensitive)"

// aliasNames are the flags shown under the name of the flag they alias.
var aliasNames = []string{"f", "o", "json", "minimum-failure-severity", "force"}

// configShow builds the settings of a captured command line.
func configShow(env *Env, name string, c *flagCapture) *view.ConfigShow {
	show := &view.ConfigShow{Command: name, Arguments: c.pos, Ignored: []view.ConfigIgnored{}}
	for _, i := range c.applied.ignored {
		show.Ignored = append(show.Ignored, view.ConfigIgnored{Variable: i.Variable, Reason: i.Reason})
	}
	fromEnv := map[string]envSetting{}
	for _, s := range c.applied.set {
		fromEnv[s.Flag] = s
	}
	given := map[string]bool{}
	c.fs.Visit(func(f *flag.Flag) {
		if _, ok := fromEnv[f.Name]; !ok {
			given[f.Name] = true
		}
	})
	specPaths := c.pos
	if len(specPaths) == 0 {
		specPaths = []string{"."}
	}
	specPath := specPaths[0]
	var keys []any
	groups := map[any][]*flag.Flag{}
	c.fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "color" || f.Name == "no-color" || f.Name == "var" {
			return // colour is decided before the command runs; variables below
		}
		k := valueKey(f)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	})
	for _, k := range keys {
		show.Settings = append(show.Settings, flagSetting(groups[k], given, fromEnv))
	}
	slices.SortStableFunc(show.Settings, func(a, b view.ConfigSetting) int { return strings.Compare(a.Name, b.Name) })
	if f := c.fs.Lookup("var"); f != nil {
		show.Settings = append(show.Settings, varSettings(env, f, specPaths)...)
	}
	if f := c.fs.Lookup("config"); f != nil {
		file := f.Value.String()
		if file == "" {
			file = rules.FindConfig(specPath)
			setSetting(show.Settings, "-config", file)
		}
		show.Settings = configFileSettings(show.Settings, file)
	}
	show.Settings = append(show.Settings, envOnlySettings(env, c.fs)...)
	return show
}

// flagSetting is the setting of a flag and its aliases.
func flagSetting(group []*flag.Flag, given map[string]bool, fromEnv map[string]envSetting) view.ConfigSetting {
	primary := group[0]
	for _, f := range group {
		if !slices.Contains(aliasNames, f.Name) {
			primary = f
			break
		}
	}
	s := view.ConfigSetting{Name: "-" + primary.Name, Value: flagValue(primary), Source: view.SourceDefault}
	for _, f := range group {
		if e, ok := fromEnv[f.Name]; ok {
			s.Source, s.Origin = view.SourceEnv, e.Variable
		}
	}
	for _, f := range group {
		if given[f.Name] {
			s.Source, s.Origin = view.SourceFlag, "-"+f.Name
		}
	}
	switch primary.Name {
	case "endpoint-url":
		s.Value = apply.EndpointWithoutPassword(s.Value)
		s.Sensitive = s.Value != flagValue(primary)
	case "external-id":
		if s.Value != "" {
			s.Value, s.Sensitive = masked, true
		}
	}
	return s
}

// flagValue is the value of f as it would be given; a format flag shows
// its default when none was given.
func flagValue(f *flag.Flag) string {
	if ff, ok := f.Value.(*formatFlag); ok && len(ff.values) == 0 {
		return ff.def
	}
	if sf, ok := f.Value.(*stringsFlag); ok && len(*sf) == 0 && f.Name == "format" {
		return "text" // lint's default
	}
	return f.Value.String()
}

// setSetting sets the value of the setting name.
func setSetting(settings []view.ConfigSetting, name, value string) {
	for i := range settings {
		if settings[i].Name == name {
			settings[i].Value = value
		}
	}
}

// varSettings lists the spec variables set by -var and TERAMOTC_VAR_<name>,
// the last -var of a name winning. A value is shown only when every spec of
// the command line (specPaths) declares the variable and none declares it
// sensitive: a variable no spec declares may be a secret meant for another
// spec or job, and a spec that cannot be loaded cannot tell, so every value
// is then masked.
func varSettings(env *Env, f *flag.Flag, specPaths []string) []view.ConfigSetting {
	o, ok := f.Value.(orderedFlag)
	if !ok {
		return nil
	}
	shown := shownVariables(env, *o.args, specPaths)
	sensitive := func(name string) bool { return !shown[name] }
	var out []view.ConfigSetting
	seen := map[string]int{}
	add := func(name, value, source, origin string) {
		s := view.ConfigSetting{Name: "var." + name, Value: value, Source: source, Origin: origin}
		if sensitive(name) {
			s.Value, s.Sensitive = masked, true
		}
		if i, ok := seen[name]; ok {
			out[i] = s
			return
		}
		seen[name] = len(out)
		out = append(out, s)
	}
	for _, kv := range env.Environ {
		k, v, _ := strings.Cut(kv, "=")
		if name, ok := strings.CutPrefix(k, "TERAMOTC_VAR_"); ok && name != "" {
			add(name, v, view.SourceEnv, k)
		}
	}
	for _, a := range *o.args {
		if name, v, ok := strings.Cut(a.Value, "="); ok && !a.File {
			add(strings.TrimSpace(name), v, view.SourceFlag, "-var")
		}
	}
	return out
}

// shownVariables are the variables whose values config show may print:
// those every spec of specPaths declares, none of them as sensitive. It is
// empty when a spec cannot be loaded.
func shownVariables(env *Env, args []spec.VarArg, specPaths []string) map[string]bool {
	count := map[string]int{}
	secret := map[string]bool{}
	for _, p := range specPaths {
		loaded, _ := spec.Load(p, spec.Options{Args: args, Environ: env.Environ, Version: version.Version})
		if loaded == nil || loaded.Spec == nil {
			return nil
		}
		declared := map[string]bool{}
		for _, v := range loaded.Spec.Variables {
			if v.Sensitive.Value {
				secret[v.Name] = true
			}
			declared[v.Name] = true
		}
		for n := range declared {
			count[n]++
		}
	}
	shown := map[string]bool{}
	for n, c := range count {
		shown[n] = c == len(specPaths) && !secret[n]
	}
	return shown
}

// configFileSchema is the part of .teramotc.hcl that "config show" lists.
var configFileSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "inline_ignores"}},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "teramotc"},
		{Type: "rule", LabelNames: []string{"id"}},
		{Type: "ignore", LabelNames: []string{"id"}},
	},
}

// configFileSettings adds the settings of the configuration file to
// settings. A file that cannot be read or parsed adds none: the command
// reports it when it runs.
func configFileSettings(settings []view.ConfigSetting, file string) []view.ConfigSetting {
	if file == "" {
		return settings
	}
	f, diags := spec.ParseHCLFile(file)
	if f == nil || diags.HasErrors() {
		return settings
	}
	content, _, _ := f.Body.PartialContent(configFileSchema)
	at := func(r hcl.Range) string { return fmt.Sprintf("%s:%d", file, r.Start.Line) }
	text := func(a *hcl.Attribute) string { return strings.TrimSpace(string(a.Expr.Range().SliceBytes(f.Bytes))) }
	if a := content.Attributes["inline_ignores"]; a != nil {
		settings = append(settings, view.ConfigSetting{Name: "inline_ignores", Value: text(a), Source: view.SourceConfig, Origin: at(a.Range)})
		// inline_ignores = false wins over -no-inline-ignores=false from a
		// flag or variable, as lint ORs them: only the stricter one counts.
		for i, s := range settings {
			if s.Name == "-no-inline-ignores" && s.Value != "true" && text(a) == "false" {
				settings[i].Value, settings[i].Source, settings[i].Origin = "true", view.SourceConfig, at(a.Range)
			}
		}
	}
	for _, b := range content.Blocks {
		attrs, _ := b.Body.JustAttributes()
		names := make([]string, 0, len(attrs))
		for n := range attrs {
			names = append(names, n)
		}
		slices.Sort(names)
		var parts []string
		for _, n := range names {
			parts = append(parts, n+" = "+text(attrs[n]))
		}
		name := b.Type
		if len(b.Labels) > 0 {
			name += " " + b.Labels[0]
		}
		if b.Type == "teramotc" {
			if a := attrs["required_version"]; a != nil {
				settings = append(settings, view.ConfigSetting{Name: "required_version", Value: text(a), Source: view.SourceConfig, Origin: at(a.Range)})
			}
			continue
		}
		settings = append(settings, view.ConfigSetting{Name: name, Value: strings.Join(parts, ", "), Source: view.SourceConfig, Origin: at(b.DefRange)})
	}
	return settings
}

// envOnlySettings are the settings read only from the environment, for
// the commands that read them.
func envOnlySettings(env *Env, fs *flag.FlagSet) []view.ConfigSetting {
	var vars []string
	switch fs.Name() {
	case "lint":
		vars = []string{"TERAMOTC_NOW"}
	case "plan", "apply":
		vars = []string{"TERAMOTC_NOW", "TERAMOTC_REQUEST_TIMEOUT", "TERAMOTC_LOG"}
	case "import":
		vars = []string{"TERAMOTC_REQUEST_TIMEOUT", "TERAMOTC_LOG"}
	}
	defaults := map[string]string{"TERAMOTC_NOW": "", "TERAMOTC_REQUEST_TIMEOUT": "30s", "TERAMOTC_LOG": ""}
	var out []view.ConfigSetting
	for _, v := range vars {
		s := view.ConfigSetting{Name: v, Value: defaults[v], Source: view.SourceDefault}
		if val := env.Getenv(v); val != "" {
			s.Value, s.Source, s.Origin = val, view.SourceEnv, v
		}
		out = append(out, s)
	}
	return out
}
