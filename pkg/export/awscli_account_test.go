package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAWSCLIAccountCheck runs apply.sh with a stand-in aws command: with
// credentials of another account than aws.account_id it stops before any
// other call, as teramotc apply refuses; with the spec's account it runs on.
func TestAWSCLIAccountCheck(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not on PATH")
	}
	script := awsCLIScript(t, "")
	tests := []struct {
		name    string
		account string
		wantErr bool
	}{
		{"the spec's account", "111122223333", false},
		{"another account", "222222222222", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			calls := filepath.Join(dir, "calls")
			if err := os.Mkdir(bin, 0o755); err != nil {
				t.Fatal(err)
			}
			fake := "#!/usr/bin/env bash\necho \"$*\" >> " + calls + "\n" +
				"if [ \"$1\" = sts ]; then echo " + tc.account + "; fi\nexit 0\n"
			if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(fake), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "apply.sh"), []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", filepath.Join(dir, "apply.sh"))
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			logged, _ := os.ReadFile(calls)
			n := strings.Count(string(logged), "\n")
			if tc.wantErr {
				if err == nil || !strings.Contains(string(out), "the credentials are for account 222222222222, but the spec is for account 111122223333") {
					t.Fatalf("apply.sh with another account: err = %v, output %q; want a refusal", err, out)
				}
				if n != 1 {
					t.Errorf("apply.sh made %d aws calls before refusing, want only sts:\n%s", n, logged)
				}
				return
			}
			if err != nil {
				t.Fatalf("apply.sh with the spec's account: %v\n%s", err, out)
			}
			if n < 8 {
				t.Errorf("apply.sh made %d aws calls, want the whole setup:\n%s", n, logged)
			}
		})
	}
}
