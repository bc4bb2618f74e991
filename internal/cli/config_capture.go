package cli

import (
	"flag"
	"io"
	"strings"
	"sync"
)

// flagCapture is what a command's flag parsing found when run under
// "config show": the flag set after the command line and the environment,
// the positional arguments, and the error the command would report.
type flagCapture struct {
	fs      *flag.FlagSet
	pos     []string
	applied envApplied
	err     error
}

// captures maps the Env of a command run by "config show" to its capture.
var captures sync.Map // *Env → *flagCapture

// captured records what parseInterleaved found when fs belongs to a
// command run by "config show", and reports whether it did: the command
// must then stop before doing anything.
func captured(fs *flag.FlagSet, pos []string, applied envApplied, err error) bool {
	out, ok := fs.Output().(*flagOutput)
	if !ok {
		return false
	}
	v, ok := captures.Load(out.env)
	if !ok {
		return false
	}
	c := v.(*flagCapture)
	c.fs, c.pos, c.applied, c.err = fs, pos, applied, err
	return true
}

// captureCommand runs cmd with args on a silent Env until it has parsed
// its flags, and returns what it parsed, or nil when the command stopped
// before (a subcommand missing). Commands parse their flags before doing
// anything else (as completion relies on), and parseInterleaved makes them
// stop there as for -help.
func captureCommand(env *Env, cmd *Command, args []string) *flagCapture {
	sub := &Env{
		Stdin:   strings.NewReader(""),
		Stdout:  io.Discard,
		Stderr:  io.Discard,
		Getenv:  env.Getenv,
		Environ: env.Environ,
		Now:     env.Now,
	}
	c := &flagCapture{}
	captures.Store(sub, c)
	defer captures.Delete(sub)
	cmd.Run(sub, args)
	if c.fs == nil {
		return nil
	}
	return c
}
