package cli

import (
	"flag"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/apply"
)

// awsFlagNames are the connection flags a plan file fixes: given with a
// plan file, each must equal what the plan was made with.
var awsFlagNames = []string{"profile", "region", "assume-role-arn", "endpoint-url"}

// usePlanConnection points af at the connection saved in the plan file
// (the external id stays the one given now: it is never saved). A
// connection flag that differs from the plan's is refused: a plan file is
// applied only where it was made.
func usePlanConnection(r *reporter, fs *flag.FlagSet, af *awsFlags, saved *apply.SavedPlan) bool {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		for _, n := range awsFlagNames {
			if f.Name == n {
				given[n] = true
			}
		}
	})
	conn, err := saved.ConnectFor(af.conn, given)
	if err != nil {
		failProblem(r, err)
		return false
	}
	af.conn = conn
	return true
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
