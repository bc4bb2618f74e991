package spec

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSecretsScan(t *testing.T) {
	const (
		keyID  = "AKIAIOSFODNN7EXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	)
	dir := writeSpec(t, map[string]string{
		"main.hcl": `
bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
  tags = {
    key      = "` + keyID + `"
    not_key  = "XAKIAIOSFODNN7EXAMPLE"
    checksum = "0123456789012345678901234567890123456789"
  }
}
# temp creds: ASIAY34FZKBOKMUTVV7A
`,
		"creds.tfvars": `aws_secret_access_key = "` + secret + `"
`,
	})
	loaded, diags := Load(dir, Options{VarFiles: []string{dir + "/creds.tfvars"}})
	if diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagText(diags))
	}
	type hit struct {
		Kind, File string
		Line, Col  int
	}
	var got []hit
	for _, h := range loaded.Spec.Secrets {
		got = append(got, hit{h.Kind, strings.TrimPrefix(h.Range.Filename, dir+"/"), h.Range.Start.Line, h.Range.Start.Column})
	}
	want := []hit{
		{"access_key_id", "main.hcl", 6, 17},
		{"access_key_id", "main.hcl", 11, 15},
		{"secret_access_key", "creds.tfvars", 1, 26},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(loaded.Spec.Secrets)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), keyID) || strings.Contains(string(b), secret) {
		t.Errorf("the secret text is kept in the model: %s", b)
	}
}
