package apply

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/teramot/teramotc/pkg/spec"
)

// Redacted is what plans show instead of a value derived from a sensitive
// variable.
const Redacted = "(sensitive)"

// Redacted returns a copy of the plan whose sensitive values are replaced
// by "(sensitive)". Every printed or saved plan is redacted.
func (p *Plan) Redacted() *Plan {
	cp := *p
	cp.Warnings = append([]string{}, p.Warnings...) // never null in JSON
	cp.Changes = make([]*Change, len(p.Changes))
	for i, c := range p.Changes {
		cc := *c
		if c.Sensitive {
			if cc.Before != nil {
				cc.Before = Redacted
			}
			cc.After = Redacted
		}
		cp.Changes[i] = &cc
	}
	return &cp
}

// SavedPlan is the content of a plan file (plan -out). It holds no secret:
// sensitive values are redacted, and apply re-renders the spec and refuses
// to run unless both the desired and the live fingerprints still match.
type SavedPlan struct {
	FormatVersion string         `json:"format_version"`
	Spec          string         `json:"spec"` // the spec path, as given to plan
	Connect       ConnectOptions `json:"connect"`
	Plan          *Plan          `json:"plan"`
}

// WritePlanFile saves a plan (mode 0600). The plan in it is for reading,
// like printed output: access keys written in the spec as block labels
// (addresses, a trail's name) are masked (spec.MaskAccessKeys). Applying
// the file re-plans the spec and compares fingerprints, so it never needs
// them.
func WritePlanFile(path string, sp *SavedPlan) error {
	sp.FormatVersion = "1.0"
	sp.Plan = sp.Plan.Redacted()
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
	return os.WriteFile(path, append(b, '\n'), 0o600)
}

// ReadPlanFile reads a plan file; ok is false when path is not a plan
// file (a spec directory or HCL file).
func ReadPlanFile(path string) (sp *SavedPlan, ok bool, err error) {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return nil, false, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	var probe struct {
		FormatVersion string          `json:"format_version"`
		Plan          json.RawMessage `json:"plan"`
	}
	if json.Unmarshal(b, &probe) != nil || probe.Plan == nil {
		return nil, false, nil
	}
	sp = &SavedPlan{}
	if err := json.Unmarshal(b, sp); err != nil {
		return nil, true, fmt.Errorf("read plan file %s: %w", path, err)
	}
	if sp.FormatVersion != "1.0" {
		return nil, true, fmt.Errorf("plan file %s has format %q; this teramotc reads 1.0", path, sp.FormatVersion)
	}
	return sp, true, nil
}

// ErrStalePlan is returned when a saved plan no longer matches.
var ErrStalePlan = errors.New("saved plan is stale")

// CheckSaved compares a fresh plan with a saved one.
func CheckSaved(saved, fresh *Plan) error {
	if saved.DesiredFingerprint != fresh.DesiredFingerprint {
		return fmt.Errorf("%w: the spec (or its variables) changed since the plan was made; run plan again", ErrStalePlan)
	}
	if saved.LiveFingerprint != fresh.LiveFingerprint {
		return fmt.Errorf("%w: the live AWS state changed since the plan was made; run plan again", ErrStalePlan)
	}
	return nil
}
