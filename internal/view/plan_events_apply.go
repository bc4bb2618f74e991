package view

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/apply"
)

// ApplyProgress turns the apply.Engine's progress (Engine.OnProgress) into
// events under apply -json; the progress lines themselves still go to the
// log (stderr, ApplyLog):
//
//	ProgressStart     apply_start
//	ProgressRetry     apply_progress
//	ProgressWaiting   apply_progress
//	ProgressComplete  apply_complete
//	ProgressWarning   diagnostic (warning)
//	ProgressAdopted   (none: log only)
//	ProgressKeyFile   (none: log only; the outputs event lists key files)
//
// Errored reports the changes that started and never completed.
type ApplyProgress struct {
	ev *Events

	mu      sync.Mutex
	running map[*apply.Change]*runState
}

type runState struct {
	start time.Time
	phase string
}

// NewApplyProgress returns the progress handler of an apply that writes
// its events to ev.
func NewApplyProgress(ev *Events) *ApplyProgress {
	return &ApplyProgress{ev: ev, running: map[*apply.Change]*runState{}}
}

// Event is the Engine's OnProgress.
func (a *ApplyProgress) Event(p apply.ProgressEvent) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if p.Kind == apply.ProgressWarning {
		a.ev.Problem(hcl.DiagWarning, p.Detail, "")
		return
	}
	c := p.Change
	if c == nil || p.Kind == apply.ProgressAdopted || p.Kind == apply.ProgressKeyFile { // log-only kinds
		return
	}
	now := a.ev.now()
	verb := hookVerb(c, "Creation", "Modifications", "Destruction")
	switch p.Kind {
	case apply.ProgressStart:
		a.running[c] = &runState{start: now, phase: p.Phase}
		msg := label(c) + ": " + hookVerb(c, "Creating...", "Modifying...", "Destroying...")
		if p.Phase != "" {
			msg += " [" + p.Phase + "]"
		}
		a.hook("apply_start", c, now, msg, "")
	case apply.ProgressRetry, apply.ProgressWaiting:
		a.hook("apply_progress", c, now, label(c)+": "+p.Detail, p.Detail)
	case apply.ProgressComplete:
		a.hook("apply_complete", c, now, label(c)+": "+verb+" complete after "+p.Elapsed.Round(time.Second).String(), "")
		delete(a.running, c)
	}
}

// Errored ends the apply after err: each change that started and did not
// complete gets an apply_errored event, in label order.
func (a *ApplyProgress) Errored(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	var failed []*apply.Change
	for c := range a.running {
		failed = append(failed, c)
	}
	sort.Slice(failed, func(i, j int) bool { return label(failed[i]) < label(failed[j]) })
	for _, c := range failed {
		detail := ""
		if err != nil && strings.Contains(err.Error(), c.Type+" "+c.Name+":") {
			// The diagnostic's text: no request ids or HTTP statuses.
			detail = c.Mask(apply.ErrorSummary(err))
		}
		verb := hookVerb(c, "Creation", "Modifications", "Destruction")
		a.hook("apply_errored", c, a.ev.now(), label(c)+": "+verb+" errored", detail)
		delete(a.running, c)
	}
}

func (a *ApplyProgress) hook(typ string, c *apply.Change, now time.Time, msg, detail string) {
	h := &EventHook{Resource: resourceOf(c), Action: c.Action, Detail: detail}
	if st := a.running[c]; st != nil {
		h.Phase = st.phase
		h.ElapsedSeconds = int(now.Sub(st.start).Round(time.Second) / time.Second)
	}
	level := "info"
	if typ == "apply_errored" {
		level = "error"
	}
	a.ev.emitAt(&Event{Level: level, Message: msg, Type: typ, Hook: h}, now)
}

// hookVerb picks the word of a create, update or delete change.
func hookVerb(c *apply.Change, create, update, remove string) string {
	switch c.Action {
	case apply.ActionCreate:
		return create
	case apply.ActionDelete:
		return remove
	}
	return update
}
