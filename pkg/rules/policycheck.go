package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/spec"
)

// CheckOptions select the policies CheckPolicies checks.
type CheckOptions struct {
	// Paths are custom policy directories (or .rego files), with their
	// *_test.rego files.
	Paths []string
	// Builtin also checks the built-in policies and their tests.
	Builtin bool
	// AllowNetworkBuiltins: see Options.
	AllowNetworkBuiltins bool
}

// CheckResult is what CheckPolicies found.
type CheckResult struct {
	// Diags are the problems, errors and warnings, in file order within
	// each stage (loading, packages, metadata, compilation).
	Diags hcl.Diagnostics
	// Files holds the sources the diagnostics point into, for snippets.
	Files map[string]*hcl.File
	// Modules is the number of files checked, Rules the number of rules.
	Modules, Rules int
}

// CheckPolicies checks policies as "opa check --strict" does and against
// the contract lint -policy enforces: they parse, no custom module is in a
// package reserved for the built-ins (checkReserved), every rule package has
// a valid METADATA with an id no other rule uses and a deny rule (rulesOf),
// and every module, tests included, compiles in OPA's strict mode. Unlike
// lint, it reports the problems of every file and every rule package, not
// only the first. A PATH without any .rego file is an error ("No policy
// files"). Warnings are a custom rule without a documentation URL and a
// METADATA custom key that looks like a misspelt known one.
func CheckPolicies(opts CheckOptions) *CheckResult {
	res := &CheckResult{Files: map[string]*hcl.File{}}
	add := func(err error) {
		diags, files := Diagnostics(err)
		res.Diags = append(res.Diags, diags...)
		for name, f := range files {
			res.Files[name] = f
		}
	}
	all, err := BuiltinModules(opts.Builtin)
	if err != nil {
		add(err)
		return res
	}
	builtin := len(all)
	for _, p := range opts.Paths {
		mods, err := DirModules(p, true)
		if err != nil {
			add(err)
			continue
		}
		if len(mods) == 0 {
			// A misspelt or wrong PATH in CI must not pass as "0 policy
			// files checked", as policy test fails on a run without tests.
			res.Diags = append(res.Diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "No policy files",
				Detail: fmt.Sprintf("There is no .rego file in %s, so there is nothing to check. "+
					"Give the directory that holds your policies, such as the policy/ directory that teramotc init writes.", p),
			})
			continue
		}
		all = append(all, mods...)
	}
	if res.Diags.HasErrors() {
		return res // compiling what did load would only add confusion
	}
	custom := all[builtin:]
	res.Modules = len(custom)
	if opts.Builtin {
		res.Modules = len(all)
	}
	if err := checkReserved(all[:builtin], custom); err != nil {
		add(err)
	}
	nb, nc := checkMetadata(all[:builtin], custom, add, func(d *hcl.Diagnostic, m *Module) {
		res.Diags = append(res.Diags, d)
		res.Files[m.File] = &hcl.File{Bytes: m.Source}
	})
	res.Rules = nc
	if opts.Builtin {
		res.Rules += nb
	}
	if err := checkCompile(all, opts.AllowNetworkBuiltins); err != nil {
		add(err)
	}
	return res
}

// checkMetadata checks the METADATA of the built-in rules, then of each
// custom rule package on its own, with rulesOf, so that every package's
// first problem is reported; ids are unique across all of them. It returns
// the number of valid built-in and custom rules; errors go to add,
// warnings to warn.
func checkMetadata(builtin, custom []*Module, add func(error), warn func(*hcl.Diagnostic, *Module)) (nb, nc int) {
	known := metaRulesByID()
	rs, err := rulesOf(builtin, false, known)
	if err != nil {
		add(err)
	}
	nb = len(rs)
	var order []string
	byPkg := map[string][]*Module{}
	for _, m := range custom {
		if m.Test {
			continue
		}
		pkg := m.Parsed.Package.Path.String()
		if byPkg[pkg] == nil {
			order = append(order, pkg)
		}
		byPkg[pkg] = append(byPkg[pkg], m)
	}
	for _, pkg := range order {
		group := byPkg[pkg]
		for _, m := range group {
			for _, d := range metadataKeyWarnings(m) {
				warn(d, m)
			}
		}
		crs, err := rulesOf(group, true, known)
		if err != nil {
			add(withMetadataHint(err, group))
			continue
		}
		for _, r := range crs {
			nc++
			if customLink(r) == "" {
				warn(noLinkWarning(r, group[0]), group[0])
			}
		}
	}
	return nb, nc
}

// checkCompile compiles every module, tests included, in OPA's strict
// mode. An error that only strict mode reports is marked as such.
func checkCompile(mods []*Module, allowNetwork bool) error {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		if _, dup := modules[m.File]; dup {
			return policyError(nil, "Policy file given twice",
				"%s is loaded twice. Give each policy directory or file once.", m.File)
		}
		modules[m.File] = m.Parsed
	}
	compile := func(strict bool) ast.Errors {
		c := ast.NewCompiler().
			WithCapabilities(Capabilities(allowNetwork)).
			WithDefaultRegoVersion(ast.RegoV1).
			WithEnablePrintStatements(true).
			WithStrict(strict)
		c.Compile(modules)
		return c.Errors
	}
	errs := compile(true)
	if len(errs) == 0 {
		return nil
	}
	lax := map[string]bool{}
	for _, e := range compile(false) {
		lax[e.Error()] = true
	}
	strictOnly := make([]bool, len(errs))
	for i, e := range errs {
		strictOnly[i] = !lax[e.Error()]
	}
	err := regoError(errs, mods, allowNetwork)
	var pe *PolicyError
	if errors.As(err, &pe) {
		for i, d := range pe.Diags {
			if i < len(strictOnly) && strictOnly[i] {
				d.Summary = "Strict mode error"
				d.Detail += " Only OPA's strict mode refuses this (unused variables, imports and arguments, shadowed names); policy check compiles in it, as opa check --strict does, and lint does not."
			}
		}
	}
	return err
}

// noLinkWarning is the warning about a custom rule without an http(s)
// URL in related_resources.
func noLinkWarning(r *Rule, m *Module) *hcl.Diagnostic {
	files := sourceFiles([]*Module{m})
	rng := regoRange(metadataLocation(m), files[m.File])
	return &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Rule without documentation URL",
		Detail: fmt.Sprintf("Rule %s (package %s) has no http(s) URL in its METADATA related_resources, so its findings carry no "+
			"documentation link (explain, SARIF helpUri). Add one, as in `related_resources: [{ref: \"https://wiki.example.com/%s\"}]`.",
			r.ID, strings.TrimPrefix(r.Package, "data."), r.ID),
		Subject: &rng,
	}
}

// knownCustomKeys are the METADATA custom keys ruleFromModule reads.
var knownCustomKeys = []string{"id", "name", "severity", "security_severity", "remediation", "hard", "peers"}

// severities are the values of custom.severity.
var severities = []string{string(SeverityError), string(SeverityWarning), string(SeverityNotice)}

// closestWord returns the word of words nearest to s (an edit distance of
// at most 2, less than s's length), or "".
func closestWord(s string, words []string) string {
	best, dist := "", 3
	for _, w := range words {
		if d := spec.EditDistance(s, w); d < dist && d < len(s) {
			best, dist = w, d
		}
	}
	return best
}

// metadataKeyWarnings warns about the custom keys of m's package METADATA
// that are not read but are close to a key that is (custom.severty).
func metadataKeyWarnings(m *Module) []*hcl.Diagnostic {
	a := packageAnnotation(m)
	if a == nil {
		return nil
	}
	var out []*hcl.Diagnostic
	keys := make([]string, 0, len(a.Custom))
	for k := range a.Custom {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	files := sourceFiles([]*Module{m})
	for _, k := range keys {
		if slices.Contains(knownCustomKeys, k) {
			continue
		}
		if near := closestWord(k, knownCustomKeys); near != "" {
			rng := regoRange(a.Location, files[m.File])
			out = append(out, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Unknown METADATA key",
				Detail: fmt.Sprintf("teramotc reads no custom.%s, so its value is ignored. Did you mean custom.%s? Rename the key, or give it a name further from custom.%s.",
					k, near, near),
				Subject: &rng,
			})
		}
	}
	return out
}

// packageAnnotation is the package-scoped METADATA of m, or nil.
func packageAnnotation(m *Module) *ast.Annotations {
	var a *ast.Annotations
	for _, ann := range m.Parsed.Annotations {
		if ann.Scope == "package" {
			a = ann
		}
	}
	return a
}

// withMetadataHint adds "Did you mean" to an invalid METADATA error of a
// rule package: a custom.severity close to a valid one, or a missing
// custom.id or custom.severity given under a misspelt key.
func withMetadataHint(err error, group []*Module) error {
	var pe *PolicyError
	if !errors.As(err, &pe) || len(pe.Diags) != 1 || pe.Diags[0].Summary != "Invalid rule metadata" {
		return err
	}
	for _, m := range group {
		a := packageAnnotation(m)
		if a == nil {
			continue
		}
		if sev, ok := a.Custom["severity"].(string); ok && !Severity(sev).Valid() {
			if near := closestWord(sev, severities); near != "" {
				pe.Diags[0].Detail += fmt.Sprintf(" Did you mean %q?", near)
				return err
			}
		}
		for _, want := range []string{"id", "severity"} {
			if _, ok := a.Custom[want]; ok {
				continue
			}
			for k := range a.Custom {
				if !slices.Contains(knownCustomKeys, k) && closestWord(k, knownCustomKeys) == want {
					pe.Diags[0].Detail += fmt.Sprintf(" Did you mean custom.%s (not custom.%s)?", want, k)
					return err
				}
			}
		}
	}
	return err
}
