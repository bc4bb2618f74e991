package apply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The lint gate's configuration file is saved in inputs.config as given
// and read back; without one the field is left out, so files made with
// and without it are both format 2.0 and read alike.
func TestPlanInputsConfig(t *testing.T) {
	tests := []struct {
		name string
		in   *PlanInputs
		line string // in the file; "" for none
	}{
		{"config", &PlanInputs{Config: "ci/ci.teramotc.hcl", Policies: []string{"policy"}}, `"config": "ci/ci.teramotc.hcl"`},
		{"none", &PlanInputs{Policies: []string{"policy"}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.plan")
			if err := WritePlanFile(path, &SavedPlan{Spec: "/s", Inputs: tc.in, Plan: &Plan{Changes: []*Change{}}}); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if !strings.Contains(text, `"format_version": "2.0"`) {
				t.Errorf("not format 2.0:\n%s", text)
			}
			if tc.line == "" && strings.Contains(text, `"config"`) {
				t.Errorf("config written when there was none:\n%s", text)
			}
			if tc.line != "" && !strings.Contains(text, tc.line) {
				t.Errorf("file lacks %s:\n%s", tc.line, text)
			}
			sp, ok, err := ParsePlanFile(path, b)
			if !ok || err != nil {
				t.Fatalf("ParsePlanFile: ok=%v err=%v", ok, err)
			}
			want := *tc.in
			want.Vars, want.VarFiles, want.Env = []string{}, []string{}, []string{}
			if diff := cmp.Diff(&want, sp.Inputs); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}
