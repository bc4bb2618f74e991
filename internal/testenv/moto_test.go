package testenv

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestStartMoto(t *testing.T) {
	m := StartMoto(t)
	resp, err := http.Get(m.URL + "/moto-api/data.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(strings.TrimSpace(string(b)), "{") {
		t.Fatalf("moto answered %d: %.200s", resp.StatusCode, b)
	}
}

// TestStartMotoWith starts moto_server through the function-based variant
// (as a testscript command does): the extra environment reaches the server,
// and the registered cleanup stops it.
func TestStartMotoWith(t *testing.T) {
	RequireBinary(t, "moto_server", motoHint)
	var stops []func()
	m := StartMotoWith(t.Fatalf, func(stop func()) { stops = append(stops, stop) }, "MOTO_ACCOUNT_ID=111122223333")
	req, err := http.NewRequest("POST", m.URL+"/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// moto routes a request by the service its signature names.
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "<Account>111122223333</Account>") {
		t.Errorf("GetCallerIdentity answered %d without account 111122223333: %.300s", resp.StatusCode, b)
	}
	if len(stops) != 1 {
		t.Fatalf("%d cleanups registered, want 1", len(stops))
	}
	stops[0]()
	if resp, err := http.Get(m.URL + "/moto-api/"); err == nil {
		resp.Body.Close()
		t.Errorf("moto_server still answers after its cleanup ran")
	}
}
