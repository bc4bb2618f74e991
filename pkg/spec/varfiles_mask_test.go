package spec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestVarFileValuesMaskedInSnippets: the diagnostics about a -var-file line
// or a default whose value may be a secret are printed from file bytes
// without it: a near-miss name of a sensitive variable (or any undeclared
// name: its sensitivity is unknown), a value for a sensitive variable that
// fails to evaluate (a function call, an interpolation), a sensitive
// default that fails to evaluate, and a var file's syntax error (no
// snippet at all). A declared variable that is not sensitive is shown.
func TestVarFileValuesMaskedInSnippets(t *testing.T) {
	const secret = "QzXSEKRETvalue42"
	spec := func(xid string) string {
		return minimalBucket + "variable \"xid\" {\n  type      = string\n  sensitive = true\n" + xid + "}\n" +
			"variable \"owner\" {\n  type    = string\n  default = \"o\"\n}\n"
	}
	tests := []struct {
		name     string
		xid      string   // more of the sensitive variable's block
		varFile  string   // vars.tfvars, when set
		want     []string // the summaries of the diagnostics in files
		wantShow string   // a file a snippet is printed from holds this
	}{
		{name: "near miss of a sensitive name", varFile: "xidd = \"" + secret + "\"\n",
			want: []string{"Value for undeclared variable"}},
		{name: "undeclared name", varFile: "token = \"" + secret + "\"\n",
			want: []string{"Value for undeclared variable"}},
		{name: "function call", varFile: "xid = upper(\"" + secret + "\")\n",
			want: []string{"Function calls not allowed"}},
		{name: "interpolation", varFile: "xid = \"" + secret + "-${foo}\"\n",
			want: []string{"Variables not allowed"}},
		{name: "reference", varFile: "xid = local." + secret + "\n",
			want: []string{"Variables not allowed"}},
		{name: "syntax error", varFile: "xid = \"" + secret + "\nowner = \"o\"\n",
			want: []string{"Invalid multi-line string", "Invalid multi-line string", "Unterminated template string"}},
		{name: "sensitive default", xid: "  default   = \"S-${local.a}-" + secret + "\"\n",
			want: []string{"Variables not allowed"}},
		{name: "not sensitive: shown", varFile: "owner = upper(\"" + secret + "\")\n",
			want: []string{"Function calls not allowed"}, wantShow: secret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"main.hcl": spec(tt.xid)}
			if tt.varFile != "" {
				files["vars.tfvars"] = tt.varFile
			}
			dir := writeSpec(t, files)
			opts := Options{Vars: []string{"xid=x"}} // after the var file
			if tt.varFile != "" {
				opts.VarFiles = []string{filepath.Join(dir, "vars.tfvars")}
			}
			loaded, diags := Load(dir, opts)
			var got []string
			shown := ""
			for _, d := range diags {
				if d.Subject == nil {
					continue
				}
				got = append(got, d.Summary)
				if f := loaded.Files[d.Subject.Filename]; f != nil {
					shown += string(f.Bytes)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("diagnostics in files (-want +got):\n%s\n%s", diff, diagText(diags))
			}
			if tt.wantShow != "" {
				if !strings.Contains(shown, tt.wantShow) {
					t.Errorf("the snippets' files lack %q:\n%s", tt.wantShow, shown)
				}
				return
			}
			if strings.Contains(shown, secret) {
				t.Errorf("a file a snippet is printed from holds the value:\n%s", shown)
			}
			if text := diagText(diags); strings.Contains(text, secret) {
				t.Errorf("diagnostics hold the value:\n%s", text)
			}
		})
	}
}

// TestVarFileSyntaxErrorNoSnippet: a -var-file with a syntax error keeps
// its location but no source lines to print; a spec file with one keeps
// its snippet.
func TestVarFileSyntaxErrorNoSnippet(t *testing.T) {
	dir := writeSpec(t, map[string]string{
		"main.hcl":    minimalBucket,
		"vars.tfvars": "a = 1\nb = \"x\n",
	})
	vars := filepath.Join(dir, "vars.tfvars")
	loaded, diags := Load(dir, Options{VarFiles: []string{vars}})
	var at []hcl.Range
	for _, d := range diags {
		if d.Subject != nil {
			at = append(at, *d.Subject)
		}
	}
	if len(at) == 0 || at[0].Filename != vars || at[0].Start.Line != 2 {
		t.Fatalf("want the error at %s line 2, got %v:\n%s", vars, at, diagText(diags))
	}
	if f := loaded.Files[vars]; f == nil || len(f.Bytes) != 0 {
		t.Errorf("the var file's bytes are kept for a snippet: %+v", f)
	}
}
