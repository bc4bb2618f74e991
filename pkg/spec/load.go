package spec

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Options are the inputs of a spec besides its files.
type Options struct {
	Vars     []string // -var NAME=VALUE, in command-line order
	VarFiles []string // -var-file paths, in command-line order
	Environ  []string // KEY=VALUE pairs (os.Environ()), read for TERAMOTC_VAR_<name>

	// Args, when not empty, lists the -var and -var-file arguments in their
	// command-line order and is used instead of Vars and VarFiles, so that a
	// later argument overrides an earlier one as in Terraform. Without it,
	// every -var-file is applied before every -var.
	Args []VarArg

	// Version is the version of the program loading the spec, checked
	// against the teramotc block's required_version ("0.1.0"; a "v" prefix
	// and a pre-release suffix are ignored). The teramotc command sets it
	// to its own version. Left empty, as by library users, required_version
	// is checked for syntax only: a spec that loads with one teramotc
	// release loads with the library whatever its version.
	Version string
}

// VarArg is one -var (File false, Value "NAME=VALUE") or -var-file (File
// true, Value the path) argument.
type VarArg struct {
	File  bool
	Value string
}

// Loaded is the result of Load: the evaluated model (nil when the spec could
// not be evaluated) and the parsed files, keyed by the filename used in
// ranges, for printing source snippets.
type Loaded struct {
	Spec  *Spec
	Files map[string]*hcl.File

	secrets []string // access keys found in the files, masked in Files (redact.go)
	// sensitive holds the values of sensitive variables and of the model's
	// values derived from them, replaced by Redact.
	sensitive sensitiveTexts
	tokens    map[string]hclsyntax.Tokens
}

// Tokens returns the tokens of a file of Files as lexed when it was read,
// or nil. Their positions are those of the file's Bytes; their own Bytes are
// those of the source before any secret was masked, so read text through
// the positions.
func (l *Loaded) Tokens(filename string) hclsyntax.Tokens { return l.tokens[filename] }

// Load reads the spec at path (a directory of *.hcl files other than
// .teramotc.hcl, or a single file), evaluates it and validates it.
//
// Spec is nil when the files could not be parsed or evaluated. When the only
// errors are hard-rule violations (diagnostics carrying a rule ID), Spec is
// the complete model, so that lint can still report on it.
func Load(path string, opts Options) (out *Loaded, diags hcl.Diagnostics) {
	l := &loader{opts: opts, parser: hclparse.NewParser(), tokens: map[string]hclsyntax.Tokens{}, unsettled: map[hcl.Range]bool{},
		failed: map[failedAttr]bool{}, numbers: map[hcl.Range]bool{},
		elems: map[hcl.Range][]hcl.Range{}}
	out = &Loaded{Files: map[string]*hcl.File{}}
	defer func() {
		for name, f := range l.parser.Files() {
			out.Files[name] = f
		}
		out.tokens = l.tokens
		diags = l.hideSecrets(out, diags)
	}()
	files, root, diags := specFiles(path)
	if diags.HasErrors() {
		return out, diags
	}
	l.root = root
	l.funcs = functions(root)
	l.watchFileFuncs()
	l.spec = &Spec{
		Root: root, Files: append([]string{}, files...),
		Variables: []*Variable{}, Locals: []*Local{}, Buckets: []*Bucket{}, Grants: []*Grant{}, Trails: []*Trail{}, RevokedGrants: []*RevokedGrant{},
		Secrets: []*SecretHit{},
	}
	l.parseAll(files)
	l.parseVarFiles()
	// A misplaced top-level block or argument drops only itself: evaluate
	// the rest, as terraform does, so that every file's errors show at once.
	// An unreadable file or a syntax error stops here.
	if errorCount(l.diags) > l.topErrs || l.topErrs > 0 && l.empty() {
		return out, l.diags
	}
	if l.empty() {
		return out, append(l.diags, emptySpec(path, files))
	}
	diags, ok := l.evaluateWithin(EvalTimeout)
	if l.topErrs > 0 {
		return out, l.dropCascades(diags)
	}
	if !ok || !onlyRuleErrors(diags) {
		return out, diags
	}
	out.Spec = l.spec
	return out, diags
}

// loader holds the state of one Load.
type loader struct {
	opts     Options
	root     string
	parser   *hclparse.Parser
	funcs    map[string]function.Function
	diags    hcl.Diagnostics
	spec     *Spec
	srcs     map[string][]byte // file contents, for secrets and type expressions
	tokens   map[string]hclsyntax.Tokens
	varFiles map[string]*hcl.File // parsed -var-file files (nil when invalid)
	// valueRanges maps attribute ranges to their value ranges.
	valueRanges map[hcl.Range]hcl.Range

	top topBlocks
	// unsettled holds the declaration ranges of the blocks with an
	// attribute whose value is unknown after an error already reported
	// (an invalid -var): checks of what the block lacks skip them.
	unsettled map[hcl.Range]bool
	// failed holds the attributes whose value was reported as invalid
	// (wrong type), by their block's declaration range: checks of what
	// the block lacks do not count them as missing (load_cascade.go).
	failed map[failedAttr]bool
	// numbers holds the ranges of the string attributes whose value was a
	// number (account_id = 012345678901 lost its leading zero).
	numbers map[hcl.Range]bool
	// elems holds the ranges of the elements of the list attributes
	// written as list literals, by the attribute's range (elemRange).
	elems map[hcl.Range][]hcl.Range
	// topErrs counts the errors about top-level blocks and arguments
	// (misspelt block types, missing labels), which drop only themselves.
	topErrs int
	// dropped holds the labels of the top-level blocks dropped that way,
	// droppedUnnamed that one without a label was (a misspelt locals
	// block): what references to them may name (dropCascades).
	dropped        []string
	droppedUnnamed bool

	varDecls  map[string]*varDecl
	varObj    cty.Value
	localDefs map[string]*hcl.Attribute
	localVals map[string]cty.Value
	bucketDef map[string]*bucketDecl
	partition string
	// masks are the ranges of sensitive variables' values written in files,
	// masked in Loaded.Files (redact_sensitive.go).
	masks []hcl.Range
	// read are the credentials in what file() and templatefile() returned
	// (secrets_files.go).
	read readSecrets
}

// topBlocks are the top-level blocks of every file, in file order.
type topBlocks struct {
	settings, aws, variables, locals, buckets, grants, trails, revoked []*hcl.Block
}

func (l *loader) parseAll(files []string) {
	l.srcs = map[string][]byte{}
	nblocks := 0
	for _, name := range files {
		f, src, tokens, diags := parseFile(l.parser, name, l.root)
		l.diags = append(l.diags, diags...)
		if src != nil {
			l.srcs[name] = src
		}
		if tokens != nil {
			l.tokens[name] = tokens
		}
		// Scan the bytes whatever the parser thought of them: a file with a
		// syntax error is printed in its diagnostic's snippet too.
		if src != nil {
			l.scanSecrets(name, src)
		}
		if f == nil || diags.HasErrors() {
			continue
		}
		content, diags := f.Body.Content(rootSchema)
		l.diags = append(l.diags, diags...)
		l.topErrs += errorCount(diags)
		if body, ok := f.Body.(*hclsyntax.Body); ok && diags.HasErrors() {
			l.noteDropped(body)
		}
		for _, b := range content.Blocks {
			nblocks++
			if nblocks == MaxBlocks+1 {
				l.diags = append(l.diags, tooManyBlocks(b.DefRange))
			}
			t := &l.top
			switch b.Type {
			case "teramotc":
				t.settings = append(t.settings, b)
			case "aws":
				t.aws = append(t.aws, b)
			case "variable":
				t.variables = append(t.variables, b)
			case "locals":
				t.locals = append(t.locals, b)
			case "bucket":
				t.buckets = append(t.buckets, b)
			case "grant":
				t.grants = append(t.grants, b)
			case "trail":
				t.trails = append(t.trails, b)
			case "revoked_grant":
				t.revoked = append(t.revoked, b)
			}
		}
	}
}

func (l *loader) empty() bool {
	t := l.top
	return len(t.settings)+len(t.aws)+len(t.variables)+len(t.locals)+
		len(t.buckets)+len(t.grants)+len(t.trails)+len(t.revoked) == 0
}

func emptySpec(path string, files []string) *hcl.Diagnostic {
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Empty spec",
		Detail: fmt.Sprintf("%s declares nothing: a spec needs at least one bucket block, "+
			"for example:\n\n  bucket \"data\" {\n    name   = \"my-data-bucket\"\n    region = \"us-east-1\"\n  }", path),
	}
	if len(files) == 0 {
		d.Detail = fmt.Sprintf("%s holds no .hcl files. Write the spec in a file such as %s/main.hcl.", path, path)
		return d
	}
	d.Subject = &hcl.Range{Filename: files[0], Start: hcl.InitialPos, End: hcl.InitialPos}
	return d
}

// evaluate decodes every block into the model, in dependency order.
func (l *loader) evaluate() {
	l.decodeSettings()
	l.decodeVariables()
	l.evalGraph()
	l.decodeLocalsModel()
	for _, b := range l.top.buckets {
		if d := l.bucketDef[b.Labels[0]]; d != nil && d.block == b {
			l.spec.Buckets = append(l.spec.Buckets, l.decodeBucket(d))
		}
	}
	for _, b := range l.top.grants {
		l.spec.Grants = append(l.spec.Grants, l.decodeGrant(b))
	}
	for _, b := range l.top.trails {
		l.spec.Trails = append(l.spec.Trails, l.decodeTrail(b))
	}
	for _, b := range l.top.revoked {
		l.spec.RevokedGrants = append(l.spec.RevokedGrants, l.decodeRevokedGrant(b))
	}
}

func onlyRuleErrors(diags hcl.Diagnostics) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && RuleID(d) == "" {
			return false
		}
	}
	return true
}

func (l *loader) errorf(subject *hcl.Range, summary, detail string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(detail, args...),
		Subject:  l.subject(subject),
	})
}

// ruleError reports a hard-rule violation.
func (l *loader) ruleError(rule string, subject hcl.Range, summary, detail string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(detail, args...),
		Subject:  l.subject(subject.Ptr()),
		Extra:    DiagExtra{RuleID: rule},
	})
}
