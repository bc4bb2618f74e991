package view

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/teramot/teramotc/pkg/rules"
)

// fpFinding is a finding of rule id at the n-th (0-based) occurrence of sub
// in the source of main.hcl.
type fpFinding struct {
	id, msg, addr, sub string
	n                  int
}

// sarifFingerprintsOf lints nothing: it writes the SARIF of findings placed
// in src and returns each result's fingerprint, in result order. The report
// holds the file's bytes without its parsed body, as lint's reports do.
func sarifFingerprintsOf(t *testing.T, src string, fs ...fpFinding) []string {
	t.Helper()
	file, diags := hclparse.NewParser().ParseHCL([]byte(src), "specs/a/main.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	// only the bytes, as lint keeps them (rules.SpecResult compacts its files)
	r := &LintReport{Files: map[string]*hcl.File{"specs/a/main.hcl": {Bytes: file.Bytes}}, FailLevel: rules.SeverityError, Version: "1.2.3", Command: "lint"}
	for _, f := range fs {
		off := -1
		for range f.n + 1 {
			i := strings.Index(src[off+1:], f.sub)
			if i < 0 {
				t.Fatalf("occurrence %d of %q not in the source", f.n, f.sub)
			}
			off += 1 + i
		}
		pos := func(o int) hcl.Pos {
			return hcl.Pos{Line: strings.Count(src[:o], "\n") + 1, Column: o - strings.LastIndex(src[:o], "\n"), Byte: o}
		}
		rule := &rules.Rule{ID: f.id, Name: strings.ToLower(f.id), Severity: rules.SeverityWarning}
		r.Findings = append(r.Findings, &rules.Finding{Rule: rule, Message: f.msg, Address: f.addr,
			Range: hcl.Range{Filename: "specs/a/main.hcl", Start: pos(off), End: pos(off + len(f.sub))}})
	}
	log := decodeSARIF(t, r)
	var out []string
	for _, res := range log.Runs[0].Results {
		fp, ok := res.PartialFingerprints[sarifFingerprintKey]
		if !ok || fp == "" {
			t.Fatalf("result %s has no %s fingerprint: %v", res.RuleID, sarifFingerprintKey, res.PartialFingerprints)
		}
		out = append(out, fp)
	}
	return out
}

const fpDupSrc = `# teramotc:ignore TMC301
bucket "data" {
  name   = "teramot-dup-example"
  region = "us-east-1"
}

# teramotc:ignore TMC301
bucket "other" {
  name   = "teramot-dup-other"
  region = "us-east-1"
  tags   = { owner = "AKIAIOSFODNN7EXAMPLE", team = "AKIAIOSFODNN7EXAMPLE" }
}
`

// TestSARIFFingerprintsUnique: distinct results never share a fingerprint,
// even when rule, file, address and message are the same.
func TestSARIFFingerprintsUnique(t *testing.T) {
	malformed := `Malformed suppression "teramotc:ignore TMC301": it gives no reason`
	tests := []struct {
		name string
		fs   []fpFinding
	}{
		{"two identical malformed comments", []fpFinding{
			{"TMC901", malformed, "", "# teramotc:ignore TMC301", 0},
			{"TMC901", malformed, "", "# teramotc:ignore TMC301", 1},
		}},
		{"two secrets in one attribute", []fpFinding{
			{"TMC705", "tag holds an access key", "bucket.other", `"AKIAIOSFODNN7EXAMPLE"`, 0},
			{"TMC705", "tag holds an access key", "bucket.other", `"AKIAIOSFODNN7EXAMPLE"`, 1},
		}},
		{"true duplicates", []fpFinding{
			{"ACME1", "same", "bucket.data", `bucket "data"`, 0},
			{"ACME1", "same", "bucket.data", `bucket "data"`, 0},
			{"ACME1", "same", "bucket.data", `bucket "data"`, 0},
		}},
		{"custom findings without an address", []fpFinding{
			{"ACME2", "name is long", "", `name   = "teramot-dup-example"`, 0},
			{"ACME2", "name is long", "", `name   = "teramot-dup-other"`, 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fps := sarifFingerprintsOf(t, fpDupSrc, tt.fs...)
			seen := map[string]bool{}
			for i, fp := range fps {
				if seen[fp] {
					t.Errorf("result %d repeats fingerprint %s: %v", i, fp, fps)
				}
				seen[fp] = true
			}
		})
	}
}

const fpProdSrc = `bucket "data" {
  name       = "teramot-prod-example"
  region     = "us-east-1"
  versioning = false
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete", "list"]
}
`

// TestSARIFFingerprintStable: a fingerprint does not change with edits
// that leave its finding alone, here a new grant that the finding's
// message then lists, lines inserted above, or re-indentation.
func TestSARIFFingerprintStable(t *testing.T) {
	base := sarifFingerprintsOf(t, fpProdSrc,
		fpFinding{"TMC307", `bucket "data" is not versioned, but another party can overwrite it (grant "partner")`, "bucket.data", "versioning = false", 0})
	edits := []struct{ name, src, msg string }{
		{"a grant added below", fpProdSrc + `
grant "second" {
  bucket      = bucket.data
  permissions = ["write"]
}
`, `bucket "data" is not versioned, but other parties can overwrite it (grant "partner", grant "second")`},
		{"lines inserted above", "# the data bucket\n\n" + fpProdSrc, `bucket "data" is not versioned, but another party can overwrite it (grant "partner")`},
		{"a second finding of the rule elsewhere", fpProdSrc, ""},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			fs := []fpFinding{{"TMC307", e.msg, "bucket.data", "versioning = false", 0}}
			if e.msg == "" {
				fs = []fpFinding{
					{"TMC307", "other", "grant.partner", `permissions = ["read"`, 0},
					{"TMC307", `bucket "data" is not versioned`, "bucket.data", "versioning = false", 0},
				}
			}
			got := sarifFingerprintsOf(t, e.src, fs...)
			if !strings.Contains(strings.Join(got, " "), base[0]) {
				t.Errorf("fingerprint %s became %v", base[0], got)
			}
		})
	}
	// what makes a different finding
	for name, f := range map[string]fpFinding{
		"another rule":      {"TMC308", "x", "bucket.data", "versioning = false", 0},
		"another attribute": {"TMC307", "x", "bucket.data", `region     = "us-east-1"`, 0},
		"another address":   {"TMC307", "x", "grant.partner", `permissions = ["read"`, 0},
	} {
		if got := sarifFingerprintsOf(t, fpProdSrc, f); got[0] == base[0] {
			t.Errorf("%s: same fingerprint %s", name, got[0])
		}
	}
}

func TestSyntaxPath(t *testing.T) {
	src := fpDupSrc + `
grant "g" {
  iam_user {
    name = "u"
  }
  lifecycle_rule {
    days = 1
  }
  lifecycle_rule {
    days = 2
  }
}
`
	file, diags := hclparse.NewParser().ParseHCL([]byte(src), "m.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tt := range []struct{ sub, want string }{
		{"# teramotc:ignore", "before:bucket.data"},
		{`bucket "data"`, "bucket.data"},
		{`region = "us-east-1"`, "bucket.data/region"},
		{`"AKIAIOSFODNN7EXAMPLE", team`, "bucket.other/tags/{owner}"},
		{`team`, "bucket.other/tags/{team}"},
		{`name = "u"`, "grant.g/iam_user/name"},
		{`days = 2`, "grant.g/lifecycle_rule[1]/days"},
	} {
		rng := lintRangeOf(t, file, "m.hcl", tt.sub)
		if got, _ := syntaxPath(syntaxBody(file), rng); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.sub, got, tt.want)
		}
	}
}
