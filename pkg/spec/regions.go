package spec

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// regions.txt lists the regions of every AWS partition, generated from the
// AWS SDK's partitions.json; TestRegionsMatchSDK fails when an SDK upgrade
// brings regions the file lacks.
//go:generate go run ./internal/genregions regions.txt

//go:embed regions.txt
var regionsFile string

// regionTable holds the known regions: partition maps each to its
// partition, names lists them in file order.
type regionTable struct {
	partition map[string]string
	names     []string
}

var knownRegions = sync.OnceValue(func() *regionTable {
	t := &regionTable{partition: map[string]string{}}
	for _, line := range strings.Split(regionsFile, "\n") {
		partition, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(partition, "#") {
			continue
		}
		t.partition[name] = partition
		t.names = append(t.names, name)
	}
	return t
})

// checkKnownRegion warns about a well-formed region that is not in the list
// teramotc ships, with a suggestion for a near miss ("us-est-1"). It is a
// warning, not an error: a region AWS opens after the release must still
// validate.
func (l *loader) checkKnownRegion(r Attr[string]) {
	if _, known := knownRegions().partition[r.Value]; known {
		return
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Unknown region",
		Detail: show(r) + " is not an AWS region that teramotc knows." +
			didYouMeanFold(r.Value, knownRegions().names, r.Sensitive) +
			" teramotc knows the regions of the AWS SDK it was built with; if AWS opened this one since, " +
			"the spec is valid and you can ignore this warning. Otherwise correct it: plan and apply send every " +
			"call for this bucket to this region.",
		Subject: l.subject(r.Range.Ptr()),
	})
}
