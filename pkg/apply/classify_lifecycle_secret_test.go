package apply

import (
	"strings"
	"testing"
)

// TestShortensExpirationSensitive: a lifecycle value set from a sensitive
// variable is not quoted by the reason, short or long, and neither is the
// live value of the same field; the reason still says what deletes sooner.
func TestShortensExpirationSensitive(t *testing.T) {
	on := "Enabled"
	tests := []struct {
		name         string
		secrets      []string
		before, want any
		reason       string
		hidden       []string // live values that must not be quoted either
	}{
		{"sensitive days and prefix (the review's repro)", []string{"20", "newprefixsecret/"},
			lcOf(lcRuleOf("r", on, "oldprefixsecret/", "ExpirationDays", 47.0)),
			lcOf(lcRuleOf("r", on, "newprefixsecret/", "ExpirationDays", 20.0)),
			`lifecycle rule "r": prefix changed to (sensitive), outside the live rule's prefix; deletes objects after (sensitive) days, sooner than the live rule`,
			[]string{"oldprefixsecret", "47"}},
		{"sensitive days only, shorter", []string{"7"},
			lcOf(lcRuleOf("r", on, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("r", on, "", "ExpirationDays", 7.0)),
			`lifecycle rule "r": deletes objects after (sensitive) days, sooner than the live rule`, []string{"30"}},
		{"one sensitive day", []string{"1"},
			lcOf(lcRuleOf("r", on, "", "AbortDays", 3.0)), lcOf(lcRuleOf("r", on, "", "AbortDays", 1.0)),
			`lifecycle rule "r": deletes incomplete multipart uploads after (sensitive) days, sooner than the live rule`, []string{"3 day"}},
		{"sensitive days, later, filter widened", []string{"90"},
			lcOf(lcRuleOf("r", on, "logs/", "ExpirationDays", 30.0)), lcOf(lcRuleOf("r", on, "", "ExpirationDays", 90.0)),
			`lifecycle rule "r": prefix "logs/" removed (now every key); deletes objects after (sensitive) days, later than the live rule`, []string{"30"}},
		{"sensitive newest count", []string{"2"},
			lcOf(lcRuleOf("r", on, "", "NoncurrentDays", 30.0, "NewerNoncurrentVersions", 5.0)),
			lcOf(lcRuleOf("r", on, "", "NoncurrentDays", 30.0, "NewerNoncurrentVersions", 2.0)),
			`lifecycle rule "r": deletes noncurrent versions after 30 days beyond the (sensitive) newest, sooner than the live rule`, []string{"5 newest"}},
		{"sensitive date", []string{"2027-01-01T00:00:00Z"},
			lcOf(lcRuleOf("r", on, "", "ExpirationDate", "2030-01-01T00:00:00Z")), lcOf(lcRuleOf("r", on, "", "ExpirationDate", "2027-01-01T00:00:00Z")),
			`lifecycle rule "r": deletes objects on (sensitive), sooner than the live rule`, []string{"2030"}},
		{"sensitive tag filter value", []string{"t"},
			lcOf(lcRuleOf("r", on, "", "FilterTag", tag("class", "oldtagsecret"), "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("r", on, "", "FilterTag", tag("class", "t"), "ExpirationDays", 30.0)),
			`lifecycle rule "r": tag filter changed ((sensitive)), no longer requiring every live tag; deletes objects after 30 days`, []string{"oldtagsecret"}},
		{"sensitive size bounds", []string{"10", "99"},
			lcOf(lcRuleOf("r", on, "", "FilterObjectSizeGreaterThan", 500.0, "FilterObjectSizeLessThan", 50.0, "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("r", on, "", "FilterObjectSizeGreaterThan", 10.0, "FilterObjectSizeLessThan", 99.0, "ExpirationDays", 30.0)),
			`lifecycle rule "r": minimum object size lowered to (sensitive); maximum object size raised to (sensitive); deletes objects after 30 days`, []string{"500", "50 "}},
		{"sensitive rule id", []string{"id"},
			nil, lcOf(lcRuleOf("id", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "(sensitive)": new rule on an existing bucket; covers every object; deletes objects after 30 days`, nil},
		{"nothing sensitive in this rule", []string{"other-secret"},
			lcOf(lcRuleOf("r", on, "", "ExpirationDays", 47.0)), lcOf(lcRuleOf("r", on, "", "ExpirationDays", 20.0)),
			`lifecycle rule "r": deletes objects after 20 days instead of after 47 days`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &Item{Type: TLifecycle, Sensitive: true, secrets: tc.secrets}
			got := shortensExpiration(tc.before, tc.want, itemSecrets(it))
			if got != tc.reason {
				t.Errorf("reason:\n got %q\nwant %q", got, tc.reason)
			}
			for _, h := range tc.hidden {
				if strings.Contains(got, h) {
					t.Errorf("reason quotes the live value %q: %q", h, got)
				}
			}
		})
	}
}

// TestPlanLifecycleReasonMasked: the reason of a destructive lifecycle
// change of a plan, printed (Redacted) or not, holds none of the spec's
// sensitive values and none of the live values they replace; the change
// stays destructive.
func TestPlanLifecycleReasonMasked(t *testing.T) {
	e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return &listerS3{versions: 1} }}, Partition: "aws"}
	it := &Item{Type: TLifecycle, Name: "b", Bucket: "b", Step: StepRetention, Sensitive: true, secrets: []string{"20", "newprefixsecret/"},
		Desired: lcOf(lcRuleOf("r", "Enabled", "newprefixsecret/", "ExpirationDays", 20.0))}
	live := newLive()
	live.set((&Item{Type: TBucket, Name: "b"}).Key(), map[string]any{"Name": "b"})
	live.set(it.Key(), lcOf(lcRuleOf("r", "Enabled", "oldprefixsecret/", "ExpirationDays", 47.0)))
	p := e.MakePlan([]*Item{it}, live)
	if len(p.Changes) != 1 || !p.Changes[0].Destructive {
		t.Fatalf("want one destructive change, got %+v", p.Changes)
	}
	for _, c := range []*Change{p.Changes[0], p.Redacted().Changes[0]} {
		for _, leak := range []string{"20", "47", "newprefixsecret", "oldprefixsecret"} {
			if strings.Contains(c.Reason, leak) {
				t.Errorf("reason holds %q: %q", leak, c.Reason)
			}
		}
		if !strings.Contains(c.Reason, "sooner than the live rule") {
			t.Errorf("reason does not say the rule deletes sooner: %q", c.Reason)
		}
	}
}
