package spec

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The expressions the scanners of secrets_scan.go implement.
var (
	accessKeyPattern    = regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`)
	quotedSecretPattern = regexp.MustCompile(`["']([A-Za-z0-9/+]{40,128}={0,2})(?:["']|[ \t\r]*(?:\n|$))`)
)

func TestSecretScannersMatchPatterns(t *testing.T) {
	key := "AKIAIOSFODNN7EXAMPLE"
	secret := "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	cases := map[string]string{
		"empty":                   "",
		"key alone":               key,
		"key in a string":         `access_key = "` + key + `"`,
		"session key":             "ASIA" + key[4:],
		"key glued before":        "x" + key,
		"key glued after":         key + "_",
		"key then lower case":     key + "a",
		"key one short":           key[:19] + " ",
		"key one long":            key + "Z",
		"two keys":                key + " " + key,
		"keys back to back":       key + key,
		"key after a dash":        "-" + key + "-",
		"lower-case prefix":       "akia" + key[4:],
		"secret":                  `secret = "` + secret + `"`,
		"secret single quotes":    `secret = '` + secret + `'`,
		"mixed quotes":            `secret = "` + secret + `'`,
		"secret with padding":     `"` + secret + `=="`,
		"three pads":              `"` + secret + `==="`,
		"39 characters":           `"` + secret[:39] + `"`,
		"128 characters":          `"` + strings.Repeat("a", 128) + `"`,
		"129 characters":          `"` + strings.Repeat("a", 129) + `"`,
		"unterminated":            `"` + secret,
		"quote inside":            `"ab"` + secret + `"`,
		"closing quote reused":    `"` + secret + `"` + secret + `"`,
		"two secrets":             `"` + secret + `" "` + secret + `"`,
		"pad then text":           `"` + secret + `=x"`,
		"key inside a secret":     `"` + key + secret + `"`,
		"secret at end of input":  `'` + secret + `'`,
		"unterminated line":       "secret = \"" + secret + "\nx = 1\n",
		"unterminated blanks":     "secret = '" + secret + " \t\r\nx",
		"unterminated crlf":       "secret = \"" + secret + "==\r\n",
		"unterminated then text":  `secret = "` + secret + ` x` + "\n",
		"unterminated pad text":   `"` + secret + "=x\n",
		"unterminated blanks end": `"` + secret + "  ",
		"three pads unterminated": `"` + secret + "===\n",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := `AKISaz09/+="' _-` + "\n\t\r"
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(120) {
			switch rng.IntN(12) {
			case 0:
				b.WriteString(key[:rng.IntN(len(key)+1)])
			case 1:
				b.WriteString(secret[:rng.IntN(len(secret)+1)])
			default:
				b.WriteByte(alphabet[rng.IntN(len(alphabet))])
			}
		}
		cases["random "+string(rune('a'+i%26))+strings.Repeat("'", i/26)] = b.String()
	}
	for name, src := range cases {
		b := []byte(src)
		var wantKeys, wantMatches, wantRuns [][2]int
		for _, m := range accessKeyPattern.FindAllIndex(b, -1) {
			wantKeys = append(wantKeys, [2]int{m[0], m[1]})
		}
		for _, m := range quotedSecretPattern.FindAllSubmatchIndex(b, -1) {
			wantMatches = append(wantMatches, [2]int{m[0], m[1]})
			wantRuns = append(wantRuns, [2]int{m[2], m[3]})
		}
		if diff := cmp.Diff(wantKeys, findAccessKeys(b)); diff != "" {
			t.Errorf("%s: findAccessKeys(%q) differs from the pattern (-want +got):\n%s", name, src, diff)
		}
		matches, runs := findQuotedSecrets(b)
		if diff := cmp.Diff(wantMatches, matches); diff != "" {
			t.Errorf("%s: findQuotedSecrets(%q) matches differ (-want +got):\n%s", name, src, diff)
		}
		if diff := cmp.Diff(wantRuns, runs); diff != "" {
			t.Errorf("%s: findQuotedSecrets(%q) runs differ (-want +got):\n%s", name, src, diff)
		}
	}
}
