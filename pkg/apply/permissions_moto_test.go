package apply

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// planLikeCLI plans s the way plan and apply do before they write: log
// targets, the live state, the diff, the warning about other holders of a
// managed policy.
func planLikeCLI(t *testing.T, e *Engine, s *spec.Spec, out *render.Output) *Plan {
	t.Helper()
	ctx := context.Background()
	if diags, err := e.CheckLogTargets(ctx, s); err != nil || diags.HasErrors() {
		t.Fatalf("log targets: %v %s", err, diags.Error())
	}
	items, err := Desired(s, out)
	if err != nil {
		t.Fatal(err)
	}
	p := planFor(t, e, items)
	e.WarnOtherAttachments(ctx, p)
	return p
}

// usedBy are the runs whose calls may use a command's permissions: apply
// plans first.
var usedBy = map[string][]string{"plan": {"plan"}, "apply": {"plan", "apply"}, "import": {"import"}}

// policyProblems checks the policy of command against the recorded calls:
// every call of a run of command is allowed, and every action and resource
// the policy allows is used by a call of usedBy[command], or is one whose
// operation the engine calls only in some runs (Operation.When).
func policyProblems(command string, doc map[string]any, perms []Permission, needs map[string][]callNeed) []string {
	var problems []string
	for _, n := range needs[command] {
		if allowedBy(doc, n) == "" {
			problems = append(problems, fmt.Sprintf("%s: the engine needs %s on %s (policy %q), which the policy does not allow", command, n.action, n.resource, n.policyARN))
		}
	}
	for pair, sid := range policyPairs(doc) {
		used := false
		for _, run := range usedBy[command] {
			used = used || slices.ContainsFunc(needs[run], func(n callNeed) bool {
				return strings.EqualFold(n.action, pair.action) && glob(pair.resource, n.resource) && (pair.policyARN == "" || pair.policyARN == n.policyARN)
			})
		}
		// A statement of an operation on any path (Operation.AnyPath)
		// names a user or role twice, with and without a path: it is used
		// when either is.
		if !used && slices.ContainsFunc(perms, func(p Permission) bool {
			op, _ := OperationByAPI(p.API)
			return op.AnyPath && p.Action == pair.action && p.Resource == pair.resource
		}) {
			for _, other := range anyPath(pair.resource) {
				for _, run := range usedBy[command] {
					used = used || slices.ContainsFunc(needs[run], func(n callNeed) bool {
						return strings.EqualFold(n.action, pair.action) && glob(other, n.resource)
					})
				}
			}
		}
		conditional := slices.ContainsFunc(perms, func(p Permission) bool { return p.Action == pair.action && p.Resource == pair.resource }) &&
			!slices.ContainsFunc(perms, func(p Permission) bool { return p.Action == pair.action && p.Resource == pair.resource && p.When == "" })
		if !used && !conditional {
			problems = append(problems, fmt.Sprintf("%s: %s allows %s on %s, which no call used and no Operation.When explains", command, sid, pair.action, pair.resource))
		}
	}
	slices.Sort(problems)
	return problems
}

// TestMotoPermissions records every call of plan, apply, a second plan and
// import of the permissions spec against moto, and checks the computed
// policy of each command against them: nothing the engine calls is
// denied, and nothing is allowed that it does not call (or calls only in
// some runs). The aws CLI then accepts each policy as a file:// input.
func TestMotoPermissions(t *testing.T) {
	m := testenv.StartMoto(t)
	s, out := loadPermSpec(t, nil)
	r := &recorder{}
	ctx := context.Background()
	raw := func(e *Engine) *s3.Client {
		return s3.New(e.C.S3ForRegion("us-east-1").(*s3.Client).Options(), func(o *s3.Options) { o.APIOptions = nil })
	}
	external := func(e *Engine) {
		cl := raw(e)
		if _, err := cl.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("tmc-perm-external-logs")}); err != nil {
			t.Fatal(err)
		}
		pol := `{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::tmc-perm-external-logs/*"}]}`
		if _, err := cl.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("tmc-perm-external-logs"), Policy: aws.String(pol)}); err != nil {
			t.Fatal(err)
		}
	}

	// A plan and apply that find the log bucket existing without lifecycle
	// rules (its expiring rules make plan check that the bucket is empty)
	// and the user under another path than the spec's, which plan reads
	// where it is and apply moves.
	e := recordingEngine(t, m, r)
	external(e)
	if _, err := raw(e).CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("tmc-perm-logs")}); err != nil {
		t.Fatal(err)
	}
	iamc := iam.New(e.C.IAM.(*iam.Client).Options(), func(o *iam.Options) { o.APIOptions = nil })
	if _, err := iamc.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("tmc-perm-ingest"), Path: aws.String("/old/")}); err != nil {
		t.Fatal(err)
	}
	r.current = func(kind, name string) string {
		if kind == "user" {
			if u, err := iamc.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(name)}); err == nil {
				return aws.ToString(u.User.Arn)
			}
			return ""
		}
		if ro, err := iamc.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)}); err == nil {
			return aws.ToString(ro.Role.Arn)
		}
		return ""
	}
	p := planLikeCLI(t, e, s, out)
	r.command = "apply"
	if _, err := e.Apply(ctx, p, false); err != nil {
		t.Fatalf("apply: %v", err)
	}
	r.command = "plan"
	m.Reset(t)

	// plan, apply, plan and import from nothing.
	e = recordingEngine(t, m, r)
	external(e)
	planLikeCLI(t, e, s, out)
	r.command = "apply"
	if _, err := e.Apply(ctx, planLikeCLI(t, e, s, out), false); err != nil {
		t.Fatalf("apply: %v", err)
	}
	r.command = "plan"
	planLikeCLI(t, e, s, out)
	// The user holds another customer-managed policy, which import reads
	// too (review op3 M2).
	other, err := iamc.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("tmc-perm-other"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := iamc.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: aws.String("tmc-perm-ingest"), PolicyArn: other.Policy.Arn}); err != nil {
		t.Fatal(err)
	}
	r.command = "import"
	for _, opts := range []ImportOptions{
		{Bucket: "tmc-perm-data", Role: "tmc-perm-partner", Trail: "tmc-perm-trail"},
		{Bucket: "tmc-perm-shared", User: "tmc-perm-ingest"},
		{Bucket: "tmc-perm-logs"},
	} {
		if _, err := e.Import(ctx, opts); err != nil {
			t.Fatalf("import %+v: %v", opts, err)
		}
	}

	// The ARNs of users and roles as IAM knows them after the runs, paths
	// included.
	arn := func(kind, name string) string {
		if kind == "user" {
			u, err := iamc.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(name)})
			if err != nil {
				t.Fatalf("user %s: %v", name, err)
			}
			return aws.ToString(u.User.Arn)
		}
		ro, err := iamc.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)})
		if err != nil {
			t.Fatalf("role %s: %v", name, err)
		}
		return aws.ToString(ro.Role.Arn)
	}
	needs := map[string][]callNeed{}
	apis := map[string]bool{}
	for _, c := range r.calls {
		needs[c.command] = append(needs[c.command], c.needs(t, e.Account, arn)...)
		apis[c.api] = true
	}
	t.Logf("%d calls of %d operations recorded", len(r.calls), len(apis))
	for _, api := range []string{"s3:ListObjectVersions", "s3:ListMultipartUploads", "iam:CreateAccessKey", "iam:UpdateUser", "iam:AttachRolePolicy", "cloudtrail:StartLogging", "sts:GetCallerIdentity"} {
		if !apis[api] {
			t.Errorf("the runs never called %s: the scenario lost coverage", api)
		}
	}

	policies := map[string]*PermissionPolicy{}
	for _, command := range PermissionCommands {
		p, err := Permissions(s, out, command)
		if err != nil {
			t.Fatal(err)
		}
		policies[command] = p
		for _, problem := range policyProblems(command, p.Document, p.Permissions, needs) {
			t.Error(problem)
		}
	}

	// The checks can fail: a policy without the statement that allows
	// PutBucketPolicy denies a call of apply, and an extra statement is
	// reported as unneeded.
	t.Run("checks fail", func(t *testing.T) {
		p := policies["apply"]
		var kept []any
		extra := map[string]any{"Sid": "Extra", "Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::tmc-perm-data"}
		for _, st := range policyStatements(p.Document) {
			if !slices.Contains(strs(st["Action"]), "s3:PutBucketPolicy") {
				kept = append(kept, st)
			}
		}
		got := strings.Join(policyProblems("apply", map[string]any{"Version": "2012-10-17", "Statement": append(kept, extra)}, p.Permissions, needs), "\n")
		for _, want := range []string{"needs s3:PutBucketPolicy on arn:aws:s3:::tmc-perm-data", "Extra allows s3:DeleteBucket"} {
			if !strings.Contains(got, want) {
				t.Errorf("problems lack %q:\n%s", want, got)
			}
		}
	})

	// The aws CLI accepts each policy as a managed policy document given
	// with file://, as it takes render's documents; moto validates its
	// grammar (a Resource that is no ARN is refused).
	t.Run("aws CLI accepts", func(t *testing.T) {
		if testing.Short() && os.Getenv("CI") != "true" {
			t.Skip("skipping the aws CLI acceptance in -short mode")
		}
		testenv.RequireBinary(t, "aws", "the aws CLI v1 is preinstalled on the project's machines; pip install awscli")
		dir := t.TempDir()
		env := append(os.Environ(), m.Env()...)
		create := func(name string, doc any) ([]byte, error) {
			path := filepath.Join(dir, name+".json")
			if err := os.WriteFile(path, render.MarshalValue(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("aws", "--endpoint-url", m.URL, "--output", "json", "iam", "create-policy",
				"--policy-name", name, "--policy-document", "file://"+path)
			cmd.Env = env
			return cmd.CombinedOutput()
		}
		// Each aws CLI start costs about a second of CPU: run them at once.
		var wg sync.WaitGroup
		for _, command := range PermissionCommands {
			wg.Go(func() {
				if out, err := create("teramotc-"+command, policies[command].Document); err != nil {
					t.Errorf("aws iam create-policy refused the %s policy: %v\n%s", command, err, out)
				}
			})
		}
		wg.Go(func() {
			bad := map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{"Sid": "Bad", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "tmc-perm-data"}}}
			if out, err := create("teramotc-bad", bad); err == nil {
				t.Errorf("aws iam create-policy accepted a Resource that is no ARN; the check proves nothing:\n%s", out)
			}
		})
		wg.Wait()
	})
}
