package apply

import (
	"strings"
	"testing"
)

func policyOf(t *testing.T, stmts ...string) any {
	t.Helper()
	p, err := ParsePolicy(`{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`)
	if err != nil {
		t.Fatal(err)
	}
	c, err := CanonicalPolicy(p, "aws")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func selectors(sels ...map[string]any) map[string]any {
	l := []any{}
	for _, s := range sels {
		l = append(l, s)
	}
	return map[string]any{"EventSelectors": l}
}

func selector(rw string, mgmt bool, values ...string) map[string]any {
	s := map[string]any{"ReadWriteType": rw, "IncludeManagementEvents": mgmt}
	if len(values) > 0 {
		s["DataResources"] = []any{map[string]any{"Type": "AWS::S3::Object", "Values": values}}
	}
	return s
}

const (
	denyTLS      = `{"Sid":"D","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}`
	allowPartner = `{"Sid":"A","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:GetObject","Resource":"*"}`
	allowLogs    = `{"Sid":"L","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}`
)

// TestClassify: before (live) vs want (desired) for every resource type;
// each case checks the risk and the exact reason.
func TestClassify(t *testing.T) {
	pol := func(s ...string) any { return policyOf(t, s...) }
	pab := func(acls, ignore, policy, restrict bool) map[string]any {
		return map[string]any{"BlockPublicAcls": acls, "IgnorePublicAcls": ignore, "BlockPublicPolicy": policy, "RestrictPublicBuckets": restrict}
	}
	enc := func(alg, key string) map[string]any {
		m := map[string]any{"SSEAlgorithm": alg, "BucketKeyEnabled": false}
		if key != "" {
			m["KMSMasterKeyID"] = key
		}
		return m
	}
	logTo := func(b, p string) map[string]any { return map[string]any{"TargetBucket": b, "TargetPrefix": p} }
	trail := func(kv ...any) map[string]any {
		m := map[string]any{"Name": "t", "S3BucketName": "logs", "S3KeyPrefix": "ct", "IsMultiRegionTrail": true,
			"EnableLogFileValidation": true, "IncludeGlobalServiceEvents": true}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	excluding := func(src ...string) map[string]any {
		s := map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true}
		if len(src) > 0 {
			s["ExcludeManagementEventSources"] = src
		}
		return selectors(s)
	}
	const (
		objs    = "arn:aws:s3:::data/"
		denyOne = `{"Sid":"D","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:*","Resource":"*"}`
		denyTwo = `{"Sid":"D","Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111111111111:root","arn:aws:iam::222222222222:root"]},"Action":"s3:*","Resource":"*"}`
	)
	tests := []struct {
		name         string
		typ          string
		before, want any
		risk, reason string
	}{
		{"policy: added allow loosens", TBucketPolicy, pol(denyTLS), pol(denyTLS, allowPartner), RiskLoosen, "1 statement widens access: adds Allow A"},
		{"policy: removed allow tightens", TBucketPolicy, pol(denyTLS, allowPartner), pol(denyTLS), RiskTighten, "1 statement narrows access: removes Allow A"},
		{"policy: added deny tightens", TBucketPolicy, nil, pol(denyTLS), RiskTighten, "1 statement narrows access: adds Deny D"},
		{"policy: removed deny loosens", TBucketPolicy, pol(denyTLS, allowPartner), pol(allowPartner), RiskLoosen, "1 statement widens access: removes Deny D"},
		{"policy: changed allow loosens", TBucketPolicy, pol(allowPartner), pol(strings.Replace(allowPartner, "s3:GetObject", "s3:*", 1)),
			RiskLoosen, "1 statement widens access: widens Allow A (+s3:*, -s3:GetObject)"},
		{"policy: action added to an allow of the same sid", TBucketPolicy, pol(allowPartner),
			pol(strings.Replace(allowPartner, `"s3:GetObject"`, `["s3:GetObject","s3:PutObject"]`, 1)),
			RiskLoosen, "1 statement widens access: widens Allow A (+s3:PutObject)"},
		{"policy: allow of the same sid swaps actions", TBucketPolicy, pol(allowPartner),
			pol(strings.Replace(allowPartner, "s3:GetObject", "s3:PutObject", 1)),
			RiskLoosen, "1 statement widens access: changes Allow A (+s3:PutObject, -s3:GetObject)"},
		{"policy: deny of the same sid narrowed loosens", TBucketPolicy, pol(denyTLS),
			pol(strings.Replace(denyTLS, `"Resource":"*"`, `"Resource":"arn:aws:s3:::b/*"`, 1)),
			RiskLoosen, "1 statement widens access: changes Deny D (resources)"},
		{"policy: deny of the same sid widened tightens", TBucketPolicy, pol(strings.Replace(denyTLS, `"s3:*"`, `"s3:GetObject"`, 1)),
			pol(strings.Replace(denyTLS, `"s3:*"`, `["s3:GetObject","s3:PutObject"]`, 1)),
			RiskTighten, "1 statement narrows access: widens Deny D (+s3:PutObject)"},
		{"policy: two removed allows", TBucketPolicy, pol(allowPartner, allowLogs), nil,
			RiskTighten, "2 statements narrow access: removes Allow A, removes Allow L"},
		{"policy: several, sorted", TBucketPolicy, pol(denyTLS), pol(allowPartner, allowLogs), RiskLoosen,
			"3 statements widen access: adds Allow A, adds Allow L, removes Deny D"},
		{"managed policy: widened grant", TManagedPolicy, map[string]any{"PolicyDocument": pol(allowPartner)},
			map[string]any{"PolicyDocument": pol(allowPartner, allowLogs)}, RiskLoosen, "1 statement widens access: adds Allow L"},
		{"role: longer sessions loosen", TIAMRole, map[string]any{"MaxSessionDuration": 3600.0, "AssumeRolePolicyDocument": pol(allowPartner)},
			map[string]any{"MaxSessionDuration": 43200.0, "AssumeRolePolicyDocument": pol(allowPartner)}, RiskLoosen, "sessions may last 43200 s instead of 3600 s"},

		{"pab: flags off, all listed sorted", TPublicAccessBlock, pab(true, true, true, true), pab(true, false, false, true), RiskLoosen,
			"BlockPublicPolicy, IgnorePublicAcls turned off"},
		{"pab: one off and one on is loosen", TPublicAccessBlock, pab(false, true, true, true), pab(true, true, false, true), RiskLoosen,
			"BlockPublicPolicy turned off"},
		{"pab: new, partly on", TPublicAccessBlock, nil, pab(true, false, false, true), RiskTighten,
			"blocks public access (BlockPublicAcls, RestrictPublicBuckets turned on)"},

		{"ownership: enforce", TOwnership, nil, map[string]any{"ObjectOwnership": "BucketOwnerEnforced"}, RiskTighten, "disables ACLs"},
		{"ownership: enforced to preferred", TOwnership, map[string]any{"ObjectOwnership": "BucketOwnerEnforced"},
			map[string]any{"ObjectOwnership": "BucketOwnerPreferred"}, RiskLoosen, "enables ACLs (BucketOwnerPreferred)"},
		{"ownership: preferred to writer", TOwnership, map[string]any{"ObjectOwnership": "BucketOwnerPreferred"},
			map[string]any{"ObjectOwnership": "ObjectWriter"}, RiskLoosen, "uploaders keep ownership of their objects (ObjectWriter)"},
		{"ownership: writer to preferred", TOwnership, map[string]any{"ObjectOwnership": "ObjectWriter"},
			map[string]any{"ObjectOwnership": "BucketOwnerPreferred"}, RiskTighten, "the bucket owner owns new objects (BucketOwnerPreferred, ACLs stay enabled)"},

		{"encryption: new", TEncryption, nil, enc("AES256", ""), RiskTighten, "default encryption (AES256)"},
		{"encryption: kms to AES256 weakens", TEncryption, enc("aws:kms", "k1"), enc("AES256", ""), RiskLoosen, "encryption weakened from aws:kms to AES256"},
		{"encryption: AES256 to kms strengthens", TEncryption, enc("AES256", ""), enc("aws:kms", "k1"), RiskTighten, "encryption strengthened from AES256 to aws:kms"},
		{"encryption: dsse to kms weakens", TEncryption, enc("aws:kms:dsse", "k1"), enc("aws:kms", "k1"), RiskLoosen, "encryption weakened from aws:kms:dsse to aws:kms"},
		{"encryption: other kms key", TEncryption, enc("aws:kms", "k1"), enc("aws:kms", "k2"), RiskLoosen, "new objects encrypted with KMS key k2 instead of k1"},
		{"encryption: bucket key only", TEncryption, enc("aws:kms", "k1"), map[string]any{"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "k1", "BucketKeyEnabled": true},
			RiskNeutral, "bucket key setting"},

		{"versioning: enable", TVersioning, map[string]any{"Status": "Suspended"}, map[string]any{"Status": "Enabled"}, RiskTighten, "keeps every object version"},
		{"versioning: suspend", TVersioning, map[string]any{"Status": "Enabled"}, map[string]any{"Status": "Suspended"}, RiskLoosen,
			"suspends versioning: overwritten and deleted objects are no longer kept"},

		{"logging: on", TLogging, map[string]any{}, logTo("logs", "data/"), RiskTighten, "records every request (to s3://logs/data/)"},
		{"logging: off", TLogging, logTo("logs", "data/"), map[string]any{}, RiskLoosen, "disables access logging (was to s3://logs/data/)"},
		{"logging: target changed", TLogging, logTo("logs", "data/"), logTo("other", "x/"), RiskLoosen, "access logs move from s3://logs/data/ to s3://other/x/"},

		{"trail: new", TTrail, nil, trail(), RiskTighten, "records API activity"},
		{"trail: single region and no validation", TTrail, trail(), trail("IsMultiRegionTrail", false, "EnableLogFileValidation", false), RiskLoosen,
			"EnableLogFileValidation turned off; IsMultiRegionTrail turned off"},
		{"trail: logs moved", TTrail, trail(), trail("S3BucketName", "elsewhere"), RiskLoosen, "trail logs move from s3://logs/ct to s3://elsewhere/ct"},
		{"trail: kms key removed", TTrail, trail("KmsKeyId", "k"), trail(), RiskLoosen, "trail logs no longer encrypted with KMS key k"},
		{"trail: kms key added", TTrail, trail(), trail("KmsKeyId", "k"), RiskTighten, "trail logs encrypted with KMS key k"},
		{"trail logging: start", TTrailLogging, map[string]any{"IsLogging": false}, map[string]any{"IsLogging": true}, RiskTighten, "starts recording API activity"},
		{"trail logging: stop", TTrailLogging, map[string]any{"IsLogging": true}, map[string]any{"IsLogging": false}, RiskLoosen, "stops the trail"},

		{"selectors: All to WriteOnly narrows auditing", TEventSelectors, selectors(selector("All", true, objs)), selectors(selector("WriteOnly", true, objs)),
			RiskLoosen, "stops auditing read data events of AWS::S3::Object arn:aws:s3:::data/, read management events"},
		{"selectors: WriteOnly to All", TEventSelectors, selectors(selector("WriteOnly", false, objs)), selectors(selector("All", false, objs)),
			RiskTighten, "audits read data events of AWS::S3::Object arn:aws:s3:::data/"},
		{"selectors: data resource narrowed to a prefix", TEventSelectors, selectors(selector("All", false, objs)), selectors(selector("All", false, objs+"in/")),
			RiskLoosen, "stops auditing read data events of AWS::S3::Object arn:aws:s3:::data/, write data events of AWS::S3::Object arn:aws:s3:::data/"},
		{"selectors: data resource widened", TEventSelectors, selectors(selector("ReadOnly", false, objs+"in/")), selectors(selector("ReadOnly", false, objs)),
			RiskTighten, "audits read data events of AWS::S3::Object arn:aws:s3:::data/"},
		{"selectors: management events off", TEventSelectors, selectors(selector("All", true)), selectors(selector("All", false)),
			RiskLoosen, "stops auditing read management events, write management events"},
		{"selectors: source excluded", TEventSelectors, selectors(selector("All", true)),
			selectors(map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true, "ExcludeManagementEventSources": []string{"kms.amazonaws.com"}}),
			RiskLoosen, "stops auditing management events from kms.amazonaws.com"},
		{"selectors: advanced removed", TEventSelectors, map[string]any{"AdvancedEventSelectors": []any{map[string]any{"Name": "x"}}}, selectors(selector("All", true)),
			RiskLoosen, "stops auditing advanced event selectors changed or removed (not compared)"},
		{"selectors: new trail", TEventSelectors, nil, selectors(selector("All", false, objs)),
			RiskTighten, "audits read data events of AWS::S3::Object arn:aws:s3:::data/, write data events of AWS::S3::Object arn:aws:s3:::data/"},

		{"attachment loosens", TAttachment, nil, map[string]any{"Attached": true}, RiskLoosen, "grants the policy's permissions"},
		{"access key loosens", TAccessKey, nil, map[string]any{"Count": 1.0}, RiskLoosen, "creates long-lived credentials"},
		{"new user is neutral", TIAMUser, nil, map[string]any{"UserName": "u"}, RiskNeutral, "identity without permissions"},
		{"user moved to another path (review op3 L5)", TIAMUser, map[string]any{"UserName": "u", "Path": "/"}, map[string]any{"UserName": "u", "Path": "/partners/"},
			RiskNeutral, "moves the user from path / to /partners/: its ARN becomes ...:user/partners/u, and a policy or condition naming the old ARN no longer matches it"},
		{"lifecycle is neutral (destructive is separate)", TLifecycle, nil, lcOf(), RiskNeutral, ""},

		// Found by mutation testing.
		{"policy: principal added to a deny tightens", TBucketPolicy, pol(denyOne), pol(denyTwo),
			RiskTighten, "1 statement narrows access: widens Deny D (principals)"},
		{"policy: principal removed from a deny loosens", TBucketPolicy, pol(denyTwo), pol(denyOne),
			RiskLoosen, "1 statement widens access: changes Deny D (principals)"},
		{"trail: a field not judged is neutral", TTrail, trail(), trail("SnsTopicName", "topic"), RiskNeutral, ""},
		{"selectors: source no longer excluded", TEventSelectors, excluding("kms.amazonaws.com"), excluding(),
			RiskTighten, "audits management events from kms.amazonaws.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			risk, reason := classify(&Item{Type: tc.typ}, tc.before, tc.want)
			if risk != tc.risk || reason != tc.reason {
				t.Errorf("got [%s] %q\nwant [%s] %q", risk, reason, tc.risk, tc.reason)
			}
		})
	}
}

// TestReasonsDeterministic classifies inputs whose reasons list several
// items many times: every reason must be identical (map iteration order
// changes between runs, so an unsorted list shows here).
func TestReasonsDeterministic(t *testing.T) {
	off := map[string]any{"BlockPublicAcls": false, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false}
	on := map[string]any{"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}
	sel := selectors(selector("All", true, "arn:aws:s3:::a/", "arn:aws:s3:::b/", "arn:aws:s3:::c/"))
	tags := []any{tag("a", "1"), tag("b", "2"), tag("c", "3"), tag("d", "4")}
	lcBefore := lcOf(lcRuleOf("R1", "Enabled", "", "FilterAnd", map[string]any{"Prefix": "p/", "Tags": tags}, "ExpirationDays", 30.0),
		lcRuleOf("R2", "Disabled", "", "ExpirationDays", 9.0))
	lcWant := lcOf(lcRuleOf("R2", "Enabled", "", "ExpirationDays", 9.0), lcRuleOf("R1", "Enabled", "", "ExpirationDays", 3.0))
	cases := map[string]func() string{
		"pab":       func() string { _, r := classify(&Item{Type: TPublicAccessBlock}, on, off); return r },
		"selectors": func() string { _, r := classify(&Item{Type: TEventSelectors}, sel, selectors()); return r },
		"policy": func() string {
			_, r := classify(&Item{Type: TBucketPolicy}, policyOf(t, denyTLS), policyOf(t, allowPartner, allowLogs))
			return r
		},
		"lifecycle": func() string { return shortensExpiration(lcBefore, lcWant, noSecrets) },
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			first := f()
			if first == "" {
				t.Fatal("empty reason")
			}
			for i := 0; i < 200; i++ {
				if got := f(); got != first {
					t.Fatalf("run %d: %q, first run: %q", i, got, first)
				}
			}
		})
	}
}

// TestBucketPolicyStep: the plan's step of a bucket-policy change is the
// stage of its first write (guardrails for Deny statements and for
// dropping live Allows, audit for service grants, grants otherwise).
func TestBucketPolicyStep(t *testing.T) {
	tests := []struct {
		name   string
		before []string // nil: no live policy
		want   []string
		step   int
	}{
		{"new policy with a deny", nil, []string{denyTLS, allowPartner}, StepGuardrail},
		{"allow revoked", []string{denyTLS, allowPartner}, []string{denyTLS}, StepGuardrail},
		{"deny added", []string{allowPartner}, []string{denyTLS, allowPartner}, StepGuardrail},
		{"service grant added", []string{denyTLS}, []string{denyTLS, allowLogs}, StepAudit},
		{"partner grant added", []string{denyTLS}, []string{denyTLS, allowPartner}, StepGrant},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParsePolicy(`{"Version":"2012-10-17","Statement":[` + strings.Join(tc.want, ",") + `]}`)
			if err != nil {
				t.Fatal(err)
			}
			it := &Item{Type: TBucketPolicy, Name: "b", Bucket: "b", Step: StepGrant, Desired: policyOf(t, tc.want...), Doc: doc}
			var before any
			if tc.before != nil {
				before = policyOf(t, tc.before...)
			}
			if got := bucketPolicyStep(it, before, "aws"); got != tc.step {
				t.Errorf("step = %d, want %d", got, tc.step)
			}
		})
	}
}

// TestPlanListsBucketPolicyAtItsStep: a new bucket's policy (Deny
// statements first) is labelled and listed with the guardrails.
func TestPlanListsBucketPolicyAtItsStep(t *testing.T) {
	e := fakeEngine(t, newFake())
	p := planFor(t, e, loadSpec(t, "setup-guide-user", nil))
	last := 0
	seen := false
	for _, c := range p.Changes {
		if c.Step < last {
			t.Errorf("%s %s (step %d) listed after step %d", c.Type, c.Name, c.Step, last)
		}
		last = c.Step
		if c.Type == TBucketPolicy {
			seen = true
			if c.Step != StepGuardrail {
				t.Errorf("bucket-policy %s: step %d, want %d", c.Name, c.Step, StepGuardrail)
			}
		}
	}
	if !seen {
		t.Fatal("no bucket-policy change planned")
	}
}
