package spec

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec/internal/regiondata"
)

// TestRegionsMatchSDK fails when regions.txt is not generated from the
// partitions.json of the AWS SDK in go.mod: after an SDK upgrade that adds
// regions, run go generate ./pkg/spec.
func TestRegionsMatchSDK(t *testing.T) {
	path, err := regiondata.SDKPath()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("cannot find the AWS SDK's partitions.json: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	regions, err := regiondata.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(regiondata.Format(regions)), regionsFile); diff != "" {
		t.Errorf("regions.txt is not generated from %s; run go generate ./pkg/spec (-want +got):\n%s", path, diff)
	}
}

// TestRegionPrefixesMatchSDK: every known region has the partition its
// name's prefix gives, so a region AWS opens later, which only the prefix
// places, lands in the right partition; and the list holds each partition
// a spec can name.
func TestRegionPrefixesMatchSDK(t *testing.T) {
	partitions := map[string]bool{}
	for _, name := range knownRegions().names {
		want := knownRegions().partition[name]
		partitions[want] = true
		if got := prefixPartition(name); got != want {
			t.Errorf("prefixPartition(%q) = %q, regions.txt says %q", name, got, want)
		}
		if !regionRe.MatchString(name) {
			t.Errorf("region %q of regions.txt does not match regionRe", name)
		}
	}
	for p := range partitionRegions {
		if !partitions[p] {
			t.Errorf("regions.txt has no region of partition %q", p)
		}
	}
}

func TestRegiondataParse(t *testing.T) {
	src := `{"partitions": [
  {"id": "aws", "regionRegex": "^(us|eu)\\-\\w+\\-\\d+$",
   "regions": {"aws-global": {}, "us-east-1": {"description": "N. Virginia"}, "eu-west-1": {}}},
  {"id": "aws-cn", "regionRegex": "^cn\\-\\w+\\-\\d+$", "regions": {"cn-north-1": {}, "aws-cn-global": {}}}
]}`
	got, err := regiondata.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []regiondata.Region{{Partition: "aws", Name: "eu-west-1"}, {Partition: "aws", Name: "us-east-1"}, {Partition: "aws-cn", Name: "cn-north-1"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{`{"partitions": []}`, `{"partitions": [{"id": "x", "regionRegex": "(", "regions": {}}]}`, `[`} {
		if _, err := regiondata.Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s): no error", bad)
		}
	}
}

// TestUnknownRegion: a well-formed region teramotc does not know is a
// warning (AWS may have opened it since), with "Did you mean" for a near
// miss; the spec stays valid, and the partition check still applies.
func TestUnknownRegion(t *testing.T) {
	type diag struct {
		severity hcl.DiagnosticSeverity
		summary  string
		detail   string // a part of it
	}
	bucket := func(region string) string {
		return "bucket \"data\" {\n  name   = \"teramot-region-data\"\n  region = \"" + region + "\"\n}\n"
	}
	tests := []struct {
		name, spec string
		want       []diag
	}{
		{"known region", bucket("us-east-1"), nil},
		{"known region of a new partition", "aws {\n  partition = \"aws-cn\"\n}\n" + bucket("cn-northwest-1"), nil},
		{"misspelt region", bucket("us-est-1"),
			[]diag{{hcl.DiagWarning, "Unknown region", `"us-est-1" is not an AWS region that teramotc knows. Did you mean "us-east-1"?`}}},
		{"new region", bucket("xx-newplace-1"),
			[]diag{{hcl.DiagWarning, "Unknown region", "if AWS opened this one since, the spec is valid"}}},
		{"new China region", "aws {\n  partition = \"aws-cn\"\n}\n" + bucket("cn-south-9"),
			[]diag{{hcl.DiagWarning, "Unknown region", `"cn-south-9" is not an AWS region`}}},
		{"new China region in the aws partition", bucket("cn-south-9"), []diag{
			{hcl.DiagWarning, "Unknown region", `"cn-south-9"`},
			{hcl.DiagError, "Region not in the partition", `partition "aws-cn"`},
		}},
		{"malformed region", bucket("us-east1"),
			[]diag{{hcl.DiagError, "Invalid region", `Did you mean "us-east-1"?`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(writeSpec(t, map[string]string{"main.hcl": tt.spec}), Options{})
			if len(diags) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(diags), len(tt.want), diagText(diags))
			}
			for i, w := range tt.want {
				d := diags[i]
				if d.Severity != w.severity || d.Summary != w.summary || !strings.Contains(d.Detail, w.detail) {
					t.Errorf("diagnostic %d = %v %q: %s\nwant %v %q with %q", i, d.Severity, d.Summary, d.Detail, w.severity, w.summary, w.detail)
				}
				if d.Subject == nil || d.Subject.Start.Line != strings.Count(tt.spec[:strings.Index(tt.spec, "region =")], "\n")+1 {
					t.Errorf("diagnostic %d is not at the region attribute: %v", i, d.Subject)
				}
			}
		})
	}
}
