package export

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// load renders one of the shipped examples.
func load(t *testing.T, example string) (*spec.Spec, *render.Output) {
	t.Helper()
	l, diags := spec.Load(filepath.Join("..", "..", "examples", example), spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load %s: %s", example, diags.Error())
	}
	out, diags := render.Render(l.Spec)
	if diags.HasErrors() {
		t.Fatalf("render %s: %s", example, diags.Error())
	}
	return l.Spec, out
}

func TestCloudFormationStructure(t *testing.T) {
	s, out := load(t, "setup-guide-role")
	b, err := CloudFormation(s, out)
	if err != nil {
		t.Fatal(err)
	}
	var tmpl struct {
		Parameters map[string]map[string]any
		Resources  map[string]struct {
			Type       string
			Properties map[string]any
			DependsOn  []string
		}
	}
	if err := json.Unmarshal(b, &tmpl); err != nil {
		t.Fatalf("template is not JSON: %v", err)
	}
	wantTypes := map[string]string{
		"DataBucket": "AWS::S3::Bucket", "DataBucketPolicy": "AWS::S3::BucketPolicy",
		"LogsBucket": "AWS::S3::Bucket", "LogsBucketPolicy": "AWS::S3::BucketPolicy",
		"TeramotPolicy": "AWS::IAM::ManagedPolicy", "TeramotRole": "AWS::IAM::Role",
		"TeramotDataTrail": "AWS::CloudTrail::Trail",
	}
	for id, typ := range wantTypes {
		if got := tmpl.Resources[id].Type; got != typ {
			t.Errorf("resource %s: type %q, want %q", id, got, typ)
		}
	}
	if len(tmpl.Resources) != len(wantTypes) {
		t.Errorf("template has %d resources, want %d", len(tmpl.Resources), len(wantTypes))
	}
	data := tmpl.Resources["DataBucket"].Properties
	for _, prop := range []string{"BucketName", "PublicAccessBlockConfiguration", "OwnershipControls", "BucketEncryption",
		"VersioningConfiguration", "LifecycleConfiguration", "LoggingConfiguration", "Tags"} {
		if data[prop] == nil {
			t.Errorf("DataBucket lacks %s", prop)
		}
	}
	if data["BucketName"] != "teramot-data-acme" {
		t.Errorf("BucketName = %v", data["BucketName"])
	}
	rules := data["LifecycleConfiguration"].(map[string]any)["Rules"].([]any)
	tr := rules[0].(map[string]any)["Transitions"].([]any)
	if len(tr) != 2 || tr[0].(map[string]any)["TransitionInDays"] != 30.0 || tr[1].(map[string]any)["StorageClass"] != "GLACIER" {
		t.Errorf("lifecycle transitions = %v", tr)
	}
	if got := data["LoggingConfiguration"].(map[string]any)["DestinationBucketName"]; !isRef(got, "LogsBucket") {
		t.Errorf("logging destination = %v, want a Ref to LogsBucket", got)
	}
	// The sensitive external id is a NoEcho parameter, never a literal.
	if p := tmpl.Parameters["TeramotExternalId"]; p == nil || p["NoEcho"] != true {
		t.Errorf("external id parameter = %v", p)
	}
	if bytes.Contains(b, []byte(s.Grants[0].Role.ExternalID.Value)) {
		t.Errorf("template contains the sensitive external id")
	}
	role := tmpl.Resources["TeramotRole"].Properties
	if role["RoleName"] != "teramot-access" || role["MaxSessionDuration"] != 3600.0 {
		t.Errorf("role properties = %v", role)
	}
	trail := tmpl.Resources["TeramotDataTrail"]
	if !isRef(trail.Properties["S3BucketName"], "LogsBucket") || trail.Properties["IsLogging"] != true ||
		len(trail.DependsOn) != 1 || trail.DependsOn[0] != "LogsBucketPolicy" {
		t.Errorf("trail = %+v", trail)
	}
	if tmpl.Resources["TeramotPolicy"].Properties["Roles"] == nil {
		t.Errorf("managed policy is not attached to the role")
	}
}

func isRef(v any, id string) bool {
	m, ok := v.(map[string]any)
	return ok && m["Ref"] == id
}

func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		s, out := load(t, "setup-guide-user")
		a, err := Export(format, s, out)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Export(format, s, out)
		for _, p := range a.Paths() {
			if string(a.Files[p]) != string(b.Files[p]) {
				t.Errorf("%s: %s differs between two runs", format, p)
			}
		}
	}
}
