package apply

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

var update = flag.Bool("update", false, "rewrite testdata/permissions and the operation table of docs/permissions.md")

type clientInterface struct {
	service string
	typ     reflect.Type
}

// clientInterfaces are the interfaces of SDK methods the engine calls,
// with the service prefix of their operations.
var clientInterfaces = []clientInterface{
	{"s3", reflect.TypeFor[S3API]()},
	{"s3", reflect.TypeFor[objectLister]()},
	{"s3", reflect.TypeFor[locationGetter]()},
	{"s3", reflect.TypeFor[aclGetter]()},
	{"iam", reflect.TypeFor[IAMAPI]()},
	{"iam", reflect.TypeFor[inlineLister]()},
	{"iam", reflect.TypeFor[iamRevoker]()},
	{"iam", reflect.TypeFor[loginProfileReader]()},
	{"iam", reflect.TypeFor[accountPolicyReader]()},
	{"sts", reflect.TypeFor[STSAPI]()},
	{"cloudtrail", reflect.TypeFor[CloudTrailAPI]()},
}

// TestPermissionOperationsCoverInterfaces fails when a method is added to
// a client interface without an entry in Operations (and when an entry
// names no method).
func TestPermissionOperationsCoverInterfaces(t *testing.T) {
	methods := map[string]bool{}
	for _, ci := range clientInterfaces {
		for i := 0; i < ci.typ.NumMethod(); i++ {
			api := ci.service + ":" + ci.typ.Method(i).Name
			methods[api] = true
			if _, ok := OperationByAPI(api); !ok {
				t.Errorf("%s (%s) has no entry in Operations (permissions.go): add its IAM actions from the Service Authorization Reference", api, ci.typ.Name())
			}
		}
	}
	for _, op := range Operations {
		if !methods[op.API] {
			t.Errorf("Operations entry %s is no method of a client interface", op.API)
		}
		if len(op.Actions) == 0 && op.API != "sts:GetCallerIdentity" {
			t.Errorf("%s needs no action: only sts:GetCallerIdentity may", op.API)
		}
		if len(op.Reads)+len(op.Writes)+len(op.Imports) == 0 {
			t.Errorf("%s is called for no item type", op.API)
		}
	}
}

// TestPermissionInterfacesListed finds every interface of the package
// whose methods take SDK client options (a new optional interface such as
// objectLister) and requires it in clientInterfaces, so the test above
// sees its methods.
func TestPermissionInterfacesListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			it, ok := ts.Type.(*ast.InterfaceType)
			if !ok || !takesSDKOptions(it) {
				return true
			}
			if !slices.ContainsFunc(clientInterfaces, func(ci clientInterface) bool { return ci.typ.Name() == ts.Name.Name }) {
				t.Errorf("%s: interface %s calls the AWS SDK; add it to clientInterfaces and its methods to Operations", fset.Position(ts.Pos()), ts.Name.Name)
			}
			return true
		})
	}
}

// takesSDKOptions reports whether a method of it has a parameter
// ...func(*X.Options), the signature of every SDK client method.
func takesSDKOptions(it *ast.InterfaceType) bool {
	for _, m := range it.Methods.List {
		ft, ok := m.Type.(*ast.FuncType)
		if !ok {
			continue
		}
		for _, p := range ft.Params.List {
			if e, ok := p.Type.(*ast.Ellipsis); ok {
				if fn, ok := e.Elt.(*ast.FuncType); ok && len(fn.Params.List) == 1 {
					if st, ok := fn.Params.List[0].Type.(*ast.StarExpr); ok {
						if sel, ok := st.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Options" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// TestPermissionS3ActionsExist checks every S3 action of Operations
// against the S3 action list that lint ships (TMC504, from the Service
// Authorization Reference): the action exists and is authorized on the
// bucket ARN, as Operations says. s3:HeadBucket, for one, would fail.
func TestPermissionS3ActionsExist(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "rules", "policies", "lib", "actions.rego"))
	if err != nil {
		t.Fatal(err)
	}
	body, _, _ := strings.Cut(string(src[bytes.Index(src, []byte("\ns3 := {")):]), "\n}\n")
	known := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\t"(\w+)": \{"resource": "(\w+)"`).FindAllStringSubmatch(body, -1) {
		known[strings.ToLower(m[1])] = m[2]
	}
	if len(known) < 100 {
		t.Fatalf("read %d S3 actions from actions.rego; its format changed", len(known))
	}
	for _, op := range Operations {
		for _, a := range op.Actions {
			name, ok := strings.CutPrefix(a, "s3:")
			if !ok {
				continue
			}
			res, ok := known[strings.ToLower(name)]
			switch {
			case !ok:
				t.Errorf("%s: %s is not an S3 action", op.API, a)
			case res != op.Resource:
				t.Errorf("%s: %s is authorized on %q, Operations says %q", op.API, a, res, op.Resource)
			}
		}
	}
}

// loadPermSpec loads and renders the permissions tests' spec, changed by
// mutate.
func loadPermSpec(t *testing.T, mutate func(*spec.Spec)) (*spec.Spec, *render.Output) {
	t.Helper()
	loaded, diags := spec.Load(filepath.Join("testdata", "permissions"), spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	if mutate != nil {
		mutate(loaded.Spec)
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("render: %s", diags.Error())
	}
	return loaded.Spec, out
}

// TestPermissionPolicyGolden keeps the documents of the three commands
// (testdata/permissions/COMMAND.json; -update rewrites them).
func TestPermissionPolicyGolden(t *testing.T) {
	s, out := loadPermSpec(t, nil)
	for _, command := range PermissionCommands {
		t.Run(command, func(t *testing.T) {
			p, err := Permissions(s, out, command)
			if err != nil {
				t.Fatal(err)
			}
			got := render.MarshalValue(p.Document)
			path := filepath.Join("testdata", "permissions", command+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Errorf("%s differs (-want +got; go test ./pkg/apply -run TestPermissionPolicyGolden -update):\n%s", path, d)
			}
			if len(p.Notes) != 0 {
				t.Errorf("notes for a spec with an account: %q", p.Notes)
			}
		})
	}
}

const (
	permDoc      = "../../docs/permissions.md"
	permDocBegin = "<!-- BEGIN GENERATED OPERATIONS: go test ./pkg/apply -run TestPermissionDoc -update -->\n"
	permDocEnd   = "<!-- END GENERATED OPERATIONS -->\n"
)

// operationsMarkdown is the table of Operations for docs/permissions.md.
func operationsMarkdown() string {
	var b strings.Builder
	b.WriteString("\n| operation | IAM actions | resource | plan | apply | import | called only when |\n|---|---|---|---|---|---|---|\n")
	mark := func(ok bool) string {
		if ok {
			return "yes"
		}
		return ""
	}
	for _, op := range Operations {
		acts := "none (see above)"
		if len(op.Actions) > 0 {
			acts = "`" + strings.Join(op.Actions, "`, `") + "`"
		}
		res := op.Resource
		if res == ResourceAny {
			res = "`*`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", op.API, acts, res,
			mark(len(op.Reads) > 0), mark(len(op.Reads)+len(op.Writes) > 0), mark(len(op.Imports) > 0), op.When)
	}
	return b.String() + "\n"
}

// TestPermissionDoc keeps the operation table of docs/permissions.md
// equal to Operations.
func TestPermissionDoc(t *testing.T) {
	src, err := os.ReadFile(permDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	i, j := strings.Index(doc, permDocBegin), strings.Index(doc, permDocEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the generated-section markers", permDoc)
	}
	want := doc[:i+len(permDocBegin)] + operationsMarkdown() + doc[j:]
	if want == doc {
		return
	}
	if *update {
		if err := os.WriteFile(permDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with Operations; run: go test ./pkg/apply -run TestPermissionDoc -update", permDoc)
}
