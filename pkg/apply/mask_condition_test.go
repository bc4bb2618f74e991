package apply

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trustDoc is a canonical trust policy of statements given as JSON.
func trustDoc(t *testing.T, stmts ...string) any {
	t.Helper()
	doc, err := ParsePolicy(`{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`)
	if err != nil {
		t.Fatal(err)
	}
	c, err := CanonicalPolicy(doc, "aws")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// trustStmt is a trust statement; sid "" leaves the Sid out.
func trustStmt(sid, account, op, externalID string) string {
	s := `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + account + `:root"},"Action":"sts:AssumeRole",` +
		`"Condition":{"` + op + `":{"sts:ExternalId":"` + externalID + `"}}}`
	if sid != "" {
		s = `{"Sid":"` + sid + `",` + s[1:]
	}
	return s
}

// TestLiveExternalIDMasked: the external id in force is masked in every
// part of a plan (diff values, reason, warnings, progress text, masked
// fingerprints, plan file), whatever the operator that tests it and
// whether or not its statement has a Sid; the spec's own (sensitive)
// external id is masked too.
func TestLiveExternalIDMasked(t *testing.T) {
	const (
		specID  = "tmc-spec-external-id-4242"
		liveID  = "Legacy-Secret-abcdef123456"
		otherID = "Other-Partner-Secret-0099"
	)
	desired := trustDoc(t, trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEquals", specID))
	cases := []struct {
		name string
		live []string // live statements
	}{ // every case but "StringLike, the spec's value" changes the masked id
		{"StringEquals, another value", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEquals", liveID)}},
		{"StringLike", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringLike", liveID)}},
		{"StringLike, the spec's value", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringLike", specID)}},
		{"StringEqualsIgnoreCase", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEqualsIgnoreCase", liveID)}},
		{"StringNotEquals", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringNotEquals", liveID)}},
		{"StringNotLike", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringNotLike", liveID)}},
		{"ForAnyValue:StringLike", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "ForAnyValue:StringLike", liveID)}},
		{"ForAllValues:StringEquals", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "ForAllValues:StringEquals", liveID)}},
		{"StringEqualsIfExists", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEqualsIfExists", liveID)}},
		{"StringLikeIfExists", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "StringLikeIfExists", liveID)}},
		{"operator in lower case", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "stringlike", liveID)}},
		{"Null with the id in it", []string{trustStmt("TrustedAccountAssumeRole", "210987654321", "Null", liveID)}},
		{"Sid-less second statement, StringEquals", []string{
			trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEquals", specID),
			trustStmt("", "444455556666", "StringEquals", otherID)}},
		{"Sid-less second statement, StringLike", []string{
			trustStmt("TrustedAccountAssumeRole", "210987654321", "StringEquals", specID),
			trustStmt("", "444455556666", "StringLike", otherID)}},
		{"Sid-less only statement, ForAnyValue:StringEqualsIgnoreCase", []string{
			trustStmt("", "210987654321", "ForAnyValue:StringEqualsIgnoreCase", liveID)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			it := &Item{Type: TIAMRole, Name: "switch-partner-role", Address: "grant.partner", Step: StepIdentity, Sensitive: true,
				secrets: []string{specID},
				Desired: map[string]any{"RoleName": "switch-partner-role", "Path": "/", "MaxSessionDuration": 3600.0, "AssumeRolePolicyDocument": desired}}
			live := newLive()
			liveRole := map[string]any{"RoleName": "switch-partner-role", "Path": "/", "MaxSessionDuration": 3600.0,
				"AssumeRolePolicyDocument": trustDoc(t, tc.live...)}
			live.set(it.Key(), liveRole)
			e := &Engine{C: &Clients{}, Partition: "aws"}
			p := e.MakePlan([]*Item{it}, live)
			if len(p.Changes) != 1 {
				t.Fatalf("changes = %d, want 1", len(p.Changes))
			}
			p.Warnings = append(p.Warnings, "a warning quoting the live policy: "+mustJSON(liveRole))
			secrets := []string{specID, liveID, otherID}
			check := func(where, text string) {
				t.Helper()
				for _, s := range secrets {
					if strings.Contains(text, s) {
						t.Errorf("%s holds %q:\n%s", where, s, text)
					}
				}
			}
			r := p.Redacted()
			b, _ := json.Marshal(r)
			check("the redacted plan", string(b))
			if !strings.Contains(string(b), Redacted) {
				t.Errorf("the redacted plan masks nothing:\n%s", b)
			}
			check("the reason", r.Changes[0].Reason)
			check("a progress line", p.Mask("gave up: last read "+mustJSON(liveRole)))
			d, l := maskedStates(p.items, live)
			check("the masked states", stateText(d)+stateText(l))
			if tc.name == "StringEquals, another value" || strings.Contains(tc.name, "Like") { // the slow argon2id hash: a few cases
				checkPlanFile(t, p, check)
			}
			if got, want := r.Changes[0].SensitiveChanged, !strings.Contains(tc.name, "the spec's value"); got != want {
				t.Errorf("SensitiveChanged = %v, want %v", got, want)
			}
		})
	}
}

// checkPlanFile writes p to a plan file and checks its text.
func checkPlanFile(t *testing.T, p *Plan, check func(where, text string)) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.plan")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/abs/spec", Plan: p}); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(path)
	check("the plan file", string(file))
	if !strings.Contains(string(file), `"sensitive_fingerprint": "$argon2id$`) {
		t.Errorf("the plan file has no sensitive fingerprint:\n%s", file)
	}
}

// TestSecretConditionPaths: which values a masker hides by their key.
func TestSecretConditionPaths(t *testing.T) {
	cases := []struct {
		name, path, value string
		want              bool
	}{
		{"StringEquals", "\x00Statement\x00Condition\x00StringEquals\x00sts:externalid", "x1", true},
		{"StringLike", "\x00Statement\x00Condition\x00StringLike\x00sts:externalid", "x1", true},
		{"key in the written case", "\x00Condition\x00StringEquals\x00sts:ExternalId", "x1", true},
		{"ForAnyValue", "\x00Condition\x00ForAnyValue:StringEqualsIgnoreCase\x00sts:externalid", "x1", true},
		{"IfExists", "\x00Condition\x00StringNotLikeIfExists\x00sts:externalid", "x1", true},
		{"inside a role", "\x00AssumeRolePolicyDocument\x00Statement\x00Condition\x00StringEquals\x00sts:externalid", "x1", true},
		{"Null true", "\x00Condition\x00Null\x00sts:externalid", "true", false},
		{"Null false", "\x00Condition\x00Null\x00sts:externalid", "False", false},
		{"Null with an id", "\x00Condition\x00Null\x00sts:externalid", "x1", true},
		{"another key", "\x00Condition\x00StringEquals\x00aws:principalorgid", "o-1", false},
		{"a Sid", "\x00Statement\x00Sid", "ExternalId", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := secretCondition(tc.path, tc.value); got != tc.want {
				t.Errorf("secretCondition = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSensitiveChangedAcrossOperators: the same external id under another
// operator is not a changed secret; another id is.
func TestSensitiveChangedAcrossOperators(t *testing.T) {
	const id = "tmc-same-id-1234"
	desired := trustDoc(t, trustStmt("T", "210987654321", "StringEquals", id))
	for _, tc := range []struct {
		name, op, live string
		want           bool
	}{
		{"same id, same operator", "StringEquals", id, false},
		{"same id, StringLike", "StringLike", id, false},
		{"another id, StringLike", "StringLike", "tmc-other-id-5678", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Change{Type: TIAMRole, Name: "r", Sensitive: true, secrets: []string{id},
				Before: trustDoc(t, trustStmt("T", "444455556666", tc.op, tc.live)), After: desired}
			_, _, hidden := maskChange(c)
			if hidden != tc.want {
				t.Errorf("hidden = %v, want %v", hidden, tc.want)
			}
		})
	}
}

// TestReasonQuotesStatementMaskedAndSpelled: a reason quotes a statement
// without Sid with its actions and condition keys spelled as AWS documents
// them and the external id masked, desired or live.
func TestReasonQuotesStatementMaskedAndSpelled(t *testing.T) {
	const id = "Other-Partner-Secret-0099"
	keep := trustStmt("T", "210987654321", "StringEquals", "tmc-spec-id-1")
	for _, op := range []string{"StringEquals", "StringLike", "ForAnyValue:StringLike", "StringEqualsIgnoreCase"} {
		t.Run(op, func(t *testing.T) {
			_, reason := policyRisk(trustDoc(t, keep, trustStmt("", "444455556666", op, id)), trustDoc(t, keep))
			want := `1 statement narrows access: removes Allow (no Sid) {"Action":["sts:AssumeRole"],"Condition":{"` + op +
				`":{"sts:ExternalId":["(sensitive)"]}},"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root"]}}`
			if reason != want {
				t.Errorf("reason =\n%s\nwant\n%s", reason, want)
			}
		})
	}
}

// TestChangeMask: text about one change (an error that names it) has the
// spec's secrets and the change's live external ids masked.
func TestChangeMask(t *testing.T) {
	c := &Change{Type: TIAMRole, Name: "r", secrets: []string{"tmc-spec-id-1234"},
		Before: trustDoc(t, trustStmt("", "444455556666", "StringLike", "Live-Id-5678"))}
	got := c.Mask("iam-role r: last read tmc-spec-id-1234 and Live-Id-5678")
	if want := "iam-role r: last read (sensitive) and (sensitive)"; got != want {
		t.Errorf("Mask = %q, want %q", got, want)
	}
}
