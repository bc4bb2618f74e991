package apply

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRevokedGrantKeepsKeysOfOtherAccess: a revoked user that holds other
// access (another spec's managed policy, an inline policy, a group) keeps
// its keys active, as they are that access's credential too: the plan
// detaches only the revoked policy, and its warning names the access and
// says the keys stay active. Once the other access is gone, the next plan
// deactivates them.
func TestRevokedGrantKeepsKeysOfOtherAccess(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(f *fake, e *Engine)
		names  func(e *Engine) string
		remove func(f *fake, e *Engine)
	}{
		{name: "managed policy of another spec",
			setup:  func(f *fake, e *Engine) { f.iam.attached["user/old-partner "+e.policyARN("other-s3-access")] = true },
			names:  func(e *Engine) string { return "managed policy " + e.policyARN("other-s3-access") },
			remove: func(f *fake, e *Engine) { delete(f.iam.attached, "user/old-partner "+e.policyARN("other-s3-access")) }},
		{name: "inline policy",
			setup:  func(f *fake, _ *Engine) { f.iam.inline = map[string][]string{"user/old-partner": {"inline-read"}} },
			names:  func(*Engine) string { return "inline policy inline-read" },
			remove: func(f *fake, _ *Engine) { f.iam.inline = nil }},
		{name: "group",
			setup:  func(f *fake, _ *Engine) { f.iam.groups = map[string][]string{"old-partner": {"readers"}} },
			names:  func(*Engine) string { return "group readers" },
			remove: func(f *fake, _ *Engine) { f.iam.groups = nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			f.iam.users["old-partner"] = true
			f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
			f.iam.keys["old-partner"] = 1
			tc.setup(f, e)
			items := specItems(t, revokedUser)
			p := planFor(t, e, items)
			var got []string
			for _, c := range p.Changes {
				got = append(got, c.Type+" "+c.Action)
			}
			if want := []string{"policy-attachment delete"}; !slices.Equal(got, want) {
				t.Fatalf("changes %q, want %q (no key change)", got, want)
			}
			e.WarnOtherAttachments(context.Background(), p)
			if len(p.Warnings) != 1 {
				t.Fatalf("warnings %q, want 1", p.Warnings)
			}
			for _, s := range []string{"revoked user old-partner (revoked_grant.old) still holds access", tc.names(e),
				"leaves the user's access keys (AKIA…KEY1) active", "deactivating them would end it",
				"The first apply after the user holds nothing else deactivates them",
				"aws iam update-access-key --user-name old-partner --access-key-id ID --status Inactive"} {
				if !strings.Contains(p.Warnings[0], s) {
					t.Errorf("warning lacks %q:\n%s", s, p.Warnings[0])
				}
			}
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if f.iam.inactive[fakeKeyID(0)] || f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] {
				t.Errorf("after apply: key inactive %v, revoked policy attached %v; want the key active and the policy detached",
					f.iam.inactive[fakeKeyID(0)], f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")])
			}
			tc.remove(f, e)
			p = planFor(t, e, items)
			got = nil
			for _, c := range p.Changes {
				got = append(got, c.Type+" "+c.Action)
			}
			if want := []string{"access-key update"}; !slices.Equal(got, want) {
				t.Fatalf("changes once nothing else is left %q, want %q", got, want)
			}
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if !f.iam.inactive[fakeKeyID(0)] {
				t.Error("the key is still active once the user holds nothing else")
			}
		})
	}
}

// TestRevokedGrantNoOtherAccessWarnsNothing: a revoked user holding only
// the revoked policy gets its keys deactivated and no "still holds"
// warning (the plan's reason says why the keys go).
func TestRevokedGrantNoOtherAccessWarnsNothing(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.users["old-partner"] = true
	f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
	f.iam.keys["old-partner"] = 1
	p := planFor(t, e, specItems(t, revokedUser))
	e.WarnOtherAttachments(context.Background(), p)
	if len(p.Changes) != 2 || p.Changes[0].Type != TAccessKey || !strings.Contains(p.Changes[0].Reason, "holds no other policy or group") {
		t.Fatalf("changes %+v, want the key deactivation then the detach", p.Changes)
	}
	for _, w := range p.Warnings {
		if strings.Contains(w, "still holds") {
			t.Errorf("unexpected warning %q", w)
		}
	}
}

// TestRevokedItemsUserCase: two revoked_grant blocks naming one user in
// different case (IAM names are case-insensitive) give one access-key
// item, which knows both revoked policies, so the plan deactivates its
// keys once.
func TestRevokedItemsUserCase(t *testing.T) {
	items := specItems(t, `
revoked_grant "a" {
  iam_user    = "Partner"
  policy_name = "p1"
}
revoked_grant "b" {
  iam_user    = "partner"
  policy_name = "p2"
}
`)
	var keys []*Item
	for _, it := range items {
		if it.Revoke && it.Type == TAccessKey {
			keys = append(keys, it)
		}
	}
	if len(keys) != 1 {
		t.Fatalf("%d access-key items, want 1", len(keys))
	}
	if diff := cmp.Diff([]string{"p1", "p2"}, keys[0].revokedPolicies); diff != "" {
		t.Errorf("revoked policies of the user (-want +got):\n%s", diff)
	}
}
