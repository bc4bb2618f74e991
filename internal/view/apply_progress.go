package view

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/teramot/teramotc/pkg/apply"
)

// ApplyLog writes an apply's progress (Engine.OnProgress) as log lines,
// to stderr:
//
//	[00m03s] s3_bucket.logs: Creating...
//	[00m05s] s3_bucket.logs: Creation complete after 2s
//	Warning: public-access-block is not supported by ...; skipped
//
// The events come masked, and a warning once per fact (the engine
// decides what repeats); ApplyLog only words them.
type ApplyLog struct {
	mu sync.Mutex
	w  io.Writer
}

// NewApplyLog returns the progress log of an apply, written to w.
func NewApplyLog(w io.Writer) *ApplyLog { return &ApplyLog{w: w} }

// Event is the Engine's OnProgress.
func (l *ApplyLog) Event(p apply.ProgressEvent) {
	line := applyLogLine(p)
	if line == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	io.WriteString(l.w, line)
}

// applyLogLine is the log line of p, with its newline and its control
// characters escaped; "" for a kind it does not know.
func applyLogLine(p apply.ProgressEvent) string {
	var msg string
	switch p.Kind {
	case apply.ProgressWarning:
		return "Warning: " + escapeControls(p.Detail) + "\n"
	case apply.ProgressStart:
		verb := "Modifying"
		if p.Change != nil {
			verb = hookVerb(p.Change, "Creating", "Modifying", "Destroying")
		}
		msg = p.Subject + ": " + verb + "..."
		if p.Phase != "" {
			msg += " [" + p.Phase + "]"
		}
	case apply.ProgressComplete:
		what := "Modifications"
		if p.Change != nil {
			what = hookVerb(p.Change, "Creation", "Modifications", "Destruction")
		}
		msg = fmt.Sprintf("%s: %s complete after %s", p.Subject, what, p.Elapsed.Round(time.Second))
	case apply.ProgressRetry:
		msg = p.Subject + ": " + p.Detail
	case apply.ProgressWaiting:
		msg = fmt.Sprintf("%s: still waiting for the write to read back... [%s elapsed]", p.Subject, clock(p.Elapsed))
	case apply.ProgressAdopted:
		msg = fmt.Sprintf("%s: %s answered %s after %d attempts of this run, an earlier one of which may have created it: continuing with it",
			p.Subject, p.Call, p.Code, p.Attempts)
	case apply.ProgressKeyFile:
		msg = fmt.Sprintf("access key of user %s written to %s (mode 0600)", p.Subject, p.Detail)
	default:
		return ""
	}
	// Names come from the spec (or a crafted plan file): a control
	// character is escaped, so a newline cannot start a line of their
	// own, which a CI runner could read as a workflow command ("::").
	return "[" + clock(p.Since) + "] " + escapeControls(msg) + "\n"
}

// clock writes d, to the second, as 01m02s.
func clock(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%02dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}
