package spec

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSecretsHidden(t *testing.T) {
	const (
		keyID  = "AKIAIOSFODNN7EXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYPLUS"
	)
	dir := writeSpec(t, map[string]string{
		"main.hcl": `variable "owner" {
  type = string
}

bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
  tags = {
    key   = "` + keyID + `" # ` + keyID + `
    owner = var.owner
  }
}
`,
		"creds.tfvars": `owner = "x"
aws_secret_access_key = "` + secret + `"
`,
	})
	varFile := filepath.Join(dir, "creds.tfvars")
	loaded, diags := Load(dir, Options{VarFiles: []string{varFile}, Vars: []string{"owner=" + secret}})
	if diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagText(diags))
	}
	if len(loaded.Spec.Secrets) != 3 { // the key id twice (value and comment), the secret once
		t.Fatalf("found %d secrets, want 3", len(loaded.Spec.Secrets))
	}
	for name, f := range loaded.Files {
		if strings.Contains(string(f.Bytes), keyID) || strings.Contains(string(f.Bytes), secret) {
			t.Errorf("%s still holds a key:\n%s", name, f.Bytes)
		}
	}
	main := loaded.Files[filepath.Join(dir, "main.hcl")]
	if want := `key   = "` + strings.Repeat("*", len(keyID)) + `" # ` + strings.Repeat("*", len(keyID)); !strings.Contains(string(main.Bytes), want) {
		t.Errorf("main.hcl is not masked in place:\n%s", main.Bytes)
	}
	for _, tag := range loaded.Spec.Buckets[0].Tags.Entries {
		if !tag.Sensitive {
			t.Errorf("tag %s holds a key but is not sensitive", tag.Key)
		}
	}
	b, _ := json.Marshal(loaded.Spec)
	for _, s := range []string{keyID, secret} {
		if got := loaded.Redact("a " + s + " b"); got != "a "+strings.Repeat("*", len(s))+" b" {
			t.Errorf("Redact = %q", got)
		}
		if strings.Count(string(b), s) != strings.Count(string(b), `"value":"`+s) {
			t.Errorf("the model JSON holds %s outside attribute values", s)
		}
	}
	if got := (*Loaded)(nil).Redact("x"); got != "x" {
		t.Errorf("nil Redact = %q", got)
	}
}

func TestSecretsHiddenInDiagnostics(t *testing.T) {
	const keyID = "AKIAIOSFODNN7EXAMPLE"
	dir := writeSpec(t, map[string]string{
		"main.hcl": `bucket "data" {
  name   = "teramot-test-data"
  region = "` + keyID + `"
}
`,
	})
	loaded, diags := Load(dir, Options{})
	if !diags.HasErrors() {
		t.Fatal("an access key as region is valid")
	}
	if text := diagText(diags); strings.Contains(text, keyID) {
		t.Errorf("a diagnostic repeats the key:\n%s", text)
	}
	if strings.Contains(string(loaded.Files[filepath.Join(dir, "main.hcl")].Bytes), keyID) {
		t.Error("the file bytes still hold the key")
	}
}
