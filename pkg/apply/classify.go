package apply

import (
	"fmt"
	"sort"
	"strings"
)

// classify says whether a change narrows access or auditing (tighten),
// widens access or narrows auditing (loosen), or neither (neutral), and
// why. before and want are canonical states (before nil: absent). When a
// change does both, it is loosen and the reason lists only what loosens.
// Every reason is built from sorted lists, so equal inputs give equal
// reasons.
func classify(it *Item, before, want any) (risk, reason string) {
	w, _ := want.(map[string]any)
	b, _ := before.(map[string]any)
	switch it.Type {
	case TBucket:
		return RiskNeutral, "new bucket (private by default, guardrails follow before any grant)"
	case TPublicAccessBlock:
		return classifyPAB(b, w)
	case TOwnership:
		return classifyOwnership(str(b["ObjectOwnership"]), str(w["ObjectOwnership"]))
	case TEncryption:
		return classifyEncryption(b, w)
	case TVersioning:
		switch {
		case w["Status"] == "Enabled":
			return RiskTighten, "keeps every object version"
		case b["Status"] == "Enabled":
			return RiskLoosen, "suspends versioning: overwritten and deleted objects are no longer kept"
		}
		return RiskNeutral, ""
	case TTagging:
		return RiskNeutral, ""
	case TLifecycle:
		// Deleting data is judged by shortensExpiration (Destructive).
		return RiskNeutral, ""
	case TLogging:
		return classifyLogging(b, w)
	case TTrail:
		return classifyTrail(b, w)
	case TEventSelectors:
		return classifySelectors(b, w, before == nil)
	case TTrailLogging:
		if w["IsLogging"] == true {
			return RiskTighten, "starts recording API activity"
		}
		return RiskLoosen, "stops the trail"
	case TIAMUser:
		if b == nil {
			return RiskNeutral, "identity without permissions"
		}
		if from, to := str(b["Path"]), str(w["Path"]); from != to {
			// review op3 L5: an existing user keeps its policies and keys
			return RiskNeutral, fmt.Sprintf("moves the user from path %s to %s: its ARN becomes ...:user%s%s, and a policy or condition naming the old ARN no longer matches it",
				from, to, to, str(w["UserName"]))
		}
		return RiskNeutral, "updates the user"
	case TIAMRole:
		if b == nil {
			return RiskNeutral, "identity without permissions (trust only)"
		}
		risk, reason = policyRisk(b["AssumeRolePolicyDocument"], w["AssumeRolePolicyDocument"])
		if old, cur := num(b["MaxSessionDuration"]), num(w["MaxSessionDuration"]); risk != RiskLoosen && cur > old {
			return RiskLoosen, fmt.Sprintf("sessions may last %v s instead of %v s", cur, old)
		} else if risk != RiskLoosen && cur < old {
			return RiskTighten, joinReason(reason, fmt.Sprintf("sessions last at most %v s instead of %v s", cur, old))
		}
		return risk, reason
	case TManagedPolicy:
		return policyRisk(b["PolicyDocument"], w["PolicyDocument"])
	case TBucketPolicy:
		return policyRisk(before, want)
	case TAttachment:
		return RiskLoosen, "grants the policy's permissions"
	case TAccessKey:
		return RiskLoosen, "creates long-lived credentials"
	}
	return RiskNeutral, ""
}

// verdict turns the lists of what loosens and what tightens into a risk
// and a reason (loosen wins; lists are sorted for stable reasons).
func verdict(loosen, tighten []string, neutral string) (string, string) {
	sort.Strings(loosen)
	sort.Strings(tighten)
	switch {
	case len(loosen) > 0:
		return RiskLoosen, strings.Join(loosen, "; ")
	case len(tighten) > 0:
		return RiskTighten, strings.Join(tighten, "; ")
	}
	return RiskNeutral, neutral
}

var pabFlags = []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"}

// classifyPAB lists every flag turned off (loosen) or on (tighten); an
// absent configuration has every flag off.
func classifyPAB(b, w map[string]any) (string, string) {
	var off, on []string
	for _, k := range pabFlags {
		was, is := b[k] == true, w[k] == true
		switch {
		case was && !is:
			off = append(off, k)
		case !was && is:
			on = append(on, k)
		}
	}
	switch {
	case len(off) > 0:
		return RiskLoosen, strings.Join(off, ", ") + " turned off"
	case len(on) > 0:
		return RiskTighten, "blocks public access (" + strings.Join(on, ", ") + " turned on)"
	}
	return RiskNeutral, ""
}

func classifyOwnership(was, is string) (string, string) {
	switch {
	case is == "BucketOwnerEnforced":
		return RiskTighten, "disables ACLs"
	case was == "" || was == "BucketOwnerEnforced":
		// A bucket without ownership controls has ACLs disabled (the
		// default since April 2023).
		return RiskLoosen, "enables ACLs (" + is + ")"
	case is == "ObjectWriter":
		return RiskLoosen, "uploaders keep ownership of their objects (ObjectWriter)"
	}
	return RiskTighten, "the bucket owner owns new objects (" + is + ", ACLs stay enabled)"
}

// sseStrength ranks default encryption algorithms: none < SSE-S3 <
// SSE-KMS < DSSE-KMS.
var sseStrength = map[string]int{"": 0, "AES256": 1, "aws:kms": 2, "aws:kms:dsse": 3}

func classifyEncryption(b, w map[string]any) (string, string) {
	was, is := str(b["SSEAlgorithm"]), str(w["SSEAlgorithm"])
	wk, ik := str(b["KMSMasterKeyID"]), str(w["KMSMasterKeyID"])
	switch {
	case b == nil:
		return RiskTighten, "default encryption (" + is + ")"
	case sseStrength[is] < sseStrength[was]:
		return RiskLoosen, fmt.Sprintf("encryption weakened from %s to %s", orNone(was), orNone(is))
	case sseStrength[is] > sseStrength[was]:
		return RiskTighten, fmt.Sprintf("encryption strengthened from %s to %s", orNone(was), orNone(is))
	case wk != ik:
		// Whoever may use the new key can read new objects: review it.
		return RiskLoosen, fmt.Sprintf("new objects encrypted with KMS key %s instead of %s", orNone(ik), orNone(wk))
	}
	return RiskNeutral, "bucket key setting"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func s3URL(m map[string]any, bucket, prefix string) string {
	return "s3://" + str(m[bucket]) + "/" + str(m[prefix])
}

func classifyLogging(b, w map[string]any) (string, string) {
	switch {
	case len(w) == 0 && len(b) == 0:
		return RiskNeutral, ""
	case len(w) == 0:
		return RiskLoosen, "disables access logging (was to " + s3URL(b, "TargetBucket", "TargetPrefix") + ")"
	case len(b) == 0:
		return RiskTighten, "records every request (to " + s3URL(w, "TargetBucket", "TargetPrefix") + ")"
	}
	// Moving the logs elsewhere is no more auditing, and the current
	// target stops receiving them.
	return RiskLoosen, "access logs move from " + s3URL(b, "TargetBucket", "TargetPrefix") + " to " + s3URL(w, "TargetBucket", "TargetPrefix")
}

var trailFlags = []string{"EnableLogFileValidation", "IncludeGlobalServiceEvents", "IsMultiRegionTrail"}

func classifyTrail(b, w map[string]any) (string, string) {
	if b == nil {
		return RiskTighten, "records API activity"
	}
	var loosen, tighten []string
	for _, k := range trailFlags {
		was, is := b[k] == true, w[k] == true
		switch {
		case was && !is:
			loosen = append(loosen, k+" turned off")
		case !was && is:
			tighten = append(tighten, k+" turned on")
		}
	}
	if from, to := s3URL(b, "S3BucketName", "S3KeyPrefix"), s3URL(w, "S3BucketName", "S3KeyPrefix"); from != to {
		loosen = append(loosen, "trail logs move from "+from+" to "+to)
	}
	switch wk, ik := str(b["KmsKeyId"]), str(w["KmsKeyId"]); {
	case wk == ik:
	case ik == "":
		loosen = append(loosen, "trail logs no longer encrypted with KMS key "+wk)
	case wk == "":
		tighten = append(tighten, "trail logs encrypted with KMS key "+ik)
	default:
		loosen = append(loosen, "trail logs encrypted with KMS key "+ik+" instead of "+wk)
	}
	return verdict(loosen, tighten, "")
}
