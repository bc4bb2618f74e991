package view

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteConfigShow(t *testing.T) {
	cases := []struct {
		name, format string
		show         *ConfigShow
		want         string
	}{
		{"json: arrays never null", "json", &ConfigShow{Command: "rules"}, `{
  "format_version": "1.0",
  "command": "rules",
  "arguments": [],
  "settings": [],
  "ignored_environment": []
}
`},
		{"text: sources, empty values, controls escaped", "text", &ConfigShow{
			Command:   "lint",
			Arguments: []string{"spec"},
			Settings: []ConfigSetting{
				{Name: "-fail-level", Value: "warning", Source: SourceEnv, Origin: "TERAMOTC_FAIL_LEVEL"},
				{Name: "-sarif-category", Value: "a\nb", Source: SourceFlag, Origin: "-sarif-category"},
				{Name: "-policy", Source: SourceDefault},
			},
			Ignored: []ConfigIgnored{{Variable: "TERAMOTC_NO_FAIL", Reason: "never read"}},
		}, `Settings of "teramotc lint" (a flag wins over its TERAMOTC_<FLAG> variable, which wins over the configuration file, then the default; inline_ignores = false in the configuration wins over -no-inline-ignores=false):

SETTING          VALUE    SOURCE
-fail-level      warning  env TERAMOTC_FAIL_LEVEL
-sarif-category  a\nb     flag -sarif-category
-policy          (none)   default

Arguments:
  spec

Ignored environment variables:
  TERAMOTC_NO_FAIL: never read
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteConfigShow(&b, c.show, c.format); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, b.String()); diff != "" {
				t.Errorf("-want +got:\n%s", diff)
			}
		})
	}
}
