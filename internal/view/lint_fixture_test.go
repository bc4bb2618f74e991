package view

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// lintSrc is the spec the fixed lint report points into.
const lintSrc = `bucket "data" {
  block_public_access = false
  versioning          = false

  # teramotc:ignore TMC401 until=2027-01-31 -- logs go to the central account
  logging = false

  lifecycle_rule "archive" {
    transition {
      days          = 10
      storage_class = "STANDARD_IA"
    }
  }
}

role "partner" {
  trusted_account_id = "123456789012"
	external_id        = "your-unique-external-id"
}
`

// lintExtraSrc holds the spec error of the fixed report.
const lintExtraSrc = `settings {
  acount_id = "111122223333"
}
`

// lintTestRules are the rules of the fixed report, one per severity and
// kind (hard, with and without security_severity, custom).
var lintTestRules = map[string]*rules.Rule{
	"TMC101": {ID: "TMC101", Name: "public-access-block", Title: "Block all public access", Description: "All four S3 Public Access Block settings must be on, so that no ACL or policy can make the bucket public.", Remediation: "Remove block_public_access = false, or set it to true.", Severity: rules.SeverityError, SecuritySeverity: "9.0", RelatedResources: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html", "CKV_AWS_53", "FSBP S3.8"}, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc101"},
	"TMC301": {ID: "TMC301", Name: "versioning", Title: "Versioning is on", Description: "Versioning keeps earlier versions of overwritten and deleted objects.", Remediation: "Set versioning = true.", Severity: rules.SeverityWarning, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc301"},
	"TMC302": {ID: "TMC302", Name: "lifecycle-transitions", Title: "Lifecycle transitions are valid", Description: "S3 rejects transitions to STANDARD_IA before 30 days.", Remediation: "Transition to STANDARD_IA after at least 30 days.", Severity: rules.SeverityError, Hard: true, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc302"},
	"TMC304": {ID: "TMC304", Name: "abort-multipart", Title: "Incomplete multipart uploads are aborted", Description: "Parts of abandoned multipart uploads are billed until deleted.", Remediation: "Add abort_incomplete_multipart_days = 7 to a lifecycle rule.", Severity: rules.SeverityNotice, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc304"},
	"TMC401": {ID: "TMC401", Name: "access-logging", Title: "Server access logging is on", Description: "Access logs record every request made to the bucket.", Remediation: "Set logging = true and a log target.", Severity: rules.SeverityWarning, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc401"},
	"TMC602": {ID: "TMC602", Name: "external-id-quality", Title: "External ID is unguessable", Description: "A guessable external id lets a confused deputy assume the role.", Remediation: "Use a random value of at least 16 characters.", Severity: rules.SeverityError, Link: "https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc602"},
	"ACME1":  {ID: "ACME1", Name: "team-tag", Title: "Buckets carry a team tag", Severity: rules.SeverityNotice, Custom: true},
}

// lintTestReport is the fixed report every golden is written from: errors,
// warnings, notices, a suppressed finding, a hard rule, a custom rule and a
// spec error, in two files.
func lintTestReport(t *testing.T) *LintReport {
	t.Helper()
	p := hclparse.NewParser()
	files := map[string]*hcl.File{}
	for name, src := range map[string]string{"main.hcl": lintSrc, "extra.hcl": lintExtraSrc} {
		f, diags := p.ParseHCL([]byte(src), name)
		if diags.HasErrors() {
			t.Fatalf("parse %s: %s", name, diags)
		}
		files[name] = f
	}
	main := files["main.hcl"]
	rng := func(sub string) hcl.Range { return lintRangeOf(t, main, "main.hcl", sub) }
	finding := func(id, msg, addr, sub string) *rules.Finding {
		return &rules.Finding{Rule: lintTestRules[id], Message: msg, Address: addr, Range: rng(sub)}
	}
	suppressed := finding("TMC401", "bucket \"data\" has no server access logging", "bucket.data", "logging = false")
	suppressed.Suppression = &rules.Suppression{Kind: "inline", Reason: "logs go to the central account", Until: "2027-01-31",
		Source: rng("# teramotc:ignore TMC401 until=2027-01-31 -- logs go to the central account")}
	findings := []*rules.Finding{
		finding("TMC602", `external_id "your-unique-external-id" is a placeholder: anyone, even a partner, can guess it`, "role.partner", `"your-unique-external-id"`),
		finding("TMC304", `bucket "data" never aborts incomplete multipart uploads`, "bucket.data", `bucket "data"`),
		finding("TMC101", `bucket "data" does not block public access`, "bucket.data", "block_public_access = false"),
		suppressed,
		finding("TMC302", "transition to STANDARD_IA after 10 days: S3 requires at least 30", "bucket.data.lifecycle_rule.archive", "days          = 10"),
		finding("TMC301", `bucket "data" does not keep object versions`, "bucket.data", "versioning          = false"),
		{Rule: lintTestRules["ACME1"], Message: `bucket "data" has no "team" tag`, Address: "bucket.data", Range: rng(`bucket "data"`)},
	}
	rs := make([]*rules.Rule, 0, len(lintTestRules))
	for _, r := range lintTestRules {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b *rules.Rule) int { return strings.Compare(a.ID, b.ID) })
	acount := lintRangeOf(t, files["extra.hcl"], "extra.hcl", "acount_id")
	return &LintReport{
		Findings: findings,
		Rules:    rs,
		Errors: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unsupported argument",
			Detail:   `An argument named "acount_id" is not expected here. Did you mean "account_id"?`,
			Subject:  &acount,
			Extra:    spec.DiagExtra{},
		}},
		Files:     files,
		FailLevel: rules.SeverityError,
		Version:   "1.2.3",
		Command:   "lint",
	}
}

// lintRangeOf returns the range of the first occurrence of sub in the
// source of f, with lines and columns counted the way hcl counts them.
func lintRangeOf(t *testing.T, f *hcl.File, name, sub string) hcl.Range {
	t.Helper()
	src := string(f.Bytes)
	i := strings.Index(src, sub)
	if i < 0 {
		t.Fatalf("%q not in %s", sub, name)
	}
	pos := func(off int) hcl.Pos {
		line := strings.Count(src[:off], "\n") + 1
		col := off - strings.LastIndex(src[:off], "\n")
		return hcl.Pos{Line: line, Column: col, Byte: off}
	}
	return hcl.Range{Filename: name, Start: pos(i), End: pos(i + len(sub))}
}
