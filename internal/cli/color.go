package cli

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// colorModes are the values of -color. auto is the default.
var colorModes = []string{"auto", "always", "never"}

// setColor applies -color=mode; -no-color is -color=never. auto colours
// each stream that is a terminal, unless NO_COLOR is set and not empty.
// always colours both streams even when redirected, and despite NO_COLOR:
// a flag given for one run overrides the environment, as no-color.org
// asks. The last of -color and -no-color wins, wherever each is given.
func (env *Env) setColor(mode string) *problem {
	switch mode {
	case "auto":
		on := env.Getenv == nil || env.Getenv("NO_COLOR") == ""
		env.Color, env.ErrColor = on && env.IsTerminal, on && env.ErrIsTerminal
	case "always":
		env.Color, env.ErrColor = true, true
	case "never":
		env.Color, env.ErrColor = false, false
	case "":
		return &problem{"-color needs a value", "Give it as -color=auto, -color=always or -color=never."}
	default:
		return &problem{
			fmt.Sprintf("unknown colour mode %q for -color.%s", mode, didYouMean(mode, colorModes)),
			"-color takes auto (colour on a terminal unless NO_COLOR is set; the default), always or never. " +
				"-no-color is -color=never.",
		}
	}
	return nil
}

// disableColor turns colour off on both streams (-no-color).
func (env *Env) disableColor() { env.Color, env.ErrColor = false, false }

// noColorLine is the help line of -no-color in a command's usage.
var noColorLine = regexp.MustCompile(`(?m)^( +)(-no-color +)\S.*$`)

// withColorHelp adds the help line of -color below that of -no-color, in
// the same column: newFlagSet gives every command both flags.
func withColorHelp(usage string) string {
	m := noColorLine.FindStringSubmatchIndex(usage)
	if m == nil || strings.Contains(usage, "-color=") {
		return usage
	}
	indent, name := usage[m[2]:m[3]], usage[m[4]:m[5]]
	const flag = "-color=WHEN"
	line := fmt.Sprintf("\n%s%-*s%s", indent, max(len(name), len(flag)+2), flag, "auto, always or never (default auto)")
	return usage[:m[1]] + line + usage[m[1]:]
}

// takeColorFlags removes -no-color and -color from the arguments after
// the command name where the command's own flags would not see them:
// before a subcommand ("policy -no-color test DIR") and, when anywhere is
// set, among help's arguments ("help -no-color lint"). Both are global
// flags accepted after every command name; -no-color=false leaves colour
// as it is.
func takeColorFlags(env *Env, args []string, anywhere bool) ([]string, *problem) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case a == "--":
			return append(rest, args[i:]...), nil
		case strings.HasPrefix(a, "-") && name == "no-color":
			off, err := strconv.ParseBool(cmp.Or(value, "true"))
			if err != nil {
				return nil, boolProblem(name, value)
			}
			if off {
				env.disableColor()
			}
		case strings.HasPrefix(a, "-") && name == "color":
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			if p := env.setColor(value); p != nil {
				return nil, p
			}
		case anywhere:
			rest = append(rest, a)
		default:
			return append(rest, args[i:]...), nil
		}
	}
	return rest, nil
}
