package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// AWS size limits of policy documents, in characters.
const (
	MaxManagedPolicySize = 6144      // IAM managed policy, whitespace not counted
	MaxTrustPolicySize   = 2048      // role trust policy, whitespace not counted (default quota)
	MaxBucketPolicySize  = 20 * 1024 // bucket policy, as sent
)

// Validate checks the hard rules that need rendered documents: TMC506, the
// policy size limits, reported at the header of the grant or bucket block
// that owns the document; and TMC508 for a statement block whose Sid repeats
// one that teramotc generates in the same bucket policy.
func Validate(out *Output, s *spec.Spec) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, d := range out.Documents {
		if d.Kind == KindBucketPolicy {
			diags = append(diags, duplicateSids(d, s)...)
		}
		var size, limit int
		var what, fix string
		switch d.Kind {
		case KindIdentityPolicy:
			size, limit = iamSize(d), MaxManagedPolicySize
			what = "managed policy " + policyName(s, d.Address)
			fix = "Split the access over several grants, or use fewer extra_actions."
		case KindTrustPolicy:
			size, limit = iamSize(d), MaxTrustPolicySize
			what = "trust policy of role " + roleName(s, d.Address)
			fix = "Shorten the external id or the trusted principal ARN."
		case KindBucketPolicy:
			size, limit = len(Marshal(d)), MaxBucketPolicySize
			what = "bucket policy"
			fix = "Remove or merge statement blocks, or list fewer resources and principals per statement."
		default:
			continue
		}
		if size <= limit {
			continue
		}
		unit := "characters"
		if d.Kind != KindBucketPolicy {
			unit = "characters without whitespace"
		}
		rng := d.Range
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Rendered policy is too large",
			Detail: fmt.Sprintf("The %s rendered from %s (%s) is %d %s; AWS accepts at most %d. %s",
				what, d.Address, d.Path, size, unit, limit, fix),
			Subject: &rng,
			Extra:   spec.DiagExtra{RuleID: "TMC506"},
		})
	}
	return diags
}

// iamSize is the length IAM counts: the policy without whitespace outside
// strings.
func iamSize(d *Document) int {
	var buf bytes.Buffer
	if err := json.Compact(&buf, Marshal(d)); err != nil {
		return len(Marshal(d))
	}
	return utf8.RuneCount(buf.Bytes()) // IAM counts characters, not bytes
}

func grantByAddress(s *spec.Spec, addr string) *spec.Grant {
	for _, g := range s.Grants {
		if g.Address == addr {
			return g
		}
	}
	return nil
}

func policyName(s *spec.Spec, addr string) string {
	g := grantByAddress(s, addr)
	switch {
	case g == nil:
	case g.IAMUser != nil && g.IAMUser.PolicyName.Value != "":
		return quote(g.IAMUser.PolicyName.Value)
	case g.Role != nil && g.Role.PolicyName.Value != "":
		return quote(g.Role.PolicyName.Value)
	}
	return "of " + strings.TrimPrefix(addr, "grant.")
}

func roleName(s *spec.Spec, addr string) string {
	if g := grantByAddress(s, addr); g != nil && g.Role != nil {
		return quote(g.Role.Name.Value)
	}
	return quote(strings.TrimPrefix(addr, "grant."))
}

func quote(s string) string { return `"` + s + `"` }

// duplicateSids reports each statement whose Sid an earlier statement of the
// policy already uses, at the source of the later one. Two statement blocks
// with the same Sid are left to pkg/spec, which reports them already; here
// only a clash with a Sid that teramotc generates counts.
func duplicateSids(d *Document, s *spec.Spec) hcl.Diagnostics {
	var diags hcl.Diagnostics
	st, _ := d.Content.(map[string]any)["Statement"].([]any)
	// The user's statement blocks are rendered last, after the generated ones.
	firstUser := len(st)
	for _, b := range s.Buckets {
		if b.Address == d.Address {
			firstUser = len(st) - len(b.Statements)
		}
	}
	seen := map[string]bool{} // Sid -> first seen on a user statement
	for i, x := range st {
		sid, _ := x.(map[string]any)["Sid"].(string)
		if sid == "" {
			continue
		}
		user := i >= firstUser
		if firstWasUser, ok := seen[sid]; ok && !(firstWasUser && user) {
			rng := d.Provenance[pointer("/Statement", i)]
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate statement id",
				Detail: fmt.Sprintf("The bucket policy of %s already has a statement with Sid %q, which teramotc generates. Statement ids must be unique within a policy: rename this statement block.",
					d.Address, sid),
				Subject: &rng,
				Extra:   spec.DiagExtra{RuleID: "TMC508"},
			})
		}
		if _, ok := seen[sid]; !ok {
			seen[sid] = user
		}
	}
	return diags
}
