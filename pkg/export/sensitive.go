package export

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// sensitiveStrings returns every string value of the model that derives from
// a sensitive variable or holds an access key (attributes and tags marked
// Sensitive), in model order and without duplicates. Exporters replace each
// one by a parameter or variable, so that no exported file holds it.
func sensitiveStrings(s *spec.Spec) []string {
	var out []string
	add := func(v string) {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	spec.WalkSensitive(s, func(v reflect.Value) { collectStrings(v, add) }, nil)
	return out
}

// collectStrings passes every string inside v to add.
func collectStrings(v reflect.Value, add func(string)) {
	switch v.Kind() {
	case reflect.String:
		add(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectStrings(v.Elem(), add)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectStrings(v.Index(i), add)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			collectStrings(it.Value(), add)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collectStrings(v.Field(i), add)
			}
		}
	}
}

// sensitiveName is the parameter or variable name of the i-th sensitive
// value (from 1).
func sensitiveName(i int, cfn bool) string {
	if cfn {
		return fmt.Sprintf("SensitiveValue%d", i)
	}
	return fmt.Sprintf("sensitive_value_%d", i)
}

// parameterize replaces, in the CloudFormation resources res, every
// sensitive string not already a parameter by a NoEcho parameter added to
// params.
func parameterize(res, params map[string]any, s *spec.Spec) map[string]any {
	n := 0
	for _, v := range sensitiveStrings(s) {
		pname := sensitiveName(n+1, true)
		next := replaceString(res, v, cfnRef(pname)).(map[string]any)
		if reflect.DeepEqual(next, res) {
			continue // not in the template (or already a parameter)
		}
		n++
		res = next
		params[pname] = map[string]any{"Type": "String", "NoEcho": true,
			"Description": "A sensitive value of the spec (sensitive); give it when deploying."}
	}
	return res
}

// otherSensitive returns the sensitive strings that appear in the rendered
// documents and have no Terraform variable yet.
func (t *tfWriter) otherSensitive(out *render.Output) []string {
	var all []byte
	for _, d := range out.Documents {
		all = append(all, render.Marshal(d)...)
	}
	var vals []string
	for _, v := range sensitiveStrings(t.spec) {
		if _, done := t.secrets[v]; !done && bytes.Contains(all, []byte(v)) {
			vals = append(vals, v)
		}
	}
	return vals
}

// SensitiveError is returned by an export that would still hold a
// sensitive value, one embedded in a longer string (a bucket name from a
// sensitive variable inside its ARNs, a sensitive prefix inside an ARN),
// which no parameter or variable can replace.
type SensitiveError struct {
	Format string // "CloudFormation" or "Terraform"
}

func (e *SensitiveError) Error() string {
	return fmt.Sprintf("the %s export would hold a sensitive value inside a longer string "+
		"(such as a name or an ARN built from a sensitive variable), which cannot be made a parameter", e.Format)
}

// Hint says what to do about the refused export.
func (e *SensitiveError) Hint() string {
	return "Names are not secret in AWS (they appear in every ARN): give bucket, role, user, policy and trail names " +
		"and grant prefixes from variables that are not sensitive. Or use \"render -o DIR\" or " +
		"\"render -format aws-cli -o DIR\", which write the files holding sensitive values with mode 0600."
}

// checkNoSensitive refuses an export that still holds a sensitive value,
// for instance one embedded in a longer string (a sensitive prefix inside an
// ARN), which no parameter can replace. Values shorter than 6 characters
// are not checked: they occur by chance.
func checkNoSensitive(b []byte, s *spec.Spec, format string) error {
	if holdsSensitive(b, s, 6) {
		return &SensitiveError{Format: format}
	}
	return nil
}

// holdsSensitive reports whether b holds a sensitive string of the model of
// at least min bytes.
func holdsSensitive(b []byte, s *spec.Spec, min int) bool {
	for _, v := range sensitiveStrings(s) {
		if len(v) >= min && bytes.Contains(b, []byte(v)) {
			return true
		}
	}
	return false
}
