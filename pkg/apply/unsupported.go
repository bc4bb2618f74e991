package apply

import (
	"errors"
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// skipUnsupported decides whether a write that a third-party endpoint
// rejected is skipped as unsupported, with a warning (AWS errors are never
// skipped). When it is not, it returns the error to stop the stage with.
//
//   - A GET probe that answered NotImplemented (errUnsupported) skips.
//   - NotImplemented or MethodNotAllowed to the write skips, unless the
//     write is a guardrail and the endpoint showed that it implements the
//     feature (provenFor).
//   - MalformedXML skips only when the feature is not proven and the write
//     is no guardrail: MinIO answers it to a PUT of a sub-resource it lacks
//     (access logging), but a server that has the feature answers it to a
//     document it refuses (a BucketKeyEnabled element, a KMS key form).
//     A guardrail that cannot be written stops the run before the grants,
//     as on AWS.
//   - A write of a type whose write was skipped earlier in the run
//     (*rejectedError) is not sent; it is decided on that earlier answer
//     as if it were its own, so a bucket whose configuration of the type is
//     live is refused whichever bucket wrote first.
//   - A bucket policy the server rejects (MinIO refuses service principals
//     and most aws: condition keys) is skipped only in the phases that add
//     access (service grants, full).
//
// A skipped bucket sub-resource is recorded (recordSkip): the live state
// keeps what it was, so later stages do not act as if it had been written.
// Messages name the endpoint without a password (endpointName).
func (e *Engine) skipUnsupported(p *Plan, c *Change, phase string, err error) (bool, error) {
	if e.C.Endpoint == "" {
		return false, err
	}
	answer := err
	var before *rejectedError
	if errors.As(err, &before) {
		answer = before.cause
	}
	code, ep := errorCode(answer), endpointName(e.C.Endpoint)
	switch {
	case errors.Is(err, errUnsupported) && before == nil:
	case code == "MalformedXML" || isUnsupported(answer):
		malformed, proven, guard := code == "MalformedXML", e.provenFor(p, c), guardrail(c.Type, phase)
		if malformed && (proven || guard) || proven && guard {
			return false, e.refuseSkip(c, phase, proven, before != nil, answer)
		}
		why := fmt.Sprintf("%s is not supported by %s (a write answered %s)", c.Type, ep, short(answer))
		if before != nil {
			why = before.why
		}
		e.recordSkip(p, c, why, answer)
	case c.Type == TBucketPolicy && (phase == phaseService || phase == phaseFull) && code == "MalformedPolicy":
		e.warnOnce(c.Key()+phase, fmt.Sprintf("%s %s: %s rejects the %s phase of the policy (%s); kept the previous phase, which grants less",
			c.Type, c.Name, ep, phase, apiMessage(err)))
		return true, nil
	default:
		return false, err
	}
	e.warnOnce(c.Type, fmt.Sprintf("%s is not supported by %s (%s); skipped, nothing was deleted", c.Type, ep, short(answer)))
	return true, nil
}

// guardrail reports whether a write of typ in phase is a guardrail: the
// grants must not follow when it cannot be written (apply-engine.md §2.2,
// steps 2 and 4). Those are the bucket's public access block, ownership
// controls, encryption and versioning, every write of the revoke phase
// (it removes access), and a bucket policy's deny-only phase. Tagging,
// written in the same stage, is none.
func guardrail(typ, phase string) bool {
	switch typ {
	case TPublicAccessBlock, TOwnership, TEncryption, TVersioning:
		return true
	}
	return phase == phaseRevoke || typ == TBucketPolicy && phase == phaseDeny
}

// provenFor reports whether the endpoint showed that it implements c's
// feature: its GET answered decisively (capCache.proven), or c's item has
// a live configuration, read or written in this run. An empty document
// proves nothing: MinIO answers GetBucketLogging with one although it
// cannot store access logging.
func (e *Engine) provenFor(p *Plan, c *Change) bool {
	if e.caps.proven(c.Type) {
		return true
	}
	if p == nil || p.live == nil {
		return false
	}
	m, ok := p.live.get(c.Key()).(map[string]any)
	return ok && len(m) > 0
}

// refuseSkip is the error of a rejected write that is not skipped as
// unsupported; before: the write was not sent, because an earlier write of
// its type got err.
func (e *Engine) refuseSkip(c *Change, phase string, proven, before bool, err error) error {
	what := fmt.Sprintf("%s %s", c.Type, c.Name)
	if c.Type == TBucketPolicy {
		what += " (" + phase + " phase)"
	}
	ep := endpointName(e.C.Endpoint)
	summary := fmt.Sprintf("%s: %s rejected the write (%s); not skipped as unsupported", what, ep, apiMessage(err))
	if before {
		summary = fmt.Sprintf("%s: not written: %s rejected an earlier write of %s (%s), but this one is not skipped as unsupported", what, ep, c.Type, apiMessage(err))
	}
	why := "it is a guardrail, which must hold before any grant"
	if proven {
		why = "the server showed that it implements " + c.Type + ", so the answer means it refuses this document, not that it lacks the feature"
		if before {
			why = fmt.Sprintf("%s of %s is live, so the server implements %s and the earlier answer means it refused that document, not that it lacks the feature", c.Type, c.Name, c.Type)
		}
		if guardrail(c.Type, phase) {
			why += "; it is also a guardrail, which must hold before any grant"
		}
	}
	return &Problem{Err: err,
		Summary: summary,
		Detail: fmt.Sprintf("teramotc stopped here because %s. Nothing later in the run (grants included) was applied. "+
			"Check what %s accepts for %s (see docs/apply.md, S3-compatible servers), change the spec or the server, and run apply again.",
			why, ep, c.Type)}
}

// recordSkip records a write of a bucket sub-resource skipped as
// unsupported, why, and the endpoint's answer: the run's live state marks
// the item (its state stays what it was, so later stages do not act as if
// it had been written), later buckets do not send the type's write, and
// reads of this Engine mark the type's items, so a plan made afterwards
// shows them as unsupported. Bucket policies are not recorded: each phase
// is decided on its own.
func (e *Engine) recordSkip(p *Plan, c *Change, why string, answer error) {
	if c.Type == TBucketPolicy || c.item == nil || c.item.Bucket == "" {
		return
	}
	e.caps.reject(c.Type, why, answer)
	if p != nil && p.live != nil {
		p.live.unsupported(c.Key(), why)
	}
}

func apiMessage(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode() + ": " + ae.ErrorMessage()
	}
	return err.Error()
}
