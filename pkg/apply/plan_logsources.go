package apply

import (
	"fmt"
	"slices"
	"strings"
)

// deliveryServices are the service principals a log bucket's policy lets
// write logs: S3 server access logging and CloudTrail.
var deliveryServices = []string{"logging.s3.amazonaws.com", "cloudtrail.amazonaws.com"}

// warnLogSources warns about each log source (a bucket that writes access
// logs, a trail) that a log bucket's live policy lets deliver and that the
// spec's policy no longer names. A bucket policy is one document: the spec
// that declares the log bucket writes every delivery statement in it, so
// when two specs declare one log bucket each apply removes the other's
// sources, and their logs stop without an error anywhere (CloudTrail still
// reports IsLogging). The plan cannot tell a source dropped from this spec
// from one declared by another, so it names them and lets the operator
// decide. Nothing is read: both documents are already in the plan.
func warnLogSources(p *Plan) {
	for _, c := range p.Changes {
		if c.Type != TBucketPolicy || c.before == nil {
			continue
		}
		kept := deliverySources(c.item.Desired)
		var gone []string
		for _, src := range deliverySources(c.before) {
			if !slices.Contains(kept, src) {
				gone = append(gone, src)
			}
		}
		if len(gone) == 0 {
			continue
		}
		p.Warnings = append(p.Warnings, fmt.Sprintf("the bucket policy of %s lets %s deliver logs to it, and the spec no longer "+
			"names %s: applying removes that permission, and those logs stop arriving with no error. If another spec "+
			"declares this log bucket too, declare every bucket and trail that logs into it in one spec; if the source "+
			"was removed from this spec on purpose, nothing is lost",
			c.Name, strings.Join(gone, ", "), map[bool]string{true: "it", false: "them"}[len(gone) == 1]))
	}
}

// deliverySources lists, sorted, the aws:SourceArn values of the Allow
// statements of a canonical policy whose principal is a log-delivery
// service.
func deliverySources(doc any) []string {
	m, _ := doc.(map[string]any)
	stmts, _ := m["Statement"].([]any)
	var out []string
	for _, raw := range stmts {
		st, _ := raw.(map[string]any)
		if st["Effect"] != "Allow" || !deliveryPrincipal(st["Principal"]) {
			continue
		}
		ops, _ := st["Condition"].(map[string]any)
		for _, keys := range ops {
			km, _ := keys.(map[string]any)
			vals, _ := km["aws:sourcearn"].([]any)
			for _, v := range vals {
				if s, ok := v.(string); ok && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func deliveryPrincipal(v any) bool {
	m, _ := v.(map[string]any)
	svc, _ := m["Service"].([]any)
	for _, s := range svc {
		if str, ok := s.(string); ok && slices.Contains(deliveryServices, strings.ToLower(str)) {
			return true
		}
	}
	return false
}
