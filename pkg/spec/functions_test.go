package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// evalIn evaluates an HCL expression with the function table of root and
// returns its JSON encoding, or the first diagnostic's detail.
func evalIn(t *testing.T, root, src string) (string, string) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags.Error())
	}
	v, diags := expr.Value(&hcl.EvalContext{Functions: functions(root)})
	if diags.HasErrors() {
		return "", diags[0].Summary + ": " + diags[0].Detail
	}
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		t.Fatal(err)
	}
	return string(b), ""
}

func TestFunctions(t *testing.T) {
	root := t.TempDir()
	tests := []struct{ expr, want string }{
		{`format("%s-%03d", "a", 7)`, `"a-007"`},
		{`formatlist("%s!", ["a", "b"])`, `["a!","b!"]`},
		{`lower("ABC")`, `"abc"`},
		{`upper("abc")`, `"ABC"`},
		{`title("hello world")`, `"Hello World"`},
		{`trim("--x--", "-")`, `"x"`},
		{`trimspace("  x ")`, `"x"`},
		{`trimprefix("s3:Get", "s3:")`, `"Get"`},
		{`trimsuffix("a.hcl", ".hcl")`, `"a"`},
		{`join(",", ["a", "b"])`, `"a,b"`},
		{`split(",", "a,b")`, `["a","b"]`},
		{`replace("a-b-c", "-", "_")`, `"a_b_c"`},
		{`replace("a1b22", "/[0-9]+/", "#")`, `"a#b#"`},
		{`regex("^([a-z]+)", "abc123")`, `["abc"]`},
		{`regexall("[0-9]", "a1b2")`, `["1","2"]`},
		{`substr("teramot", 0, 4)`, `"tera"`},
		{`concat(["a"], ["b"])`, `["a","b"]`},
		{`merge({a = 1}, {b = 2})`, `{"a":1,"b":2}`},
		{`lookup({a = "x"}, "b", "d")`, `"d"`},
		{`length([1, 2, 3])`, `3`},
		{`length("abc")`, `3`},
		{`length("")`, `0`},
		{`length("héllo")`, `5`},
		{`length("e\u0301")`, `1`}, // one grapheme cluster, as Terraform counts
		{`length({a = 1, b = 2})`, `2`},
		{`length(["a", "b"][*])`, `2`},
		{`keys({b = 1, a = 2})`, `["a","b"]`},
		{`values({b = 1, a = 2})`, `[2,1]`},
		{`contains(["a"], "a")`, `true`},
		{`distinct(["a", "a", "b"])`, `["a","b"]`},
		{`flatten([["a"], ["b", ["c"]]])`, `["a","b","c"]`},
		{`coalesce("", "x")`, `"x"`},
		{`coalescelist([], ["x"])`, `["x"]`},
		{`compact(["a", "", "b"])`, `["a","b"]`},
		{`element(["a", "b"], 3)`, `"b"`},
		{`index(["a", "b"], "b")`, `1`},
		{`jsonencode({a = [1]})`, `"{\"a\":[1]}"`},
		{`jsondecode("{\"a\":true}").a`, `true`},
		{`min(3, 1, 2)`, `1`},
		{`max(3, 1, 2)`, `3`},
		{`abs(-2)`, `2`},
		{`ceil(1.2)`, `2`},
		{`floor(1.8)`, `1`},
		{`range(3)`, `[0,1,2]`},
		{`reverse(["a", "b"])`, `["b","a"]`},
		{`sort(["b", "a"])`, `["a","b"]`},
		{`setunion(["a"], ["b"])`, `["a","b"]`},
		{`tolist(toset(["b", "a"]))`, `["a","b"]`},
		{`tomap({a = "x"})`, `{"a":"x"}`},
		{`tostring(1)`, `"1"`},
		{`tonumber("2")`, `2`},
		{`tobool("true")`, `true`},
		{`zipmap(["a"], ["x"])`, `{"a":"x"}`},
		{`can(regex("^x", "y"))`, `false`},
		{`try(regex("^x", "y"), "fallback")`, `"fallback"`},
		{`startswith("s3:GetObject", "s3:")`, `true`},
		{`endswith("a.hcl", ".tf")`, `false`},
		{`sha256("abc")`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{`base64encode("hi")`, `"aGk="`},
		{`base64decode("aGk=")`, `"hi"`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, errText := evalIn(t, root, tt.expr)
			if errText != "" {
				t.Fatalf("error: %s", errText)
			}
			if got != tt.want {
				t.Errorf("= %s, want %s", got, tt.want)
			}
		})
	}
	for _, name := range []string{"uuid", "timestamp", "bcrypt", "uuidv5"} {
		if _, ok := functions(root)[name]; ok {
			t.Errorf("non-deterministic function %s is offered", name)
		}
	}
}

func TestFileConfinement(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("s3cret"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := writeSpec(t, map[string]string{
		"data.txt":    "inside",
		"sub/x.txt":   "nested",
		"greet.tpl":   "hello ${name}",
		"escape.tpl":  `${file("../secret.txt")}`,
		"binary.bin":  "\xff\xfe",
		"sub/dot.txt": "dot",
	})
	mustSymlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "link-out"))
	mustSymlink(t, filepath.Join(root, "data.txt"), filepath.Join(root, "link-in"))
	mustSymlink(t, outside, filepath.Join(root, "dir-out"))
	tests := []struct {
		expr, want, wantErr string
	}{
		{`file("data.txt")`, `"inside"`, ""},
		{`file("sub/x.txt")`, `"nested"`, ""},
		{`file("./sub/dot.txt")`, `"dot"`, ""},
		{`file("link-in")`, `"inside"`, ""},
		{`templatefile("greet.tpl", { name = "teramot" })`, `"hello teramot"`, ""},
		{`file("../secret.txt")`, "", `may not contain ".."`},
		{`file("sub/../../secret.txt")`, "", `may not contain ".."`},
		{`file("` + filepath.Join(outside, "secret.txt") + `")`, "", "absolute paths are not allowed"},
		{`file("link-out")`, "", "outside the spec directory"},
		{`file("dir-out/secret.txt")`, "", "outside the spec directory"},
		{`file("missing.txt")`, "", "no file"},
		{`file("binary.bin")`, "", "not UTF-8"},
		{`file("")`, "", "empty"},
		{`templatefile("escape.tpl", {})`, "", `may not contain ".."`},
		{`templatefile("link-out", {})`, "", "outside the spec directory"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			checkFileEval(t, root, tt.expr, tt.want, tt.wantErr, "s3cret")
		})
	}
}

// checkFileEval evaluates expr in root: it must give want, or an error
// containing wantErr; neither may hold any of leaks (file content).
func checkFileEval(t *testing.T, root, expr, want, wantErr string, leaks ...string) {
	t.Helper()
	got, errText := evalIn(t, root, expr)
	if wantErr == "" {
		if errText != "" || got != want {
			t.Errorf("= %s (error %q), want %s", got, errText, want)
		}
		return
	}
	if !strings.Contains(errText, wantErr) {
		t.Errorf("error = %q, want it to contain %q", errText, wantErr)
	}
	for _, leak := range leaks {
		if strings.Contains(errText+got, leak) {
			t.Errorf("the file's content leaks: %q %q", got, errText)
		}
	}
}

func TestSpecFileSymlinkEscape(t *testing.T) {
	outside := writeSpec(t, map[string]string{"evil.hcl": minimalBucket})
	root := writeSpec(t, map[string]string{"main.hcl": minimalBucket})
	mustSymlink(t, filepath.Join(outside, "evil.hcl"), filepath.Join(root, "evil.hcl"))
	_, diags := Load(root, Options{})
	got := summaries(diags)
	if len(got) != 1 || got[0] != "File outside the spec root" {
		t.Fatalf("errors = %v, want [File outside the spec root]", got)
	}
	if diags[0].Subject == nil || diags[0].Subject.Filename != filepath.Join(root, "evil.hcl") {
		t.Errorf("subject = %v", diags[0].Subject)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

func TestBoundedFunctions(t *testing.T) {
	root := t.TempDir()
	tests := []struct{ expr, want, wantErr string }{
		{`length(range(1024))`, `1024`, ""},
		{`range(2, 8, 3)`, `[2,5]`, ""},
		{`range(100000000)`, "", "more than 1024"},
		{`range(0, 1e9, 2)`, "", "more than 1024"},
		{`format("%5d|%-3s|%.2f", 7, "a", 1.234)`, `"    7|a  |1.23"`, ""},
		{`format("%0999999999d", 1)`, "", "limited to 10000"},
		{`formatlist("%.99999s", ["a"])`, "", "limited to 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, errText := evalIn(t, root, tt.expr)
			if tt.wantErr == "" && (errText != "" || got != tt.want) {
				t.Errorf("= %s (error %q), want %s", got, errText, tt.want)
			}
			if tt.wantErr != "" && !strings.Contains(errText, tt.wantErr) {
				t.Errorf("error = %q, want %q", errText, tt.wantErr)
			}
		})
	}
}
