package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

// doc returns the rendered document at path, or nil.
func doc(out *Output, path string) *Document {
	for _, d := range out.Documents {
		if d.Path == path {
			return d
		}
	}
	return nil
}

// decoded is the document as written to disk, decoded again.
func decoded(t *testing.T, d *Document) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(Marshal(d), &v); err != nil {
		t.Fatalf("%s: invalid JSON: %v", d.Path, err)
	}
	return v
}

func parseJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad expected JSON: %v\n%s", err, s)
	}
	return v
}

func mustRender(t *testing.T, s *spec.Spec) *Output {
	t.Helper()
	out, diags := Render(s)
	if diags.HasErrors() {
		t.Fatalf("render: %s", diags.Error())
	}
	return out
}

// checkDoc compares the document at path with want (JSON), or checks that
// there is no such document when want is "".
func checkDoc(t *testing.T, out *Output, path, want string) {
	t.Helper()
	d := doc(out, path)
	if want == "" {
		if d != nil {
			t.Fatalf("%s rendered, want no file:\n%s", path, Marshal(d))
		}
		return
	}
	if d == nil {
		t.Fatalf("%s not rendered", path)
	}
	if diff := cmp.Diff(parseJSON(t, want), decoded(t, d)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	for name, s := range map[string]*spec.Spec{"user": guideModel(false), "role": guideModel(true), "minimal": minimalModel()} {
		t.Run(name, func(t *testing.T) {
			first := mustRender(t, s)
			for range 20 {
				again := mustRender(t, s)
				if len(again.Documents) != len(first.Documents) {
					t.Fatalf("%d documents, then %d", len(first.Documents), len(again.Documents))
				}
				for i, d := range first.Documents {
					if a, b := Marshal(d), Marshal(again.Documents[i]); !bytes.Equal(a, b) {
						t.Fatalf("%s differs between runs:\n%s\n---\n%s", d.Path, a, b)
					}
				}
			}
		})
	}
}

func TestRenderFileSet(t *testing.T) {
	tests := []struct {
		name string
		spec *spec.Spec
		want []string
	}{
		{"minimal", minimalModel(), []string{
			"buckets/teramot-minimal-example/bucket-policy.json",
			"buckets/teramot-minimal-example/encryption.json",
			"buckets/teramot-minimal-example/logging.json",
			"buckets/teramot-minimal-example/ownership-controls.json",
			"buckets/teramot-minimal-example/public-access-block.json",
			"buckets/teramot-minimal-example/versioning.json",
			"manifest.json",
		}},
		{"role", guideModel(true), []string{
			"buckets/acme-teramot-logs/bucket-policy.json",
			"buckets/acme-teramot-logs/encryption.json",
			"buckets/acme-teramot-logs/lifecycle.json",
			"buckets/acme-teramot-logs/logging.json",
			"buckets/acme-teramot-logs/ownership-controls.json",
			"buckets/acme-teramot-logs/public-access-block.json",
			"buckets/acme-teramot-logs/versioning.json",
			"buckets/teramot-data-acme/bucket-policy.json",
			"buckets/teramot-data-acme/encryption.json",
			"buckets/teramot-data-acme/lifecycle.json",
			"buckets/teramot-data-acme/logging.json",
			"buckets/teramot-data-acme/ownership-controls.json",
			"buckets/teramot-data-acme/public-access-block.json",
			"buckets/teramot-data-acme/tagging.json",
			"buckets/teramot-data-acme/versioning.json",
			"grants/teramot/identity-policy.json",
			"grants/teramot/trust-policy.json",
			"manifest.json",
			"trails/teramot-data/event-selectors.json",
			"trails/teramot-data/trail.json",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range mustRender(t, tt.spec).Documents {
				got = append(got, d.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMinimalDefaults(t *testing.T) {
	out := mustRender(t, minimalModel())
	dir := "buckets/teramot-minimal-example/"
	checkDoc(t, out, dir+"public-access-block.json", `{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}`)
	checkDoc(t, out, dir+"ownership-controls.json", `{"Rules":[{"ObjectOwnership":"BucketOwnerEnforced"}]}`)
	checkDoc(t, out, dir+"encryption.json", `{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BucketKeyEnabled":false}]}`)
	checkDoc(t, out, dir+"versioning.json", `{"Status":"Enabled"}`)
	checkDoc(t, out, dir+"logging.json", `{}`)
	checkDoc(t, out, dir+"lifecycle.json", "")
	checkDoc(t, out, dir+"tagging.json", "")
	checkDoc(t, out, dir+"bucket-policy.json", `{"Version":"2012-10-17","Statement":[
	  {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
	   "Resource":["arn:aws:s3:::teramot-minimal-example","arn:aws:s3:::teramot-minimal-example/*"],
	   "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
	  {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
	   "Resource":"arn:aws:s3:::teramot-minimal-example/*",
	   "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"AES256"}}}]}`)
}

func TestEveryStatementHasProvenance(t *testing.T) {
	out := mustRender(t, guideModel(true))
	for _, d := range out.Documents {
		m, ok := d.Content.(map[string]any)
		if !ok {
			t.Fatalf("%s: content is %T", d.Path, d.Content)
		}
		st, _ := m["Statement"].([]any)
		for i := range st {
			p := pointer("/Statement", i)
			if r, ok := d.Provenance[p]; !ok || r.Filename == "" {
				t.Errorf("%s: no provenance for %s", d.Path, p)
			}
		}
	}
}

func TestUndeclaredBucketIsADiagnostic(t *testing.T) {
	s := guideModel(false)
	s.Grants[0].Bucket.Value = "nope"
	s.Trails[0].Bucket.Value = "nope"
	_, diags := Render(s)
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %v", len(diags), diags)
	}
	for _, d := range diags {
		if d.Summary != "Reference to undeclared bucket" || d.Subject == nil || !strings.Contains(d.Detail, `"nope"`) {
			t.Errorf("unexpected diagnostic %+v", d)
		}
	}
}

func TestManifest(t *testing.T) {
	s := guideModel(true)
	s.Root = "specs/acme"
	for _, b := range s.Buckets {
		b.DeclRange.Filename = "specs/acme/main.hcl"
	}
	out := mustRender(t, s)
	m := decoded(t, doc(out, ManifestPath)).(map[string]any)
	files := m["files"].([]any)
	if len(files) != len(out.Documents)-1 {
		t.Fatalf("manifest lists %d files, want %d", len(files), len(out.Documents)-1)
	}
	want := parseJSON(t, `{"address":"grant.teramot","kind":"trust-policy","path":"grants/teramot/trust-policy.json",
	  "sensitive":true,"source":{"file":"main.hcl","line":65,"column":1,"end_line":65,"end_column":20}}`)
	var got any
	for _, f := range files {
		if f.(map[string]any)["kind"] == "trust-policy" {
			got = f
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trust-policy entry (-want +got):\n%s", diff)
	}
	first := files[0].(map[string]any)["source"].(map[string]any)["file"]
	if first != "main.hcl" {
		t.Errorf("file relative to the root = %v, want main.hcl", first)
	}
}

func TestSameBucketNameTwice(t *testing.T) {
	s := guideModel(false)
	s.Buckets[1].Name.Value = s.Buckets[0].Name.Value
	_, diags := Render(s)
	if len(diags) != 1 || diags[0].Summary != "Two blocks render the same file" || *diags[0].Subject != s.Buckets[1].DeclRange {
		t.Fatalf("want duplicate-file diagnostics at bucket.logs, got %v", diags)
	}
}
