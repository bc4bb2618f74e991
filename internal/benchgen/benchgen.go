// Package benchgen writes deterministic, varied specs for benchmarks: one to
// four buckets with different encryption, lifecycle, logging and policy
// statements, IAM-user and cross-account grants, trails, tags and
// suppressions. About one spec in three carries lint defects (wildcard
// principals and actions, weak external ids, a false public access flag,
// missing versioning, ...). Every spec is valid: defects are lint findings,
// never validate errors, so `teramotc inspect` accepts each of them.
package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Write creates n spec directories dir/spec00000 ... under dir and returns
// their paths. Spec i depends only on i, so the same n always gives the same
// files.
func Write(dir string, n int) ([]string, error) {
	paths := make([]string, n)
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("spec%05d", i))
		if err := os.MkdirAll(p, 0o755); err != nil {
			return nil, err
		}
		for name, src := range Spec(i) {
			if err := os.WriteFile(filepath.Join(p, name), []byte(src), 0o644); err != nil {
				return nil, err
			}
		}
		paths[i] = p
	}
	return paths, nil
}

// Spec returns the files of spec i: main.hcl and, for most specs,
// variables.hcl.
func Spec(i int) map[string]string {
	g := &gen{r: rand.New(rand.NewPCG(uint64(i), 0x7e7a307c)), i: i, co: fmt.Sprintf("co%05d", i)}
	g.defective = g.r.IntN(3) == 0
	return g.files()
}

type gen struct {
	r         *rand.Rand
	i         int
	co        string
	defective bool
	crossOnly bool   // every grant is a cross_account_role (Large)
	logTarget string // access_logging target_bucket expression, else bucket.logs.name
	b         strings.Builder
}

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// defect reports, for a defective spec, true with probability 1/k.
func (g *gen) defect(k int) bool { return g.defective && g.r.IntN(k) == 0 }

func (g *gen) chance(k int) bool { return g.r.IntN(k) == 0 }

func (g *gen) files() map[string]string {
	files := map[string]string{}
	useVars := !g.chance(4)
	region := []string{"us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"}[g.r.IntN(4)]
	if useVars {
		files["variables.hcl"] = g.variables(region)
	}
	g.p("# Generated benchmark spec %d.\n\n", g.i)
	if !g.chance(5) {
		g.p("aws {\n  account_id = \"%012d\"\n}\n\n", 100000000000+g.i)
	}
	nData := 1 + g.r.IntN(3)
	withLogs := !g.chance(3)
	for b := range nData {
		g.bucket(b, region, useVars, withLogs)
	}
	if withLogs {
		g.logsBucket(region, useVars)
	}
	for k := range g.r.IntN(4) {
		g.grant(k, g.r.IntN(nData), useVars)
	}
	if g.chance(2) {
		g.trail(g.r.IntN(nData), withLogs, region)
	}
	files["main.hcl"] = g.b.String()
	return files
}

func (g *gen) variables(region string) string {
	return fmt.Sprintf(`variable "company" {
  type        = string
  description = "Short company slug used in bucket names."
  default     = %q

  validation {
    condition     = can(regex("^[a-z0-9-]{2,30}$", var.company))
    error_message = "Use 2 to 30 lowercase letters, digits and dashes."
  }
}

variable "region" {
  type    = string
  default = %q
}

variable "external_id" {
  type      = string
  sensitive = true
  default   = "tmc-%08x-%s-4b1d-9e55"
}

locals {
  prefix = "teramot-${var.company}"
}
`, g.co, region, g.r.Uint32(), g.co)
}

func (g *gen) name(label string, useVars bool) string {
	if useVars {
		return fmt.Sprintf("\"${local.prefix}-%s\"", label)
	}
	return fmt.Sprintf("%q", "teramot-"+g.co+"-"+label)
}

func (g *gen) plainName(label string) string { return "teramot-" + g.co + "-" + label }

func (g *gen) regionExpr(region string, useVars bool) string {
	if useVars {
		return "var.region"
	}
	return fmt.Sprintf("%q", region)
}
