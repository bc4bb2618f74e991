package apply

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// importTrail writes the trail block of the live trail name, which logs
// the data events of bucket (labelled bucketLabel in the spec).
func (e *Engine) importTrail(ctx context.Context, root *hclwrite.Body, bucketLabel, name, bucket string, im *Imported) error {
	it := &Item{Type: TTrail, Name: name, Region: e.C.Region}
	v, err := e.readIdentityOrTrail(ctx, it)
	if err != nil {
		return fmt.Errorf("trail %s: %w", name, err)
	}
	if v == nil {
		return fmt.Errorf("trail %s not found in %s", name, e.C.Region)
	}
	m, _ := generic(v).(map[string]any)
	sel, err := e.readIdentityOrTrail(ctx, &Item{Type: TEventSelectors, Name: name, Region: e.C.Region})
	if err != nil {
		return err
	}
	rw, mgmt := eventSelector(sel)
	status, err := e.readIdentityOrTrail(ctx, &Item{Type: TTrailLogging, Name: name, Region: e.C.Region})
	if err != nil {
		return err
	}
	trailNotes(name, bucket, m, sel, status, im)
	t := root.AppendNewBlock("trail", []string{name}).Body()
	t.SetAttributeTraversal("bucket", traversal("bucket", bucketLabel))
	t.SetAttributeValue("log_bucket", cty.StringVal(str(m["S3BucketName"])))
	if p := str(m["S3KeyPrefix"]); p != "" {
		t.SetAttributeValue("log_prefix", cty.StringVal(p))
	}
	t.SetAttributeValue("read_events", cty.BoolVal(rw == "All" || rw == "ReadOnly"))
	t.SetAttributeValue("write_events", cty.BoolVal(rw == "All" || rw == "WriteOnly"))
	if !mgmt && rw != "" {
		t.SetAttributeValue("management_events", cty.False)
	}
	mr, _ := m["IsMultiRegionTrail"].(bool)
	lv, _ := m["EnableLogFileValidation"].(bool)
	t.SetAttributeValue("multi_region", cty.BoolVal(mr))
	t.SetAttributeValue("log_file_validation", cty.BoolVal(lv))
	if k := str(m["KmsKeyId"]); k != "" {
		t.SetAttributeValue("kms_key_arn", cty.StringVal(k))
	}
	return nil
}

// eventSelector reads a GetEventSelectors response (nil, or one without
// EventSelectors, when the trail logs no data events): the ReadWriteType
// of its last selector and whether that selector also logs management
// events (a spec renders one selector; with none, mgmt is true, the
// spec's default).
func eventSelector(sel any) (rw string, mgmt bool) {
	m, _ := generic(sel).(map[string]any)
	list, _ := m["EventSelectors"].([]any)
	mgmt = true
	for _, e := range list {
		s, _ := e.(map[string]any)
		rw = str(s["ReadWriteType"])
		mgmt = s["IncludeManagementEvents"] == true // as normalize reads it
	}
	return rw, mgmt
}

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
