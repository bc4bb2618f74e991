package apply

import "testing"

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
