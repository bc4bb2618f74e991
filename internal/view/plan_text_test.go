package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/apply"
)

func testPlan() *apply.Plan {
	stmt := func(sid, effect string) any {
		return map[string]any{"Sid": sid, "Effect": effect, "Action": []any{"s3:getobject"}, "Resource": []any{"arn:aws:s3:::b/*"}}
	}
	return &apply.Plan{FormatVersion: "1.0", Account: "111122223333", Warnings: []string{}, Changes: []*apply.Change{
		{Type: apply.TVersioning, Name: "b", Address: "bucket.data", Action: apply.ActionUpdate, Risk: apply.RiskTighten, Step: 4,
			Before: map[string]any{"Status": "Suspended"}, After: map[string]any{"Status": "Enabled"}},
		{Type: apply.TBucketPolicy, Name: "b", Address: "bucket.data", Action: apply.ActionUpdate, Risk: apply.RiskLoosen, Step: 8,
			Before: map[string]any{"Version": "2012-10-17", "Statement": []any{stmt("Keep", "Deny"), stmt("Old", "Allow")}},
			After:  map[string]any{"Version": "2012-10-17", "Statement": []any{stmt("Keep", "Deny"), stmt("New", "Allow")}}},
		{Type: apply.TIAMRole, Name: "r", Address: "grant.x", Action: apply.ActionCreate, Risk: apply.RiskNeutral, Step: 7, Sensitive: true,
			After: map[string]any{"AssumeRolePolicyDocument": "secret-external-id"}},
		{Type: apply.TLifecycle, Name: "b", Address: "bucket.data", Action: apply.ActionUpdate, Risk: apply.RiskNeutral, Step: 5, Destructive: true,
			Reason: `rule "X" deletes objects after 30 days instead of 365`,
			Before: map[string]any{"Rules": []any{}}, After: map[string]any{"Rules": []any{}}},
	}}
}

func TestWritePlanText(t *testing.T) {
	var b bytes.Buffer
	WritePlanText(&b, testPlan(), false)
	out := b.String()
	for _, want := range []string{
		`# bucket.data: versioning "b" will be updated in place [tighten, step 4]`,
		`~ Status = "Suspended" -> "Enabled"`,
		`~ statement Old -> New # only its Sid changes`,
		`# grant.x: iam-role "r" will be created [neutral, step 7]`,
		`(sensitive value)`,
		`[neutral, DESTRUCTIVE, step 5] (rule "X" deletes objects after 30 days instead of 365)`,
		"Plan: 1 to add, 3 to change, 0 to destroy.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "statement Keep") {
		t.Errorf("unchanged statement shown:\n%s", out)
	}
	if strings.Contains(out, "secret-external-id") {
		t.Errorf("sensitive value printed:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour without -color:\n%s", out)
	}
}

func TestWritePlanTextNoChanges(t *testing.T) {
	var b bytes.Buffer
	WritePlanText(&b, &apply.Plan{Changes: []*apply.Change{}}, false)
	if got := b.String(); !strings.HasPrefix(got, "No changes.") {
		t.Errorf("got %q", got)
	}
}

func TestWritePlanJSONAndMarkdown(t *testing.T) {
	var j bytes.Buffer
	if err := WritePlanJSON(&j, testPlan()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(j.String(), "secret-external-id") || !strings.Contains(j.String(), `"after": "(sensitive)"`) {
		t.Errorf("JSON plan does not redact:\n%s", j.String())
	}
	j.Reset()
	if err := WritePlanJSON(&j, &apply.Plan{FormatVersion: "1.0"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(j.String(), "null") {
		t.Errorf("empty plan has null arrays:\n%s", j.String())
	}
	var m bytes.Buffer
	WritePlanMarkdown(&m, testPlan())
	for _, want := range []string{"| `~` | versioning | `b` | `bucket.data` | tighten | 4 |", "**destructive**", "**Plan: 1 to add, 3 to change, 0 to destroy.**", "```diff"} {
		if !strings.Contains(m.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, m.String())
		}
	}
	if strings.Contains(m.String(), "secret-external-id") {
		t.Errorf("markdown prints a sensitive value")
	}
}

// The hint after a saved plan is a command that works: with a
// DESTRUCTIVE change apply refuses the file without -allow-destructive,
// a plan made with -skip-lint needs it too, and the -var-file and -var
// arguments are repeated, a -var's value as "..." (never printed).
func TestWriteApplyHint(t *testing.T) {
	safe := testPlan()
	safe.Changes = safe.Changes[:3]
	vars := &apply.PlanInputs{SkipLint: true, Vars: []string{"external_id", "company"},
		VarFiles: []string{"prod.tfvars", "my vars/it's.tfvars"}, Env: []string{"TERAMOTC_VAR_region"}}
	// A plan made against an endpoint with a password, with a profile, a
	// region and a role: the command connects the same way, with no
	// secret in it (apply refuses another connection, and without
	// -endpoint-url it would send its first requests to AWS).
	elsewhere := testPlan()
	elsewhere.Changes = safe.Changes
	elsewhere.Endpoint, elsewhere.Region = "http://minio:s3cr3t-pw@127.0.0.1:5000", "eu-west-1"
	conn := apply.ConnectOptions{Profile: "prod", AssumeRoleARN: "arn:aws:iam::123456789012:role/deploy"}
	connNotes := []string{"The endpoint's password is not printed: replace ... in -endpoint-url with it.",
		"If plan was given -external-id, give apply the same -external-id '...': the external id is secret, so the plan file does not keep it and it is not printed."}
	tests := []struct {
		name     string
		plan     *apply.Plan
		in       *apply.PlanInputs
		conn     apply.ConnectOptions
		fromFile bool
		command  string
		notes    []string // lines after the command
		why      []string
	}{
		{"destructive", testPlan(), nil, apply.ConnectOptions{}, false, "  teramotc apply -allow-destructive my.plan", nil, []string{"DESTRUCTIVE change"}},
		{"safe", safe, nil, apply.ConnectOptions{}, false, "  teramotc apply my.plan", nil, nil},
		{"safe recorded nothing", safe, &apply.PlanInputs{}, apply.ConnectOptions{}, false, "  teramotc apply my.plan", nil, nil},
		{"skip lint", safe, &apply.PlanInputs{SkipLint: true}, apply.ConnectOptions{}, false, "  teramotc apply -skip-lint my.plan", nil, []string{"made with -skip-lint"}},
		{"variables", testPlan(), vars, apply.ConnectOptions{}, false,
			`  teramotc apply -allow-destructive -skip-lint -var-file prod.tfvars -var-file 'my vars/it'\''s.tfvars' -var 'external_id=...' -var 'company=...' my.plan`,
			[]string{"Replace each ... with the value the variable had for plan (external_id, company): apply refuses a plan whose values differ.",
				"Set TERAMOTC_VAR_region as for plan."},
			[]string{"DESTRUCTIVE change", "made with -skip-lint"}},
		{"policies", safe, &apply.PlanInputs{Policies: []string{"policy", "team rules"}, VarFiles: []string{"prod.tfvars"}}, apply.ConnectOptions{}, false,
			"  teramotc apply -policy policy -policy 'team rules' -var-file prod.tfvars my.plan", nil, nil},
		{"config", safe, &apply.PlanInputs{Config: "ci rules.hcl", Policies: []string{"policy"}}, apply.ConnectOptions{}, false,
			"  teramotc apply -config 'ci rules.hcl' -policy policy my.plan", nil, nil},
		{"config with skip lint", safe, &apply.PlanInputs{SkipLint: true, Config: "ci.teramotc.hcl"}, apply.ConnectOptions{}, false,
			"  teramotc apply -skip-lint -config ci.teramotc.hcl my.plan", nil, []string{"made with -skip-lint"}},
		{"env only", safe, &apply.PlanInputs{Env: []string{"TERAMOTC_VAR_a", "TERAMOTC_VAR_b"}}, apply.ConnectOptions{}, false, "  teramotc apply my.plan",
			[]string{"Set TERAMOTC_VAR_a, TERAMOTC_VAR_b as for plan."}, nil},
		{"connection", elsewhere, &apply.PlanInputs{SkipLint: true, VarFiles: []string{"prod.tfvars"}}, conn, false,
			"  teramotc apply -skip-lint -endpoint-url http://minio:...@127.0.0.1:5000 -profile prod -region eu-west-1 " +
				"-assume-role-arn arn:aws:iam::123456789012:role/deploy -var-file prod.tfvars my.plan",
			connNotes, []string{"made with -skip-lint"}},
		{"endpoint and region only", func() *apply.Plan {
			p := testPlan()
			p.Changes, p.Endpoint, p.Region = safe.Changes, "http://127.0.0.1:45123", "us-east-1"
			return p
		}(), nil, apply.ConnectOptions{}, false, "  teramotc apply -endpoint-url http://127.0.0.1:45123 -region us-east-1 my.plan", nil, nil},
		// show reads the connection from the file, which whoever could
		// edit it chose: named on a line to check, not in the command.
		{"connection from a file", elsewhere, nil, conn, true, "  teramotc apply my.plan",
			append([]string{"Add the connection the plan was made with, as the file records it (check it above first; apply refuses another): " +
				"-endpoint-url http://minio:...@127.0.0.1:5000 -profile prod -region eu-west-1 -assume-role-arn arn:aws:iam::123456789012:role/deploy"}, connNotes...), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			WriteApplyHint(&b, tc.plan, tc.in, tc.conn, tc.fromFile, "Saved the plan to my.plan.", "my.plan")
			out := b.String()
			if strings.Contains(out, "s3cr3t") {
				t.Errorf("hint %q prints the endpoint's password", out)
			}
			if !strings.HasPrefix(out, "\nSaved the plan to my.plan.") {
				t.Errorf("hint %q does not start with the lead", out)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			want := append([]string{tc.command}, tc.notes...)
			if diff := cmp.Diff(want, lines[len(lines)-len(want):]); diff != "" {
				t.Errorf("hint %q (-want +got):\n%s", out, diff)
			}
			for _, w := range tc.why {
				if !strings.Contains(lines[1], w) {
					t.Errorf("hint %q does not say %q", out, w)
				}
			}
			if len(tc.why) == 0 && strings.Contains(lines[1], " It ") {
				t.Errorf("hint %q says why without a reason", out)
			}
		})
	}
}

// An access key is named after its user: "access-key for user/NAME", not
// "NAME of user/NAME"; other owned changes keep "NAME of OWNER".
func TestChangeTitleOwner(t *testing.T) {
	tests := []struct {
		name string
		c    *apply.Change
		want string
	}{
		{"access key", &apply.Change{Type: apply.TAccessKey, Name: "svc", Owner: "user/svc", Address: "grant.u",
			Action: apply.ActionCreate, Risk: apply.RiskLoosen, Step: 7},
			`# grant.u: access-key for user/svc will be created [loosen, step 7]`},
		{"attachment", &apply.Change{Type: apply.TAttachment, Name: "pol", Owner: "user/svc", Address: "grant.u",
			Action: apply.ActionCreate, Risk: apply.RiskLoosen, Step: 8},
			`# grant.u: policy-attachment "pol of user/svc" will be created [loosen, step 8]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := changeTitle(tc.c); got != tc.want {
				t.Errorf("changeTitle = %q, want %q", got, tc.want)
			}
		})
	}
}
