package rules

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

// externalIDProblems prepares TMC602's problems(g, v) over the built-in
// policies, for a spec with one bucket and one grant of another account.
func externalIDProblems(t *testing.T) func(id string) []string {
	t.Helper()
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	opts := []func(*rego.Rego){
		rego.Query(`p := data.teramotc.rules.external_id_quality.problems(input.grants[0], input.id)`),
	}
	for _, m := range mods {
		opts = append(opts, rego.ParsedModule(m.Parsed))
	}
	pq, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return func(id string) []string {
		input := map[string]any{
			"id":      id,
			"aws":     map[string]any{"account_id": map[string]any{"value": "380214568012"}},
			"buckets": []any{map[string]any{"label": "data", "name": map[string]any{"value": "acme-teramot-data"}}},
			"grants": []any{map[string]any{
				"label": "partner",
				"cross_account_role": map[string]any{
					"name":               map[string]any{"value": "partner-read"},
					"trusted_account_id": map[string]any{"value": "762019433857"},
				},
			}},
		}
		rs, err := pq.Eval(context.Background(), rego.EvalInput(input))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 {
			t.Fatalf("problems(%q) gave %d results", id, len(rs))
		}
		var out []string
		for _, p := range rs[0].Bindings["p"].([]any) {
			out = append(out, p.(string))
		}
		return out
	}
}

// randomIDs are the external id formats partners issue, each generated
// with a fixed seed.
var randomIDs = []struct {
	name string
	gen  func(r *rand.Rand) string
}{
	{"20 alphanumeric", func(r *rand.Rand) string { return randomString(r, 20, alnum) }},
	{"32 alphanumeric", func(r *rand.Rand) string { return randomString(r, 32, alnum) }},
	{"24 lower alphanumeric", func(r *rand.Rand) string { return randomString(r, 24, lowerAlnum) }},
	{"base64", func(r *rand.Rand) string { return randomBase64(r, base64.StdEncoding) }},
	{"base64url", func(r *rand.Rand) string { return randomBase64(r, base64.RawURLEncoding) }},
	{"uuid", func(r *rand.Rand) string {
		b := randomBytes(r, 16)
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		h := hex.EncodeToString(b)
		return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}},
	{"32 hex", func(r *rand.Rand) string { return hex.EncodeToString(randomBytes(r, 16)) }},
}

const (
	alnum      = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
)

func randomString(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

// randomBase64 encodes 16 to 24 random bytes: 22 to 32 characters.
func randomBase64(r *rand.Rand, enc *base64.Encoding) string {
	return enc.EncodeToString(randomBytes(r, 16+r.IntN(9)))
}

// idsPerKind is the number of random ids of each kind.
var idsPerKind = 2000

// TestExternalIDRandomPasses: TMC602 reports no genuinely random external
// id of the common formats (review-diff4 M1: digit-free parts and letter
// runs were taken for words, so 3-10 % of such ids were "guessable").
func TestExternalIDRandomPasses(t *testing.T) {
	problems := externalIDProblems(t)
	for _, kind := range randomIDs {
		t.Run(kind.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(602, uint64(len(kind.name))))
			var bad int
			for range idsPerKind {
				id := kind.gen(r)
				if p := problems(id); len(p) > 0 {
					if bad++; bad <= 5 {
						t.Errorf("random id %q: %v", id, p)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d random ids are reported", bad, idsPerKind)
			}
		})
	}
}

// TestExternalIDWordsFail: ids made of words and names stay errors.
func TestExternalIDWordsFail(t *testing.T) {
	problems := externalIDProblems(t)
	for _, id := range []string{
		"teramot-external-id", "my-external-id", "partner-secret",
		"tmc-another-secret-value-0002", "teramot-access-external-id-2024",
		"Secret2024Secret2024", "acme-integration-production-key",
	} {
		t.Run(id, func(t *testing.T) {
			if p := problems(id); len(p) == 0 {
				t.Errorf("problems(%q) = none, want a finding", id)
			}
		})
	}
}
