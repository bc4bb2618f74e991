package apply

import (
	"fmt"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestPermissionPolicyScope checks what the documents allow and refuse.
func TestPermissionPolicyScope(t *testing.T) {
	const (
		acct     = "123456789012"
		role     = "arn:aws:iam::" + acct + ":role/partners/tmc-perm-partner"
		user     = "arn:aws:iam::" + acct + ":user/services/tmc-perm-ingest"
		roleDoc  = "arn:aws:iam::" + acct + ":policy/tmc-perm-partner-read"
		userDoc  = "arn:aws:iam::" + acct + ":policy/tmc-perm-ingest-write"
		data     = "arn:aws:s3:::tmc-perm-data"
		external = "arn:aws:s3:::tmc-perm-external-logs"
		trail    = "arn:aws:cloudtrail:us-east-1:" + acct + ":trail/tmc-perm-trail"
	)
	type check struct {
		need  callNeed
		allow bool
	}
	tests := []struct {
		name    string
		command string
		mutate  func(*spec.Spec)
		checks  []check
		notes   int
	}{
		{"plan reads", "plan", nil, []check{
			{callNeed{action: "s3:GetBucketPolicy", resource: data}, true},
			{callNeed{action: "s3:PutBucketPolicy", resource: data}, false},
			{callNeed{action: "iam:GetRole", resource: role}, true},
			// plan reads a user or role on the path it has, which may not
			// be the spec's: on any path, but under its own name only.
			{callNeed{action: "iam:GetRole", resource: "arn:aws:iam::" + acct + ":role/tmc-perm-partner"}, true},
			{callNeed{action: "iam:GetRole", resource: "arn:aws:iam::" + acct + ":role/old/tmc-perm-partner"}, true},
			{callNeed{action: "iam:ListAttachedRolePolicies", resource: "arn:aws:iam::" + acct + ":role/old/tmc-perm-partner"}, true},
			{callNeed{action: "iam:ListRolePolicies", resource: "arn:aws:iam::" + acct + ":role/old/tmc-perm-partner"}, true},
			{callNeed{action: "iam:GetRole", resource: "arn:aws:iam::" + acct + ":role/x-tmc-perm-partner"}, false},
			{callNeed{action: "iam:GetRole", resource: "arn:aws:iam::" + acct + ":role/partners/tmc-perm-partner2"}, false},
			{callNeed{action: "iam:GetUser", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:GetUser", resource: "arn:aws:iam::" + acct + ":user/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:ListAttachedUserPolicies", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:ListUserPolicies", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:ListGroupsForUser", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:ListAccessKeys", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true},
			{callNeed{action: "iam:GetUser", resource: "arn:aws:iam::" + acct + ":user/old/x-tmc-perm-ingest"}, false},
			{callNeed{action: "iam:GetUser", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-partner"}, false},
			{callNeed{action: "iam:CreateRole", resource: role}, false},
			{callNeed{action: "cloudtrail:GetTrailStatus", resource: trail}, true},
			{callNeed{action: "cloudtrail:DescribeTrails", resource: "*"}, true},
			{callNeed{action: "sts:GetCallerIdentity", resource: "*"}, false}, // needs no permission
			{callNeed{action: "s3:ListBucket", resource: external}, true},     // the undeclared log target
			{callNeed{action: "s3:GetBucketPolicy", resource: external}, false},
			{callNeed{action: "s3:ListBucketVersions", resource: "arn:aws:s3:::tmc-perm-logs"}, true}, // its rules expire objects
			{callNeed{action: "s3:ListBucketVersions", resource: data}, false},                        // transitions only
			{callNeed{action: "s3:GetObject", resource: data + "/x"}, false},
		}, 0},
		{"apply writes", "apply", nil, []check{
			{callNeed{action: "s3:PutBucketPolicy", resource: data}, true},
			{callNeed{action: "s3:PutBucketTagging", resource: data}, true},
			{callNeed{action: "s3:PutBucketTagging", resource: "arn:aws:s3:::tmc-perm-shared"}, false}, // no tags
			{callNeed{action: "s3:PutBucketPolicy", resource: external}, false},
			{callNeed{action: "s3:DeleteBucket", resource: data}, false},
			{callNeed{action: "iam:CreateUser", resource: user}, true},
			{callNeed{action: "iam:CreateAccessKey", resource: user}, true},
			{callNeed{action: "iam:UpdateUser", resource: user}, true},                                                 // to its path
			{callNeed{action: "iam:UpdateUser", resource: "arn:aws:iam::" + acct + ":user/tmc-perm-ingest"}, true},     // from another
			{callNeed{action: "iam:UpdateUser", resource: "arn:aws:iam::" + acct + ":user/old/tmc-perm-ingest"}, true}, // path
			{callNeed{action: "iam:UpdateUser", resource: "arn:aws:iam::" + acct + ":user/services/tmc-perm-ingest2"}, false},
			{callNeed{action: "iam:UpdateUser", resource: "arn:aws:iam::" + acct + ":user/x-tmc-perm-ingest"}, false},
			{callNeed{action: "iam:AttachRolePolicy", resource: role, policyARN: roleDoc}, true},
			{callNeed{action: "iam:AttachRolePolicy", resource: role, policyARN: userDoc}, false},
			{callNeed{action: "iam:AttachRolePolicy", resource: role, policyARN: "arn:aws:iam::aws:policy/AdministratorAccess"}, false},
			{callNeed{action: "iam:AttachUserPolicy", resource: user, policyARN: userDoc}, true},
			{callNeed{action: "iam:DeletePolicyVersion", resource: roleDoc}, true},
			{callNeed{action: "iam:DeletePolicy", resource: roleDoc}, false},
			{callNeed{action: "iam:PassRole", resource: role}, false},
			{callNeed{action: "cloudtrail:StartLogging", resource: trail}, true},
			{callNeed{action: "cloudtrail:StopLogging", resource: trail}, false},
		}, 0},
		{"import reads every bucket setting", "import", nil, []check{
			{callNeed{action: "s3:GetBucketTagging", resource: "arn:aws:s3:::tmc-perm-shared"}, true},
			{callNeed{action: "s3:GetLifecycleConfiguration", resource: "arn:aws:s3:::tmc-perm-shared"}, true},
			{callNeed{action: "s3:ListBucket", resource: external}, false},
			{callNeed{action: "iam:ListAttachedUserPolicies", resource: user}, true},
			{callNeed{action: "iam:ListAccessKeys", resource: user}, true}, // import warns about keys
			{callNeed{action: "iam:ListRolePolicies", resource: role}, true},
			{callNeed{action: "iam:ListUserPolicies", resource: role}, false},
			{callNeed{action: "cloudtrail:GetTrailStatus", resource: trail}, true},
			{callNeed{action: "iam:ListEntitiesForPolicy", resource: roleDoc}, false},
			{callNeed{action: "s3:PutBucketPolicy", resource: data}, false},
			// the other customer-managed policies of the user or role (review op3 M2)
			{callNeed{action: "iam:GetPolicyVersion", resource: "arn:aws:iam::123456789012:policy/partners/other"}, true},
			{callNeed{action: "iam:CreatePolicyVersion", resource: roleDoc}, false},
		}, 0},
		{"no account", "apply", func(s *spec.Spec) { s.AWS.AccountID.Value = "" }, []check{
			{callNeed{action: "iam:GetRole", resource: role}, true},
			{callNeed{action: "iam:GetRole", resource: "arn:aws:iam::999999999999:role/partners/tmc-perm-partner"}, true},
			{callNeed{action: "s3:GetBucketPolicy", resource: data}, true},
		}, 1},
		{"partition", "plan", func(s *spec.Spec) { s.AWS.Partition.Value = "aws-cn" }, []check{
			{callNeed{action: "s3:GetBucketPolicy", resource: "arn:aws-cn:s3:::tmc-perm-data"}, true},
			{callNeed{action: "s3:GetBucketPolicy", resource: data}, false},
		}, 0},
		{"no access key", "apply", func(s *spec.Spec) { s.Grants[1].IAMUser.CreateAccessKey.Value = false }, []check{
			{callNeed{action: "iam:CreateAccessKey", resource: user}, false},
			{callNeed{action: "iam:ListAccessKeys", resource: user}, false},
			{callNeed{action: "iam:CreateUser", resource: user}, true},
		}, 0},
	}
	tests = append(tests, struct {
		name    string
		command string
		mutate  func(*spec.Spec)
		checks  []check
		notes   int
	}{"too large for a managed policy", "apply", manyBuckets(80), []check{
		{callNeed{action: "s3:CreateBucket", resource: "arn:aws:s3:::tmc-perm-many-79"}, true},
	}, 1})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, out := loadPermSpec(t, tc.mutate)
			p, err := Permissions(s, out, tc.command)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.checks {
				if sid := allowedBy(p.Document, c.need); (sid != "") != c.allow {
					t.Errorf("%s on %s (policy %q): allowed by %q, want allowed %v", c.need.action, c.need.resource, c.need.policyARN, sid, c.allow)
				}
			}
			if len(p.Notes) != tc.notes {
				t.Errorf("notes = %q, want %d", p.Notes, tc.notes)
			}
			for pair, sid := range policyPairs(p.Document) {
				if strings.Contains(pair.resource, ":s3:::") && strings.HasSuffix(pair.resource, "/*") {
					t.Errorf("%s: %s on object ARN %s: no call of the engine is on objects", sid, pair.action, pair.resource)
				}
				if tc.command != "apply" && strings.Contains(sid, "Write") {
					t.Errorf("%s: %s allows %s, a write", tc.command, sid, pair.action)
				}
			}
		})
	}
}

// TestPermissionApplyIncludesPlan: apply plans first, so it needs every
// permission of plan.
func TestPermissionApplyIncludesPlan(t *testing.T) {
	s, out := loadPermSpec(t, nil)
	plan, err := Permissions(s, out, "plan")
	if err != nil {
		t.Fatal(err)
	}
	apply, err := Permissions(s, out, "apply")
	if err != nil {
		t.Fatal(err)
	}
	for pair, sid := range policyPairs(plan.Document) {
		if allowedBy(apply.Document, pair) == "" {
			t.Errorf("plan's %s allows %s on %s; apply's policy does not", sid, pair.action, pair.resource)
		}
	}
	if _, err := Permissions(s, out, "destroy"); err == nil {
		t.Error("Permissions accepted the unknown command destroy")
	}
}

// manyBuckets adds n copies of the spec's last bucket.
func manyBuckets(n int) func(*spec.Spec) {
	return func(s *spec.Spec) {
		last := s.Buckets[len(s.Buckets)-1]
		for i := range n {
			b := *last
			b.Label = fmt.Sprintf("many%d", i)
			b.Address = "bucket." + b.Label
			b.Name.Value = fmt.Sprintf("tmc-perm-many-%d", i)
			s.Buckets = append(s.Buckets, &b)
		}
	}
}
