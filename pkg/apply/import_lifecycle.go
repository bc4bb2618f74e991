package apply

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// importLifecycle writes the live lifecycle rules of bucket (lc, the
// GetBucketLifecycleConfiguration document; nil when there is none) as
// lifecycle_rule blocks. A spec expresses a rule's prefix, its transitions
// by days, and expiration, noncurrent expiration and multipart abort by
// days. Anything else a rule has (liveOnly) is left out: the rule gets a
// comment naming what, and im a warning naming the rule and the fields.
// A rule whose tag or size filter is left out would act on more objects,
// so it is written disabled (enabled = false, said in its comment): the
// plan shows the change that disables it, never one that deletes more.
// A noncurrent expiration with NewerNoncurrentVersions is left out whole
// (its days alone would delete the newest versions the rule keeps). For
// other fields left out, the plan shows the change that drops them. A
// rule with nothing expressible is not imported at all.
func importLifecycle(b *hclwrite.Body, bucket string, lc map[string]any, im *Imported) {
	raw := map[string]map[string]any{}
	list, _ := lc["Rules"].([]any)
	for _, e := range list {
		if r, ok := e.(map[string]any); ok {
			raw[str(r["ID"])] = r
		}
	}
	var skipped []string
	written := 0
	for _, r := range rules(canonLifecycle(lc)) {
		id := str(r["ID"])
		lost := liveOnly(raw[id])
		if n := num(r["NewerNoncurrentVersions"]); n > 0 {
			// NoncurrentDays alone would delete the newest versions the
			// rule keeps: leave the noncurrent expiration out whole.
			for i, l := range lost {
				if strings.HasPrefix(l, "NoncurrentVersionExpiration.NewerNoncurrentVersions") {
					lost[i] = fmt.Sprintf("NoncurrentVersionExpiration (NoncurrentDays %d with NewerNoncurrentVersions %d, left out whole: "+
						"the days alone would delete more)", int64(num(r["NoncurrentDays"])), int64(n))
				}
			}
			r = withoutKeys(r, "NoncurrentDays", "NewerNoncurrentVersions")
		}
		if !expressible(r) {
			skipped = append(skipped, fmt.Sprintf("%q (%s)", id, strings.Join(lost, ", ")))
			continue
		}
		written++
		narrowed := filterLost(lost)
		switch {
		case narrowed:
			shows := "the change that disables it"
			if r["Status"] != "Enabled" {
				shows = "the change that drops the filter of the rule, which stays disabled"
			}
			b.AppendUnstructuredTokens(comment(
				"import: S3 has more in lifecycle rule "+fmt.Sprintf("%q", id)+" than a spec can express, left out here:",
				"  "+strings.Join(lost, ", ")+".",
				"Without its filter the rule would apply to every object under its prefix, so it is imported disabled",
				"(enabled = false): plan shows "+shows+". Enable it only if it should apply to all of them."))
			im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s, lifecycle rule %q: a spec cannot express %s, so the imported "+
				"rule leaves them out and, since without that filter it would act on every object under its prefix, is written with "+
				"enabled = false. plan shows %s (it deletes nothing more); enable it in the spec only "+
				"if it should apply to all those objects.", bucket, id, strings.Join(lost, ", "), shows))
		case len(lost) > 0:
			b.AppendUnstructuredTokens(comment(
				"import: S3 has more in lifecycle rule "+fmt.Sprintf("%q", id)+" than a spec can express, left out here:",
				"  "+strings.Join(lost, ", ")+".",
				"plan shows the change that drops them; none of them makes the rule delete more."))
			im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s, lifecycle rule %q: a spec cannot express %s, so the imported "+
				"rule leaves them out. plan shows the change that drops them; it deletes nothing more.",
				bucket, id, strings.Join(lost, ", ")))
		}
		importRule(b, r, !narrowed)
	}
	if len(skipped) == 0 {
		return
	}
	then := "plan shows the change that removes them from the bucket's lifecycle configuration."
	if written == 0 {
		then = "the imported spec declares no lifecycle rule, so apply leaves the bucket's lifecycle configuration as it is."
	}
	im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: lifecycle rules %s are not imported: they have nothing a spec "+
		"can express; %s", bucket, strings.Join(skipped, ", "), then))
}

// expressible reports whether a canonical rule keeps an action once what
// a spec cannot express is left out.
func expressible(r map[string]any) bool {
	for _, t := range transitions(r) {
		if str(t["Date"]) == "" {
			return true
		}
	}
	return num(r["ExpirationDays"]) > 0 || num(r["NoncurrentDays"]) > 0 || num(r["AbortDays"]) > 0
}

func transitions(r map[string]any) []map[string]any {
	ts, _ := r["Transitions"].([]map[string]any)
	return ts
}

// liveOnly names, in S3 API terms, what a live rule (as
// GetBucketLifecycleConfiguration returns it) has that a spec cannot
// express.
func liveOnly(r map[string]any) []string {
	var out []string
	f, _ := r["Filter"].(map[string]any)
	and, _ := f["And"].(map[string]any)
	if t, ok := f["Tag"].(map[string]any); ok {
		out = append(out, fmt.Sprintf("Filter.Tag %s=%s", str(t["Key"]), str(t["Value"])))
	}
	if tags, ok := and["Tags"].([]any); ok && len(tags) > 0 {
		var kv []string
		for _, e := range tags {
			t, _ := e.(map[string]any)
			kv = append(kv, str(t["Key"])+"="+str(t["Value"]))
		}
		sort.Strings(kv)
		out = append(out, "Filter.And.Tags "+strings.Join(kv, " "))
	}
	for _, where := range []struct {
		m    map[string]any
		path string
	}{{f, "Filter"}, {and, "Filter.And"}} {
		for _, k := range []string{"ObjectSizeGreaterThan", "ObjectSizeLessThan"} {
			if v, ok := where.m[k]; ok && v != nil {
				out = append(out, fmt.Sprintf("%s.%s %d", where.path, k, int64(num(v))))
			}
		}
	}
	if ts, ok := r["Transitions"].([]any); ok {
		for _, e := range ts {
			t, _ := e.(map[string]any)
			if d := str(t["Date"]); d != "" {
				out = append(out, fmt.Sprintf("Transitions.Date %s (to %s)", d, str(t["StorageClass"])))
			}
		}
	}
	x, _ := r["Expiration"].(map[string]any)
	if d := str(x["Date"]); d != "" {
		out = append(out, "Expiration.Date "+d)
	}
	if x["ExpiredObjectDeleteMarker"] == true {
		out = append(out, "Expiration.ExpiredObjectDeleteMarker")
	}
	if nx, ok := r["NoncurrentVersionExpiration"].(map[string]any); ok && num(nx["NewerNoncurrentVersions"]) > 0 {
		out = append(out, fmt.Sprintf("NoncurrentVersionExpiration.NewerNoncurrentVersions %d", int64(num(nx["NewerNoncurrentVersions"]))))
	}
	if nts, ok := r["NoncurrentVersionTransitions"].([]any); ok && len(nts) > 0 {
		out = append(out, "NoncurrentVersionTransitions")
	}
	return out
}

// filterLost reports whether liveOnly names part of a rule's filter (a
// tag or size filter): left out, it would widen the rule.
func filterLost(lost []string) bool {
	for _, l := range lost {
		if strings.HasPrefix(l, "Filter.") {
			return true
		}
	}
	return false
}

// importRule writes the expressible part of a canonical rule, disabled
// unless mayEnable.
func importRule(b *hclwrite.Body, r map[string]any, mayEnable bool) {
	rb := b.AppendNewBlock("lifecycle_rule", []string{str(r["ID"])}).Body()
	rb.SetAttributeValue("enabled", cty.BoolVal(mayEnable && r["Status"] == "Enabled"))
	prefix := str(r["Prefix"])
	if and, ok := r["FilterAnd"].(map[string]any); ok && prefix == "" {
		prefix = str(and["Prefix"]) // the prefix part of an And filter
	}
	if prefix != "" {
		rb.SetAttributeValue("prefix", cty.StringVal(prefix))
	}
	for _, tm := range transitions(r) {
		if str(tm["Date"]) != "" {
			continue
		}
		tb := rb.AppendNewBlock("transition", nil).Body()
		tb.SetAttributeValue("days", cty.NumberIntVal(int64(num(tm["Days"]))))
		tb.SetAttributeValue("storage_class", cty.StringVal(str(tm["StorageClass"])))
	}
	for _, kv := range [][2]string{{"ExpirationDays", "expiration_days"}, {"NoncurrentDays", "noncurrent_expiration_days"}, {"AbortDays", "abort_incomplete_upload_days"}} {
		if d := num(r[kv[0]]); d > 0 {
			rb.SetAttributeValue(kv[1], cty.NumberIntVal(int64(d)))
		}
	}
}

// comment returns the tokens of a comment of one line per element. Line
// breaks inside an element (a live tag value, say) become spaces, so live
// text cannot end the comment and add HCL.
func comment(lines ...string) hclwrite.Tokens {
	var ts hclwrite.Tokens
	for _, l := range lines {
		l = strings.NewReplacer("\r", " ", "\n", " ").Replace(l)
		ts = append(ts, &hclwrite.Token{Type: hclsyntax.TokenComment, Bytes: []byte("# " + l + "\n")})
	}
	return ts
}
