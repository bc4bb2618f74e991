package apply

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/teramot/teramotc/pkg/spec"
)

// ErrPlanEdited is returned when the changes of a plan file are not those
// of the fresh plan although its fingerprints match: the file was edited.
var ErrPlanEdited = errors.New("saved plan's changes differ from the fresh plan's")

// changeFields are the fields of a change in a plan file, in the order
// they are compared (the first that differs is named).
var changeFields = []string{"type", "name", "owner", "address", "action", "risk", "destructive", "reason",
	"step", "unsupported", "sensitive", "sensitive_changed", "before", "after"}

// checkChanges refuses a fresh plan whose changes are not the saved ones,
// compared as the plan file holds them (redacted, access keys masked, in
// order): apply performs exactly the plan that was reviewed, so a file
// whose changes were edited (a change dropped, a risk relabelled) is
// refused, naming the first difference, never applied as the fresh plan.
func checkChanges(saved []*Change, fresh *Plan) error {
	was, err := changesAsSaved(saved)
	if err != nil {
		return err
	}
	now, err := changesAsSaved(fresh.Redacted().Changes)
	if err != nil {
		return err
	}
	why := ""
	for i := 0; i < max(len(was), len(now)) && why == ""; i++ {
		switch {
		case i >= len(now):
			why = fmt.Sprintf("the plan file has %d changes, apply's plan %d: change %d, %s, is not in apply's plan", len(was), len(now), i+1, changeName(was[i]))
		case i >= len(was):
			why = fmt.Sprintf("the plan file has %d changes, apply's plan %d: change %d, %s, is not in the plan file", len(was), len(now), i+1, changeName(now[i]))
		default:
			why = changeDiff(i, was[i], now[i])
		}
	}
	if why == "" {
		return nil
	}
	return &Problem{Err: ErrPlanEdited,
		Summary: "the plan file's changes are not the plan apply made: " + why,
		Detail: "Apply performs exactly the saved plan. The spec and the live state are those of the plan file (its fingerprints match), " +
			"so its changes were edited after \"teramotc plan -out\" saved them, or another teramotc release saved it. Do not apply this file: " +
			"run \"teramotc plan -out=FILE\" again, review it with \"teramotc show FILE\", and apply the new file. Nothing was written."}
}

// changesAsSaved returns changes (already redacted) as a plan file holds
// them, decoded to JSON values so that a saved and a fresh plan compare
// alike.
func changesAsSaved(changes []*Change) ([]map[string]any, error) {
	b, err := json.Marshal(changes)
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	if err := json.Unmarshal([]byte(spec.MaskAccessKeys(string(b))), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// changeDiff names the first field in which change i differs, "" when it
// does not; the values of scalar fields are quoted (as masked in the file).
func changeDiff(i int, was, now map[string]any) string {
	for _, f := range changeFields {
		a, b := was[f], now[f]
		if reflect.DeepEqual(a, b) {
			continue
		}
		if f == "before" || f == "after" {
			return fmt.Sprintf("change %d, %s, has another %q", i+1, changeName(was), f)
		}
		return fmt.Sprintf("change %d, %s, has %s %s in the file, %s in apply's plan", i+1, changeName(was), f, scalar(a), scalar(b))
	}
	return ""
}

// changeName is TYPE.NAME of a change as saved, quoted.
func changeName(c map[string]any) string {
	t, _ := c["type"].(string)
	n, _ := c["name"].(string)
	return shown(t + "." + n)
}

// scalar renders a field's value for a message, escaped.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return "none"
	case string:
		return shown(v)
	case bool, float64:
		return fmt.Sprint(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return shown(string(b))
}
