package export

import (
	"strings"
	"testing"
)

// TestAWSCLIRevoked: apply.sh revokes first, as apply does: the revoked
// user's and role's policy detached when attached, the user's active keys
// (listed when the script runs) set Inactive; a spec without revoked
// grants has no such step.
func TestAWSCLIRevoked(t *testing.T) {
	s, out := loadHCL(t, `bucket "d" {
  name   = "tmc-rv-data"
  region = "eu-west-1"
}
revoked_grant "old" {
  iam_user = "old-user"
}
revoked_grant "gone" {
  cross_account_role = "old+role"
  policy_name        = "gone-read"
}
`)
	f, err := AWSCLI(s, out)
	if err != nil {
		t.Fatal(err)
	}
	sh := string(f.Files["apply.sh"])
	want := `# 0. Revoked grants, first: removals before anything else (nothing is deleted).
revoked_arn="arn:aws:iam::${account}:policy/"old-s3-access
if aws iam list-attached-user-policies --user-name old-user --query 'AttachedPolicies[].PolicyArn' --output text --region eu-west-1 2>/dev/null | tr '\t' '\n' | grep -qxF -- "$revoked_arn"; then
  aws iam detach-user-policy --user-name old-user --policy-arn "$revoked_arn" --region eu-west-1
fi
for key in $(aws iam list-access-keys --user-name old-user --query "AccessKeyMetadata[?Status=='Active'].AccessKeyId" --output text --region eu-west-1 2>/dev/null); do
  aws iam update-access-key --user-name old-user --access-key-id "$key" --status Inactive --region eu-west-1
done
revoked_arn="arn:aws:iam::${account}:policy/"gone-read
if aws iam list-attached-role-policies --role-name 'old+role' --query 'AttachedPolicies[].PolicyArn' --output text --region eu-west-1 2>/dev/null | tr '\t' '\n' | grep -qxF -- "$revoked_arn"; then
  aws iam detach-role-policy --role-name 'old+role' --policy-arn "$revoked_arn" --region eu-west-1
fi

# 1. Buckets and their guardrails.
`
	if !strings.Contains(sh, want) {
		t.Errorf("apply.sh lacks the revoke step:\n%s\nwant:\n%s", sh, want)
	}
	if strings.Index(sh, "detach-user-policy") > strings.Index(sh, "create-bucket") {
		t.Error("apply.sh detaches after creating the bucket")
	}
	if sh := awsCLIScript(t, ""); strings.Contains(sh, "Revoked grants") || strings.Contains(sh, "detach-") {
		t.Errorf("a spec without revoked grants has a revoke step:\n%s", sh)
	}
}
