package apply

import (
	"strings"
	"testing"
)

// Deny statements of a log bucket ("logs") and a data bucket ("data") as
// pkg/render writes them: DenyUnencryptedUploads exempting the delivery
// services, DenyOtherKMSKeys.
func denyUploads(bucket, algorithm string, services ...string) string {
	cond := `"s3:x-amz-server-side-encryption":"` + algorithm + `"`
	if len(services) > 0 {
		cond += `,"aws:PrincipalServiceName":["` + strings.Join(services, `","`) + `"]`
	}
	return `{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::` + bucket +
		`/*","Condition":{"StringNotEquals":{` + cond + `}}}`
}

func denyOtherKey(key string) string {
	return `{"Sid":"DenyOtherKMSKeys","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::data/*","Condition":{` +
		`"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"arn:aws:kms:us-east-1:111122223333:key/` + key + `"},` +
		`"Null":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"false"}}}`
}

const (
	ctSvc  = "cloudtrail.amazonaws.com"
	logSvc = "logging.s3.amazonaws.com"
	// The log-delivery Allows; only their principals matter here.
	allowCT       = `{"Sid":"AllowCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/teramot/*"}`
	allowDelivery = `{"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/data/*"}`
)

// TestBucketPolicyPhaseDenies runs a bucket-policy change through its
// intermediate phases (revoke, deny-only, service-grants) as apply does,
// each phase starting from what the one before left, and checks the
// policy each leaves (review E1, E6):
//
//   - a Deny that exempts fewer delivery services keeps the live
//     exemptions until the full phase (the services deliver there until
//     the audit step moves them);
//   - a Deny that exempts more replaces the live one in the
//     service-grants phase, before the audit step starts the delivery,
//     keeping only the exemptions every live Deny of it has;
//   - a Deny that switches encryption is written after the default
//     encryption (deny-only phase), replacing the live one; the revoke
//     phase keeps the live one alone, never both (which deny every upload).
func TestBucketPolicyPhaseDenies(t *testing.T) {
	allowGone := strings.NewReplacer(`"Sid":"A"`, `"Sid":"C"`, "111111111111", "333333333333").Replace(allowPartner)
	denyObjects := `{"Sid":"D","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}`
	denyMore := strings.Replace(denyObjects, `"Resource":"arn:aws:s3:::b/*"`, `"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b"]`, 1)
	tests := []struct {
		name                   string
		before, want           []string
		revoke, deny, services []string // nil: as the phase before
	}{
		{"access logging moved to another bucket",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery}, nil, nil},
		{"no service delivers any more",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256")},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery}, nil, nil},
		{"algorithm switch",
			[]string{denyTLS, denyUploads("data", "AES256")},
			[]string{denyTLS, denyUploads("data", "aws:kms"), denyOtherKey("k1")},
			nil, // denyTLS denies all DenyOtherKMSKeys does
			[]string{denyTLS, denyUploads("data", "aws:kms"), denyOtherKey("k1")}, nil},
		{"algorithm switch on a log bucket losing access logs",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "aws:kms", ctSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "aws:kms", ctSvc, logSvc), allowCT, allowDelivery}, nil},
		{"algorithm switch and a partner revoked",
			[]string{denyTLS, denyUploads("data", "AES256"), allowPartner, allowGone},
			[]string{denyTLS, denyUploads("data", "aws:kms"), allowPartner},
			[]string{denyTLS, denyUploads("data", "AES256"), allowPartner},
			[]string{denyTLS, denyUploads("data", "aws:kms"), allowPartner}, nil},
		{"KMS key switch",
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k1")},
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k2")},
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k1")},
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k2")}, nil},
		{"back to AES256",
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k1")},
			[]string{denyUploads("data", "AES256")},
			[]string{denyUploads("data", "aws:kms"), denyOtherKey("k1")},
			[]string{denyUploads("data", "AES256"), denyOtherKey("k1")}, nil},
		{"a Deny that denies more holds from step 2 beside the live one",
			[]string{denyObjects},
			[]string{denyMore},
			[]string{strings.Replace(denyObjects, `"Sid":"D",`, "", 1), denyMore}, nil, nil},
		{"access logging newly delivered into a log bucket",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			nil, // the live Deny denies all the rendered one does, and holds alone
			[]string{denyTLS, allowCT, denyUploads("logs", "AES256", ctSvc, logSvc), allowDelivery}},
		{"a trail newly delivered into a log bucket",
			[]string{denyTLS, denyUploads("logs", "AES256", logSvc), allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			nil, nil,
			[]string{denyTLS, allowCT, denyUploads("logs", "AES256", ctSvc, logSvc), allowDelivery}},
		{"the trail moves out as access logging moves in",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", logSvc), allowDelivery},
			nil, nil,
			[]string{denyTLS, allowCT, denyUploads("logs", "AES256", ctSvc, logSvc), allowDelivery}},
		{"a stopped run's two Denies, and the spec drops every exemption",
			[]string{denyTLS, denyWithoutSid(denyUploads("logs", "AES256", ctSvc)), denyUploads("logs", "AES256", ctSvc, logSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256")},
			nil, nil, // the rendered Deny with the common exemption is live already
			[]string{denyTLS, allowCT, denyUploads("logs", "AES256", ctSvc)}},
		{"a Deny new to a log bucket as access logging moves away",
			[]string{denyTLS, allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			nil, // denyTLS denies all the new Deny does
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery}, nil},
		{"a Deny new to a log bucket no service delivers to any more",
			[]string{denyTLS, allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256")},
			nil, []string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery}, nil},
		{"a Deny new to a log bucket as access logging starts",
			[]string{denyTLS, allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			nil, []string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery}},
		{"a Deny new to a bucket no service writes to",
			[]string{denyTLS, allowPartner},
			[]string{denyTLS, denyUploads("data", "AES256"), allowPartner},
			nil, []string{denyTLS, denyUploads("data", "AES256"), allowPartner}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, `{"Version":"2012-10-17","Statement":[`+strings.Join(tc.want, ",")+`]}`)
			it := &Item{Type: TBucketPolicy, Name: "b", Bucket: "b", Step: StepGrant, Desired: policyOf(t, tc.want...), Doc: doc}
			live := newLive()
			live.set(it.Key(), policyOf(t, tc.before...))
			exp := tc.before
			for _, ph := range []struct {
				phase string
				want  []string
			}{{phaseRevoke, tc.revoke}, {phaseDeny, tc.deny}, {phaseService, tc.services}} {
				if ph.want != nil {
					exp = ph.want
				}
				if _, w := policyPhase(it, live, ph.phase, "aws"); w != nil {
					live.set(it.Key(), w)
				}
				got := live.get(it.Key())
				if !equal(got, policyOf(t, exp...)) {
					t.Errorf("after the %s phase:\n got  %s\n want %s", ph.phase, mustJSON(got), mustJSON(policyOf(t, exp...)))
				}
				assertUniqueSids(t, ph.phase+" phase", got)
				if _, again := policyPhase(it, live, ph.phase, "aws"); again != nil && !equal(again, got) {
					t.Errorf("the %s phase again writes %s", ph.phase, mustJSON(again))
				}
			}
		})
	}
}

// denyWithoutSid drops the Sid of a statement: a phase document names one
// of two statements that share a Sid (uniqueSids).
func denyWithoutSid(s string) string {
	return strings.Replace(s, `"Sid":"DenyUnencryptedUploads",`, "", 1)
}

// TestDenyPlanNotes: the plan says when a Deny that changes under its Sid
// takes effect, and lists the change at that step (review E1, E6).
func TestDenyPlanNotes(t *testing.T) {
	allowGone := strings.NewReplacer(`"Sid":"A"`, `"Sid":"C"`, "111111111111", "333333333333").Replace(allowPartner)
	const (
		exemptNote = "Deny DenyUnencryptedUploads exempts logging.s3.amazonaws.com until step 8, when the delivery's Allow goes too"
		switchNote = "Deny DenyUnencryptedUploads changes at step 4, after the default encryption; until then the live one holds alone"
	)
	tests := []struct {
		name               string
		before, want       []string
		revokeStep, listed int
		note               string
	}{
		{"access logging moved",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			StepGrant, StepGrant, exemptNote},
		{"algorithm switch",
			[]string{denyTLS, denyUploads("data", "AES256")},
			[]string{denyTLS, denyUploads("data", "aws:kms")},
			StepGrant, StepGuardrail, switchNote},
		{"algorithm switch and a partner revoked",
			[]string{denyTLS, denyUploads("data", "AES256"), allowPartner, allowGone},
			[]string{denyTLS, denyUploads("data", "aws:kms"), allowPartner},
			StepRevoke, StepRevoke, "removals applied at step 2, additions at step 4; " + switchNote},
		{"algorithm switch and a partner revoked and granted",
			[]string{denyTLS, denyUploads("data", "AES256"), allowPartner, allowGone},
			[]string{denyTLS, denyUploads("data", "aws:kms"), allowPartner, strings.Replace(allowGone, "333333333333", "444444444444", 1)},
			StepRevoke, StepRevoke, "removals applied at step 2, additions at step 8; " + switchNote},
		{"both at once",
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc, logSvc), allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "aws:kms", ctSvc), allowCT},
			StepGrant, StepGuardrail, switchNote + "; " + exemptNote},
		{"a Deny new to a log bucket as access logging moves away",
			[]string{denyTLS, allowCT, allowDelivery},
			[]string{denyTLS, denyUploads("logs", "AES256", ctSvc), allowCT},
			StepGrant, StepGuardrail, exemptNote},
		{"a service grant, nothing changes under a Sid",
			[]string{denyTLS, allowPartner},
			[]string{denyTLS, allowPartner, allowCT},
			0, StepAudit, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, `{"Version":"2012-10-17","Statement":[`+strings.Join(tc.want, ",")+`]}`)
			it := &Item{Type: TBucketPolicy, Name: "b", Bucket: "b", Step: StepGrant, Desired: policyOf(t, tc.want...), Doc: doc}
			before := policyOf(t, tc.before...)
			step, note := revokeStep(it, before, "aws")
			if step != tc.revokeStep || note != tc.note {
				t.Errorf("revokeStep = %d, %q\nwant %d, %q", step, note, tc.revokeStep, tc.note)
			}
			listed := step
			if step == 0 || step == it.Step { // as MakePlan lists it
				listed = bucketPolicyStep(it, before, "aws")
			}
			if listed != tc.listed {
				t.Errorf("listed at step %d, want %d", listed, tc.listed)
			}
		})
	}
}
