package cli

import (
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestPlanScripts runs the plan/apply/import scenarios of
// testdata/plan-moto/*.txtar. Each script gets its own moto_server from the
// "moto" command (skipped locally without moto_server, failing in CI).
func TestPlanScripts(t *testing.T) {
	testenv.RequireBinary(t, "moto_server", "moto 5.2.1 is preinstalled on the project's machines")
	testscript.Run(t, scriptParams(t, "testdata/plan-moto", map[string]func(*testscript.TestScript, bool, []string){
		"moto": cmdMoto,
	}))
}

// cmdMoto starts a private moto_server (account 111122223333, the
// examples' account) with testenv's starter, points AWS_ENDPOINT_URL at it,
// and stops it when the script ends.
func cmdMoto(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: moto")
	}
	m := testenv.StartMotoWith(ts.Fatalf, ts.Defer, "MOTO_ACCOUNT_ID=111122223333")
	ts.Setenv("AWS_ENDPOINT_URL", m.URL)
}
