package apply

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStringsOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   any
		want []string
	}{
		{name: "in-memory list", in: []string{"a", "b"}, want: []string{"a", "b"}},
		{name: "decoded list", in: []any{"a", "b"}, want: []string{"a", "b"}},
		{name: "non-strings dropped", in: []any{"a", 1.0, true, nil, "b"}, want: []string{"a", "b"}},
		{name: "scalar", in: "a", want: nil},
		{name: "nil", in: nil, want: nil},
		{name: "object", in: map[string]any{"AWS": []any{"a"}}, want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if d := cmp.Diff(tc.want, stringsOf(tc.in)); d != "" {
				t.Errorf("stringsOf(%v) (-want +got):\n%s", tc.in, d)
			}
		})
	}
}

// TestCanonicalListsHoldStrings: the lists the classifiers read with
// stringsOf (a policy statement's actions and resources, a selector's
// data resource values and excluded sources) hold strings only in the
// canonical state, even when the input has numbers or booleans, both as
// built and after a JSON round trip. So whether stringsOf drops or converts
// a non-string element (the two helpers it replaced differed there) makes
// no difference: it keeps every element.
func TestCanonicalListsHoldStrings(t *testing.T) {
	policy, err := CanonicalPolicy(map[string]any{"Statement": []any{
		map[string]any{"Effect": "Allow", "Action": []any{"s3:GetObject", 7.0, true}, "Resource": []any{1.5, "arn:aws:s3:::b/*"}},
		map[string]any{"Effect": "Deny", "NotAction": 3.0, "NotResource": false},
	}}, "aws")
	if err != nil {
		t.Fatal(err)
	}
	sel, err := canonical(TEventSelectors, map[string]any{"EventSelectors": []any{map[string]any{
		"IncludeManagementEvents":       true,
		"ExcludeManagementEventSources": []any{5.0, "kms.amazonaws.com"},
		"DataResources":                 []any{map[string]any{"Type": "AWS::S3::Object", "Values": []any{"arn:aws:s3:::b/", 12.0, nil}}},
	}}}, "aws")
	if err != nil {
		t.Fatal(err)
	}
	var lists []any
	for _, s := range statements(policy) {
		for _, k := range []string{"Action", "NotAction", "Resource", "NotResource"} {
			if s[k] != nil {
				lists = append(lists, s[k])
			}
		}
	}
	for _, state := range []any{sel, generic(sel)} {
		for _, s := range selectorList(state.(map[string]any)) {
			lists = append(lists, s["ExcludeManagementEventSources"])
			for _, d := range s["DataResources"].([]any) {
				lists = append(lists, d.(map[string]any)["Values"])
			}
		}
	}
	if len(lists) != 8 {
		t.Fatalf("found %d lists, want 8 (the test no longer reads the canonical state it means to)", len(lists))
	}
	for _, l := range lists {
		n := 0
		switch x := l.(type) {
		case []string:
			n = len(x)
		case []any:
			n = len(x)
		default:
			t.Errorf("%#v is not a list", l)
		}
		if got := stringsOf(l); len(got) != n {
			t.Errorf("stringsOf(%#v) = %q: an element is not a string", l, got)
		}
	}
}
