package apply

import (
	"fmt"
	"strings"
)

// trailNotes warns about what a live trail (m, its DescribeTrails entry;
// sel, its event selectors; status, its logging status) has that a trail
// block cannot express. What plan and apply leave alone (an organization
// trail, CloudWatch Logs, SNS, advanced event selectors when the spec
// declares no data events) is named with that; what plan changes (a
// stopped trail, global service events off) is named with the change plan
// shows. Selectors beyond the one a spec renders are refused: the plan
// would stop auditing what they record.
func trailNotes(name, bucket string, m map[string]any, sel, status any, im *Imported) {
	warn := func(format string, args ...any) {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: trail %s ", name)+fmt.Sprintf(format, args...))
	}
	if m["IsOrganizationTrail"] == true {
		warn("is an organization trail, which a spec cannot express; plan and apply leave it one (it logs every account of the organization).")
	}
	var kept []string
	for _, k := range []string{"CloudWatchLogsLogGroupArn", "SnsTopicName", "SnsTopicARN"} {
		if v := str(m[k]); v != "" && !(k == "SnsTopicARN" && str(m["SnsTopicName"]) != "") {
			kept = append(kept, k+" "+v)
		}
	}
	if len(kept) > 0 {
		warn("has %s, which a spec cannot express; apply leaves them as they are.", strings.Join(kept, ", "))
	}
	if b, ok := m["IncludeGlobalServiceEvents"].(bool); ok && !b {
		warn("does not include global service events, which a spec cannot express (it renders IncludeGlobalServiceEvents = true); " +
			"plan shows the trail update that turns them on.")
	}
	if s, _ := generic(status).(map[string]any); s["IsLogging"] != true {
		warn("is not logging, which a spec cannot express; plan shows the change that starts logging (tighten).")
	}
	sm, _ := generic(sel).(map[string]any)
	if adv, _ := sm["AdvancedEventSelectors"].([]any); len(adv) > 0 {
		warn("uses advanced event selectors, which a spec cannot express: the imported trail declares read_events = false and " +
			"write_events = false, so plan and apply leave its selectors alone. Setting either to true replaces them with the " +
			"spec's basic selector.")
	}
	list, _ := sm["EventSelectors"].([]any)
	want := "arn:aws:s3:::" + bucket + "/"
	var other []string
	for _, e := range list {
		s, _ := e.(map[string]any)
		drs, _ := s["DataResources"].([]any)
		for _, d := range drs {
			dr, _ := d.(map[string]any)
			for _, v := range stringSet(dr["Values"], nil) {
				if !strings.HasSuffix(v, ":s3:::"+bucket+"/") {
					other = append(other, str(dr["Type"])+" "+v)
				}
			}
		}
	}
	if len(list) > 1 || len(other) > 0 {
		what := fmt.Sprintf("%d event selectors", len(list))
		if len(other) > 0 {
			what = "data events for " + strings.Join(other, ", ")
		}
		im.refuse("trail %s has %s, which a trail block cannot express (it renders one selector with data events for %s); applying the "+
			"imported spec would stop auditing the rest. Import the bucket without -trail (and declare a trail of its own for it), or "+
			"audit the rest with another trail first.", name, what, want)
	}
}
