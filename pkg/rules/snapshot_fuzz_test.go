package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzRuleMeta feeds damaged rule metadata to the snapshot's metadata
// decoder: it must return an error or rules that encode and decode to
// themselves, never panic or allocate beyond its input.
func FuzzRuleMeta(f *testing.F) {
	rs := builtinRules(f)
	// Small seeds: the fuzzer minimises every new input, which is slow on
	// the 40 KB of the whole set.
	for _, n := range []int{1, 2, 3} {
		f.Add(encodeRuleMeta(rs[:n]))
	}
	f.Add(encodeRuleMeta(rs[:2])[:50])
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := parseRuleMeta(b)
		if err != nil {
			return
		}
		again, err := parseRuleMeta(encodeRuleMeta(got))
		if err != nil {
			t.Fatalf("decoded metadata does not decode after encoding: %v", err)
		}
		if diff := cmp.Diff(got, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("metadata changed through encoding (-first +second):\n%s", diff)
		}
	})
}
