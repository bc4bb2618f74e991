package render

import (
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
