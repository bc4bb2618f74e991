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
// reports IsLogging). A source the spec still declares (a trail or an
// access-logged bucket whose logs move to another bucket or prefix: its
// change says where) is not warned about (review op3 L2). For a source
// the spec no longer declares, the warning says that teramotc neither
// stops nor deletes it: if it still exists and logs, its logs can no
// longer be delivered after this apply, so it gives the commands that stop
// it (review op3 M4). Nothing is read: both documents and the spec's
// sources are already in the plan.
func warnLogSources(p *Plan) {
	for _, c := range p.Changes {
		if c.Type != TBucketPolicy || c.before == nil {
			continue
		}
		kept := deliverySources(c.item.Desired)
		var gone []string
		for _, src := range deliverySources(c.before) {
			if !slices.Contains(kept, src) && !p.declaresSource(src) {
				gone = append(gone, src)
			}
		}
		if len(gone) == 0 {
			continue
		}
		var stop []string
		for _, src := range gone {
			stop = append(stop, stopCommand(src))
		}
		p.Warnings = append(p.Warnings, fmt.Sprintf("the bucket policy of %s lets %s deliver logs to it, and the spec no longer "+
			"declares %s: applying removes that permission. teramotc never stops or deletes a trail or turns off a bucket's access logging "+
			"the spec does not declare, so if %s still exists and logs here, it keeps running but its logs cannot be delivered after this apply, "+
			"and they are lost with no error (CloudTrail still reports IsLogging). Stop it (%s), or keep it in the spec; "+
			"if another spec declares this log bucket too, declare every bucket and trail that logs into it in one spec. "+
			"A source that no longer exists loses nothing",
			c.Name, strings.Join(gone, ", "), map[bool]string{true: "it", false: "them"}[len(gone) == 1],
			map[bool]string{true: "it", false: "one"}[len(gone) == 1], strings.Join(stop, "; ")))
	}
}

// declaresSource reports whether the spec of the plan still delivers logs
// from src: a trail of the spec (by name and region), or a bucket of the
// spec whose access logging is on.
func (p *Plan) declaresSource(src string) bool {
	for _, it := range p.items {
		switch it.Type {
		case TTrail:
			if region, name, ok := trailOfARN(src); ok && name == it.Name && (it.Region == "" || region == it.Region) {
				return true
			}
		case TLogging:
			w, _ := it.Desired.(map[string]any)
			if b, ok := bucketOfARN(src); ok && b == it.Bucket && str(w["TargetBucket"]) != "" {
				return true
			}
		}
	}
	return false
}

// trailOfARN splits arn:PARTITION:cloudtrail:REGION:ACCOUNT:trail/NAME.
func trailOfARN(arn string) (region, name string, ok bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[2] != "cloudtrail" || !strings.HasPrefix(parts[5], "trail/") {
		return "", "", false
	}
	return parts[3], strings.TrimPrefix(parts[5], "trail/"), true
}

// bucketOfARN is the bucket of arn:PARTITION:s3:::NAME.
func bucketOfARN(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[2] != "s3" || parts[5] == "" || strings.Contains(parts[5], "/") {
		return "", false
	}
	return parts[5], true
}

// stopCommand is the command that stops the log source src.
func stopCommand(src string) string {
	if region, name, ok := trailOfARN(src); ok {
		return fmt.Sprintf("aws cloudtrail stop-logging --region %s --name %s, or delete-trail", region, name)
	}
	if b, ok := bucketOfARN(src); ok {
		return fmt.Sprintf("aws s3api put-bucket-logging --bucket %s --bucket-logging-status '{}'", b)
	}
	return "the service that delivers as " + src
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
