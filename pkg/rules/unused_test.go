package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnusedOnlyWhenRulesRan checks that TMC903 reports a suppression only
// when every rule ran on the spec: a configuration or spec error, or an
// evaluation that did not finish, leaves nothing it could have matched.
func TestUnusedOnlyWhenRulesRan(t *testing.T) {
	const (
		used = "bucket \"data\" {\n  name = \"acme-cfg-data\"\n  region = \"us-east-1\"\n" +
			"  versioning = true # teramotc:ignore TMC303 -- ok\n}\n"
		moved = "bucket \"data\" {\n  name = \"acme-cfg-data\"\n  region = \"us-east-1\" # teramotc:ignore TMC303 -- ok\n" +
			"  versioning = true\n}\n"
		badConfig = "rule \"TMC205\" { severity = \"eror\" }\n"
		ignore    = "ignore \"TMC101\" {\n  addresses = [\"bucket.data\"]\n  reason = \"ok\"\n}\n"
	)
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name        string
		spec, cfg   string
		ctx         context.Context
		wantUnused  int
		wantErrored bool
	}{
		{name: "used", spec: used},
		{name: "moved", spec: moved, wantUnused: 1},
		{name: "unused ignore block", spec: used, cfg: ignore, wantUnused: 1},
		{name: "invalid config", spec: used, cfg: badConfig, wantErrored: true},
		{name: "invalid config with ignore block", spec: used, cfg: badConfig + ignore, wantErrored: true},
		{name: "invalid spec", spec: moved[:len(moved)-2] + "  bogus = 1\n}\n", wantErrored: true},
		{name: "evaluation stopped", spec: moved, ctx: canceled, wantErrored: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, src string) {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			write("main.hcl", tc.spec)
			if tc.cfg != "" {
				write(ConfigFileName, tc.cfg)
			}
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			res := set.Lint(ctx, []string{dir}, LintOptions{Parallel: 1})[0]
			if got := res.Diagnostics.HasErrors(); got != tc.wantErrored {
				t.Fatalf("errors = %v, want %v: %v", got, tc.wantErrored, res.Diagnostics)
			}
			unused := 0
			for _, f := range res.Findings {
				if f.Rule.ID == RuleSuppressionUnused.ID {
					unused++
				}
			}
			if unused != tc.wantUnused {
				t.Errorf("%d TMC903 findings, want %d: %v", unused, tc.wantUnused, res.Findings)
			}
		})
	}
}

// TestSuppressionOfValidateError checks that a suppression matching only an
// error of validate's (the format part of TMC602, which AWS rejects and no
// suppression hides) is reported as unable to hide it, not as matching no
// finding, while the error itself stays unsuppressed.
func TestSuppressionOfValidateError(t *testing.T) {
	const grant = "bucket \"data\" {\n  name = \"acme-cfg-data\"\n  region = \"us-east-1\"\n}\n" +
		"grant \"p\" {\n  bucket = bucket.data\n  permissions = [\"read\"]\n  cross_account_role {\n" +
		"    name = \"p-access\"\n    trusted_account_id = \"210987654321\"\n    trusted_principal = \"root\"\n" +
		"    %s\n    external_id = \"x\"\n    policy_name = \"p-s3\"\n  }\n}\n"
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, comment, cfg string
	}{
		{name: "inline", comment: "# teramotc:ignore TMC602 -- partner insists"},
		{name: "ignore block", comment: "#", cfg: "ignore \"TMC602\" {\n  addresses = [\"grant.p\"]\n  reason = \"partner insists\"\n}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"main.hcl": fmt.Sprintf(grant, tc.comment)}
			if tc.cfg != "" {
				files[ConfigFileName] = tc.cfg
			}
			for name, src := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			res := set.Lint(context.Background(), []string{dir}, LintOptions{Parallel: 1})[0]
			var got []string
			for _, f := range res.Findings {
				switch f.Rule.ID {
				case RuleSuppressionUnused.ID:
					got = append(got, f.Message)
				case "TMC602":
					if f.Suppression != nil {
						t.Errorf("TMC602 error suppressed: %+v", f.Suppression)
					}
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], "cannot hide its error") {
				t.Errorf("TMC903 findings %q, want one saying it cannot hide the error", got)
			}
		})
	}
}
