package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Large returns the files of one spec of n units, each a data bucket and a
// cross-account grant on it, plus the log bucket they log to and one trail.
// The buckets vary as Spec's do (encryption, lifecycle, statements, tags),
// and about one unit in three carries lint defects, so every rule has work
// on every unit. It shows how lint scales with the size of one spec.
func Large(n int) map[string]string {
	g := &gen{r: rand.New(rand.NewPCG(uint64(n), 0x1a79e5bc)), co: "large", crossOnly: true}
	const region = "eu-west-1"
	files := map[string]string{"variables.hcl": g.variables(region)}
	g.p("# Generated benchmark spec of %d units.\n\naws {\n  account_id = \"111122223333\"\n}\n\n", n)
	for b := range n {
		g.i = b // statement principals, account ids and key ARNs differ per unit
		g.defective = g.r.IntN(3) == 0
		// The log bucket's policy names each bucket that logs to it; past
		// 32 of them it would outgrow AWS's 20 KB limit (TMC506), so the
		// others log to a bucket the spec does not declare.
		g.logTarget = ""
		if b >= sharedLogSources {
			g.logTarget = `"teramot-large-central-logs"`
		}
		g.bucket(b, region, true, true)
	}
	g.defective, g.logTarget = false, ""
	g.logsBucket(region, true)
	for k := range n {
		g.i = 0
		g.defective = g.r.IntN(3) == 0
		g.grant(k, k, true)
	}
	g.trail(0, true, region)
	files["main.hcl"] = g.b.String()
	return files
}

const sharedLogSources = 32

// WriteLarge writes Large(n) to dir/large-N and returns that directory.
func WriteLarge(dir string, n int) (string, error) {
	p := filepath.Join(dir, fmt.Sprintf("large-%d", n))
	if err := os.MkdirAll(p, 0o755); err != nil {
		return "", err
	}
	for name, src := range Large(n) {
		if err := os.WriteFile(filepath.Join(p, name), []byte(src), 0o644); err != nil {
			return "", err
		}
	}
	return p, nil
}
