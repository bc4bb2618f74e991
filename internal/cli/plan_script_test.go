package cli

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"testing"
	"time"

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
// examples' account) on a free loopback port, points AWS_ENDPOINT_URL at
// it, and stops it when the script ends.
func cmdMoto(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: moto")
	}
	bin, err := exec.LookPath("moto_server")
	ts.Check(err)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "MOTO_ACCOUNT_ID=111122223333", "MOTO_ALLOW_NONEXISTENT_REGION=true")
	ts.Check(cmd.Start())
	ts.Defer(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			ts.Fatalf("moto_server did not start on %s: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	ts.Setenv("AWS_ENDPOINT_URL", url)
}
