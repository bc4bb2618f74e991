package cli

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
)

// initFS holds the files `teramotc init` writes, under their final names.
//
//go:embed all:initdata
var initFS embed.FS

// initTemplates are the scaffold files filled in with text/template; the
// others are copied as they are.
var initTemplates = map[string]bool{
	"main.hcl":                       true,
	".github/workflows/teramotc.yml": true,
}

func init() {
	register(&Command{
		Name:     "init",
		Synopsis: "Scaffold a spec, .teramotc.hcl, a custom rule and a CI workflow",
		Usage: `
Usage: teramotc init [flags] [DIR]

Writes a starter project into DIR (default "."), creating it if needed:

  main.hcl                        a spec: a shared bucket, a log bucket, a
                                  cross-account role (trusting
                                  -partner-account-id, with the
                                  -partner-external-id the partner
                                  issued), a CloudTrail trail
  .teramotc.hcl                   lint configuration
  policy/owner_tag.rego           a custom rule (ORG001) and
  policy/owner_tag_test.rego      its Rego unit tests
  .github/workflows/teramotc.yml  a GitHub Actions workflow
  .gitignore                      ignores access keys (*.access-key.json),
                                  rendered/ and the workflow's SARIF file

It never overwrites: when any of these files exists, it writes nothing. An
existing .gitignore is kept (init then lists the lines to add to it).

The workflow's paths are relative to DIR ("teramotc validate ."), since
GitHub reads workflows only at the root of a repository: DIR is meant to be
one ("teramotc init myshare; cd myshare; git init"). In an existing
repository, run init at its root, or move the workflow there and put DIR in
front of its paths. It installs teramotc pinned to the release running init
(a development build pins v0.1.0 with a comment to pin yours), never
@latest.

Flags:
  -company=SLUG   company slug used in bucket names (default "example")
  -account-id=ID  your AWS account id, written to the spec's aws block
                  (default 111122223333: replace it before apply, which
                  refuses credentials of another account)
  -partner-account-id=ID
                  the partner's AWS account id, the one the cross-account
                  role trusts: the default of the variable
                  partner_account_id. Without it that variable has no
                  default, so validate, lint, render, plan and the CI
                  workflow fail until you give one (in main.hcl, or with
                  -var partner_account_id=ID or
                  TERAMOTC_VAR_partner_account_id=ID): init never picks
                  the account a role trusts
  -partner-external-id=ID
                  the external id the partner issued for your account
                  (AWS advises a random value the third party generates):
                  the default of the variable external_id. Without it
                  that variable has no default, and the commands fail
                  the same way until you give one: init never makes one
                  up. AWS does not treat an external id as a secret;
                  teramotc keeps it out of its output all the same
  -no-color       disable colour

Exit codes: 0 written, 1 a file exists or an error occurred.
`,
		Run: runInit,
	})
}

var (
	companySlug = regexp.MustCompile(`^[a-z0-9-]{2,30}$`)
	accountID   = regexp.MustCompile(`^[0-9]{12}$`)
	// externalIDPattern is what STS accepts as an external id, 2 to 1224 of
	// them (Go's regexp repeats at most 1000 times).
	externalIDPattern = regexp.MustCompile(`^[\w+=,.@:/-]+$`)
)

// initValues are the values init writes into the scaffold's templates.
type initValues struct {
	Company, AccountID string
	// PartnerAccountID and ExternalID, when empty, leave their variable
	// without a default: init never picks the account a role trusts nor
	// makes up the external id the partner issues.
	PartnerAccountID, ExternalID string
}

func runInit(env *Env, args []string) int {
	fs := newFlagSet(env, "init")
	company := fs.String("company", "example", "company slug used in bucket names")
	account := fs.String("account-id", "111122223333", "your AWS account id")
	partner := fs.String("partner-account-id", "", "the partner's AWS account id, trusted by the cross-account role (no default)")
	externalID := fs.String("partner-external-id", "", "the external id the partner issued (no default)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	dir, ok := oneSpecArg(env, "init", rest)
	if !ok {
		return view.ExitError
	}
	if !companySlug.MatchString(*company) {
		return usageError(env, "init", "-company=%q: use 2 to 30 lowercase letters, digits and dashes", *company)
	}
	if !accountID.MatchString(*account) {
		return usageError(env, "init", "-account-id=%q: an AWS account id is 12 digits", *account)
	}
	if !accountID.MatchString(*partner) && *partner != "" {
		return usageError(env, "init", "-partner-account-id=%q: an AWS account id is 12 digits", *partner)
	}
	if e := *externalID; e != "" && (len(e) < 2 || len(e) > 1224 || !externalIDPattern.MatchString(e)) {
		return usageError(env, "init", "-partner-external-id: an external id is 2 to 1224 letters, digits and characters of +=,.@:/-_ (the value is not shown: it is sensitive)")
	}
	if *partner == *account {
		return usageError(env, "init", "-partner-account-id=%s is your own account (-account-id): the role is for the partner's account; give the partner's id", *partner)
	}
	files, err := scaffold(dir, initValues{Company: *company, AccountID: *account, PartnerAccountID: *partner, ExternalID: *externalID})
	if err != nil {
		return report(env, &problem{"cannot build the starter project: " + err.Error(), "This is a bug in teramotc; please report it."})
	}
	var exists []string
	for _, f := range files {
		if f.name == gitignore {
			continue // kept when it exists: a repository root has one
		}
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			exists = append(exists, filepath.Join(dir, f.name))
		}
	}
	if len(exists) > 0 {
		return view.WriteInitExists(env.Stderr, exists)
	}
	if p := makeDir(dir, initDirHint(dir)); p != nil {
		return report(env, p)
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if prob := makeDir(filepath.Dir(p), initDirHint(dir)); prob != nil {
			return report(env, prob)
		}
		// O_EXCL: a file created since the check above is not overwritten.
		fd, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if f.name == gitignore && errors.Is(err, os.ErrExist) {
			view.WriteInitKept(env.Stdout, p, ignorePatterns(f.data))
			continue
		}
		if err == nil {
			_, err = fd.Write(f.data)
			err = errors.Join(err, fd.Close())
		}
		if err != nil {
			return report(env, &problem{fmt.Sprintf("cannot write %s: %s", p, reason(err, p)), "Check that you may write to " + dir + "; files written before this one stay."})
		}
		view.WriteInitCreated(env.Stdout, p)
	}
	if *partner == "" || *externalID == "" {
		view.WriteInitMissing(env.Stdout, filepath.Join(dir, "main.hcl"), *partner == "", *externalID == "")
	}
	view.WriteInitNextSteps(env.Stdout, dir, filepath.Join(dir, "policy"), filepath.Join(dir, "rendered"), filepath.Clean(dir) != ".")
	return view.ExitOK
}

// gitignore is the scaffold file init keeps when it exists.
const gitignore = ".gitignore"

// ignorePatterns returns the patterns of a .gitignore: its lines that are
// neither blank nor comments, trimmed.
func ignorePatterns(data []byte) []string {
	var patterns []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, l)
		}
	}
	return patterns
}

// initDirHint says what DIR of init must be.
func initDirHint(dir string) string {
	hint := "init writes a project into a directory, creating it if needed; give a directory path"
	if filepath.Ext(dir) == ".hcl" {
		hint += ", such as " + filepath.Dir(dir) // init clean/main.hcl
	}
	return hint + "."
}

// releaseTag matches a release version: 1.2.3 or v1.2.3, nothing after.
var releaseTag = regexp.MustCompile(`^v?[0-9]+\.[0-9]+\.[0-9]+$`)

// firstRelease is what the workflow of a development build installs.
const firstRelease = "v0.1.0"

// workflowPin returns the teramotc version the scaffolded workflow installs
// and the comment above it: the running release, so that CI runs what
// wrote the project, or, from a development build (0.1.0-dev), the first
// release with a note to pin the one in use. Never @latest: CI would
// change under the project without a commit.
func workflowPin(v string) (pin, note string) {
	if releaseTag.MatchString(v) {
		return "v" + strings.TrimPrefix(v, "v"), "the teramotc release that scaffolded this project; upgrade it on purpose"
	}
	return firstRelease, "written by a development build (" + v + "): pin the teramotc release you use"
}

type scaffoldFile struct {
	name string // slash path relative to DIR
	data []byte
}

// scaffold returns the files of a new project in dir, templates filled in
// with v.
func scaffold(dir string, v initValues) ([]scaffoldFile, error) {
	pin, pinNote := workflowPin(version.Version)
	data := map[string]string{
		"Company":          v.Company,
		"AccountID":        v.AccountID,
		"PartnerAccountID": v.PartnerAccountID,
		"ExternalID":       v.ExternalID,
		"Version":          pin,
		"PinNote":          pinNote,
	}
	var files []scaffoldFile
	err := fs.WalkDir(initFS, "initdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, "initdata/")
		src, err := initFS.ReadFile(p)
		if err != nil {
			return err
		}
		if initTemplates[name] {
			t, err := template.New(path.Base(name)).Option("missingkey=error").Parse(string(src))
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := t.Execute(&buf, data); err != nil {
				return err
			}
			src = buf.Bytes()
		}
		files = append(files, scaffoldFile{name: name, data: src})
		return nil
	})
	return files, err
}
