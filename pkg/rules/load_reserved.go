package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

// Namespace is the first part of the package of every built-in module:
// teramotc.lib.* (the helper library) and teramotc.rules.* (the rules).
const Namespace = "teramotc"

// checkReserved refuses the custom modules (lint --policy, policy test)
// whose package is in the built-in namespace other than a custom rule's
// teramotc.rules.<name>: Rego merges every module of a package, so a
// custom module in teramotc.lib.common or in a built-in rule's package
// could redefine the helpers the built-in rules use and switch them off
// without any trace in the output. The error is a *PolicyError with one
// diagnostic per refused module, at its package clause. builtin are the
// built-in modules loaded with them, which name the built-in rules.
func checkReserved(builtin, custom []*Module) error {
	owners := builtinRulePackages(builtin)
	var bad []*Module
	var msgs []string
	for _, m := range custom {
		if msg := reservedPackage(packageParts(m.Parsed.Package.Path), owners); msg != "" {
			bad = append(bad, m)
			msgs = append(msgs, msg)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	files := sourceFiles(bad)
	var diags hcl.Diagnostics
	for i, m := range bad {
		pkg := strings.TrimPrefix(m.Parsed.Package.Path.String(), "data.")
		rng := regoRange(packageLocation(m), files[m.File])
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Reserved policy package",
			Detail: fmt.Sprintf("%s declares package %s, which is %s. A custom module cannot add to teramotc's built-in packages: "+
				"it could change what the built-in rules find, unseen. The namespace %s is reserved for the built-in library (%s.lib) and rules, "+
				"except for custom rules, each in a package %s.rules.<name> of its own whose name is not a built-in rule's. "+
				"Put helper rules in a package of your own, such as acme.lib, and use the built-in library through an import "+
				"(`import data.%s.lib.common`).", m.File, pkg, msgs[i], Namespace, Namespace, Namespace, Namespace),
			Subject: &rng})
	}
	return &PolicyError{Diags: diags, Files: files}
}

// packageLocation is the location of m's package clause, from the keyword
// to the end of the path (OPA's covers the keyword only).
func packageLocation(m *Module) *ast.Location {
	pkg := m.Parsed.Package
	loc := *pkg.Location
	last := pkg.Path[len(pkg.Path)-1].Location
	if last != nil && last.File == loc.File && loc.Offset >= 0 && last.Offset >= loc.Offset {
		if end := last.Offset + len(last.Text); end <= len(m.Source) {
			loc.Text = m.Source[loc.Offset:end]
		}
	}
	return &loc
}

// builtinRulePackages maps the last part of each built-in rule package
// (teramotc.rules.tls_only: "tls_only") to its rule id ("" when its
// metadata cannot be read). Test modules are left out: reservedPackage
// derives their packages (tls_only_test).
func builtinRulePackages(builtin []*Module) map[string]string {
	out := map[string]string{}
	for _, m := range builtin {
		parts := packageParts(m.Parsed.Package.Path)
		if m.Test || len(parts) < 3 || parts[0] != Namespace || parts[1] != "rules" {
			continue
		}
		if r, err := ruleFromModule(m.File, m.Parsed); err == nil && r != nil {
			out[parts[2]] = r.ID
		} else if _, ok := out[parts[2]]; !ok {
			out[parts[2]] = ""
		}
	}
	return out
}

// packageParts returns the parts of a package path after data:
// data.teramotc.lib.common is ["teramotc", "lib", "common"].
func packageParts(path ast.Ref) []string {
	var parts []string
	for _, t := range path[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			s = ast.String(t.Value.String())
		}
		parts = append(parts, string(s))
	}
	return parts
}

// reservedPackage says what reserved package parts is ("the package of
// built-in rule TMC104"), or returns "" for a package a custom module may
// use: one outside the namespace, or teramotc.rules.<name> (and below) for
// a name that is neither a built-in rule's nor its test package's.
// owners is builtinRulePackages.
func reservedPackage(parts []string, owners map[string]string) string {
	if len(parts) == 0 || parts[0] != Namespace {
		return ""
	}
	switch {
	case len(parts) == 1:
		return "the root of the built-in namespace " + Namespace
	case parts[1] == "lib":
		return "in the built-in library " + Namespace + ".lib"
	case parts[1] != "rules":
		return "in the namespace " + Namespace + ", which is reserved"
	case len(parts) == 2:
		return "the parent package of every rule, not a rule's package"
	}
	name, what := parts[2], "the package"
	id, ok := owners[name]
	if !ok {
		if base, isTest := strings.CutSuffix(name, "_test"); isTest {
			id, ok = owners[base]
			what = "the test package"
		}
	}
	if !ok {
		return ""
	}
	rule := "a built-in rule"
	if id != "" {
		rule = "built-in rule " + id
	}
	if len(parts) > 3 {
		return fmt.Sprintf("inside %s of %s (%s.rules.%s)", what, rule, Namespace, name)
	}
	return what + " of " + rule
}
