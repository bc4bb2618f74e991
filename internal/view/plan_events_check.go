package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// EventTypes are the types of the plan/apply event stream.
var EventTypes = []string{"version", "diagnostic", "planned_change", "change_summary",
	"apply_start", "apply_progress", "apply_complete", "apply_errored", "outputs"}

// CheckEventLines checks the contract of a plan/apply -json stream: it is
// not empty, every line (each ending in a newline) is one JSON object with
// string fields @level, @message, @module ("teramotc.ui"), @timestamp
// (RFC 3339 with a fraction of a second) and a known type. It returns the
// first violation, naming its line.
func CheckEventLines(out []byte) error {
	if len(out) == 0 {
		return fmt.Errorf("no events")
	}
	if out[len(out)-1] != '\n' {
		return fmt.Errorf("the last line does not end in a newline")
	}
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
		if typ := obj["type"].(string); !known[typ] {
			return fmt.Errorf("line %d has unknown type %q", i+1, typ)
		}
	}
	return nil
}
