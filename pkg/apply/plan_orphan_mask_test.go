package apply

import (
	"context"
	"strings"
	"testing"
)

// TestOrphanSensitiveBucket (review diff6b F2): in a plan with no change,
// whose masking has no secret to go by (Plan.secrets collects those of
// the changes), the orphan warnings name a bucket whose name comes from
// a sensitive variable by its address, never by the name.
func TestOrphanSensitiveBucket(t *testing.T) {
	const (
		secret = "tmc-secret-project-x"
		spec   = `aws { account_id = "111122223333" }
variable "secret_name" {
  type      = string
  sensitive = true
  default   = "` + secret + `"
}
bucket "data" {
  name   = var.secret_name
  region = "us-east-1"
}
`
		doc = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::` + secret + `/*"}}`
	)
	for _, tc := range []struct {
		name  string
		setup func(f *fake)
		want  string
	}{
		{name: "managed policy", setup: func(f *fake) { handMade(f, "handmade", doc, "user/eve") },
			want: "managed policy handmade grants access to bucket bucket.data of the spec"},
		{name: "inline policy", setup: func(f *fake) { inlineMade(f, "user/eve", "eve-read", doc) },
			want: "inline policy eve-read of user eve grants access to bucket bucket.data of the spec"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := itemsFromHCL(t, spec)
			if _, err := converge(t, e, items); err != nil {
				t.Fatal(err)
			}
			tc.setup(f)
			p := planFor(t, e, items)
			if len(p.Changes) != 0 {
				t.Fatalf("%d changes, want none (the case is a plan with no change)", len(p.Changes))
			}
			e.WarnOtherAttachments(context.Background(), p)
			found := false
			for _, ws := range [][]string{p.Warnings, p.Redacted().Warnings} {
				for _, w := range ws {
					if strings.Contains(w, secret) {
						t.Errorf("warning holds the sensitive bucket name:\n%s", w)
					}
					found = found || strings.Contains(w, tc.want)
				}
			}
			if !found {
				t.Errorf("no warning with %q in %q", tc.want, p.Warnings)
			}
		})
	}
}
