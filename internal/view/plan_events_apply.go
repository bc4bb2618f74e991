package view

import (
	"bytes"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/apply"
)

// ApplyProgress is the apply.Engine's Progress writer under apply -json.
// Every progress line still goes to the log (stderr); the lines naming a
// planned change become events:
//
//	LABEL: Creating... [phase]         apply_start
//	LABEL: Modifying...                apply_start
//	LABEL: retrying after ...          apply_progress
//	LABEL: still waiting ...           apply_progress
//	LABEL: Creation complete after 2s  apply_complete
//	Warning: ...                       diagnostic (warning)
//
// where LABEL is "type.name" with " (owner)" when the change has one, and
// a line may start with the elapsed time "[00m02s] ". Errored reports the
// changes that started and never completed.
type ApplyProgress struct {
	ev  *Events
	log io.Writer

	mu      sync.Mutex
	buf     []byte
	byLabel map[string]*apply.Change
	running map[*apply.Change]*runState
}

type runState struct {
	start time.Time
	phase string
}

// NewApplyProgress returns the Progress writer for applying p.
func NewApplyProgress(ev *Events, log io.Writer, p *apply.Plan) *ApplyProgress {
	a := &ApplyProgress{ev: ev, log: log, byLabel: map[string]*apply.Change{}, running: map[*apply.Change]*runState{}}
	for _, c := range p.Changes {
		a.byLabel[label(c)] = c
	}
	return a
}

// Write passes p to the log and turns each complete line into an event.
func (a *ApplyProgress) Write(p []byte) (int, error) {
	if a.log != nil {
		_, _ = a.log.Write(p)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.buf = append(a.buf, p...)
	for {
		i := bytes.IndexByte(a.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(a.buf[:i])
		a.buf = a.buf[i+1:]
		a.line(line)
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
			detail = err.Error()
		}
		verb := map[bool]string{true: "Creation", false: "Modifications"}[c.Action == apply.ActionCreate]
		a.hook("apply_errored", c, a.ev.now(), label(c)+": "+verb+" errored", detail)
		delete(a.running, c)
	}
}

func (a *ApplyProgress) line(line string) {
	if strings.HasPrefix(line, "[") {
		if i := strings.Index(line, "] "); i > 0 {
			line = line[i+2:]
		}
	}
	if w, ok := strings.CutPrefix(line, "Warning: "); ok {
		a.ev.Problem(hcl.DiagWarning, w, "")
		return
	}
	subject, rest, ok := strings.Cut(line, ": ")
	if !ok {
		return
	}
	c := a.lookup(subject)
	if c == nil {
		return
	}
	now := a.ev.now()
	switch {
	case strings.HasPrefix(rest, "Creating...") || strings.HasPrefix(rest, "Modifying..."):
		st := &runState{start: now}
		if i := strings.LastIndex(rest, " ["); i > 0 && strings.HasSuffix(rest, "]") {
			st.phase = rest[i+2 : len(rest)-1]
		}
		a.running[c] = st
		a.hook("apply_start", c, now, line, "")
	case strings.Contains(rest, " complete after "):
		a.hook("apply_complete", c, now, line, "")
		delete(a.running, c)
	case strings.HasPrefix(rest, "retrying after ") || strings.HasPrefix(rest, "still waiting"):
		a.hook("apply_progress", c, now, line, rest)
	}
}

// lookup finds the change a progress line names: by its full label, or
// (read-back waits name no owner) by "type.name" among the running
// changes, then among all.
func (a *ApplyProgress) lookup(subject string) *apply.Change {
	if c := a.byLabel[subject]; c != nil {
		return c
	}
	for c := range a.running {
		if c.Type+"."+c.Name == subject {
			return c
		}
	}
	return nil
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
