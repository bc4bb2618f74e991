package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSpecs writes n specs modelled on examples/setup-guide-role (two
// buckets, a cross-account grant, a trail, suppressions), each with its own
// names, and returns their directories.
func benchSpecs(b *testing.B, n int) []string {
	b.Helper()
	main, err := os.ReadFile("../../examples/setup-guide-role/main.hcl")
	if err != nil {
		b.Fatal(err)
	}
	vars, err := os.ReadFile("../../examples/setup-guide-role/variables.hcl")
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	dirs := make([]string, n)
	for i := range dirs {
		dir := filepath.Join(root, fmt.Sprintf("spec%04d", i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		v := strings.Replace(string(vars), `default     = "acme"`, fmt.Sprintf(`default     = "acme%04d"`, i), 1)
		for name, src := range map[string]string{"main.hcl": string(main), "variables.hcl": v} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		dirs[i] = dir
	}
	return dirs
}

func benchmarkLint(b *testing.B, n int) {
	set, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	dirs := benchSpecs(b, n)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, res := range set.Lint(ctx, dirs, LintOptions{}) {
			if res.Diagnostics.HasErrors() {
				b.Fatalf("%s: %s", res.Path, diagText(res))
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e6, "ms/spec")
}

// BenchmarkLint1 lints one spec (policy set already compiled).
func BenchmarkLint1(b *testing.B) { benchmarkLint(b, 1) }

// BenchmarkLint1000 lints 1,000 specs in one run, in parallel.
func BenchmarkLint1000(b *testing.B) { benchmarkLint(b, 1000) }

// BenchmarkCompile measures compiling the built-in policy set, the fixed
// start-up cost of every lint process.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		mods, err := BuiltinModules(false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := compile(context.Background(), mods, nil, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
