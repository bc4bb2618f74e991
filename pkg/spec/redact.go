package spec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
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
	if l.spec == nil || len(l.spec.Secrets) == 0 {
		return diags
	}
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
	for _, d := range diags {
		d.Summary = out.Redact(d.Summary)
		d.Detail = out.Redact(d.Detail)
	}
	return diags
}

// Redact returns s with every access key found in the spec's files masked.
// Use it on any text about the spec that is printed and does not come from
// the model's redaction (sensitive attributes and documents).
func (l *Loaded) Redact(s string) string {
	if l == nil {
		return s
	}
	for _, secret := range l.secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, strings.Repeat(string(maskByte), len(secret)))
		}
	}
	return s
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
