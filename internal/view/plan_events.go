package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/apply"
)

// UIVersion is the version of the JSON Lines stream written by plan -json
// and apply -json (the "ui" field of the version event). Adding event types
// or fields keeps it; renaming or removing one bumps it.
const UIVersion = "1.0"

// EventModule is the "@module" of every event.
const EventModule = "teramotc.ui"

// eventTime is RFC 3339 with a fixed six-digit fraction, as Terraform's.
const eventTime = "2006-01-02T15:04:05.000000Z07:00"

// Event is one line of the plan/apply stream, shaped like Terraform's
// machine-readable UI: the @-fields and type are always present; the
// other fields belong to one type each.
type Event struct {
	Level     string `json:"@level"` // "info", "warn" or "error"
	Message   string `json:"@message"`
	Module    string `json:"@module"`
	Timestamp string `json:"@timestamp"`
	Type      string `json:"type"`

	Teramotc   string                 `json:"teramotc,omitempty"` // version
	UI         string                 `json:"ui,omitempty"`       // version
	Diagnostic *JSONDiagnostic        `json:"diagnostic,omitempty"`
	Change     *EventChange           `json:"change,omitempty"`  // planned_change
	Changes    *EventSummary          `json:"changes,omitempty"` // change_summary
	Hook       *EventHook             `json:"hook,omitempty"`    // apply_*
	Outputs    map[string]EventOutput `json:"outputs,omitempty"`
}

// EventResource names the AWS resource of a change: Addr is
// "type.name", the label of the apply progress lines; Owner is the
// principal of a policy attachment ("" otherwise); Address is the spec
// block the resource comes from. Every field is always present.
type EventResource struct {
	Addr         string `json:"addr"`
	ResourceType string `json:"resource_type"`
	ResourceName string `json:"resource_name"`
	Owner        string `json:"owner"`
	Address      string `json:"spec_address"`
}

// EventChange is the change of a planned_change event: the fields of a
// change in the plan document, values redacted. Unlike the plan document,
// which leaves out an empty reason or unsupported and a false sensitive,
// every field is always present ("" or false).
type EventChange struct {
	Resource    EventResource `json:"resource"`
	Action      string        `json:"action"` // "create", "update" or "delete"
	Risk        string        `json:"risk"`
	Destructive bool          `json:"destructive"`
	Reason      string        `json:"reason"`
	Step        int           `json:"step"`
	Unsupported string        `json:"unsupported"`
	Sensitive   bool          `json:"sensitive"`
	Before      any           `json:"before"`
	After       any           `json:"after"`
}

// EventSummary is the count of a change_summary event. Remove counts the
// policy attachments of revoked grants that apply detaches (the only
// resources teramotc removes).
type EventSummary struct {
	Add       int    `json:"add"`
	Change    int    `json:"change"`
	Remove    int    `json:"remove"`
	Operation string `json:"operation"` // "plan" or "apply"
}

// EventHook is the resource progress of apply_start, apply_progress,
// apply_complete and apply_errored. Every field is always present: Phase
// is "" outside the bucket-policy phases, Detail "" except in
// apply_progress and in an apply_errored whose error names the change.
type EventHook struct {
	Resource       EventResource `json:"resource"`
	Action         string        `json:"action"`
	Phase          string        `json:"phase"` // bucket-policy phase
	ElapsedSeconds int           `json:"elapsed_seconds"`
	Detail         string        `json:"detail"` // apply_progress, apply_errored
}

// EventOutput is one value of an outputs event.
type EventOutput struct {
	Sensitive bool `json:"sensitive"`
	Type      any  `json:"type"`
	Value     any  `json:"value"`
}

// Events writes the plan/apply stream: one JSON object per line, written
// with one Write, safe for concurrent use. The first write error is kept
// and returned by Err; later events are dropped.
type Events struct {
	mu  sync.Mutex
	w   io.Writer
	now func() time.Time
	err error
}

// NewEvents returns an Events writing to w, stamping events with now.
func NewEvents(w io.Writer, now func() time.Time) *Events {
	if now == nil {
		now = time.Now
	}
	return &Events{w: w, now: now}
}

// Err returns the first write error.
func (e *Events) Err() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

// Emit stamps ev (@module, @timestamp) and writes it as one line.
func (e *Events) Emit(ev *Event) { e.emitAt(ev, e.now()) }

func (e *Events) emitAt(ev *Event, now time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return
	}
	ev.Module = EventModule
	ev.Timestamp = now.Format(eventTime)
	var b bytes.Buffer
	enc := json.NewEncoder(&b) // ends the line with "\n"
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ev); err != nil {
		e.err = err
		return
	}
	_, e.err = e.w.Write(b.Bytes())
}

// Version writes the version event, the first of every stream.
func (e *Events) Version(version string) {
	e.Emit(&Event{Level: "info", Message: "teramotc " + version, Type: "version", Teramotc: version, UI: UIVersion})
}

// Diagnostics writes one diagnostic event per diagnostic, with the object
// of validate -json (snippets when the file is in files).
func (e *Events) Diagnostics(diags hcl.Diagnostics, files map[string]*hcl.File) {
	for _, d := range diags {
		e.diagnostic(NewJSONDiagnostic(d, files))
	}
}

// Problem writes an error or warning diagnostic without a source range.
func (e *Events) Problem(severity hcl.DiagnosticSeverity, summary, detail string) {
	e.Diagnostics(hcl.Diagnostics{{Severity: severity, Summary: summary, Detail: detail}}, nil)
}

func (e *Events) diagnostic(d *JSONDiagnostic) {
	level, title := "error", "Error: "
	if d.Severity == "warning" {
		level, title = "warn", "Warning: "
	}
	e.Emit(&Event{Level: level, Message: title + d.Summary, Type: "diagnostic", Diagnostic: d})
}

// Plan writes the plan: its warnings, one planned_change per change (values
// redacted) and a change_summary with operation "plan".
func (e *Events) Plan(p *apply.Plan) {
	r := p.Redacted()
	for _, w := range r.Warnings {
		e.Problem(hcl.DiagWarning, w, "")
	}
	for _, c := range r.Changes {
		e.Emit(&Event{Level: "info", Message: fmt.Sprintf("%s: Plan to %s", label(c), c.Action), Type: "planned_change",
			Change: &EventChange{Resource: resourceOf(c), Action: c.Action, Risk: c.Risk, Destructive: c.Destructive,
				Reason: c.Reason, Step: c.Step, Unsupported: c.Unsupported, Sensitive: c.Sensitive, Before: c.Before, After: c.After}})
	}
	add, change := p.Counts()
	e.SummaryRemove("plan", add, change, p.Removals())
}

// Summary writes a change_summary event that removes nothing.
func (e *Events) Summary(operation string, add, change int) {
	e.SummaryRemove(operation, add, change, 0)
}

// SummaryRemove writes a change_summary event.
func (e *Events) SummaryRemove(operation string, add, change, remove int) {
	msg := fmt.Sprintf("Plan: %d to add, %d to change, %d to destroy.", add, change, remove)
	if operation == "apply" {
		msg = fmt.Sprintf("Apply complete! Resources: %d added, %d changed, %d destroyed.", add, change, remove)
	}
	e.Emit(&Event{Level: "info", Message: msg, Type: "change_summary",
		Changes: &EventSummary{Add: add, Change: change, Remove: remove, Operation: operation}})
}

// ApplyOutputs writes the outputs event of a finished apply: the files
// created access keys were written to (never the keys).
func (e *Events) ApplyOutputs(keyFiles []string) {
	files := append([]string{}, keyFiles...)
	e.Emit(&Event{Level: "info", Message: outputsMessage(len(files)), Type: "outputs", Outputs: map[string]EventOutput{
		"access_key_files": {Type: []string{"list", "string"}, Value: files},
	}})
}

// outputsMessage counts the one output, as Terraform does, and says what
// it holds, so that "Outputs: 1" is not read as one key file.
func outputsMessage(files int) string {
	switch files {
	case 0:
		return "Outputs: 1 (access_key_files: none, no access key was created)"
	case 1:
		return "Outputs: 1 (access_key_files: 1 file)"
	}
	return fmt.Sprintf("Outputs: 1 (access_key_files: %d files)", files)
}

func resourceOf(c *apply.Change) EventResource {
	return EventResource{Addr: c.Type + "." + c.Name, ResourceType: c.Type, ResourceName: c.Name, Owner: c.Owner, Address: c.Address}
}

// label is how apply's progress lines name a change: "type.name", then
// " (owner)" when it has one.
func label(c *apply.Change) string {
	if c.Owner != "" {
		return c.Type + "." + c.Name + " (" + c.Owner + ")"
	}
	return c.Type + "." + c.Name
}
