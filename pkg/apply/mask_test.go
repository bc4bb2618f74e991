package apply

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// trustPolicy is a canonical-looking trust policy document.
func trustPolicy(account, externalID string) map[string]any {
	return map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Sid": "TrustTeramot", "Effect": "Allow", "Action": []any{"sts:AssumeRole"},
		"Principal": map[string]any{"AWS": []any{"arn:aws:iam::" + account + ":root"}},
		"Condition": map[string]any{"StringEquals": map[string]any{"sts:ExternalId": []any{externalID}}},
	}}}
}

func role(account, externalID string) map[string]any {
	return map[string]any{"RoleName": "teramot-access", "MaxSessionDuration": 3600.0,
		"AssumeRolePolicyDocument": trustPolicy(account, externalID)}
}

// TestRedactedMasksValues checks that a printed plan masks exactly the
// values that hold a secret, on both the desired and the live side.
func TestRedactedMasksValues(t *testing.T) {
	const (
		newID = "tmc-new-external-id-1234"
		oldID = "tmc-old-external-id-9876"
		org   = "o-secretorg7x2q"
	)
	cases := []struct {
		name       string
		c          Change
		wantBefore any
		wantAfter  any
		wantName   string
		wantHidden bool // SensitiveChanged: masked values differ
	}{
		{
			name: "trust principal change visible, external id masked on both sides",
			c: Change{Type: TIAMRole, Name: "teramot-access", Sensitive: true, secrets: []string{newID},
				Before: role("210987654321", oldID), After: role("444455556666", newID)},
			wantBefore: role("210987654321", Redacted), wantAfter: role("444455556666", Redacted),
			wantName: "teramot-access", wantHidden: true,
		},
		{
			name: "the live external id equals the desired one",
			c: Change{Type: TIAMRole, Name: "r", Sensitive: true, secrets: []string{newID},
				Before: role("210987654321", newID), After: role("444455556666", newID)},
			wantBefore: role("210987654321", Redacted), wantAfter: role("444455556666", Redacted), wantName: "r",
		},
		{
			name: "one sensitive tag among many",
			c: Change{Type: TTagging, Name: "b", Sensitive: true, secrets: []string{"team-Secret-41d9"},
				Before: map[string]any{"Tags": map[string]any{"owner": "old-owner", "team": "team-Old-0000"}},
				After:  map[string]any{"Tags": map[string]any{"owner": "data-platform", "purpose": "share", "team": "team-Secret-41d9"}}},
			wantBefore: map[string]any{"Tags": map[string]any{"owner": "old-owner", "team": Redacted}},
			wantAfter:  map[string]any{"Tags": map[string]any{"owner": "data-platform", "purpose": "share", "team": Redacted}},
			wantName:   "b", wantHidden: true,
		},
		{
			name: "nested condition values: only the secret and its live counterpart",
			c: Change{Type: TBucketPolicy, Name: "b", Sensitive: true, secrets: []string{org},
				Before: map[string]any{"Statement": []any{map[string]any{"Sid": "Org", "Condition": map[string]any{
					"StringEquals": map[string]any{"aws:PrincipalOrgID": []any{"o-public00001", "o-oldsecret99"}}}}}},
				After: map[string]any{"Statement": []any{map[string]any{"Sid": "Org", "Condition": map[string]any{
					"StringEquals": map[string]any{"aws:PrincipalOrgID": []any{"o-public00001", org}}}}}}},
			wantBefore: map[string]any{"Statement": []any{map[string]any{"Sid": "Org", "Condition": map[string]any{
				"StringEquals": map[string]any{"aws:PrincipalOrgID": []any{"o-public00001", Redacted}}}}}},
			wantAfter: map[string]any{"Statement": []any{map[string]any{"Sid": "Org", "Condition": map[string]any{
				"StringEquals": map[string]any{"aws:PrincipalOrgID": []any{"o-public00001", Redacted}}}}}},
			wantName: "b", wantHidden: true,
		},
		{
			name: "a secret inside a longer string",
			c: Change{Type: TManagedPolicy, Name: "p", Sensitive: true, secrets: []string{"secret-prefix"},
				After: map[string]any{"Resource": []any{"arn:aws:s3:::b/secret-prefix/*", "arn:aws:s3:::b"}}},
			wantAfter: map[string]any{"Resource": []any{Redacted, "arn:aws:s3:::b"}}, wantName: "p",
		},
		{
			name: "a sensitive bucket name: name and ARNs masked in a change not marked sensitive",
			c: Change{Type: TBucketPolicy, Name: "secret-bucket-7", secrets: []string{"secret-bucket-7"},
				After: map[string]any{"Resource": "arn:aws:s3:::secret-bucket-7/*", "Effect": "Deny"}},
			wantAfter: map[string]any{"Resource": Redacted, "Effect": "Deny"}, wantName: Redacted,
		},
		{
			name: "a sensitive number",
			c: Change{Type: TIAMRole, Name: "r", Sensitive: true, secrets: []string{"7200"},
				Before: map[string]any{"MaxSessionDuration": 3600.0}, After: map[string]any{"MaxSessionDuration": 7200.0}},
			wantBefore: map[string]any{"MaxSessionDuration": Redacted}, wantAfter: map[string]any{"MaxSessionDuration": Redacted},
			wantName: "r", wantHidden: true,
		},
		{
			name: "no list of secrets: hidden whole",
			c: Change{Type: TIAMRole, Name: "r", Sensitive: true,
				Before: role("210987654321", oldID), After: role("444455556666", newID)},
			wantBefore: Redacted, wantAfter: Redacted, wantName: "r", wantHidden: true,
		},
		{
			name: "a short secret inside a longer string: hidden whole",
			c: Change{Type: TTagging, Name: "b", Sensitive: true, secrets: []string{"xq7"},
				After: map[string]any{"Tags": map[string]any{"a": "abc-xq7-def", "b": "xq7"}}},
			wantAfter: Redacted, wantName: "b",
		},
		{
			name: "a short secret as a whole value",
			c: Change{Type: TTagging, Name: "b", Sensitive: true, secrets: []string{"xq7"},
				After: map[string]any{"Tags": map[string]any{"a": "abc", "b": "xq7"}}},
			wantAfter: map[string]any{"Tags": map[string]any{"a": "abc", "b": Redacted}}, wantName: "b",
		},
		{
			name: "a secret in an object key: hidden whole",
			c: Change{Type: TTagging, Name: "b", Sensitive: true, secrets: []string{"key-secret-1"},
				After: map[string]any{"Tags": map[string]any{"key-secret-1": "v"}}},
			wantAfter: Redacted, wantName: "b",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := &Plan{Changes: []*Change{&tc.c}, Warnings: []string{}}
			r := p.Redacted()
			got := r.Changes[0]
			if d := cmp.Diff(tc.wantAfter, got.After); d != "" {
				t.Errorf("after (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.wantBefore, got.Before); d != "" {
				t.Errorf("before (-want +got):\n%s", d)
			}
			if got.SensitiveChanged != tc.wantHidden {
				t.Errorf("SensitiveChanged = %v, want %v", got.SensitiveChanged, tc.wantHidden)
			}
			if got.Name != tc.wantName {
				t.Errorf("name = %q, want %q", got.Name, tc.wantName)
			}
			again := r.Redacted().Changes[0]
			if d := cmp.Diff(got.After, again.After); d != "" {
				t.Errorf("redacting twice changed the plan (-once +twice):\n%s", d)
			}
			b, _ := json.Marshal(r)
			for _, s := range append(tc.c.secrets, oldID) {
				if strings.Contains(string(b), s) {
					t.Errorf("the redacted plan holds %q: %s", s, b)
				}
			}
		})
	}
}

// A plan file keeps the visible parts of a sensitive change, and its plan
// is shown as saved (no secrets are known when it is read back).
func TestPlanFileShowsMaskedTrustPolicy(t *testing.T) {
	const id = "tmc-file-external-id-5555"
	p := &Plan{Account: "111122223333", Changes: []*Change{{Type: TIAMRole, Name: "r", Address: "grant.g", Action: ActionUpdate,
		Sensitive: true, secrets: []string{id}, Before: role("210987654321", id), After: role("444455556666", id)}}}
	path := filepath.Join(t.TempDir(), "p.plan")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/abs/spec", Plan: p}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), id) {
		t.Errorf("plan file holds the external id:\n%s", b)
	}
	saved, _, err := ReadPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := saved.Plan.Redacted().Changes[0]
	if d := cmp.Diff(any(role("444455556666", Redacted)), got.After); d != "" {
		t.Errorf("after, read back (-want +got):\n%s", d)
	}
	if d := cmp.Diff(any(role("210987654321", Redacted)), got.Before); d != "" {
		t.Errorf("before, read back (-want +got):\n%s", d)
	}
}

// plan -out over an existing file leaves it 0600, whatever its mode was,
// and no temporary file behind.
func TestPlanFileMode(t *testing.T) {
	for _, mode := range []os.FileMode{0, 0o644, 0o666, 0o600} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "p.plan")
			if mode != 0 {
				if err := os.WriteFile(path, []byte("old"), mode); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, mode); err != nil {
					t.Fatal(err)
				}
			}
			if err := WritePlanFile(path, &SavedPlan{Spec: "/s", Plan: &Plan{Changes: []*Change{}}}); err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o600 {
				t.Errorf("mode = %v, want 0600", st.Mode().Perm())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the directory holds %d files, want only the plan", len(entries))
			}
			if _, ok, err := ReadPlanFile(path); !ok || err != nil {
				t.Errorf("read back: ok=%v err=%v", ok, err)
			}
		})
	}
}

func TestPlanMask(t *testing.T) {
	p := &Plan{Changes: []*Change{{Name: "x", secrets: []string{"hidden-bucket-77", "ab"}}}}
	cases := []struct{ in, want string }{
		{"bucket.hidden-bucket-77: Creating...", "bucket.(sensitive): Creating..."},
		{"hidden-bucket-77", Redacted},
		{"ab", Redacted},
		{"about", "about"}, // a short secret only as a whole
	}
	for _, tc := range cases {
		if got := p.Mask(tc.in); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
