package apply

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// lcRuleOf builds a canonical lifecycle rule: ID, status, prefix, then
// key/value pairs (ExpirationDays, NoncurrentDays, FilterTag, ...).
func lcRuleOf(id, status, prefix string, kv ...any) map[string]any {
	r := map[string]any{"ID": id, "Status": status, "Prefix": prefix}
	for i := 0; i+1 < len(kv); i += 2 {
		r[kv[i].(string)] = kv[i+1]
	}
	return r
}

func lcOf(rs ...map[string]any) any {
	l := []any{}
	for _, r := range rs {
		l = append(l, r)
	}
	return map[string]any{"Rules": l}
}

func tag(k, v string) map[string]any { return map[string]any{"Key": k, "Value": v} }

// TestShortensExpiration: live configuration vs desired; want is the
// exact reason ("" when nothing may be deleted sooner).
func TestShortensExpiration(t *testing.T) {
	on, off := "Enabled", "Disabled"
	tests := []struct {
		name         string
		before, want any
		reason       string
	}{
		{"prefix removed covers every object",
			lcOf(lcRuleOf("tmp", on, "tmp/", "ExpirationDays", 30.0)), lcOf(lcRuleOf("tmp", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "tmp": prefix "tmp/" removed (now every key); deletes objects after 30 days`},
		{"prefix shortened",
			lcOf(lcRuleOf("tmp", on, "tmp/a/", "ExpirationDays", 30.0)), lcOf(lcRuleOf("tmp", on, "tmp/", "ExpirationDays", 30.0)),
			`lifecycle rule "tmp": prefix "tmp/a/" changed to "tmp/"; deletes objects after 30 days`},
		{"prefix narrowed deletes less",
			lcOf(lcRuleOf("tmp", on, "tmp/", "ExpirationDays", 30.0)), lcOf(lcRuleOf("tmp", on, "tmp/a/", "ExpirationDays", 30.0)), ""},
		{"disabled rule turned on",
			lcOf(lcRuleOf("tmp", off, "tmp/", "ExpirationDays", 30.0)), lcOf(lcRuleOf("tmp", on, "tmp/", "ExpirationDays", 30.0)),
			`lifecycle rule "tmp": turned on (was Disabled); deletes objects after 30 days`},
		{"rule turned off deletes less",
			lcOf(lcRuleOf("tmp", on, "", "ExpirationDays", 1.0)), lcOf(lcRuleOf("tmp", off, "", "ExpirationDays", 1.0)), ""},
		{"disabled rule stays disabled with shorter days",
			lcOf(lcRuleOf("tmp", off, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("tmp", off, "", "ExpirationDays", 1.0)), ""},
		{"shorter expiration",
			lcOf(lcRuleOf("A", on, "", "ExpirationDays", 365.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": deletes objects after 30 days instead of after 365 days`},
		{"longer expiration", lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 365.0)), ""},
		{"same", lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)), ""},
		{"expiration removed", lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "")), ""},
		{"expiration appears on a live rule",
			lcOf(lcRuleOf("A", on, "logs/")), lcOf(lcRuleOf("A", on, "logs/", "ExpirationDays", 30.0)),
			`lifecycle rule "A": starts deleting objects after 30 days`},
		{"shorter noncurrent expiration",
			lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 90.0)), lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 30.0)),
			`lifecycle rule "A": deletes noncurrent versions after 30 days instead of after 90 days`},
		{"newer noncurrent versions no longer kept",
			lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 30.0, "NewerNoncurrentVersions", 5.0)), lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 30.0)),
			`lifecycle rule "A": deletes noncurrent versions after 30 days instead of after 30 days beyond the 5 newest`},
		{"shorter abort of incomplete uploads",
			lcOf(lcRuleOf("A", on, "", "AbortDays", 7.0)), lcOf(lcRuleOf("A", on, "", "AbortDays", 1.0)),
			`lifecycle rule "A": deletes incomplete multipart uploads after 1 day instead of after 7 days`},
		{"expired delete markers turned on",
			lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 30.0)), lcOf(lcRuleOf("A", on, "", "NoncurrentDays", 30.0, "ExpiredObjectDeleteMarker", true)),
			`lifecycle rule "A": starts deleting expired object delete markers`},
		{"earlier expiration date",
			lcOf(lcRuleOf("A", on, "", "ExpirationDate", "2030-01-01T00:00:00Z")), lcOf(lcRuleOf("A", on, "", "ExpirationDate", "2027-01-01T00:00:00Z")),
			`lifecycle rule "A": deletes objects on 2027-01-01T00:00:00Z instead of on 2030-01-01T00:00:00Z`},
		{"new rule on an existing bucket",
			lcOf(lcRuleOf("A", on, "", "ExpirationDays", 365.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 365.0), lcRuleOf("B", on, "", "ExpirationDays", 10.0)),
			`lifecycle rule "B": new rule on an existing bucket; covers every object; deletes objects after 10 days`},
		{"no live lifecycle",
			nil, lcOf(lcRuleOf("A", on, "logs/", "ExpirationDays", 30.0)),
			`lifecycle rule "A": new rule on an existing bucket; deletes objects after 30 days`},
		{"new rule covered by a broader live rule",
			lcOf(lcRuleOf("A", on, "", "ExpirationDays", 10.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 10.0), lcRuleOf("B", on, "logs/", "ExpirationDays", 30.0)), ""},
		{"rule renamed, same effect", lcOf(lcRuleOf("A", on, "x/", "ExpirationDays", 10.0)), lcOf(lcRuleOf("B", on, "x/", "ExpirationDays", 10.0)), ""},
		{"tag filter removed",
			lcOf(lcRuleOf("A", on, "", "FilterTag", tag("class", "tmp"), "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": tag filter class=tmp removed; deletes objects after 30 days`},
		{"tag filter kept",
			lcOf(lcRuleOf("A", on, "", "FilterTag", tag("class", "tmp"), "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("A", on, "", "FilterTag", tag("class", "tmp"), "ExpirationDays", 30.0)), ""},
		{"and filter tags removed, sorted",
			lcOf(lcRuleOf("A", on, "", "FilterAnd", map[string]any{"Prefix": "logs/", "Tags": []any{tag("z", "1"), tag("a", "2")}, "ObjectSizeGreaterThan": nil}, "ExpirationDays", 30.0)),
			lcOf(lcRuleOf("A", on, "logs/", "ExpirationDays", 30.0)),
			`lifecycle rule "A": tag filter a=2, z=1 removed; deletes objects after 30 days`},
		{"minimum size lowered",
			lcOf(lcRuleOf("A", on, "", "FilterObjectSizeGreaterThan", 1000.0, "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": minimum object size lowered from 1000 to 0 bytes; deletes objects after 30 days`},
		{"maximum size removed",
			lcOf(lcRuleOf("A", on, "", "FilterObjectSizeLessThan", 5000.0, "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": maximum object size raised from 5000 to none; deletes objects after 30 days`},
		{"size bounds narrowed",
			lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "FilterObjectSizeLessThan", 5000.0, "ExpirationDays", 30.0)), ""},
		{"live filter not understood",
			lcOf(lcRuleOf("A", on, "", "FilterSomethingNew", "x", "ExpirationDays", 30.0)), lcOf(lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": live filter has parts teramotc cannot compare (FilterSomethingNew); deletes objects after 30 days`},
		{"several rules, sorted by ID",
			lcOf(lcRuleOf("A", on, "", "ExpirationDays", 90.0), lcRuleOf("B", on, "", "ExpirationDays", 90.0)),
			lcOf(lcRuleOf("B", on, "", "ExpirationDays", 60.0), lcRuleOf("A", on, "", "ExpirationDays", 30.0)),
			`lifecycle rule "A": deletes objects after 30 days instead of after 90 days; lifecycle rule "B": deletes objects after 60 days instead of after 90 days`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := shortensExpiration(tc.before, tc.want, noSecrets); got != tc.reason {
				t.Errorf("reason:\n got %q\nwant %q", got, tc.reason)
			}
		})
	}
}

// listerS3 is an S3 client that only lists a bucket's contents.
type listerS3 struct {
	S3API
	versions int
	err      error
}

func (l *listerS3) ListObjectVersions(context.Context, *s3.ListObjectVersionsInput, ...func(*s3.Options)) (*s3.ListObjectVersionsOutput, error) {
	return &s3.ListObjectVersionsOutput{Versions: make([]types.ObjectVersion, l.versions)}, l.err
}

func (l *listerS3) ListMultipartUploads(context.Context, *s3.ListMultipartUploadsInput, ...func(*s3.Options)) (*s3.ListMultipartUploadsOutput, error) {
	return &s3.ListMultipartUploadsOutput{}, l.err
}

// TestPlanLifecycleDestructive: MakePlan flags a new expiring rule on an
// existing bucket unless the bucket does not exist yet or is empty with no
// lifecycle (an apply resumed after an interruption).
func TestPlanLifecycleDestructive(t *testing.T) {
	want := lcOf(lcRuleOf("A", "Enabled", "", "ExpirationDays", 30.0))
	tests := []struct {
		name        string
		exists      bool
		live        any
		s3          S3API
		destructive bool
	}{
		{"bucket does not exist yet", false, nil, &listerS3{versions: 1}, false},
		{"existing bucket with objects", true, nil, &listerS3{versions: 1}, true},
		{"existing empty bucket without lifecycle", true, nil, &listerS3{}, false},
		{"emptiness not provable", true, nil, &listerS3{err: context.DeadlineExceeded}, true},
		{"client cannot list", true, nil, struct{ S3API }{}, true},
		{"empty bucket with a longer live rule", true, lcOf(lcRuleOf("A", "Enabled", "", "ExpirationDays", 90.0)), &listerS3{}, true},
		// Both listings must prove the bucket empty (found by mutation testing).
		{"empty by both listings", true, nil, &contentsS3{}, false},
		{"a delete marker", true, nil, &contentsS3{markers: 1}, true},
		{"an incomplete upload", true, nil, &contentsS3{uploads: 1}, true},
		{"uploads not listable", true, nil, &contentsS3{uploadsErr: apiErr("AccessDenied", "no")}, true},
		{"versions not listable", true, nil, &contentsS3{versionsErr: apiErr("AccessDenied", "no")}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return tc.s3 }}, Partition: "aws"}
			it := &Item{Type: TLifecycle, Name: "b", Bucket: "b", Step: StepRetention, Desired: want}
			live := newLive()
			if tc.exists {
				live.set((&Item{Type: TBucket, Name: "b"}).Key(), map[string]any{"Name": "b"})
			}
			if tc.live != nil {
				live.set(it.Key(), tc.live)
			}
			p := e.MakePlan([]*Item{it}, live)
			if len(p.Changes) != 1 {
				t.Fatalf("changes = %d, want 1", len(p.Changes))
			}
			if got := p.Changes[0].Destructive; got != tc.destructive {
				t.Errorf("destructive = %v, want %v (%s)", got, tc.destructive, p.Changes[0].Reason)
			}
		})
	}
}

// An empty bucket seen while planning is part of the live fingerprint: a
// saved plan is refused once objects arrive.
func TestEmptyBucketInFingerprint(t *testing.T) {
	want := lcOf(lcRuleOf("A", "Enabled", "", "ExpirationDays", 30.0))
	l := &listerS3{}
	e := &Engine{C: &Clients{S3ForRegion: func(string) S3API { return l }}, Partition: "aws"}
	plan := func() *Plan {
		live := newLive()
		live.set((&Item{Type: TBucket, Name: "b"}).Key(), map[string]any{"Name": "b"})
		return e.MakePlan([]*Item{{Type: TLifecycle, Name: "b", Bucket: "b", Desired: want}}, live)
	}
	empty := plan()
	l.versions = 1
	full := plan()
	if empty.LiveFingerprint == full.LiveFingerprint {
		t.Error("the fingerprint does not change when an empty bucket gets objects")
	}
	if empty.Changes[0].Destructive || !full.Changes[0].Destructive {
		t.Errorf("destructive: empty %v, with objects %v", empty.Changes[0].Destructive, full.Changes[0].Destructive)
	}
}

// TestLiveOnlyLifecycleFields: fields teramotc never writes but a live
// rule may have (NewerNoncurrentVersions, an expiration date, expired
// delete markers) survive normalization, so dropping them is judged: a
// longer noncurrent expiration that no longer keeps the newest versions
// deletes more.
func TestLiveOnlyLifecycleFields(t *testing.T) {
	live, err := canonical(TLifecycle, generic(map[string]any{"Rules": []any{map[string]any{
		"ID": "A", "Status": "Enabled", "Filter": map[string]any{"Prefix": "", "Tag": nil, "And": nil},
		"Expiration":                  map[string]any{"Date": nil, "Days": nil, "ExpiredObjectDeleteMarker": true},
		"NoncurrentVersionExpiration": map[string]any{"NoncurrentDays": 30, "NewerNoncurrentVersions": 5},
	}}}), "aws")
	if err != nil {
		t.Fatal(err)
	}
	want, err := canonical(TLifecycle, generic(map[string]any{"Rules": []any{map[string]any{
		"ID": "A", "Status": "Enabled", "Filter": map[string]any{"Prefix": ""},
		"NoncurrentVersionExpiration": map[string]any{"NoncurrentDays": 60},
	}}}), "aws")
	if err != nil {
		t.Fatal(err)
	}
	const reason = `lifecycle rule "A": deletes noncurrent versions after 60 days instead of after 30 days beyond the 5 newest`
	if got := shortensExpiration(live, want, noSecrets); got != reason {
		t.Errorf("reason:\n got %q\nwant %q", got, reason)
	}
	r := rules(live)[0]
	if r["ExpiredObjectDeleteMarker"] != true || r["NewerNoncurrentVersions"] != 5.0 {
		t.Errorf("live-only fields lost: %v", r)
	}
}
