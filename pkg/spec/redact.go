package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	// After the loop above, which reads the keys from the files as read.
	maskRanges(out, l.masks)
	// After the loop above: these hits point at the calls, not the keys.
	l.readSecretHits(out)
	if out.Spec != nil { // evaluation finished: the model is ours
		l.valueSecretHits(out)
	}
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
// derived from one (SensitiveStrings) replaced by RedactedText, in the
// forms sensitiveTexts.replace knows (quoted, escaped, bare), after every
// access key found in the spec's files is masked by '*'. Use it on any
// text about the spec that is printed and does not come from the model's
// redaction: lint applies it to every finding, built-in or custom.
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
// attribute and tag of the model marked Sensitive (SensitiveStrings): values
// derived from a sensitive variable ("arn:...:${var.x}", upper(var.x)) and
// values holding an access key.
func (l *Loaded) addModelSensitive() {
	if l.Spec == nil {
		return
	}
	if l.sensitive == nil {
		l.sensitive = sensitiveTexts{}
	}
	for _, text := range SensitiveStrings(l.Spec) {
		// Redact masks keys first: look for the value as it is then. A value
		// that was nothing but a key stays masked by '*', like the files.
		if masked := l.maskKeys(text); strings.Trim(masked, string(maskByte)) != "" {
			l.sensitive[masked] = true
		}
	}
}

// SensitiveStrings returns the strings and integers (in decimal) of every
// attribute and tag of s marked Sensitive, wherever they sit in the value
// (lists, maps, structs such as Principals), in model order and without
// duplicates: the values derived from a sensitive variable
// ("arn:aws:iam::${var.acct}:role/x", upper(var.x)) and the values holding
// an access key, as sent to AWS. A tag's key is included when it is a
// secret too (Tags.KeysSensitive). Loaded.Redact hides the same values in
// text about the spec; callers that print other text holding them (apply's
// plans and progress lines) mask these.
func SensitiveStrings(s *Spec) []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	WalkSensitive(s, func(v reflect.Value) { addLeaves(v, add) }, func(t Tags) { addTagLeaves(t, add) })
	return out
}

// KeysSensitive reports that the keys of t are secrets too
// (Tags.SensitiveKeys: the whole map derives from a sensitive value). The
// keys of a map written in the spec are not, even when all its values are
// sensitive: redacting a key such as "secret" would garble every text that
// holds the word (review rego2 L6).
func (t Tags) KeysSensitive() bool {
	return t.SensitiveKeys && len(t.Entries) > 0
}

// addTagLeaves passes the values of the sensitive tags of t to add, and
// their keys when they are secrets too.
func addTagLeaves(t Tags, add func(string)) {
	keys := t.KeysSensitive()
	for _, e := range t.Entries {
		if e.Sensitive {
			add(e.Value)
		}
		if keys {
			add(e.Key)
		}
	}
}

// addLeaves passes every string and integer inside v to add; map entries in
// the order of their keys.
func addLeaves(v reflect.Value, add func(string)) {
	switch v.Kind() {
	case reflect.String:
		add(v.String())
	case reflect.Int, reflect.Int64, reflect.Int32:
		add(strconv.FormatInt(v.Int(), 10))
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			addLeaves(v.Elem(), add)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			addLeaves(v.Index(i), add)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			addLeaves(v.MapIndex(k), add)
		}
	case reflect.Struct: // Principals
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				addLeaves(v.Field(i), add)
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
