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
