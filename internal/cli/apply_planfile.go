package cli

import (
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/apply"
)

// planFileTarget returns the spec to plan the plan file (named path)
// again. Apply connects with its own flags and environment, as plan does,
// never with the file's connect: it refuses when they differ from what the
// plan was made with (the endpoint, profile, role or region), and refuses a
// spec path that plan would not take, before reading anything.
func planFileTarget(r *reporter, path string, saved *apply.SavedPlan, conn apply.ConnectOptions) (string, bool) {
	if err := saved.CheckConnection(conn, r.env.Getenv); err != nil {
		failProblem(r, err)
		return "", false
	}
	spec, err := saved.SpecPath(path)
	if err != nil {
		failProblem(r, err)
		return "", false
	}
	return spec, true
}

// checkPlanFile refuses a saved plan made for another account, endpoint
// or region, or whose spec, live state or sensitive values moved since
// (apply.SavedPlan.Check), before anything is written. now is how apply
// was given its variables: a refusal names those the plan was made with.
func checkPlanFile(r *reporter, saved *apply.SavedPlan, fresh *planned, now *apply.PlanInputs) bool {
	if err := saved.Check(fresh.plan, now); err != nil {
		failPlanProblem(r, fresh.plan, err) // it may quote a change of the plan
		return false
	}
	return true
}

// samePolicies refuses to apply a plan file made with -policy directories
// that apply was not given: its lint gate would run fewer rules than
// plan's did.
func samePolicies(r *reporter, was *apply.PlanInputs, now []string) bool {
	if was == nil {
		return true
	}
	var missing []string
	for _, d := range was.Policies {
		if !slices.ContainsFunc(now, func(n string) bool { return samePath(n, d) }) {
			missing = append(missing, "-policy "+d)
		}
	}
	if len(missing) == 0 {
		return true
	}
	r.fail("the plan was made with "+strings.Join(missing, ", ")+", which apply was not given",
		"Give apply the same -policy directories as plan, so that its lint gate runs the same rules, or plan again without them.")
	return false
}
