package apply

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func parseJSON(t testing.TB, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// Display turns canonical forms into the rendered documents' shapes and
// field names.
func TestDisplay(t *testing.T) {
	tests := []struct {
		name, typ, canonical, want string
	}{
		{"lifecycle expiration, noncurrent and abort", TLifecycle,
			`{"Rules":[{"AbortDays":7,"ExpirationDays":365,"ID":"ExpireLogs","NoncurrentDays":30,"NewerNoncurrentVersions":3,"Prefix":"","Status":"Enabled"}]}`,
			`{"Rules":[{"ID":"ExpireLogs","Status":"Enabled","Filter":{"Prefix":""},
			  "Expiration":{"Days":365},"NoncurrentVersionExpiration":{"NoncurrentDays":30,"NewerNoncurrentVersions":3},
			  "AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}}]}`},
		{"lifecycle live-only fields", TLifecycle,
			`{"Rules":[{"ID":"r","Status":"Enabled","Prefix":"logs/","FilterTag":{"Key":"k","Value":"v"},"FilterObjectSizeGreaterThan":100,
			  "ExpirationDate":"2027-01-01T00:00:00Z","ExpiredObjectDeleteMarker":true,
			  "NoncurrentTransitions":[{"NoncurrentDays":30,"StorageClass":"GLACIER"}],"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"}]}]}`,
			`{"Rules":[{"ID":"r","Status":"Enabled","Filter":{"Prefix":"logs/","Tag":{"Key":"k","Value":"v"},"ObjectSizeGreaterThan":100},
			  "Expiration":{"Date":"2027-01-01T00:00:00Z","ExpiredObjectDeleteMarker":true},
			  "NoncurrentVersionTransitions":[{"NoncurrentDays":30,"StorageClass":"GLACIER"}],"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"}]}]}`},
		{"lifecycle place taken keeps the field", TLifecycle,
			`{"Rules":[{"ID":"r","Expiration":"x","ExpirationDays":5}]}`,
			`{"Rules":[{"ID":"r","Expiration":"x","ExpirationDays":5}]}`},
		{"lifecycle rules not a list", TLifecycle, `{"Rules":"(sensitive)"}`, `{"Rules":"(sensitive)"}`},
		{"tags", TTagging, `{"Tags":{"team":"analytics","owner":"(sensitive)"}}`,
			`{"TagSet":[{"Key":"owner","Value":"(sensitive)"},{"Key":"team","Value":"analytics"}]}`},
		{"no tags", TTagging, `{"Tags":{}}`, `{"TagSet":[]}`},
		{"ownership", TOwnership, `{"ObjectOwnership":"BucketOwnerEnforced"}`, `{"Rules":[{"ObjectOwnership":"BucketOwnerEnforced"}]}`},
		{"encryption with a key", TEncryption, `{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"(sensitive)","BucketKeyEnabled":true}`,
			`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"(sensitive)"},"BucketKeyEnabled":true}]}`},
		{"logging", TLogging, `{"TargetBucket":"logs","TargetPrefix":"p/"}`, `{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"p/"}}`},
		{"logging off", TLogging, `{}`, `{}`},
		{"bucket policy condition keys", TBucketPolicy,
			`{"Version":"2012-10-17","Statement":[{"Sid":"T","Effect":"Deny","Condition":{"Bool":{"aws:securetransport":["false"]},
			  "StringEquals":{"aws:principaltag/Team":["a"],"custom:key":["b"]}}}]}`,
			`{"Version":"2012-10-17","Statement":[{"Sid":"T","Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":["false"]},
			  "StringEquals":{"aws:PrincipalTag/Team":["a"],"custom:key":["b"]}}}]}`},
		{"trust policy inside a role", TIAMRole,
			`{"RoleName":"r","AssumeRolePolicyDocument":{"Statement":[{"Condition":{"StringEquals":{"sts:externalid":["(sensitive)"]}}}]}}`,
			`{"RoleName":"r","AssumeRolePolicyDocument":{"Statement":[{"Condition":{"StringEquals":{"sts:ExternalId":["(sensitive)"]}}}]}}`},
		{"two spellings of one key stay apart", TManagedPolicy,
			`{"PolicyDocument":{"Statement":[{"Condition":{"Bool":{"aws:securetransport":["false"],"aws:SecureTransport":["true"]}}}]}}`,
			`{"PolicyDocument":{"Statement":[{"Condition":{"Bool":{"aws:securetransport":["false"],"aws:SecureTransport":["true"]}}}]}}`},
		{"condition hidden whole", TIAMRole,
			`{"AssumeRolePolicyDocument":{"Statement":[{"Condition":"(sensitive)"}]}}`,
			`{"AssumeRolePolicyDocument":{"Statement":[{"Condition":"(sensitive)"}]}}`},
		{"hidden whole", TTagging, `"(sensitive)"`, `"(sensitive)"`},
		{"absent", TLifecycle, `null`, `null`},
		{"unchanged shapes", TVersioning, `{"Status":"Enabled"}`, `{"Status":"Enabled"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := parseJSON(t, tc.canonical)
			before := mustJSON(in)
			got := Display(tc.typ, in)
			if diff := cmp.Diff(parseJSON(t, tc.want), got); diff != "" {
				t.Errorf("Display(%s) mismatch (-want +got):\n%s", tc.typ, diff)
			}
			if mustJSON(in) != before {
				t.Errorf("Display modified its input: %s, was %s", mustJSON(in), before)
			}
			checkDisplayLeaves(t, in, got)
		})
	}
}

// What Display shows is the rendered document: normalizing it again gives
// the canonical form it came from, for every field the normalizer reads.
func TestDisplayRoundTrip(t *testing.T) {
	docs := []struct{ typ, rendered string }{
		{TLifecycle, `{"Rules":[{"ID":"ExpireLogs","Filter":{"Prefix":""},"Status":"Enabled","Expiration":{"Days":365},
		  "NoncurrentVersionExpiration":{"NoncurrentDays":30,"NewerNoncurrentVersions":2},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}},
		  {"ID":"Archive","Filter":{"Prefix":"a/"},"Status":"Disabled","Transitions":[{"Days":90,"StorageClass":"GLACIER"},{"Days":30,"StorageClass":"STANDARD_IA"}],
		  "NoncurrentVersionTransitions":[{"NoncurrentDays":10,"StorageClass":"GLACIER"}]},
		  {"ID":"Tagged","Filter":{"And":{"Prefix":"t/","Tags":[{"Key":"k","Value":"v"}]}},"Status":"Enabled",
		  "Expiration":{"Date":"2027-01-01T00:00:00Z","ExpiredObjectDeleteMarker":true}}]}`},
		{TTagging, `{"TagSet":[{"Key":"owner","Value":"data"},{"Key":"team","Value":"x"}]}`},
		{TOwnership, `{"Rules":[{"ObjectOwnership":"BucketOwnerEnforced"}]}`},
		{TEncryption, `{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"arn:aws:kms:us-east-1:111122223333:key/k"},"BucketKeyEnabled":true}]}`},
		{TLogging, `{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"p/"}}`},
		{TLogging, `{}`},
		{TPublicAccessBlock, `{"BlockPublicAcls":true,"BlockPublicPolicy":true,"IgnorePublicAcls":false,"RestrictPublicBuckets":true}`},
		{TVersioning, `{"Status":"Enabled"}`},
		{TTrail, `{"Name":"t","S3BucketName":"logs","S3KeyPrefix":"p","IsMultiRegionTrail":true,"EnableLogFileValidation":true,"IncludeGlobalServiceEvents":true}`},
		{TEventSelectors, `{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,
		  "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::b/"]}]}]}`},
		{TBucketPolicy, `{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
		  "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"},"StringEquals":{"aws:SourceArn":"x","my:Key":"y"}}}]}`},
	}
	for _, d := range docs {
		t.Run(d.typ, func(t *testing.T) {
			c, err := canonical(d.typ, parseJSON(t, d.rendered), "aws")
			if err != nil {
				t.Fatal(err)
			}
			c = parseJSON(t, mustJSON(c)) // the plan's generic form
			shown := Display(d.typ, c)
			again, err := canonical(d.typ, parseJSON(t, mustJSON(shown)), "aws")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c, parseJSON(t, mustJSON(again))); diff != "" {
				t.Errorf("canonical(Display(c)) != c (-c +again):\nshown: %s\n%s", mustJSON(shown), diff)
			}
		})
	}
}

// checkDisplayLeaves fails when Display shows a value (a string or
// number leaf) that is not a value or key of its input, or leaves out a
// value of its input: display must never unmask or invent a value, nor
// hide one.
func checkDisplayLeaves(t testing.TB, in, out any) {
	t.Helper()
	have := map[string]bool{}
	collect(in, func(s string, _ bool) { have[s] = true })
	shown := map[string]bool{}
	collect(out, func(s string, isKey bool) {
		shown[s] = true
		if !isKey && !have[s] {
			t.Errorf("Display shows %q, which is not in its input %s", s, mustJSON(in))
		}
	})
	collect(in, func(s string, isKey bool) {
		if !isKey && !shown[s] {
			t.Errorf("Display drops the value %q of %s", s, mustJSON(in))
		}
	})
}

// collect passes every key and leaf (as text) inside v to f.
func collect(v any, f func(s string, isKey bool)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			f(k, true)
			collect(e, f)
		}
	case []any:
		for _, e := range x {
			collect(e, f)
		}
	case string, float64:
		f(leafText(x), false)
	}
}

func FuzzDisplay(f *testing.F) {
	for _, s := range []string{
		`{"Rules":[{"AbortDays":7,"ExpirationDays":365,"ID":"x","Prefix":"","FilterAnd":{"Prefix":"p"}}]}`,
		`{"Tags":{"a":"(sensitive)"}}`,
		`{"Statement":[{"Condition":{"Bool":{"aws:securetransport":["false"]}}}]}`,
		`{"PolicyDocument":{"Statement":[{"Condition":{"x":{"sts:externalid":"(sensitive)"}}}]}}`,
		`{"SSEAlgorithm":"AES256","Rules":1}`,
		`{"Rules":[{"Filter":3,"FilterTag":{"Key":"k"}}]}`,
	} {
		for _, typ := range []string{TLifecycle, TTagging, TBucketPolicy, TManagedPolicy, TEncryption, TLogging} {
			f.Add(typ, s)
		}
	}
	f.Fuzz(func(t *testing.T, typ, text string) {
		var in any
		if json.Unmarshal([]byte(text), &in) != nil {
			return
		}
		before := mustJSON(in)
		out := Display(typ, in)
		if mustJSON(in) != before {
			t.Fatalf("Display modified its input")
		}
		checkDisplayLeaves(t, in, out)
	})
}

// Display comes after masking: what Redacted masked stays masked in the
// rendered shape, and nothing Redacted hides whole is shown.
func TestDisplayAfterRedacted(t *testing.T) {
	const (
		key    = "arn:aws:kms:us-east-1:111122223333:key/secret-key-5f1e"
		prefix = "secret-prefix-77/"
		extID  = "tmc-ext-id-0042"
	)
	tests := []struct {
		name          string
		c             Change
		before, after string // the displayed forms, as JSON
	}{
		{"kms key of default encryption",
			Change{Type: TEncryption, Sensitive: true, secrets: []string{key},
				Before: map[string]any{"SSEAlgorithm": "AES256", "BucketKeyEnabled": false},
				After:  map[string]any{"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key, "BucketKeyEnabled": true}},
			`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BucketKeyEnabled":false}]}`,
			`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"(sensitive)"},"BucketKeyEnabled":true}]}`},
		{"lifecycle prefix from a sensitive value",
			Change{Type: TLifecycle, Sensitive: true, secrets: []string{prefix},
				Before: map[string]any{"Rules": []any{map[string]any{"ID": "r", "Status": "Enabled", "Prefix": "old/", "AbortDays": 7.0}}},
				After:  map[string]any{"Rules": []any{map[string]any{"ID": "r", "Status": "Enabled", "Prefix": prefix, "AbortDays": 3.0}}}},
			`{"Rules":[{"ID":"r","Status":"Enabled","Filter":{"Prefix":"(sensitive)"},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}}]}`,
			`{"Rules":[{"ID":"r","Status":"Enabled","Filter":{"Prefix":"(sensitive)"},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":3}}]}`},
		{"sensitive tag value",
			Change{Type: TTagging, Sensitive: true, secrets: []string{"team-Secret-41d9"},
				Before: map[string]any{"Tags": map[string]any{"team": "team-Old-0000"}},
				After:  map[string]any{"Tags": map[string]any{"owner": "data", "team": "team-Secret-41d9"}}},
			`{"TagSet":[{"Key":"team","Value":"(sensitive)"}]}`,
			`{"TagSet":[{"Key":"owner","Value":"data"},{"Key":"team","Value":"(sensitive)"}]}`},
		{"sensitive tag key: hidden whole",
			Change{Type: TTagging, Sensitive: true, secrets: []string{"key-secret-1"},
				After: map[string]any{"Tags": map[string]any{"key-secret-1": "v"}}},
			`null`, `"(sensitive)"`},
		{"external id",
			Change{Type: TIAMRole, Sensitive: true, secrets: []string{extID},
				After: role("210987654321", extID)},
			`null`,
			`{"RoleName":"teramot-access","MaxSessionDuration":3600,"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
			  {"Sid":"TrustTeramot","Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"AWS":["arn:aws:iam::210987654321:root"]},
			   "Condition":{"StringEquals":{"sts:ExternalId":["(sensitive)"]}}}]}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.Name, tc.c.Action = "b", ActionUpdate
			r := (&Plan{Changes: []*Change{&tc.c}}).Redacted().Changes[0]
			before, after := Display(r.Type, r.Before), Display(r.Type, r.After)
			if d := cmp.Diff(parseJSON(t, tc.before), parseJSON(t, mustJSON(before))); d != "" {
				t.Errorf("displayed before (-want +got):\n%s", d)
			}
			if d := cmp.Diff(parseJSON(t, tc.after), parseJSON(t, mustJSON(after))); d != "" {
				t.Errorf("displayed after (-want +got):\n%s", d)
			}
			text := mustJSON(before) + mustJSON(after)
			for _, s := range append(tc.c.secrets, "team-Old-0000") {
				if strings.Contains(text, s) {
					t.Errorf("the display holds the secret %q: %s", s, text)
				}
			}
		})
	}
}
