package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const revokedSpec = `bucket "d" {
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
`

// TestAWSCLIRevoked: apply.sh revokes first: the revoked user's and role's
// policy detached when attached, then, only when the user holds nothing
// else, its active keys (listed when the script runs) set Inactive; every
// read goes through revoked_read; the user's console password is read and
// reported, never deleted; a spec without revoked grants has no such step.
func TestAWSCLIRevoked(t *testing.T) {
	s, out := loadHCL(t, revokedSpec)
	f, err := AWSCLI(s, out)
	if err != nil {
		t.Fatal(err)
	}
	sh := string(f.Files["apply.sh"])
	want := `revoked_arn="arn:aws:iam::${account}:policy/"old-s3-access
attached=$(revoked_read aws iam list-attached-user-policies --user-name old-user --query 'AttachedPolicies[].PolicyArn' --output text --region eu-west-1)
if printf '%s\n' "$attached" | tr '\t' '\n' | grep -qxF -- "$revoked_arn"; then
  aws iam detach-user-policy --user-name old-user --policy-arn "$revoked_arn" --region eu-west-1
fi
held_managed=$(revoked_read aws iam list-attached-user-policies --user-name old-user --query 'AttachedPolicies[].PolicyArn' --output text --region eu-west-1)
held_inline=$(revoked_read aws iam list-user-policies --user-name old-user --query 'PolicyNames[]' --output text --region eu-west-1)
held_groups=$(revoked_read aws iam list-groups-for-user --user-name old-user --query 'Groups[].GroupName' --output text --region eu-west-1)
held=$(printf '%s\n' $held_managed $held_inline $held_groups | grep -vxE 'None|' || true)
if [ -n "$held" ]; then
  echo "apply.sh: revoked user "old-user" keeps its access keys active: it still holds" $held "(deactivating the keys would end that access too)." >&2
else
  keys=$(revoked_read aws iam list-access-keys --user-name old-user --query "AccessKeyMetadata[?Status=='Active'].AccessKeyId" --output text --region eu-west-1)
  for key in $keys; do
    [ "$key" = None ] && continue
    aws iam update-access-key --user-name old-user --access-key-id "$key" --status Inactive --region eu-west-1
  done
fi
login=$(revoked_read aws iam get-login-profile --user-name old-user --query 'LoginProfile.UserName' --output text --region eu-west-1)
if [ -n "$login" ]; then
  echo "apply.sh: revoked user "old-user" ("revoked_grant.old") still has a console password (IAM login profile), which apply.sh leaves: whoever holds it can still sign in to the AWS console as the user, with any access the user keeps. The password grants no permission by itself, so it does not keep the user's access keys active. To end console sign-in, delete it: aws iam delete-login-profile --user-name "old-user >&2
fi
revoked_arn="arn:aws:iam::${account}:policy/"gone-read
attached=$(revoked_read aws iam list-attached-role-policies --role-name 'old+role' --query 'AttachedPolicies[].PolicyArn' --output text --region eu-west-1)
if printf '%s\n' "$attached" | tr '\t' '\n' | grep -qxF -- "$revoked_arn"; then
  aws iam detach-role-policy --role-name 'old+role' --policy-arn "$revoked_arn" --region eu-west-1
fi

# 1. Buckets and their guardrails.
`
	if !strings.Contains(sh, want) || !strings.Contains(sh, "# 0. Revoked grants, first") || !strings.Contains(sh, "revoked_read() {") {
		t.Errorf("apply.sh lacks the revoke step:\n%s\nwant:\n%s", sh, want)
	}
	if strings.Index(sh, "detach-user-policy") > strings.Index(sh, "create-bucket") {
		t.Error("apply.sh detaches after creating the bucket")
	}
	if sh := awsCLIScript(t, ""); strings.Contains(sh, "Revoked grants") || strings.Contains(sh, "detach-") {
		t.Errorf("a spec without revoked grants has a revoke step:\n%s", sh)
	}
}

// TestAWSCLIRevokedRun runs apply.sh's revoke step with a stand-in aws
// command: a read that fails other than NoSuchEntity stops the script
// with the AWS error before anything is revoked (review-diff5 F3); an
// identity that does not exist is skipped; the keys are deactivated after
// the detach, and only when the user holds nothing else (F4, F6).
func TestAWSCLIRevokedRun(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not on PATH")
	}
	s, out := loadHCL(t, revokedSpec)
	f, err := AWSCLI(s, out)
	if err != nil {
		t.Fatal(err)
	}
	sh := string(f.Files["apply.sh"])
	// Only the revoke step: stop before the buckets.
	sh = sh[:strings.Index(sh, "# 1. Buckets")] + "echo revoke-done\n"
	const arn = "arn:aws:iam::111122223333:policy/old-s3-access"
	tests := []struct {
		name    string
		stub    string // bash case arms before the default
		wantErr bool
		want    []string // calls, in order, among detach-/update-
		output  string
	}{
		{name: "read denied",
			stub:    `*list-attached-user-policies*) echo "An error occurred (AccessDenied) when calling the ListAttachedUserPolicies operation: denied" >&2; exit 254;;`,
			wantErr: true, output: "AccessDenied"},
		{name: "keys read denied",
			stub:    `*list-access-keys*) echo "An error occurred (AccessDenied) when calling the ListAccessKeys operation: denied" >&2; exit 254;;`,
			wantErr: true, output: "AccessDenied"},
		{name: "identities gone",
			stub: `*list-*) echo "An error occurred (NoSuchEntity) when calling the operation: not found" >&2; exit 254;;`},
		{name: "nothing else held",
			stub: `*list-attached-user-policies*) [ -e "$STATE/detached" ] || echo "` + arn + `";;
  *detach-user-policy*) touch "$STATE/detached";;
  *list-access-keys*) printf 'AKIAONE\tAKIATWO\n';;`,
			want: []string{"detach-user-policy", "update-access-key AKIAONE", "update-access-key AKIATWO"}},
		{name: "group kept",
			stub: `*list-attached-user-policies*) [ -e "$STATE/detached" ] || echo "` + arn + `";;
  *detach-user-policy*) touch "$STATE/detached";;
  *list-groups-for-user*) echo readers;;
  *list-access-keys*) echo AKIAONE;;`,
			want: []string{"detach-user-policy"}, output: "keeps its access keys active: it still holds readers"},
		// The console password: reported with plan's advice, never
		// deleted; only NoSuchEntity means there is none.
		{name: "console password",
			stub: `*get-login-profile*) echo old-user;;`,
			output: `apply.sh: revoked user old-user (revoked_grant.old) still has a console password (IAM login profile), which apply.sh leaves: ` +
				`whoever holds it can still sign in to the AWS console as the user, with any access the user keeps. ` +
				`The password grants no permission by itself, so it does not keep the user's access keys active. ` +
				`To end console sign-in, delete it: aws iam delete-login-profile --user-name old-user` + "\n"},
		{name: "no console password",
			stub: `*get-login-profile*) echo "An error occurred (NoSuchEntity) when calling the GetLoginProfile operation: Login Profile for User old-user cannot be found." >&2; exit 254;;`},
		{name: "console password read denied",
			stub:    `*get-login-profile*) echo "An error occurred (AccessDenied) when calling the GetLoginProfile operation: denied" >&2; exit 254;;`,
			wantErr: true, output: "(AccessDenied) when calling the GetLoginProfile operation: denied\napply.sh: get-login-profile for old-user failed (above): the revocation stops here."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			calls := filepath.Join(dir, "calls")
			if err := os.Mkdir(bin, 0o755); err != nil {
				t.Fatal(err)
			}
			fake := "#!/usr/bin/env bash\necho \"$*\" >> " + calls + "\ncase \"$*\" in\n  *sts*) echo 111122223333;;\n  " +
				tc.stub + "\n  *) ;;\nesac\n"
			if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(fake), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "apply.sh"), []byte(sh), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", filepath.Join(dir, "apply.sh"))
			cmd.Env = append(os.Environ(), "STATE="+dir, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			outb, err := cmd.CombinedOutput()
			o := string(outb)
			if (err != nil) != tc.wantErr || strings.Contains(o, "revoke-done") == tc.wantErr {
				t.Fatalf("err = %v, output %q; want error %v", err, o, tc.wantErr)
			}
			if !strings.Contains(o, tc.output) {
				t.Errorf("output %q lacks %q", o, tc.output)
			}
			logged, _ := os.ReadFile(calls)
			var writes []string
			for _, l := range strings.Split(string(logged), "\n") {
				fs := strings.Fields(l)
				if len(fs) < 2 || !strings.HasPrefix(fs[1], "detach-") && !strings.HasPrefix(fs[1], "update-") {
					continue
				}
				w := fs[1]
				if w == "update-access-key" {
					w += " " + fs[5]
				}
				writes = append(writes, w)
			}
			if strings.Contains(string(logged), "delete-") {
				t.Errorf("apply.sh deleted something:\n%s", logged)
			}
			if tc.output == "" && strings.Contains(o, "console password") {
				t.Errorf("output %q reports a console password", o)
			}
			if strings.Join(writes, ",") != strings.Join(tc.want, ",") {
				t.Errorf("writes %q, want %q", writes, tc.want)
			}
		})
	}
}

// TestAWSCLIRevokedUserTwice (review-diff6b F11): two revoked_grants of
// one user detach both policies, then check its keys and console password
// once, so the password notice is printed once (as plan warns once per
// user, its name compared without case), naming the first block.
func TestAWSCLIRevokedUserTwice(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not on PATH")
	}
	s, out := loadHCL(t, `bucket "d" {
  name   = "tmc-rv-data"
  region = "eu-west-1"
}
revoked_grant "first" {
  iam_user    = "u9"
  policy_name = "u9-a"
}
revoked_grant "second" {
  iam_user    = "U9"
  policy_name = "u9-b"
}
`)
	f, err := AWSCLI(s, out)
	if err != nil {
		t.Fatal(err)
	}
	sh := string(f.Files["apply.sh"])
	for _, call := range []string{"get-login-profile", "list-access-keys", "list-groups-for-user"} {
		if n := strings.Count(sh, "aws iam "+call+" "); n != 1 {
			t.Errorf("apply.sh runs %s %d times, want once:\n%s", call, n, sh)
		}
	}
	if strings.LastIndex(sh, "detach-user-policy") > strings.Index(sh, "list-access-keys") {
		t.Errorf("apply.sh checks the keys before the last detach:\n%s", sh)
	}
	sh = sh[:strings.Index(sh, "# 1. Buckets")] + "echo revoke-done\n"
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	fake := "#!/usr/bin/env bash\ncase \"$*\" in\n  *sts*) echo 111122223333;;\n  *get-login-profile*) echo u9;;\n  *) ;;\nesac\n"
	if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "apply.sh"), []byte(sh), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", filepath.Join(dir, "apply.sh"))
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	o, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(o), "revoke-done") {
		t.Fatalf("err = %v, output %q", err, o)
	}
	if n := strings.Count(string(o), "still has a console password"); n != 1 {
		t.Errorf("the console password notice is printed %d times, want once:\n%s", n, o)
	}
	if !strings.Contains(string(o), "(revoked_grant.first)") {
		t.Errorf("the notice does not name the first revoked_grant:\n%s", o)
	}
}
