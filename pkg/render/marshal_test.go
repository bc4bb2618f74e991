package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarshal(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"empty object", map[string]any{}, "{}\n"},
		{"empty array", map[string]any{"a": []any{}}, "{\n  \"a\": []\n}\n"},
		{"policy order then bytes", map[string]any{
			"Condition": "c", "Resource": "r", "Action": "a", "Principal": "*", "Effect": "e", "Sid": "s",
			"b": 1, "Z": true, "ID": "id",
		}, "{\n  \"ID\": \"id\",\n  \"Sid\": \"s\",\n  \"Effect\": \"e\",\n  \"Principal\": \"*\",\n  \"Action\": \"a\",\n  \"Resource\": \"r\",\n  \"Condition\": \"c\",\n  \"Z\": true,\n  \"b\": 1\n}\n"},
		{"version before statement", map[string]any{"Statement": []any{}, "Version": "2012-10-17"},
			"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n"},
		{"nested indent", []any{map[string]any{"k": []string{"x", "y"}}},
			"[\n  {\n    \"k\": [\n      \"x\",\n      \"y\"\n    ]\n  }\n]\n"},
		{"no HTML escaping", "a<b>&c", "\"a<b>&c\"\n"},
		{"escapes", "q\"b\\n\nt\tc\x01\u2028", "\"q\\\"b\\\\n\\nt\\tc\\u0001\\u2028\"\n"},
		{"invalid utf-8", "a\xffb", "\"a\ufffdb\"\n"},
		{"numbers", []any{1, int64(-2), 1.5, false, nil}, "[\n  1,\n  -2,\n  1.5,\n  false,\n  null\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, string(MarshalValue(tt.in))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzMarshal checks that any string, as key or value, encodes to valid JSON
// that decodes to the same string (each invalid UTF-8 byte replaced by U+FFFD).
func FuzzMarshal(f *testing.F) {
	for _, seed := range []string{"", "teramot-data-acme", "a\"b\\c", "<&>", "\x00\x1f\u2028\u2029", "\xff\xfe", "é漢字🙂"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := MarshalValue(map[string]any{s: []any{s}})
		var got map[string][]string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("invalid JSON for %q: %v\n%s", s, err, b)
		}
		want := string([]rune(s)) // each invalid byte becomes U+FFFD, as in encoding/json
		if len(got) != 1 || len(got[want]) != 1 || got[want][0] != want {
			t.Fatalf("round trip of %q gave %v", s, got)
		}
	})
}

// FuzzMarshalJSON checks that any JSON value, as encoding/json decodes it,
// encodes to valid JSON that decodes to the same value, and that encoding
// that again gives the same bytes.
func FuzzMarshalJSON(f *testing.F) {
	for _, seed := range []string{
		`null`, `true`, `0`, `-0`, `1.5e300`, `-2.5E-300`, `12345678901234567890`, `0.1`, `1e21`, `1e-7`,
		`""`, `"\u0000\u001f\u2028\ud83d\ude42"`, `[]`, `{}`, `[[[]],{}]`, `{"":{"":[null]}}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`,
		`{"b":1,"a":[1,"x",false,null,{"z":-1.25}],"ID":"id","a\u00e9":{}}`,
	} {
		f.Add(seed)
	}
	files, _ := filepath.Glob("../../examples/*/rendered/*/*.json")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		var v any
		if json.Unmarshal([]byte(text), &v) != nil {
			return
		}
		b := MarshalValue(v)
		var got any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("invalid JSON for %s: %v\n%s", text, err, b)
		}
		if diff := cmp.Diff(v, got); diff != "" {
			t.Fatalf("round trip of %s changed the value (-in +out):\n%s", text, diff)
		}
		if again := MarshalValue(got); string(again) != string(b) {
			t.Fatalf("encoding the decoded value again changed it:\n%s\n%s", b, again)
		}
	})
}
