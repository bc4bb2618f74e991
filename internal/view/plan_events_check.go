package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// EventTypes are the types of the plan/apply event stream.
var EventTypes = []string{"version", "diagnostic", "planned_change", "change_summary",
	"apply_start", "apply_progress", "apply_complete", "apply_errored", "outputs"}

// CheckEventLines checks the contract of a plan/apply -json stream: it is
// not empty, every line (each ending in a newline) is one JSON object with
// string fields @level, @message, @module ("teramotc.ui"), @timestamp
// (RFC 3339 with a fraction of a second) and a known type, and the events
// come in the documented order (see eventOrder). It returns the first
// violation, naming its line. out may be a part of a stream (the view's
// tests emit a few events), so it need not start with the version event.
func CheckEventLines(out []byte) error {
	if len(out) == 0 {
		return fmt.Errorf("no events")
	}
	if out[len(out)-1] != '\n' {
		return fmt.Errorf("the last line does not end in a newline")
	}
	var order eventOrder
	known := map[string]bool{}
	for _, t := range EventTypes {
		known[t] = true
	}
	for i, line := range bytes.Split(out[:len(out)-1], []byte("\n")) {
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			return fmt.Errorf("line %d is not a JSON object: %v: %q", i+1, err, line)
		}
		for _, f := range []string{"@level", "@message", "@module", "@timestamp", "type"} {
			if _, ok := obj[f].(string); !ok {
				return fmt.Errorf("line %d has no string %s: %s", i+1, f, line)
			}
		}
		if m := obj["@module"]; m != EventModule {
			return fmt.Errorf("line %d has @module %q, want %q", i+1, m, EventModule)
		}
		ts := obj["@timestamp"].(string)
		if _, err := time.Parse(time.RFC3339Nano, ts); err != nil || !bytes.Contains([]byte(ts), []byte(".")) {
			return fmt.Errorf("line %d: @timestamp %q is not RFC 3339 with fractional seconds", i+1, ts)
		}
		typ := obj["type"].(string)
		if !known[typ] {
			return fmt.Errorf("line %d has unknown type %q", i+1, typ)
		}
		if typ == "change_summary" {
			changes, _ := obj["changes"].(map[string]any)
			op, _ := changes["operation"].(string)
			typ += "/" + op
		}
		if err := order.next(typ); err != nil {
			return fmt.Errorf("line %d: %v", i+1, err)
		}
	}
	return order.end()
}

// eventOrder checks the order of a stream's events, as docs/cli.md gives
// it: version (first, once); diagnostics anywhere; planned_change events,
// then the plan change_summary; the apply_* events after it; then the
// apply change_summary followed by outputs, the last event. A failed apply
// has no apply change_summary: it may end with outputs (access keys
// already written) and diagnostics.
type eventOrder struct {
	n                                      int // events seen
	planSummary, applyEvents, applySummary bool
	outputs, ended                         bool
}

func (o *eventOrder) next(typ string) error {
	defer func() { o.n++ }()
	switch {
	case o.ended:
		return fmt.Errorf("%s after the outputs that end a successful apply", typ)
	case o.outputs && typ != "diagnostic":
		return fmt.Errorf("%s after outputs (only diagnostics may follow it, in a failed apply)", typ)
	case o.applySummary && typ != "outputs":
		return fmt.Errorf("%s after the apply change_summary, want outputs", typ)
	}
	switch typ {
	case "version":
		if o.n > 0 {
			return fmt.Errorf("version is not the first event")
		}
	case "planned_change":
		if o.planSummary || o.applyEvents {
			return fmt.Errorf("planned_change after the plan change_summary or the apply events")
		}
	case "change_summary/plan":
		if o.planSummary || o.applyEvents {
			return fmt.Errorf("a second plan change_summary, or one after the apply events")
		}
		o.planSummary = true
	case "change_summary/apply":
		o.applySummary = true
	case "apply_start", "apply_progress", "apply_complete", "apply_errored":
		o.applyEvents = true
	case "outputs":
		o.outputs = true
		o.ended = o.applySummary
	case "diagnostic":
	default:
		return fmt.Errorf("change_summary with operation %q, want plan or apply", strings.TrimPrefix(typ, "change_summary/"))
	}
	return nil
}

// end checks that an apply change_summary was followed by outputs.
func (o *eventOrder) end() error {
	if o.applySummary && !o.outputs {
		return fmt.Errorf("the apply change_summary is not followed by outputs, the last event of a successful apply")
	}
	return nil
}
