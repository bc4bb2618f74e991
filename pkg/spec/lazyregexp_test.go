package spec

import "testing"

// TestLazyRegexpsCompile compiles every pattern of the package, which the
// program otherwise does only when a spec reaches its check.
func TestLazyRegexpsCompile(t *testing.T) {
	for name, re := range map[string]*lazyRegexp{
		"formatWidth": formatWidthRe, "accountID": accountIDRe, "region": regionRe,
		"roleARN": roleARNRe, "externalID": externalIDRe, "bucketName": bucketNameRe,
		"bucketIP": bucketIPRe, "iamName": iamNameRe, "iamPath": iamPathRe,
		"kmsKeyARN": kmsKeyARNRe, "sid": sidRe,
		"secretName": secretNameRe,
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("pattern %q does not compile: %v", re.expr, r)
				}
			}()
			if re.get() == nil {
				t.Fatalf("pattern %q compiled to nil", re.expr)
			}
		})
	}
}
