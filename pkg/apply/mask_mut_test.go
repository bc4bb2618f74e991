package apply

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestShortSecretWithQuoteHidesWhole: a short secret holding a quote,
// left inside a longer value of a sensitive change, is found in its JSON
// escaped form, and the change is hidden whole.
func TestShortSecretWithQuoteHidesWhole(t *testing.T) {
	for _, sec := range []string{`a"b`, `a\b`} {
		c := &Change{Type: TTagging, Name: "b", Sensitive: true, secrets: []string{sec},
			After: map[string]any{"TagSet": []any{map[string]any{"Key": "k", "Value": "x" + sec + "y"}}}}
		_, after, _ := maskChange(c)
		if after != Redacted {
			t.Errorf("secret %q: after = %s, want it hidden whole", sec, mustJSON(after))
		}
	}
}

// TestFourCharSecretInsideValue: a secret of shortSecret characters is
// long enough to be masked inside a longer value, value by value.
func TestFourCharSecretInsideValue(t *testing.T) {
	c := &Change{Type: TTagging, Name: "b", secrets: []string{"ab12"},
		After: map[string]any{"TagSet": []any{
			map[string]any{"Key": "team", "Value": "x-ab12-y"},
			map[string]any{"Key": "env", "Value": "prod"},
		}}}
	_, after, _ := maskChange(c)
	want := map[string]any{"TagSet": []any{
		map[string]any{"Key": "team", "Value": Redacted},
		map[string]any{"Key": "env", "Value": "prod"},
	}}
	if d := cmp.Diff(want, after); d != "" {
		t.Errorf("after (-want +got):\n%s", d)
	}
}
