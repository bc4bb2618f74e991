package rules

import (
	"strings"
	"testing"
)

// An ignore block's addresses must name blocks: a bare block type would
// match every block of that type (addresses cover their children), so it
// is an error at the element, with the form to write.
func TestConfigIgnoreAddresses(t *testing.T) {
	set := configTestSet(t)
	tests := []struct {
		name, addrs string
		// want is "" for a valid list, else a part of the detail
		want string
		col  int // column of the element at fault
	}{
		{name: "block", addrs: `["bucket.data"]`},
		{name: "nested block", addrs: `["bucket.data.statement.AllowRead"]`},
		{name: "block without a label", addrs: `["aws"]`},
		{name: "grant and trail", addrs: `["grant.reader", "trail.main"]`},
		{name: "bare bucket", addrs: `["bucket"]`, col: 16,
			want: `"bucket" is a block type, not a block: it would cover every bucket of the spec.`},
		{name: "bare type after a valid one", addrs: `["bucket.data", "grant"]`, col: 31, want: `Did you mean "grant.<label>"?`},
		{name: "bare type in capitals", addrs: `["Bucket"]`, col: 16, want: `Did you mean "bucket.<label>"?`},
		{name: "unknown word", addrs: `["data"]`, col: 16, want: `"data" is not a block address`},
		{name: "block without a label in capitals", addrs: `["AWS"]`, col: 16, want: `"AWS" is not a block address`},
		{name: "trailing dot", addrs: `["bucket."]`, col: 16, want: `"bucket." has an empty part`},
		{name: "empty", addrs: `[""]`, col: 16, want: "TYPE.LABEL"},
		{name: "double dot", addrs: `["bucket..x"]`, col: 16, want: "empty part"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "ignore \"TMC401\" {\n  addresses = " + tc.addrs + "\n  reason    = \"ok\"\n}\n"
			file := writeTestFile(t, t.TempDir(), ConfigFileName, src)
			cfg, diags := LoadConfig(file, set)
			if tc.want == "" {
				if diags.HasErrors() || len(cfg.ignores) != 1 {
					t.Fatalf("LoadConfig(%s) = %v, want one ignore block", tc.addrs, diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("LoadConfig(%s) = %v, want one error", tc.addrs, diags)
			}
			d := diags[0]
			if d.Summary != "Invalid address" || !strings.Contains(d.Detail, tc.want) || !strings.Contains(d.Detail, "TYPE.LABEL") {
				t.Errorf("got %q: %q, want Invalid address with %q and the form", d.Summary, d.Detail, tc.want)
			}
			if d.Subject == nil || d.Subject.Start.Line != 2 || d.Subject.Start.Column != tc.col {
				t.Errorf("subject %v, want line 2 column %d (the element)", d.Subject, tc.col)
			}
			if len(cfg.ignores) != 0 {
				t.Error("a configuration with errors applied its ignore blocks")
			}
		})
	}
}
