package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// inlineFake is the fake with inline policies, which the engine's IAMAPI
// does not list (import asks for them through inlineLister).
type inlineFake struct {
	*fake
	inline []string
}

func (f inlineFake) ListUserPolicies(context.Context, *iam.ListUserPoliciesInput, ...func(*iam.Options)) (*iam.ListUserPoliciesOutput, error) {
	return &iam.ListUserPoliciesOutput{PolicyNames: f.inline}, nil
}

func (f inlineFake) ListRolePolicies(context.Context, *iam.ListRolePoliciesInput, ...func(*iam.Options)) (*iam.ListRolePoliciesOutput, error) {
	return &iam.ListRolePoliciesOutput{PolicyNames: f.inline}, nil
}

// TestImportIdentityExtras imports a user that has, beside the policy
// that names the bucket, another customer-managed policy, an AWS-managed
// one, an inline policy and two access keys: the grant is the policy that
// names the bucket (whatever order IAM lists them in), and import warns
// about each of the others, which plan and apply leave in place; the
// imported spec plans no change.
func TestImportIdentityExtras(t *testing.T) {
	for range 4 { // the fake lists attached policies in random order
		f, e := importFake(t, nil)
		opts := grantFake(f, "", accessDoc)
		other := "arn:aws:iam::" + importAccount + ":policy/a-other"
		f.iam.policies[other] = []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`}
		f.iam.attached["user/partner "+other] = true
		f.iam.attached["user/partner arn:aws:iam::aws:policy/ReadOnlyAccess"] = true
		f.iam.keys["partner"] = 2
		e.C.IAM = inlineFake{f, []string{"legacy-inline"}}
		im, err := e.Import(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		notes := strings.Join(im.Notes, "\n")
		for _, w := range []string{"user partner also has the managed policies", other, "arn:aws:iam::aws:policy/ReadOnlyAccess",
			"the inline policies legacy-inline", "plan and apply leave them", "Warning: user partner has 2 access key(s)"} {
			if !strings.Contains(notes, w) {
				t.Errorf("notes lack %q:\n%s", w, notes)
			}
		}
		if !strings.Contains(string(im.HCL), `policy_name = "partner-access"`) {
			t.Fatalf("the grant is not the policy that names the bucket:\n%s", im.HCL)
		}
		items := importedItems(t, im, nil)
		live, err := e.Read(context.Background(), items)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range e.MakePlan(items, live).Changes {
			t.Errorf("imported spec plans %s %s [%s] %s", c.Action, c.Type, c.Risk, c.Reason)
		}
	}
}

// TestTrailNotes checks the warnings about trail settings a trail block
// cannot express: each names the setting and what plan shows or leaves.
func TestTrailNotes(t *testing.T) {
	const bucket = "data"
	sel := func(values ...string) map[string]any {
		return map[string]any{"EventSelectors": generic([]cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeAll,
			DataResources: []cttypes.DataResource{{Type: aws.String("AWS::S3::Object"), Values: values}}}})}
	}
	plain := map[string]any{"IncludeGlobalServiceEvents": true}
	logging := map[string]any{"IsLogging": true}
	tests := []struct {
		name   string
		trail  map[string]any
		sel    any
		status any
		want   []string // one per warning, in order
	}{
		{"nothing to say", plain, sel("arn:aws:s3:::data/"), logging, nil},
		{"organization trail", map[string]any{"IncludeGlobalServiceEvents": true, "IsOrganizationTrail": true}, nil, logging,
			[]string{"is an organization trail"}},
		{"CloudWatch Logs and SNS", map[string]any{"IncludeGlobalServiceEvents": true, "CloudWatchLogsLogGroupArn": "arn:lg", "SnsTopicName": "t", "SnsTopicARN": "arn:t"},
			nil, logging, []string{"has CloudWatchLogsLogGroupArn arn:lg, SnsTopicName t, which a spec cannot express; apply leaves them"}},
		{"global events off", map[string]any{"IncludeGlobalServiceEvents": false}, nil, logging, []string{"turns them on"}},
		{"not logging", plain, nil, map[string]any{"IsLogging": false}, []string{"is not logging", "starts logging"}},
		{"advanced selectors", plain, map[string]any{"AdvancedEventSelectors": []any{map[string]any{"Name": "x"}}}, logging,
			[]string{"uses advanced event selectors", "leave its selectors alone"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			im := &Imported{}
			trailNotes("audit", bucket, tc.trail, tc.sel, tc.status, im)
			notes := strings.Join(im.Notes, "\n")
			if len(im.refused) > 0 {
				t.Errorf("refused: %q", im.refused)
			}
			if len(tc.want) == 0 && len(im.Notes) > 0 {
				t.Errorf("unexpected notes:\n%s", notes)
			}
			for _, w := range tc.want {
				if !strings.Contains(notes, w) || !strings.HasPrefix(notes, "Warning: trail audit ") {
					t.Errorf("notes lack %q:\n%s", w, notes)
				}
			}
		})
	}
}

// TestTrailSelectorsRefused: a trail that records data events for more
// than this bucket (another bucket, every bucket) or has several selectors
// is refused, naming them: the imported spec would stop auditing them.
func TestTrailSelectorsRefused(t *testing.T) {
	sel := func(values ...string) cttypes.EventSelector {
		return cttypes.EventSelector{ReadWriteType: cttypes.ReadWriteTypeAll,
			DataResources: []cttypes.DataResource{{Type: aws.String("AWS::S3::Object"), Values: values}}}
	}
	tests := []struct {
		name string
		sels []cttypes.EventSelector
		want string
	}{
		{"another bucket", []cttypes.EventSelector{sel("arn:aws:s3:::data/", "arn:aws:s3:::other/")}, "data events for AWS::S3::Object arn:aws:s3:::other/"},
		{"every bucket", []cttypes.EventSelector{sel("arn:aws:s3")}, "data events for AWS::S3::Object arn:aws:s3,"},
		{"two selectors", []cttypes.EventSelector{sel("arn:aws:s3:::data/"), sel("arn:aws:s3:::data/")}, "has 2 event selectors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			im := &Imported{}
			trailNotes("audit", "data", map[string]any{"IncludeGlobalServiceEvents": true}, map[string]any{"EventSelectors": generic(tc.sels)},
				map[string]any{"IsLogging": true}, im)
			if len(im.refused) != 1 || !strings.Contains(im.refused[0], tc.want) || !strings.Contains(im.refused[0], "without -trail") {
				t.Errorf("refused = %q, want one naming %q", im.refused, tc.want)
			}
		})
	}
}

// TestBoundaryNote: a permissions boundary is named in a warning that
// says plan and apply leave it in place; none, nothing.
func TestBoundaryNote(t *testing.T) {
	im := &Imported{}
	boundaryNote("role", "r", nil, im)
	boundaryNote("role", "r", &iamtypes.AttachedPermissionsBoundary{}, im)
	if len(im.Notes) > 0 {
		t.Fatalf("notes without a boundary: %q", im.Notes)
	}
	boundaryNote("role", "r", &iamtypes.AttachedPermissionsBoundary{PermissionsBoundaryArn: aws.String("arn:aws:iam::1:policy/b")}, im)
	if len(im.Notes) != 1 || !strings.Contains(im.Notes[0], "role r has the permissions boundary arn:aws:iam::1:policy/b") ||
		!strings.Contains(im.Notes[0], "leave it in place") {
		t.Errorf("notes = %q", im.Notes)
	}
}

// aclFake is the fake S3 client with a bucket ACL, which the engine's
// S3API does not read (import asks for it through aclGetter).
type aclFake struct {
	*fake
	grants []s3types.Grant
}

func (f aclFake) GetBucketAcl(context.Context, *s3.GetBucketAclInput, ...func(*s3.Options)) (*s3.GetBucketAclOutput, error) {
	return &s3.GetBucketAclOutput{Owner: &s3types.Owner{ID: aws.String("owner-id")}, Grants: f.grants}, nil
}

// TestImportACL: ACL grants beyond the owner's are named in a warning
// saying plan and apply leave them and how to end them; the owner's own
// grant, or ACLs disabled by BucketOwnerEnforced, say nothing.
func TestImportACL(t *testing.T) {
	owner := s3types.Grant{Grantee: &s3types.Grantee{ID: aws.String("owner-id"), Type: s3types.TypeCanonicalUser}, Permission: s3types.PermissionFullControl}
	public := s3types.Grant{Grantee: &s3types.Grantee{URI: aws.String("http://acs.amazonaws.com/groups/global/AllUsers"), Type: s3types.TypeGroup}, Permission: s3types.PermissionRead}
	other := s3types.Grant{Grantee: &s3types.Grantee{ID: aws.String("other-id"), Type: s3types.TypeCanonicalUser}, Permission: s3types.PermissionWrite}
	tests := []struct {
		name      string
		ownership s3types.ObjectOwnership
		grants    []s3types.Grant
		want      string
	}{
		{"owner only", s3types.ObjectOwnershipObjectWriter, []s3types.Grant{owner}, ""},
		{"public and another account", s3types.ObjectOwnershipBucketOwnerPreferred, []s3types.Grant{owner, public, other},
			"its ACL grants READ to everyone (AllUsers), WRITE to canonical user other-id"},
		{"ACLs disabled", s3types.ObjectOwnershipBucketOwnerEnforced, []s3types.Grant{owner, public}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, e := importFake(t, nil)
			f.buckets[importBucketName].ownership = &s3types.OwnershipControls{Rules: []s3types.OwnershipControlsRule{{ObjectOwnership: tc.ownership}}}
			e.C.S3ForRegion = func(string) S3API { return aclFake{f, tc.grants} }
			im, err := e.Import(context.Background(), ImportOptions{Bucket: importBucketName})
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(im.Notes, "\n")
			switch {
			case tc.want == "" && strings.Contains(notes, "ACL"):
				t.Errorf("unexpected ACL warning:\n%s", notes)
			case tc.want != "" && (!strings.Contains(notes, tc.want) || !strings.Contains(notes, "put-bucket-acl --acl private")):
				t.Errorf("notes lack %q:\n%s", tc.want, notes)
			}
		})
	}
}

// TestLoggingNotes: log-object grants and a key format are named in a
// warning; a plain target and prefix say nothing.
func TestLoggingNotes(t *testing.T) {
	im := &Imported{}
	loggingNotes("b", map[string]any{"TargetBucket": "logs", "TargetPrefix": "b/"}, im)
	if len(im.Notes) > 0 {
		t.Fatalf("notes for plain logging: %q", im.Notes)
	}
	loggingNotes("b", map[string]any{"TargetBucket": "logs", "TargetGrants": []any{map[string]any{"Permission": "READ",
		"Grantee": map[string]any{"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}}},
		"TargetObjectKeyFormat": map[string]any{"PartitionedPrefix": map[string]any{}}}, im)
	if len(im.Notes) != 1 || !strings.Contains(im.Notes[0], "TargetGrants (READ to AllUsers on every log object) and TargetObjectKeyFormat") {
		t.Errorf("notes = %q", im.Notes)
	}
}
