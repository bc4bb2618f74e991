package render

import (
	"bytes"
	"testing"
)

// orderBlocks are a log bucket and the buckets and trails that log to it,
// one block per file.
var orderBlocks = []string{
	`aws {
  account_id = "111122223333"
}
`,
	`bucket "logs" {
  name   = "teramot-order-logs"
  region = "us-east-1"
}
`,
	`bucket "alpha" {
  name   = "teramot-order-alpha"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "alpha/"
  }
}
`,
	`bucket "beta" {
  name   = "teramot-order-beta"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "beta/"
  }
}
`,
	`trail "trail-alpha" {
  bucket     = bucket.alpha
  log_bucket = bucket.logs.name
  log_prefix = "alpha"
}
`,
	`trail "trail-beta" {
  bucket     = bucket.beta
  log_bucket = bucket.logs.name
  log_prefix = "beta"
}
`,
}

// TestRenderIndependentOfFileNames: the same blocks render byte-identical
// files whatever the files holding them are called, so renaming a spec file
// never makes render -check stale nor plan an update. The statements of a
// log bucket's policy follow the source bucket's and trail's labels, not
// the order the files are read in, and their Sids name their source by its label. (manifest.json names the source
// file of every document, so it alone changes.)
func TestRenderIndependentOfFileNames(t *testing.T) {
	layouts := map[string]func(i int) string{
		"forward": func(i int) string { return string(rune('a'+i)) + ".hcl" },
		"reverse": func(i int) string { return string(rune('z'-i)) + ".hcl" },
	}
	var first *Output
	var firstName string
	for name, layout := range layouts {
		files := map[string]string{}
		for i, b := range orderBlocks {
			files[layout(i)] = b
		}
		out := loadFiles(t, files)
		if first == nil {
			first, firstName = out, name
			continue
		}
		if len(out.Documents) != len(first.Documents) {
			t.Fatalf("%s renders %d files, %s %d", name, len(out.Documents), firstName, len(first.Documents))
		}
		for i, d := range out.Documents {
			if d.Path == ManifestPath {
				continue // it names the source files
			}
			if got, want := Marshal(d), Marshal(first.Documents[i]); d.Path != first.Documents[i].Path || !bytes.Equal(got, want) {
				t.Errorf("%s differs between layouts %s and %s:\n%s\n---\n%s", d.Path, firstName, name, want, got)
			}
		}
	}
	// Each Sid names its source.
	checkSid := func(sid, want string) {
		t.Helper()
		pol := decoded(t, doc(first, "buckets/teramot-order-logs/bucket-policy.json")).(map[string]any)
		for _, s := range pol["Statement"].([]any) {
			st := s.(map[string]any)
			if st["Sid"] == sid {
				if got := string(MarshalValue(st["Condition"])); !bytes.Contains([]byte(got), []byte(want)) {
					t.Errorf("%s has condition %s, want it to name %s", sid, got, want)
				}
				return
			}
		}
		t.Errorf("no statement %s", sid)
	}
	checkSid("AllowAccessLogDeliveryAlpha", "teramot-order-alpha")
	checkSid("AllowAccessLogDeliveryBeta", "teramot-order-beta")
	checkSid("AllowCloudTrailWriteTrailAlpha", "trail/trail-alpha")
	checkSid("AllowCloudTrailAclCheckTrailBeta", "trail/trail-beta")
}
