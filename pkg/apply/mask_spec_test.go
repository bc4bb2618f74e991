package apply

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestSensitiveStringsFromNestedValues: a value derived from a sensitive
// variable inside a struct, map or list of the model (a principal ARN) is
// one of the engine's secrets, so it is masked in the printed plan, in text
// about the plan, and in progress lines and warnings.
func TestSensitiveStringsFromNestedValues(t *testing.T) {
	const (
		acct = "913476520813"
		arn  = "arn:aws:iam::" + acct + ":role/x"
	)
	tests := []struct {
		name, statement string
	}{
		{"principal map", `principals = { AWS = ["arn:aws:iam::${var.acct}:role/x"] }`},
		{"principal list of several", `principals = { AWS = ["arn:aws:iam::111122223333:role/y", "arn:aws:iam::${var.acct}:role/x"] }`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := `variable "acct" {
  type      = string
  sensitive = true
  default   = "` + acct + `"
}

bucket "data" {
  name   = "acme-nested-secret"
  region = "us-east-1"

  statement "Partner" {
    ` + tc.statement + `
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-nested-secret/*"]
  }
}
`
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			loaded, diags := spec.Load(dir, spec.Options{})
			if diags.HasErrors() {
				t.Fatalf("load: %s", diags.Error())
			}
			if got := loaded.Redact("principal " + arn); strings.Contains(got, acct) {
				t.Fatalf("spec's Redact leaves the ARN: %q", got)
			}
			out, diags := render.Render(loaded.Spec)
			if diags.HasErrors() {
				t.Fatalf("render: %s", diags.Error())
			}
			items, err := Desired(loaded.Spec, out)
			if err != nil {
				t.Fatal(err)
			}
			f := newFake()
			e := fakeEngine(t, f)
			rec := recordProgress(e)
			p := planFor(t, e, items)

			b, err := json.Marshal(p.Redacted())
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), acct) {
				t.Errorf("the printed plan holds the sensitive account: %s", b)
			}
			if got := p.Mask("AccessDenied for " + arn); strings.Contains(got, acct) {
				t.Errorf("Plan.Mask leaves the ARN: %q", got)
			}
			if _, err := e.Apply(t.Context(), p, false); err != nil {
				t.Fatal(err)
			}
			e.warnOnce("test", "MalformedPolicy: invalid principal "+arn)
			e.report(ProgressEvent{Kind: ProgressWarning, Detail: "kept " + arn})
			text := rec.text()
			rec.mu.Lock()
			defer rec.mu.Unlock()
			if strings.Contains(text, acct) {
				t.Errorf("progress events hold the sensitive account:\n%s", text)
			}
			if !strings.Contains(text, "invalid principal "+Redacted) {
				t.Errorf("the warning does not show the masked ARN:\n%s", text)
			}
			for _, ev := range rec.events {
				if strings.Contains(ev.Detail, acct) {
					t.Errorf("%s event detail holds the sensitive account: %q", ev.Kind, ev.Detail)
				}
			}
		})
	}
}
