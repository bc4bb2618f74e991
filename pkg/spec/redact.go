package spec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Access keys written in a spec or a -var-file (the SecretHits of TMC705)
// must not be repeated by any output. Load therefore, once the model is
// built:
//
//   - remembers the secret texts (never in the model or its JSON),
//   - replaces Loaded.Files by copies with the secrets overwritten by '*'
//     (all source snippets are printed from them; lengths, and so ranges,
//     unchanged),
//   - marks every attribute and tag whose value holds one as Sensitive, so
//     rendered documents, inspect and rule messages redact it,
//   - masks them in its own diagnostics.
//
// Loaded.Redact masks them in any other text printed about the spec.
// Sensitive variables are hidden in redact_sensitive.go; their values
// written in files are masked here too (maskRanges).

// maskByte replaces each byte of a secret in file contents and printed text.
const maskByte = '*'

// hideSecrets applies the above to out and diags and returns the diagnostics.
func (l *loader) hideSecrets(out *Loaded, diags hcl.Diagnostics) hcl.Diagnostics {
	maskRanges(out, l.masks)
	if out.Spec != nil { // evaluation finished: the loader is ours
		out.sensitive = l.sensitiveVarTexts()
	}
	if l.spec != nil {
		for _, h := range l.spec.Secrets {
			f := out.Files[h.Range.Filename]
			if f == nil || h.Range.Start.Byte < 0 || h.Range.End.Byte > len(f.Bytes) || h.Range.Start.Byte >= h.Range.End.Byte {
				continue
			}
			text := string(f.Bytes[h.Range.Start.Byte:h.Range.End.Byte])
			if !slices.Contains(out.secrets, text) {
				out.secrets = append(out.secrets, text)
			}
		}
	}
	// After the loop above: these hits point at the calls, not the keys.
	l.readSecretHits(out)
	if len(out.secrets) == 0 {
		out.addModelSensitive()
		// Values derived in the model (a sensitive map's tag keys) may sit
		// in validation messages: redact them too. A spec without
		// sensitive values skips this.
		if len(out.sensitive) > 0 {
			out.sensitive.redact(diags)
		}
		return diags
	}
	// Mask every occurrence, not only the ranges found: the same key may sit
	// in a comment or a string the scanner did not attribute. The files are
	// copied, not changed: an evaluation stopped by its deadline may still
	// be reading them.
	for name, f := range out.Files {
		if masked := maskAll(f.Bytes, out.secrets); masked != nil {
			out.Files[name] = &hcl.File{Body: f.Body, Bytes: masked, Nav: f.Nav}
		}
	}
	if out.Spec != nil { // evaluation finished: the model is ours
		markSensitive(reflect.ValueOf(out.Spec), out.secrets)
	}
	out.addModelSensitive()
	for _, d := range diags {
		d.Summary = out.Redact(d.Summary)
		d.Detail = out.Redact(d.Detail)
	}
	return diags
}

// Redact returns s with every value given to a sensitive variable or
// derived from one (every string and number of an attribute or tag of the
// model marked Sensitive) replaced by "(sensitive value)", in the forms
// sensitiveTexts.replace knows (quoted, escaped, bare), after every access
// key found in the spec's files is masked by '*'. Use it on any text about the
// spec that is printed and does not come from the model's redaction: lint
// applies it to every finding, built-in or custom.
func (l *Loaded) Redact(s string) string {
	if l == nil {
		return s
	}
	s = l.maskKeys(s)
	if len(l.sensitive) == 0 {
		return s
	}
	return l.sensitive.replace(s)
}

// maskKeys returns s with every access key found in the spec's files
// overwritten by '*'.
func (l *Loaded) maskKeys(s string) string {
	for _, secret := range l.secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, strings.Repeat(string(maskByte), len(secret)))
		}
	}
	return s
}

// addModelSensitive adds to l.sensitive the strings and integers of every
// attribute and tag of the model marked Sensitive: values derived from a
// sensitive variable ("arn:...:${var.x}", upper(var.x)) and values holding
// an access key.
func (l *Loaded) addModelSensitive() {
	if l.Spec == nil {
		return
	}
	if l.sensitive == nil {
		l.sensitive = sensitiveTexts{}
	}
	texts := sensitiveTexts{}
	WalkSensitive(l.Spec, func(v reflect.Value) { addLeaves(v, texts) }, func(t Tags) { addTagLeaves(t, texts) })
	for text := range texts {
		// Redact masks keys first: look for the value as it is then. A value
		// that was nothing but a key stays masked by '*', like the files.
		if masked := l.maskKeys(text); strings.Trim(masked, string(maskByte)) != "" {
			l.sensitive[masked] = true
		}
	}
}

// KeysSensitive reports that the keys of t are secrets too: every tag is
// sensitive, as when the whole map derives from a sensitive value
// (tags = var.t). The keys of a map written in the spec with one sensitive
// value are not.
func (t Tags) KeysSensitive() bool {
	for _, e := range t.Entries {
		if !e.Sensitive {
			return false
		}
	}
	return len(t.Entries) > 0
}

// addTagLeaves adds the values of the sensitive tags of t to texts, and
// their keys when they are secrets too.
func addTagLeaves(t Tags, texts sensitiveTexts) {
	keys := t.KeysSensitive()
	for _, e := range t.Entries {
		if e.Sensitive && e.Value != "" {
			texts[e.Value] = true
		}
		if keys && e.Key != "" {
			texts[e.Key] = true
		}
	}
}

// addLeaves adds every string and integer inside v to texts.
func addLeaves(v reflect.Value, texts sensitiveTexts) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			texts[v.String()] = true
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		texts[strconv.FormatInt(v.Int(), 10)] = true
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			addLeaves(v.Elem(), texts)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			addLeaves(v.Index(i), texts)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			addLeaves(it.Value(), texts)
		}
	case reflect.Struct: // Principals
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				addLeaves(v.Field(i), texts)
			}
		}
	}
}

// maskAll returns a copy of b with every occurrence of the secrets masked,
// or nil when b holds none.
func maskAll(b []byte, secrets []string) []byte {
	var out []byte
	for _, secret := range secrets {
		for i := 0; ; {
			j := bytes.Index(b[i:], []byte(secret))
			if j < 0 {
				break
			}
			if out == nil {
				out = bytes.Clone(b)
			}
			for k := i + j; k < i+j+len(secret); k++ {
				out[k] = maskByte
			}
			i += j + len(secret)
		}
	}
	return out
}

var attrFields = []string{"Value", "Sensitive"}

// markSensitive walks the model and sets Sensitive on every Attr and Tag
// whose value contains one of the secrets.
func markSensitive(v reflect.Value, secrets []string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			markSensitive(v.Elem(), secrets)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			markSensitive(v.Index(i), secrets)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			markSensitive(it.Value(), secrets)
		}
	case reflect.Struct:
		val, sens := v.FieldByName(attrFields[0]), v.FieldByName(attrFields[1])
		if val.IsValid() && sens.IsValid() && sens.Kind() == reflect.Bool && sens.CanSet() {
			if holdsSecret(val, secrets) {
				sens.SetBool(true)
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				markSensitive(v.Field(i), secrets)
			}
		}
	}
}

func holdsSecret(v reflect.Value, secrets []string) bool {
	if !v.CanInterface() {
		return false
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return false
	}
	for _, s := range secrets {
		if strings.Contains(string(b), s) {
			return true
		}
	}
	return false
}
