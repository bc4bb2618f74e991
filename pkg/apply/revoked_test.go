package apply

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const revokedBucket = `
bucket "data" {
  name   = "teramot-revoke-data"
  region = "us-east-1"
}
`

const revokedUser = `
revoked_grant "old" {
  iam_user = "old-partner"
}
`

// revokedWrites are the write calls among calls, in order.
func revokedWrites(calls []string) []string {
	var out []string
	for _, c := range calls {
		op := strings.Fields(c)[0]
		if strings.HasPrefix(op, "Put") || strings.HasPrefix(op, "Create") || strings.HasPrefix(op, "Attach") ||
			strings.HasPrefix(op, "Detach") || strings.HasPrefix(op, "Update") || op == "StartLogging" {
			out = append(out, c)
		}
	}
	return out
}

// TestRevokedGrantDetachesFirst: a revoked user with the policy attached
// and an active key gets the key deactivated and then the policy detached
// (the order the plan lists) at step 2, before the bucket and its
// guardrails are written; the next plan is empty and makes no write.
func TestRevokedGrantDetachesFirst(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.users["old-partner"] = true
	f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
	f.iam.attached["user/other "+e.policyARN("kept-policy")] = true
	f.iam.keys["old-partner"] = 2
	f.iam.inactive = map[string]bool{fakeKeyID(0): true} // the first key is already inactive
	items := specItems(t, revokedBucket+revokedUser)
	p := planFor(t, e, items)
	type row struct {
		Type, Name, Owner, Action, Risk string
		Step                            int
		Before, After                   any
	}
	var got []row
	for _, c := range p.Changes {
		if c.Address == "revoked_grant.old" {
			got = append(got, row{c.Type, c.Name, c.Owner, c.Action, c.Risk, c.Step, c.Before, c.After})
		}
	}
	want := []row{
		{TAccessKey, "old-partner", "user/old-partner", ActionUpdate, RiskTighten, StepRevoke,
			map[string]any{"AccessKeys": map[string]any{"AKIA…KEY2": "Active"}}, map[string]any{"AccessKeys": map[string]any{"AKIA…KEY2": "Inactive"}}},
		{TAttachment, "old-s3-access", "user/old-partner", ActionDelete, RiskTighten, StepRevoke,
			map[string]any{"PolicyName": "old-s3-access", "Attached": true}, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("revocation changes (-want +got):\n%s", diff)
	}
	if p.Changes[0].Address != "revoked_grant.old" || p.Changes[1].Address != "revoked_grant.old" {
		t.Errorf("the revocations are not planned first: %s, %s", p.Changes[0].Address, p.Changes[1].Address)
	}
	if n := p.Removals(); n != 1 {
		t.Errorf("Removals() = %d, want 1", n)
	}
	add, change := p.Counts() // the bucket's documents; the keys
	if change != 1 {
		t.Errorf("Counts() = %d, %d; want 1 change (the keys)", add, change)
	}
	f.calls = nil
	res, err := e.Apply(context.Background(), p, false)
	if err != nil {
		t.Fatal(err)
	}
	writes := revokedWrites(f.calls)
	wantFirst := []string{"UpdateAccessKey old-partner AKIAFAKEKEY2 Inactive", "DetachUserPolicy old-partner", "CreateBucket teramot-revoke-data"}
	if len(writes) < 3 || !slices.Equal(writes[:3], wantFirst) {
		t.Errorf("writes begin with %q, want %q", writes, wantFirst)
	}
	// Each revocation is read back on two consecutive reads before the
	// next write.
	for _, w := range []struct{ write, read string }{
		{"DetachUserPolicy old-partner", "ListAttachedUserPolicies old-partner"},
		{"UpdateAccessKey old-partner", "ListAccessKeys old-partner"},
	} {
		i := slices.IndexFunc(f.calls, func(c string) bool { return strings.HasPrefix(c, w.write) })
		reads := 0
		for _, c := range f.calls[i+1:] {
			if c == w.read {
				reads++
			} else if len(revokedWrites([]string{c})) > 0 {
				break
			}
		}
		if reads < 2 {
			t.Errorf("%s read back %d times before the next write, want 2", w.write, reads)
		}
	}
	if res.Removed != 1 || res.Added != add || res.Changed != 1 {
		t.Errorf("result %+v, want 1 removed, %d added, 1 changed", res, add)
	}
	if f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] || f.iam.inactive[fakeKeyID(1)] != true {
		t.Errorf("not revoked: attached %v, inactive %v", f.iam.attached, f.iam.inactive)
	}
	if !f.iam.attached["user/other "+e.policyARN("kept-policy")] {
		t.Error("a policy the revoked grant does not name was detached")
	}
	assertConverged(t, f, e, items)
}

// TestRevokedGrantConverged: a revoked identity that holds neither the
// policy nor an active key, or does not exist, plans nothing and apply
// writes nothing.
func TestRevokedGrantConverged(t *testing.T) {
	role := "\nrevoked_grant \"r\" {\n  cross_account_role = \"old-role\"\n  policy_name = \"old-role-policy\"\n}\n"
	tests := []struct {
		name  string
		setup func(f *fake, e *Engine)
	}{
		{name: "absent user and role", setup: func(*fake, *Engine) {}},
		{name: "detached, keys inactive", setup: func(f *fake, e *Engine) {
			f.iam.users["old-partner"] = true
			f.iam.roles["old-role"] = &fakeRole{trust: "{}", maxSession: 3600}
			f.iam.attached["user/old-partner "+e.policyARN("other")] = true
			f.iam.keys["old-partner"] = 1
			f.iam.inactive = map[string]bool{fakeKeyID(0): true}
		}},
		{name: "no keys", setup: func(f *fake, e *Engine) {
			f.iam.users["old-partner"] = true
			f.iam.roles["old-role"] = &fakeRole{trust: "{}", maxSession: 3600}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			tc.setup(f, e)
			items := specItems(t, revokedUser+role)
			p := planFor(t, e, items)
			if len(p.Changes) != 0 || p.HasChanges() {
				t.Fatalf("changes %v, want none", p.Changes)
			}
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if f.writes != 0 {
				t.Errorf("%d writes, want 0: %q", f.writes, revokedWrites(f.calls))
			}
		})
	}
}

// TestRevokedRoleDetached: a revoked role loses the policy (DetachRolePolicy)
// and, having no access keys, nothing else.
func TestRevokedRoleDetached(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.roles["old-role"] = &fakeRole{trust: "{}", maxSession: 3600}
	f.iam.attached["role/old-role "+e.policyARN("r-s3-access")] = true
	items := specItems(t, "revoked_grant \"r\" {\n  cross_account_role = \"old-role\"\n}\n")
	res, err := converge(t, e, items)
	if err != nil {
		t.Fatal(err)
	}
	if got := revokedWrites(f.calls); !slices.Equal(got, []string{"DetachRolePolicy old-role"}) {
		t.Errorf("writes %q, want the detach only", got)
	}
	if res.Removed != 1 || res.Added+res.Changed != 0 {
		t.Errorf("result %+v, want 1 removed", res)
	}
	assertConverged(t, f, e, items)
}

// TestRevokedGrantWarnsExtras: the plan names what a revoked user keeps
// beyond the detached policy (inline policies, other managed policies,
// groups), with the commands that remove it.
func TestRevokedGrantWarnsExtras(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.users["old-partner"] = true
	f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
	f.iam.attached["user/old-partner "+e.policyARN("kept-policy")] = true
	f.iam.inline = map[string][]string{"user/old-partner": {"inline-read"}}
	f.iam.groups = map[string][]string{"old-partner": {"readers"}}
	p := planFor(t, e, specItems(t, revokedUser))
	e.WarnOtherAttachments(context.Background(), p)
	if len(p.Warnings) != 1 {
		t.Fatalf("warnings %q, want 1", p.Warnings)
	}
	w := p.Warnings[0]
	for _, s := range []string{"revoked user old-partner (revoked_grant.old) still holds access", "inline policy inline-read",
		"aws iam detach-user-policy --user-name old-partner --policy-arn " + e.policyARN("kept-policy"), "group readers"} {
		if !strings.Contains(w, s) {
			t.Errorf("warning lacks %q:\n%s", s, w)
		}
	}
	if strings.Contains(w, "old-s3-access") {
		t.Errorf("warning names the policy the plan detaches:\n%s", w)
	}
}

// TestRevokedGrantPlanFile: a saved plan carries the revocations (a detach
// is action "delete") and is checked like any other: the fresh plan of the
// same state passes, a file whose detach was dropped or relabelled is
// refused, and so is one saved before the key was deactivated by hand.
func TestRevokedGrantPlanFile(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.users["old-partner"] = true
	f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
	f.iam.keys["old-partner"] = 1
	items := specItems(t, revokedUser)
	sp := savePlan(t, planFor(t, e, items))
	var actions []string
	for _, c := range sp.Plan.Changes {
		actions = append(actions, c.Type+" "+c.Action)
	}
	if want := []string{"access-key update", "policy-attachment delete"}; !slices.Equal(actions, want) {
		t.Fatalf("saved changes %q, want %q", actions, want)
	}
	if err := sp.Check(planFor(t, e, items), nil); err != nil {
		t.Fatalf("fresh plan refused: %v", err)
	}
	edited := *sp.Plan
	edited.Changes = []*Change{sp.Plan.Changes[0]}
	if err := checkSaved(&edited, planFor(t, e, items), nil, nil); err == nil || !strings.Contains(err.Error(), "policy-attachment") {
		t.Errorf("a plan file without the detach: err = %v", err)
	}
	relabelled := *sp.Plan.Changes[1]
	relabelled.Action = ActionUpdate
	edited.Changes = []*Change{sp.Plan.Changes[0], &relabelled}
	if err := checkSaved(&edited, planFor(t, e, items), nil, nil); err == nil || !strings.Contains(err.Error(), `has action "update" in the file, "delete" in apply's plan`) {
		t.Errorf("a relabelled detach: err = %v", err)
	}
	f.iam.inactive = map[string]bool{fakeKeyID(0): true}
	if err := sp.Check(planFor(t, e, items), nil); err == nil || !strings.Contains(err.Error(), "live AWS state changed") {
		t.Errorf("a key deactivated since the plan: err = %v", err)
	}
}

// TestRevokedGrantDetachFails: the detach failing does not leave the keys
// active (they are deactivated before it, and a failure of one revocation
// never skips the other); apply fails naming the detach, and writes
// nothing after the revoke stage.
func TestRevokedGrantDetachFails(t *testing.T) {
	for _, tc := range []struct {
		name, op string
		wantErr  string
	}{
		{name: "detach fails", op: "DetachUserPolicy", wantErr: "policy-attachment old-s3-access"},
		{name: "deactivation fails", op: "UpdateAccessKey", wantErr: "access-key old-partner"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			f.iam.users["old-partner"] = true
			f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
			f.iam.keys["old-partner"] = 1
			f.faults[tc.op] = []error{apiErr("AccessDenied", "not authorized to perform iam:"+tc.op)}
			_, err := converge(t, e, specItems(t, revokedBucket+revokedUser))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "AccessDenied") {
				t.Fatalf("err = %v, want the failure of %s", err, tc.wantErr)
			}
			detached := !f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")]
			if inactive := f.iam.inactive[fakeKeyID(0)]; inactive != (tc.op != "UpdateAccessKey") || detached != (tc.op != "DetachUserPolicy") {
				t.Errorf("key inactive %v, policy detached %v: the revocation that did not fail was not done", inactive, detached)
			}
			for _, w := range revokedWrites(f.calls) {
				if strings.Contains(w, "teramot-revoke-data") {
					t.Errorf("wrote %q after the revoke stage failed", w)
				}
			}
		})
	}
}
