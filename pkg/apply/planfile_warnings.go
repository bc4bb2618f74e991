package apply

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// ErrPlanWarnings is returned when the warnings of a plan file are not
// those of the fresh plan although its fingerprints and changes match: the
// access around the plan changed (a new holder of the grant's managed
// policy, an inline policy, group or access key of its user, a bucket ACL
// grant), or the file was edited. It is a stale plan (errors.Is
// ErrStalePlan).
var ErrPlanWarnings = fmt.Errorf("saved plan's warnings differ from the fresh plan's: %w", ErrStalePlan)

// checkWarnings refuses a fresh plan whose warnings are not the saved
// ones. The warnings name access the spec does not declare and apply
// keeps: who else holds a managed policy the plan may widen, what a user
// or role holds beyond its grant, a bucket's ACL grants, keys nobody may
// hold. They are read for the plan but are not part of the live
// fingerprint, so a reviewed plan would otherwise widen access that
// reaches holders nobody reviewed. They are compared as the plan file
// holds them (redacted, access keys masked), in any order; the request
// ids and message of an AWS error quoted in a read error are not compared,
// its code is (comparableWarning). A file whose warnings were deleted or
// edited is refused the same way, so that "teramotc show" of an applied
// file always showed its warnings.
func checkWarnings(saved []string, fresh *Plan) error {
	was, err := warningsAsSaved(saved)
	if err != nil {
		return err
	}
	now, err := warningsAsSaved(fresh.Redacted().Warnings)
	if err != nil {
		return err
	}
	why := ""
	if w, ok := firstMissing(now, was); ok {
		why = fmt.Sprintf("apply's plan warns %s, which the plan file does not", shown(w))
	} else if w, ok := firstMissing(was, now); ok {
		why = fmt.Sprintf("the plan file warns %s, which apply's plan does not", shown(w))
	}
	if why == "" {
		return nil
	}
	return &Problem{Err: ErrPlanWarnings,
		Summary: "the plan file's warnings are not those of the plan apply made: " + why,
		Detail: "The plan was reviewed with the file's warnings, which name access the spec does not declare and apply keeps " +
			"(who else holds the grant's managed policy, what a user or role holds beyond its grant, a bucket's ACL grants, access keys). " +
			"That access changed since the plan was made (a group attached to the policy, an inline policy or key added, an ACL grant), " +
			"or the file was edited; a change the plan widens would reach it unreviewed. Do not apply this file: run \"teramotc plan -out=FILE\" again, " +
			"review it and its warnings with \"teramotc show FILE\", and apply the new file. Nothing was written."}
}

// warningsAsSaved returns warnings (already redacted) as a plan file holds
// them: access keys masked as in the file's JSON.
func warningsAsSaved(warnings []string) ([]string, error) {
	b, err := json.Marshal(warnings)
	if err != nil {
		return nil, err
	}
	var out []string
	if err := json.Unmarshal([]byte(spec.MaskAccessKeys(string(b))), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// A warning that a read failed quotes the AWS error, whose text varies
// from one plan to the next although nothing changed: the ids AWS gives
// each request, and the message, which for AccessDenied names the
// caller's assumed-role session (random per process for a profile with
// role_arn and no role_session_name). Such a warning is therefore compared
// by the rest of its text (what could not be read, the service, operation
// and HTTP status) and the error code, without the ids and the message.
var (
	requestIDs = regexp.MustCompile(`\b(RequestID|HostID): [^,\s)]*`)
	apiError   = regexp.MustCompile(`\bapi error [A-Za-z0-9._-]+: `) // smithy.GenericAPIError, then the message
	// sessionName is the session of an assumed-role ARN (the caller's):
	// masked wherever it appears, for a message that is kept.
	sessionName = regexp.MustCompile(`(:assumed-role/[^/\s]+/)[^\s,;()]+`)
)

// comparableWarning returns what is compared of a warning. The message of
// a quoted AWS error ends at the ")" that closes the parenthesis the
// warning quotes the error in; a message with an unmatched "(" is kept
// (with its session names masked), so that it is compared as written.
func comparableWarning(w string) string {
	w = requestIDs.ReplaceAllString(w, "$1: ...")
	var b strings.Builder
	for {
		loc := apiError.FindStringIndex(w)
		if loc == nil {
			break
		}
		end := closingParen(w[loc[1]:])
		if end < 0 {
			break
		}
		b.WriteString(w[:loc[1]] + "...")
		w = w[loc[1]+end:]
	}
	b.WriteString(w)
	return sessionName.ReplaceAllString(b.String(), "$1...")
}

// closingParen returns the index of the first ")" of s that closes no "("
// of s, -1 when there is none.
func closingParen(s string) int {
	depth := 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth == 0:
			return i
		case r == ')':
			depth--
		}
	}
	return -1
}

// firstMissing returns the first warning of a that b lacks, counting
// repeats (the comparison ignores order, not multiplicity).
func firstMissing(a, b []string) (string, bool) {
	left := make([]string, len(b))
	for i, w := range b {
		left[i] = comparableWarning(w)
	}
	for _, w := range a {
		i := slices.Index(left, comparableWarning(w))
		if i < 0 {
			return w, true
		}
		left = slices.Delete(left, i, i+1)
	}
	return "", false
}
