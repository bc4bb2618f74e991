package apply

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// verifyImport plans the imported spec (src) against the live state, as
// "teramotc plan" will, so that import never writes a spec that does not
// validate or whose apply would widen access or delete data (a loosen or
// DESTRUCTIVE change), whatever live setting the
// checks before it did not foresee (bucket names the import in notes). externalID is the role's live
// external id: it is only passed to the loader, never written. A spec
// that does not load, or such a change, is refused; the
// other changes are listed in one warning, so the user knows what plan
// will show before running it.
func (e *Engine) verifyImport(ctx context.Context, bucket string, src []byte, externalID string, im *Imported) error {
	dir, err := os.MkdirTemp("", "teramotc-import-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), src, 0o600); err != nil {
		return err
	}
	if externalID == "" {
		externalID = "teramotc-import-check" // a trust policy without one: plan adds the condition
	}
	loaded, diags := spec.Load(dir, spec.Options{Environ: []string{"TERAMOTC_VAR_external_id=" + externalID}})
	if diags.HasErrors() {
		im.refuse("bucket %s: the imported spec would not validate, as the live state has a value the spec language does not accept: %s", bucket, diagText(diags))
		return nil
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		im.refuse("the imported spec would not render: %s", diagText(diags))
		return nil
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		return err
	}
	live, err := e.Read(ctx, items)
	if err != nil {
		return err
	}
	var shown []string
	for _, c := range e.MakePlan(items, live).Changes {
		what := fmt.Sprintf("%s %s %q [%s]", c.Action, c.Type, c.Name, c.Risk)
		if c.Destructive {
			what += " DESTRUCTIVE"
		}
		if c.Reason != "" {
			what += " (" + c.Reason + ")"
		}
		if c.Risk == RiskLoosen || c.Destructive {
			im.refuse("applying the imported spec would widen access or auditing, or delete data: plan would show %s, because the "+
				"live state has something a spec cannot express there.", what)
			continue
		}
		shown = append(shown, what)
	}
	if len(shown) > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: plan shows %d change(s) for the imported spec: %s.",
			bucket, len(shown), strings.Join(shown, "; ")))
	}
	return nil
}

// diagText is the errors of diags, one sentence each.
func diagText(diags hcl.Diagnostics) string {
	var out []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s := d.Summary
		if d.Detail != "" {
			s += ": " + d.Detail
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}
