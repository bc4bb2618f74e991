package apply

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/teramot/teramotc/pkg/atomicfile"
	"github.com/teramot/teramotc/pkg/spec"
)

// PlanFormat is the format_version of plan files (and of their plan).
// 2.0 masks sensitive values in the fingerprints and adds the salted
// sensitive_fingerprint and the region; 1.0 files can still be shown, but
// apply refuses them.
const PlanFormat = "2.0"

// planFormatV1 is the format before 2.0: its fingerprints are unsalted
// hashes of the unmasked state.
const planFormatV1 = "1.0"

// SavedPlan is the content of a plan file (plan -out). It holds no secret:
// sensitive values are redacted, and apply re-renders the spec and refuses
// to run unless the account, endpoint and region and the desired, live and
// sensitive fingerprints still match (SavedPlan.Check).
type SavedPlan struct {
	FormatVersion string `json:"format_version"`
	// Spec is the spec's absolute path (plan -out stores it so), so that
	// the file can be applied from any directory.
	Spec    string         `json:"spec"`
	Connect ConnectOptions `json:"connect"`
	// Inputs says how the plan's variables were given and whether lint
	// was skipped (names and paths, never values); nil in files saved
	// before it was recorded (planfile_inputs.go).
	Inputs *PlanInputs `json:"inputs,omitempty"`
	Plan   *Plan       `json:"plan"`
}

// WritePlanFile saves a plan (mode 0600). The plan in it is for reading,
// like printed output: access keys written in the spec as block labels
// (addresses, a trail's name) are masked (spec.MaskAccessKeys). Applying
// the file re-plans the spec and compares fingerprints, so it never needs
// them. The sensitive fingerprint is made here, with a new salt.
func WritePlanFile(path string, sp *SavedPlan) error {
	fp, err := sp.Plan.sensitiveFingerprint()
	if err != nil {
		return err
	}
	sp.FormatVersion = PlanFormat
	sp.Plan = sp.Plan.Redacted()
	sp.Plan.FormatVersion = PlanFormat
	sp.Plan.SensitiveFingerprint = fp
	plan, err := json.Marshal(sp.Plan)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(struct {
		*SavedPlan
		Plan json.RawMessage `json:"plan"`
	}{sp, json.RawMessage(spec.MaskAccessKeys(string(plan)))}, "", "  ")
	if err != nil {
		return err
	}
	// 0600 whether or not path exists (os.WriteFile would keep an existing
	// file's mode).
	return atomicfile.WriteFile(path, "plan", append(b, '\n'), 0o600)
}

// ReadPlanFile reads a plan file; ok is false when path is not a plan
// file (a spec directory or HCL file). Its errors, and those of
// ParsePlanFile, are *Problem: a terse summary naming the file and a
// detail saying what to do; Err, when set, is the error it explains.
func ReadPlanFile(path string) (sp *SavedPlan, ok bool, err error) {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return nil, false, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false, &Problem{Err: err,
			Summary: fmt.Sprintf("cannot read %s: %s", path, pathReason(err)),
			Detail:  "Check that the file is readable by the user running teramotc (its permissions and owner)."}
	}
	return ParsePlanFile(path, b)
}

// ParsePlanFile parses the content b of the plan file named name. ok is
// false when b is not a plan file (not a JSON object with a "plan"). A
// plan file of another format, or one whose structure is broken (no plan,
// a change that is null or has no type, name or valid action, no spec),
// is an error: show and apply never see a plan they cannot print.
func ParsePlanFile(name string, b []byte) (sp *SavedPlan, ok bool, err error) {
	var probe struct {
		FormatVersion any             `json:"format_version"`
		Plan          json.RawMessage `json:"plan"`
	}
	if json.Unmarshal(b, &probe) != nil || probe.Plan == nil {
		return nil, false, nil
	}
	if v, _ := probe.FormatVersion.(string); v != PlanFormat && v != planFormatV1 {
		return nil, true, &Problem{
			Summary: fmt.Sprintf("plan file %s has format %s; this teramotc reads %s (and shows %s)",
				name, quoteJSON(probe.FormatVersion), PlanFormat, planFormatV1),
			Detail: "It was saved by another teramotc release. Use that release, or save the plan again with \"teramotc plan -out=FILE\" using this one."}
	}
	sp = &SavedPlan{}
	if err := json.Unmarshal(b, sp); err != nil {
		return nil, true, damagedPlan(name, wrongType(err), err)
	}
	if why := sp.broken(); why != "" {
		return nil, true, damagedPlan(name, why, nil)
	}
	if sp.Plan.Changes == nil {
		sp.Plan.Changes = []*Change{} // arrays are never null
	}
	if sp.Plan.Warnings == nil {
		sp.Plan.Warnings = []string{}
	}
	for _, c := range sp.Plan.Changes {
		c.redacted = true // saved redacted; no secret to mask is known
	}
	return sp, true, nil
}

// damagedPlan is the problem of a plan file whose content is not what
// teramotc saves; why says what is wrong, err is the decoding error.
func damagedPlan(name, why string, err error) *Problem {
	return &Problem{Err: err,
		Summary: fmt.Sprintf("plan file %s is damaged: %s", name, why),
		Detail:  "A plan file is written by teramotc and is not meant to be edited. Save the plan again with \"teramotc plan -out=FILE\" and use the new file."}
}

// broken says what is structurally wrong with a parsed plan file, "" when
// nothing is.
func (sp *SavedPlan) broken() string {
	switch {
	case sp.Spec == "":
		return "it names no spec"
	case strings.ContainsFunc(sp.Spec, unicode.IsControl):
		return fmt.Sprintf("its spec path %s holds a control character", quoteJSON(sp.Spec))
	case sp.Plan == nil:
		return "its plan is null"
	}
	for i, c := range sp.Plan.Changes {
		switch {
		case c == nil:
			return fmt.Sprintf("change %d is null", i+1)
		case c.Type == "" || c.Name == "":
			return fmt.Sprintf("change %d has no type or name", i+1)
		case c.Action != ActionCreate && c.Action != ActionUpdate && c.Action != ActionDelete:
			return fmt.Sprintf("change %d has action %s, not %q, %q or %q", i+1, quoteJSON(c.Action), ActionCreate, ActionUpdate, ActionDelete)
		}
	}
	return ""
}

// quoteJSON renders v as JSON (a string quoted and escaped), for messages
// about values read from a file.
func quoteJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return string(b)
}
