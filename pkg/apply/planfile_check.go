package apply

import (
	"errors"
	"fmt"
)

// ErrStalePlan is returned when a saved plan no longer matches.
var ErrStalePlan = errors.New("saved plan is stale")

// ErrPlanElsewhere is returned when a saved plan is applied with another
// account, endpoint or region than it was made with.
var ErrPlanElsewhere = errors.New("saved plan was made for another account, endpoint or region")

// Check compares a fresh plan with the plan of a plan file, before
// anything is written: the fresh plan must be for the same account,
// endpoint and default region, the desired, live and sensitive
// fingerprints must be equal, and so must the changes and the warnings
// (checkChanges, checkWarnings). Its errors are *Problem wrapping
// ErrPlanElsewhere or ErrStalePlan. now is how apply was given its inputs
// (nil: not known): when the desired state differs, the refusal names the
// -var, -var-file and TERAMOTC_VAR_* inputs the plan was made with (and
// those of now that it was not), since their values may be what differs.
func (sp *SavedPlan) Check(fresh *Plan, now *PlanInputs) error {
	return checkSaved(sp.Plan, fresh, sp.Inputs, now)
}

func checkSaved(saved, fresh *Plan, was, now *PlanInputs) error {
	if saved.FormatVersion != PlanFormat && saved.FormatVersion != planFormatV1 {
		// a newer teramotc's (review op3 L1): its fields may mean what
		// this release does not know
		return &Problem{Err: ErrStalePlan,
			Summary: fmt.Sprintf("the plan file has format %s, made by another (newer) teramotc; apply reads %s", quoteJSON(saved.FormatVersion), PlanFormat),
			Detail:  "Apply the file with the teramotc release that made it, or run \"teramotc plan -out=FILE\" again with this one and apply the new file. Nothing was written."}
	}
	if saved.FormatVersion != PlanFormat {
		return &Problem{Err: ErrStalePlan,
			Summary: fmt.Sprintf("the plan file has format %s, made by an older teramotc; apply reads %s", quoteJSON(saved.FormatVersion), PlanFormat),
			Detail: "Its fingerprints are unsalted hashes of the unmasked state, which apply no longer trusts. Run \"teramotc plan -out=FILE\" again and apply the new file; " +
				"delete the old one and its copies (CI artifacts): its fingerprints let anyone test guesses of the spec's sensitive values offline."}
	}
	if !sameEndpoint(saved.Endpoint, fresh.Endpoint) {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made against %s, but apply connects to %s", endpointName(saved.Endpoint), endpointName(fresh.Endpoint)),
			Detail: "A plan file is applied only where it was made. Set AWS_ENDPOINT_URL (or the profile's endpoint_url) as it was for plan, " +
				"or run \"teramotc plan -out=FILE\" again against this endpoint. Nothing was written."}
	}
	if saved.Account != fresh.Account {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made for account %s, but the credentials are for account %s", accountName(saved.Account), accountName(fresh.Account)),
			Detail: fmt.Sprintf("A plan file is applied only where it was made. Use credentials of account %s (the profile, role or environment plan used), "+
				"or run \"teramotc plan -out=FILE\" again with these credentials. Nothing was written.", accountName(saved.Account))}
	}
	if saved.Region != fresh.Region {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made with default region %s, but apply runs with %s", quoteJSON(saved.Region), quoteJSON(fresh.Region)),
			Detail: "Buckets without a region of their own are created in the default region. Set AWS_REGION (or the profile's region) as it was for plan, " +
				"or run \"teramotc plan -out=FILE\" again. Nothing was written."}
	}
	again := "Run \"teramotc plan -out=FILE\" again, review it, and apply the new file. Nothing was written."
	if saved.DesiredFingerprint != fresh.DesiredFingerprint {
		return staleDesired(was, now, again)
	}
	if saved.LiveFingerprint != fresh.LiveFingerprint {
		return &Problem{Err: ErrStalePlan, Summary: "the live AWS state changed since the plan was made", Detail: again}
	}
	if err := checkSensitive(saved, fresh, again); err != nil {
		return err
	}
	if err := checkChanges(saved.Changes, fresh); err != nil {
		return err
	}
	return checkWarnings(saved.Warnings, fresh)
}

// checkSensitive compares the sensitive fingerprint of the saved plan with
// the fresh plan's values.
func checkSensitive(saved, fresh *Plan, again string) error {
	if saved.SensitiveFingerprint == "" {
		// The plan masked nothing; the SHA-256 fingerprints covered every
		// value, unless the spec now masks something.
		if fresh.masksNothing() {
			return nil
		}
		return &Problem{Err: ErrStalePlan, Summary: "a sensitive value was added since the plan was made", Detail: again}
	}
	ok, err := fresh.sensitiveMatches(saved.SensitiveFingerprint)
	if err != nil {
		return &Problem{Err: ErrStalePlan, Summary: err.Error(), Detail: again}
	}
	if !ok {
		return &Problem{Err: ErrStalePlan,
			Summary: "a sensitive value changed since the plan was made",
			Detail: "A value the plan masks differs: a sensitive variable (give apply the same -var, -var-file and TERAMOTC_VAR_* values as plan) " +
				"or a masked live value such as a role's external id. " + again}
	}
	return nil
}

func accountName(a string) string {
	if a == "" {
		return "(none: the endpoint has no STS)"
	}
	return a
}
