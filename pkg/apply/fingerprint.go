package apply

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/crypto/argon2"
)

// A saved plan lets apply notice that the spec or the live state moved
// since the plan was made. The file is shared (CI artifacts, review) and
// holds no secret, so its fingerprints must not let anyone confirm a guess
// of a sensitive value offline by hashing the state with the guess in it:
//
//   - DesiredFingerprint and LiveFingerprint are plain SHA-256 hashes of
//     the states with every sensitive value masked as the plan masks it,
//     so they say nothing the plan does not show;
//   - SensitiveFingerprint covers the rest: argon2id (RFC 9106) of both
//     states unmasked, with a random salt made for each saved plan. Each
//     guess costs one slow, memory-hard hash, and no work carries over to
//     another plan file.
//
// Together they detect every change exactly.

// The argon2id parameters: 64 MiB, 2 passes, 2 lanes (about 0.3 s on one
// core). Apply accepts exactly these, so a crafted plan file cannot make it
// allocate more.
const (
	kdfTime    = 2
	kdfMemory  = 64 * 1024 // KiB
	kdfThreads = 2
	kdfKeyLen  = 32
	kdfSaltLen = 16
)

var kdfPrefix = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$", argon2.Version, kdfMemory, kdfTime, kdfThreads)

// maskedFingerprints returns the SHA-256 fingerprints of the desired and
// the live state with sensitive values masked: the live counterpart of a
// masked desired value (the external id before a change) is masked too,
// as in Plan.Redacted.
func maskedFingerprints(items []*Item, live *Live) (desired, liveFP string) {
	d, l := maskedStates(items, live)
	return fingerprint(d), fingerprint(l)
}

// maskedStates returns the desired and the live state with sensitive
// values masked.
func maskedStates(items []*Item, live *Live) (desired, liveState map[string]any) {
	d, l := map[string]any{}, map[string]any{}
	var all []string
	byKey := map[string]*Item{}
	for _, it := range items {
		key := it.Key()
		byKey[key] = it
		for _, s := range it.secrets {
			if !slices.Contains(all, s) {
				all = append(all, s)
			}
		}
		c := &Change{Before: generic(live.State[key]), After: generic(it.Desired), Sensitive: it.Sensitive, secrets: it.secrets}
		before, after, _ := maskChange(c)
		d[key], l[key] = after, before
	}
	for key, v := range live.State {
		if _, ok := byKey[key]; !ok {
			l[key] = maskValue(v, all)
		}
	}
	return d, l
}

// maskValue masks every value of v that holds one of secrets, or v whole
// when an object key holds one.
func maskValue(v any, secrets []string) any {
	m := masker{secrets: secrets, masked: map[string]bool{}, plain: map[string][]string{},
		desiredAt: map[string][]string{}, liveAt: map[string][]string{}}
	out := m.walk(generic(v), "", true)
	if m.whole {
		return hideWhole(v)
	}
	return out
}

// fingerprint hashes a state: one line KEY=JSON per present key, sorted.
func fingerprint(state map[string]any) string {
	h := sha256.New()
	h.Write([]byte(stateText(state)))
	return hex.EncodeToString(h.Sum(nil))
}

func stateText(state map[string]any) string {
	keys := make([]string, 0, len(state))
	for k := range state {
		if state[k] != nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s\n", k, mustJSON(state[k]))
	}
	return b.String()
}

// sensitiveFingerprint returns the argon2id hash of the plan's desired and
// live states, unmasked, with a new random salt, in the PHC string format
// ($argon2id$v=19$m=...,t=...,p=...$SALT$HASH).
// A plan that masks nothing gets none (""): its SHA-256 fingerprints
// already cover every value, and the slow hash would only cost time.
func (p *Plan) sensitiveFingerprint() (string, error) {
	if p.masksNothing() {
		return "", nil
	}
	salt := make([]byte, kdfSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	return kdfPrefix + b64(salt) + "$" + b64(p.sensitiveKey(salt)), nil
}

func (p *Plan) sensitiveKey(salt []byte) []byte {
	return argon2.IDKey([]byte(p.unmaskedText()), salt, kdfTime, kdfMemory, kdfThreads, kdfKeyLen)
}

// unmaskedText is the text of both states as they are, unmasked.
func (p *Plan) unmaskedText() string {
	desired, live := map[string]any{}, map[string]any{}
	for _, it := range p.items {
		desired[it.Key()] = it.Desired
	}
	if p.live != nil {
		live = p.live.State
	}
	return "desired\n" + stateText(desired) + "live\n" + stateText(live)
}

// masksNothing reports whether masking leaves both states as they are, so
// that the SHA-256 fingerprints alone detect every change.
func (p *Plan) masksNothing() bool {
	live := p.live
	if live == nil {
		live = &Live{}
	}
	d, l := maskedStates(p.items, live)
	d0, l0 := map[string]any{}, map[string]any{}
	for _, it := range p.items {
		d0[it.Key()] = generic(it.Desired)
	}
	for key, v := range live.State {
		l0[key] = generic(v)
	}
	return stateText(d) == stateText(d0) && stateText(l) == stateText(l0)
}

// sensitiveMatches reports whether fp, a saved plan's sensitive
// fingerprint, was made from the same unmasked states as p. A fingerprint
// with other parameters than this teramotc uses is an error.
func (p *Plan) sensitiveMatches(fp string) (bool, error) {
	rest, ok := strings.CutPrefix(fp, kdfPrefix)
	saltText, hashText, ok2 := strings.Cut(rest, "$")
	salt, err1 := base64.RawStdEncoding.DecodeString(saltText)
	want, err2 := base64.RawStdEncoding.DecodeString(hashText)
	if !ok || !ok2 || err1 != nil || err2 != nil || len(salt) != kdfSaltLen || len(want) != kdfKeyLen {
		return false, fmt.Errorf("the sensitive_fingerprint is not one this teramotc makes (%s...)", kdfPrefix)
	}
	return subtle.ConstantTimeCompare(p.sensitiveKey(salt), want) == 1, nil
}

func b64(b []byte) string { return base64.RawStdEncoding.EncodeToString(b) }
