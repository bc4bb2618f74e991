package apply

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMoto applies each guide example to moto, checks that a new plan is
// empty, then imports the data bucket, its grant and the trail and checks
// that the imported spec plans with no changes either; and imports a bare
// bucket (testBareBucket). One moto_server serves every case (reset in
// between), and the live states of testImportLiveStates.
func TestMoto(t *testing.T) {
	t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
	m := testenv.StartMoto(t)
	tests := []struct {
		example string
		opts    ImportOptions
		environ []string
	}{
		{"setup-guide-user", ImportOptions{Bucket: "teramot-data-acme", User: "teramot-service-user", Trail: "teramot-data"}, nil},
		{"setup-guide-role", ImportOptions{Bucket: "teramot-data-acme", Role: "teramot-access", Trail: "teramot-data"},
			[]string{"TERAMOTC_VAR_external_id=tmc-7f3a9c2e-acme-4b1d-9e55"}},
	}
	t.Run("bare-bucket", func(t *testing.T) {
		m.Reset(t)
		testBareBucket(t, connectMoto(t, m))
	})
	t.Run("lifecycle-live-only", func(t *testing.T) {
		m.Reset(t)
		testImportLifecycleMoto(t, connectMoto(t, m))
	})
	t.Run("live-states", func(t *testing.T) {
		m.Reset(t)
		testImportLiveStates(t, connectMoto(t, m))
	})
	for _, tc := range tests {
		t.Run(tc.example, func(t *testing.T) {
			m.Reset(t)
			e := connectMoto(t, m)
			ctx := context.Background()
			items, _ := loadExample(t, tc.example)
			live, err := e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			if add, _ := e.MakePlan(items, live).Counts(); add < 20 {
				t.Fatalf("first plan adds %d resources, want >= 20", add)
			}
			if _, err := e.Apply(ctx, e.MakePlan(items, live), false); err != nil {
				t.Fatal(err)
			}
			live, err = e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range e.MakePlan(items, live).Changes {
				t.Errorf("after apply, still planned: %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
			}
			im, err := e.Import(ctx, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(im.HCL), "tmc-7f3a9c2e") {
				t.Errorf("import wrote the external id to disk:\n%s", im.HCL)
			}
			imported := importedItems(t, im, tc.environ)
			live, err = e.Read(ctx, imported)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range e.MakePlan(imported, live).Changes {
				t.Errorf("imported spec plans %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
			}
			if t.Failed() {
				t.Logf("imported spec:\n%s", im.HCL)
			}
		})
	}
}

// testBareBucket imports a bucket created with no settings at all (in
// eu-west-1, from a us-east-1 client) and checks that the imported spec
// writes the live flags and ownership explicitly, warns that the missing
// default encryption cannot be expressed, and plans nothing but that
// encryption. The same bucket declared in another region fails the read.
func testBareBucket(t *testing.T, e *Engine) {
	ctx := context.Background()
	const name = "audit2-bare"
	_, err := e.C.S3ForRegion("eu-west-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraintEuWest1}})
	if err != nil {
		t.Fatal(err)
	}
	im, err := e.Import(ctx, ImportOptions{Bucket: name})
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(im.HCL)), " ")
	for _, want := range []string{`region = "eu-west-1"`, `block_public_acls = false`, `restrict_public_buckets = false`,
		`object_ownership = "ObjectWriter"`, `algorithm = "AES256"`, `# import: the bucket has no default encryption`} {
		if !strings.Contains(flat, want) {
			t.Errorf("imported spec lacks %s:\n%s", want, im.HCL)
		}
	}
	if len(im.Notes) != 2 || !strings.Contains(im.Notes[0], "audit2-bare has no default encryption") ||
		!strings.Contains(im.Notes[0], "apply will add") || !strings.Contains(im.Notes[1], `plan shows 1 change(s) for the imported spec: create encryption "audit2-bare" [tighten]`) {
		t.Errorf("notes = %q, want a warning that apply adds default encryption and one naming that change", im.Notes)
	}
	items := importedItems(t, im, nil)
	live, err := e.Read(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	var planned []string
	for _, c := range e.MakePlan(items, live).Changes {
		planned = append(planned, c.Action+" "+c.Type)
	}
	if want := []string{"create " + TEncryption}; !cmp.Equal(planned, want) {
		t.Errorf("imported bare bucket plans %q, want only %q\n%s", planned, want, im.HCL)
	}
	for _, it := range items {
		it.Region = "us-west-2"
	}
	_, err = e.Read(ctx, items)
	var rm *RegionMismatchError
	if !errors.As(err, &rm) || rm.Live != "eu-west-1" || rm.Spec != "us-west-2" {
		t.Errorf("read in the wrong region: %v, want a RegionMismatchError eu-west-1 vs us-west-2", err)
	}
}

// importedItems loads, renders and itemizes an imported spec.
func importedItems(t *testing.T, im *Imported, environ []string) []*Item {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), im.HCL, 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, diags := spec.Load(dir, spec.Options{Environ: environ})
	if diags.HasErrors() {
		t.Fatalf("imported spec does not load: %s\n%s", diags.Error(), im.HCL)
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("imported spec does not render: %s", diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// testImportLifecycleMoto imports, from moto, lifecycle rules with a tag
// filter and with noncurrent-version transitions, which a spec cannot
// express: import warns about both, writes the tag-filtered expiring rule
// disabled (without its filter it would delete every object), and the
// imported spec's plan updates the lifecycle configuration without being
// DESTRUCTIVE.
func testImportLifecycleMoto(t *testing.T, e *Engine) {
	ctx := context.Background()
	const name = "audit2-lifecycle"
	cl := e.C.S3ForRegion("us-east-1")
	if _, err := cl.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		t.Fatal(err)
	}
	_, err := cl.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: aws.String(name),
		LifecycleConfiguration: &s3types.BucketLifecycleConfiguration{Rules: []s3types.LifecycleRule{
			{ID: aws.String("scratch"), Status: s3types.ExpirationStatusEnabled,
				Filter:     &s3types.LifecycleRuleFilter{Tag: &s3types.Tag{Key: aws.String("class"), Value: aws.String("scratch")}},
				Expiration: &s3types.LifecycleExpiration{Days: aws.Int32(30)}},
			{ID: aws.String("cold"), Status: s3types.ExpirationStatusEnabled, Filter: &s3types.LifecycleRuleFilter{Prefix: aws.String("")},
				NoncurrentVersionTransitions: []s3types.NoncurrentVersionTransition{{NoncurrentDays: aws.Int32(30),
					StorageClass: s3types.TransitionStorageClassGlacier}},
				AbortIncompleteMultipartUpload: &s3types.AbortIncompleteMultipartUpload{DaysAfterInitiation: aws.Int32(3)}},
		}}})
	if err != nil {
		t.Fatal(err)
	}
	im, err := e.Import(ctx, ImportOptions{Bucket: name})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(im.Notes, "\n")
	for _, want := range []string{`lifecycle rule "scratch": a spec cannot express Filter.Tag class=scratch`,
		`lifecycle rule "cold": a spec cannot express NoncurrentVersionTransitions`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	items := importedItems(t, im, nil)
	live, err := e.Read(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	var lc *Change
	for _, c := range e.MakePlan(items, live).Changes {
		if c.Type == TLifecycle {
			lc = c
		}
	}
	if lc == nil || lc.Destructive || lc.Risk == RiskLoosen {
		t.Errorf("lifecycle change = %+v, want an update that is neither DESTRUCTIVE nor loosening\n%s", lc, im.HCL)
	}
	if flat := strings.Join(strings.Fields(string(im.HCL)), " "); !strings.Contains(flat, `lifecycle_rule "scratch" { enabled = false`) {
		t.Errorf("the tag-filtered rule is not imported disabled:\n%s", im.HCL)
	}
}
