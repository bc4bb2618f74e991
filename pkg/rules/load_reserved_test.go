package rules

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// ruleModule is a custom rule in package pkg with id ACME900 whose deny
// uses the built-in library, so that a load also checks the import.
func ruleModule(pkg string) string {
	return `# METADATA
# title: Every bucket has a label
# custom:
#   id: ACME900
#   severity: notice
package ` + pkg + `

import data.teramotc.lib.common

deny contains common.finding("bucket without a label", b.range, b.address) if {
	some b in input.buckets
	b.label == ""
}
`
}

// TestReservedPackages: a custom module (lint --policy and policy test) in
// the built-in namespace is refused at its package clause, whatever it
// holds; custom rules in teramotc.rules.<name> of their own, their tests
// and packages outside the namespace load, and can import the built-in
// library.
func TestReservedPackages(t *testing.T) {
	helper := func(pkg string) string { return "package " + pkg + "\n\nsource_scoped(_) := true\n" }
	tests := []struct {
		name, src string
		want      string // part of the detail; "" loads
	}{
		{"library helper override", helper("teramotc.lib.common"), "in the built-in library teramotc.lib"},
		{"library package of its own", helper("teramotc.lib.acme"), "in the built-in library teramotc.lib"},
		{"library test package", "package teramotc.lib.common_test\n\ntest_x if true\n", "in the built-in library teramotc.lib"},
		{"namespace root", helper("teramotc"), "the root of the built-in namespace teramotc"},
		{"other namespace part", helper("teramotc.acme"), "in the namespace teramotc, which is reserved"},
		{"rules parent", helper("teramotc.rules"), "the parent package of every rule"},
		{"built-in rule package", helper("teramotc.rules.service_principal_scoped"), "the package of built-in rule TMC108"},
		{"built-in rule package with a new id", ruleModule("teramotc.rules.tls_only"), "the package of built-in rule TMC104"},
		{"built-in rule's test package", "package teramotc.rules.tls_only_test\n\ntest_x if true\n", "the test package of built-in rule TMC104"},
		{"inside a built-in rule package", helper("teramotc.rules.no_wildcard_principal.helpers"), "inside the package of built-in rule TMC102"},
		{"quoted path", "package teramotc[\"lib\"].common\n\nnarrowed(_) := true\n", "in the built-in library teramotc.lib"},

		{"custom rule", ruleModule("teramotc.rules.acme_labels"), ""},
		{"custom rule named like a built-in's prefix", ruleModule("teramotc.rules.tls_only_acme"), ""},
		{"custom rule's test package", "package teramotc.rules.acme_labels_test\n\ntest_x if true\n", ""},
		{"helper package of its own", helper("acme.lib"), ""},
		{"capitalised namespace", helper("Teramotc.lib.common"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "p.rego")
			if strings.Contains(tt.src, "test_x") {
				file = filepath.Join(dir, "p_test.rego")
			}
			writePolicy(t, file, tt.src)
			_, lerr := Load(context.Background(), Options{PolicyDirs: []string{dir}})
			_, terr := TestPolicies(context.Background(), TestOptions{Dirs: []string{dir}})
			if tt.want == "" {
				if lerr != nil {
					t.Fatalf("Load: %v", lerr)
				}
				if terr != nil {
					t.Fatalf("TestPolicies: %v", terr)
				}
				return
			}
			for what, err := range map[string]error{"Load": lerr, "TestPolicies": terr} {
				if strings.HasSuffix(file, "_test.rego") && what == "Load" {
					continue // lint reads no test module
				}
				d := reservedDiag(t, what, err)
				if !strings.Contains(d.Detail, tt.want) || !strings.Contains(d.Detail, "import data.teramotc.lib.common") {
					t.Errorf("%s detail %q, want it to say %q and how to import the library", what, d.Detail, tt.want)
				}
				if d.Subject == nil || d.Subject.Filename != file || d.Subject.Start.Line != lineOf(tt.src, "package ") {
					t.Errorf("%s subject %v, want the package clause of %s", what, d.Subject, file)
				}
			}
		})
	}
}

func reservedDiag(t *testing.T, what string, err error) *hcl.Diagnostic {
	t.Helper()
	var pe *PolicyError
	if !errors.As(err, &pe) || len(pe.Diags) != 1 {
		t.Fatalf("%s: %v, want one Reserved policy package error", what, err)
	}
	if pe.Diags[0].Summary != "Reserved policy package" {
		t.Fatalf("%s: %v, want Reserved policy package", what, err)
	}
	return pe.Diags[0]
}

func lineOf(src, prefix string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	return 0
}

// TestReservedPackagesAll: every refused module of the directories is
// reported, each at its package clause (the whole path), in file order.
func TestReservedPackagesAll(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, filepath.Join(dir, "a.rego"), "package teramotc.lib.common\n\nsource_scoped(_) := true\n")
	writePolicy(t, filepath.Join(dir, "b.rego"), ruleModule("teramotc.rules.acme_labels"))
	writePolicy(t, filepath.Join(dir, "c.rego"), "# the library\npackage teramotc.lib.sharing\n\noutsider(_) := false\n")
	_, err := Load(context.Background(), Options{PolicyDirs: []string{dir}})
	diags, _ := Diagnostics(err)
	var got []string
	for _, d := range diags {
		got = append(got, d.Subject.String())
	}
	want := []string{
		filepath.Join(dir, "a.rego") + ":1,1-28",
		filepath.Join(dir, "c.rego") + ":2,1-29",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("subjects (-want +got):\n%s", diff)
	}
}

// TestCustomRuleImportsLibrary: a custom rule that imports the built-in
// library is evaluated with it.
func TestCustomRuleImportsLibrary(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, filepath.Join(dir, "r.rego"), strings.Replace(ruleModule("teramotc.rules.acme_labels"),
		`b.label == ""`, `b.label == "data"`, 1))
	set, err := Load(context.Background(), Options{PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(t.TempDir(), "main.hcl")
	if err := os.WriteFile(spec, []byte("bucket \"data\" {\n  name   = \"acme-reserved-data\"\n  region = \"us-east-1\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := set.Lint(context.Background(), []string{spec}, LintOptions{Only: []string{"ACME900"}})
	if len(res) != 1 || res[0].Diagnostics.HasErrors() {
		t.Fatalf("lint: %s", diagText(res[0]))
	}
	var ids []string
	for _, f := range res[0].Findings {
		ids = append(ids, f.Rule.ID+" "+f.Address)
	}
	if diff := cmp.Diff([]string{"ACME900 bucket.data"}, ids); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
