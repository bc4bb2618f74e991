package apply

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestNormalizeServerDefaults(t *testing.T) {
	tests := []struct {
		name       string
		typ        string
		live, want any
	}{
		{"lifecycle server-filled size and legacy prefix", TLifecycle,
			map[string]any{"TransitionDefaultMinimumObjectSize": "all_storage_classes_128K", "Rules": []any{
				map[string]any{"ID": "A", "Status": "Enabled", "Prefix": "", "Expiration": map[string]any{"Days": 30.0, "ExpiredObjectDeleteMarker": false}}}},
			map[string]any{"Rules": []any{map[string]any{"ID": "A", "Status": "Enabled", "Filter": map[string]any{"Prefix": ""}, "Expiration": map[string]any{"Days": 30.0}}}}},
		{"lifecycle rule and transition order", TLifecycle,
			map[string]any{"Rules": []any{
				map[string]any{"ID": "B", "Status": "Enabled", "Filter": map[string]any{}},
				map[string]any{"ID": "A", "Status": "Enabled", "Filter": map[string]any{"Prefix": ""}, "Transitions": []any{
					map[string]any{"Days": 90.0, "StorageClass": "GLACIER"}, map[string]any{"Days": 30.0, "StorageClass": "STANDARD_IA"}}}}},
			map[string]any{"Rules": []any{
				map[string]any{"ID": "A", "Status": "Enabled", "Filter": map[string]any{"Prefix": ""}, "Transitions": []any{
					map[string]any{"Days": 30.0, "StorageClass": "STANDARD_IA"}, map[string]any{"Days": 90.0, "StorageClass": "GLACIER"}}},
				map[string]any{"ID": "B", "Status": "Enabled", "Filter": map[string]any{"Prefix": ""}}}}},
		{"tags ignore aws:*", TTagging,
			map[string]any{"TagSet": []any{map[string]any{"Key": "owner", "Value": "x"}, map[string]any{"Key": "aws:cloudformation:stack-name", "Value": "s"}}},
			map[string]any{"TagSet": []any{map[string]any{"Key": "owner", "Value": "x"}}}},
		{"public access block nil is false", TPublicAccessBlock,
			map[string]any{"BlockPublicAcls": true, "IgnorePublicAcls": nil, "BlockPublicPolicy": false, "RestrictPublicBuckets": nil},
			map[string]any{"BlockPublicAcls": true}},
		{"never versioned equals suspended", TVersioning, map[string]any{"Status": ""}, map[string]any{"Status": "Suspended"}},
		{"encryption bucket key nil is false", TEncryption,
			map[string]any{"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256", "KMSMasterKeyID": nil}, "BucketKeyEnabled": nil}}},
			map[string]any{"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": false}}}},
		{"selectors value order", TEventSelectors,
			map[string]any{"EventSelectors": []any{map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true, "ExcludeManagementEventSources": []any{},
				"DataResources": []any{map[string]any{"Type": "AWS::S3::Object", "Values": []any{"arn:aws:s3:::b/", "arn:aws:s3:::a/"}}}}}},
			map[string]any{"TrailName": "t", "EventSelectors": []any{map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true,
				"DataResources": []any{map[string]any{"Type": "AWS::S3::Object", "Values": []any{"arn:aws:s3:::a/", "arn:aws:s3:::b/"}}}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := canonical(tc.typ, tc.live, "aws")
			if err != nil {
				t.Fatal(err)
			}
			b, err := canonical(tc.typ, tc.want, "aws")
			if err != nil {
				t.Fatal(err)
			}
			if !equal(a, b) {
				t.Errorf("not equal:\n live: %s\n want: %s", mustJSON(a), mustJSON(b))
			}
		})
	}
}

func TestApplyRefusesDestructive(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	shorter := loadSpec(t, "setup-guide-user", func(s *spec.Spec) {
		s.BucketByLabel("logs").LifecycleRules[0].ExpirationDays.Value = 30
	})
	p := planFor(t, e, shorter)
	if len(p.Destructive()) != 1 {
		t.Fatalf("destructive changes = %d, want 1", len(p.Destructive()))
	}
	writes := f.writes
	if _, err := e.Apply(context.Background(), p, false); !errors.Is(err, ErrDestructive) {
		t.Fatalf("apply error = %v, want ErrDestructive", err)
	}
	if f.writes != writes {
		t.Errorf("a refused apply made %d writes", f.writes-writes)
	}
	if _, err := e.Apply(context.Background(), p, true); err != nil {
		t.Fatalf("apply -allow-destructive: %v", err)
	}
	assertConverged(t, f, e, shorter)
}

func TestPlanFileHasNoSecretsAndDetectsDrift(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-role", nil)
	p := planFor(t, e, items)
	path := filepath.Join(t.TempDir(), "p.json")
	if err := WritePlanFile(path, &SavedPlan{Spec: "x", Connect: ConnectOptions{ExternalID: "tool-external-id"}, Plan: p}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, secret := range []string{"tmc-7f3a9c2e-acme-4b1d-9e55", "tool-external-id"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("plan file contains %q", secret)
		}
	}
	saved, ok, err := ReadPlanFile(path)
	if err != nil || !ok {
		t.Fatalf("read plan file: ok=%v err=%v", ok, err)
	}
	if err := saved.Check(planFor(t, e, items), nil); err != nil {
		t.Errorf("unchanged state: %v", err)
	}
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	if err := saved.Check(planFor(t, e, items), nil); !errors.Is(err, ErrStalePlan) {
		t.Errorf("after the live state moved: err = %v, want ErrStalePlan", err)
	}
}

// TestSDKRetriesThrottling checks the client built by Connect: throttling
// and 5xx answers are retried by the SDK before the engine sees them.
func TestSDKRetriesThrottling(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(`<Error><Code>SlowDown</Code><Message>slow</Message></Error>`))
		case 2:
			w.WriteHeader(http.StatusConflict)
			w.Write([]byte(`<Error><Code>OperationAborted</Code><Message>A conflicting conditional operation is currently in progress</Message></Error>`))
		default:
			w.WriteHeader(http.StatusOK)
		}
	}))
	defer srv.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", "x")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "x")
	t.Setenv("AWS_CONFIG_FILE", "/dev/null")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
	c, err := Connect(context.Background(), ConnectOptions{EndpointURL: srv.URL, Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{C: c, Partition: "aws"}
	if _, err := e.readRaw(context.Background(), newLive(), &Item{Type: TVersioning, Name: "b", Bucket: "b"}); err != nil {
		t.Fatalf("GetBucketVersioning after a SlowDown and an OperationAborted: %v", err)
	}
	if got := n.Load(); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
}
