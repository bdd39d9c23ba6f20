package cli_test

import (
	"regexp"
	"slices"
	"strings"

	sqzcli "github.com/sqzjs/sqzjs/internal/cli"
)

// stream names the output a rule applies to.
type stream int

const (
	stdout stream = 1 << iota
	stderr
)

// rule is one difference sqzjs makes on purpose (internal/cli's package
// documentation lists them). rewrite gets the step's arguments and the
// recorded and sqzjs texts of one stream, and returns sqzjs's text with that
// difference turned back into what sequelize-cli prints, only where the
// difference may occur; everything else is left alone and compared exactly.
type rule struct {
	name    string
	streams stream
	rewrite func(args []string, want, have string) string
}

// deliberate lists the rules, applied in this order.
var deliberate = []rule{
	{"--debug stack frames", stderr, debugFrames},
	{"error locations", stderr, dropLocationLines},
	{"program name in the command list", stdout | stderr, programName},
	{"(not yet) after commands sqzjs does not run yet", stdout | stderr, notYet},
	{"wording of an unknown command or argument", stderr, unknownWording},
	{"--version prints sqzjs's version", stdout, version},
}

func applyDeliberate(s stream, args []string, want, have string) string {
	for _, r := range deliberate {
		if r.streams&s != 0 {
			have = r.rewrite(args, want, have)
		}
	}
	return have
}

func hasLineWithPrefix(text, prefix string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// dropLocationLines: when a migration fails, sqzjs adds the location of the
// failure (the user's file and line) as lines starting with four spaces and
// "at " after the ERROR: message, where sequelize-cli without --debug
// prints the message only. So when the recorded stderr has no such line at
// all, every "    at " line of sqzjs's stderr that comes after a line
// starting with "ERROR: " is removed; elsewhere (before any ERROR: line, or
// when the recording itself has "    at " lines, as with --debug) the
// comparison stays exact.
func dropLocationLines(_ []string, want, have string) string {
	if hasLineWithPrefix(want, "    at ") {
		return have
	}
	lines := strings.Split(have, "\n")
	out := lines[:0:0]
	afterError := false
	for _, l := range lines {
		if afterError && strings.HasPrefix(l, "    at ") {
			continue
		}
		afterError = afterError || strings.HasPrefix(l, "ERROR: ")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// frameBlock returns the "    at " lines right after the first line
// starting with "ERROR: " (start, end; start == end when there are none).
func frameBlock(lines []string) (int, int) {
	for i, l := range lines {
		if strings.HasPrefix(l, "ERROR: ") {
			j := i + 1
			for j < len(lines) && strings.HasPrefix(lines[j], "    at ") {
				j++
			}
			return i + 1, j
		}
	}
	return 0, 0
}

var userFile = regexp.MustCompile(`<project>/[^:)]+`)

// debugFrames: with --debug the error's stack lists sqzjs's frames (the
// user's functions with the position of the failing call, goja's natives)
// where Node lists Sequelize's, umzug's and its own internals. When the
// step has --debug and both texts have frames right after their "ERROR: "
// line, sqzjs's frames are replaced by the recorded ones, provided they
// name every file of the project the recorded frames name; the first line
// of the stack and every other line stay exact.
func debugFrames(args []string, want, have string) string {
	if !slices.Contains(args, "--debug") {
		return have
	}
	wl, hl := strings.Split(want, "\n"), strings.Split(have, "\n")
	ws, we := frameBlock(wl)
	hs, he := frameBlock(hl)
	if ws == we || hs == he {
		return have
	}
	ours := strings.Join(hl[hs:he], "\n")
	for _, f := range userFile.FindAllString(strings.Join(wl[ws:we], "\n"), -1) {
		if !strings.Contains(ours, f+":") {
			return have
		}
	}
	out := append(slices.Clone(hl[:hs]), wl[ws:we]...)
	return strings.Join(append(out, hl[he:]...), "\n")
}

// commandList calls f on each line of the help's command list: the lines
// after a "Commands:" line up to the next blank line.
func commandList(have string, f func(string) string) string {
	lines := strings.Split(have, "\n")
	in := false
	for i, l := range lines {
		switch {
		case l == "Commands:":
			in = true
		case l == "":
			in = false
		case in:
			lines[i] = f(l)
		}
	}
	return strings.Join(lines, "\n")
}

// programName: the help names the program "sqzjs" where yargs prints
// "sequelize-cli" (its $0): in the "sqzjs <command>" line and at the start
// of every line of the command list. The column widths are the same (the
// padding follows the command names), so only the name is put back.
func programName(_ []string, _, have string) string {
	lines := strings.Split(have, "\n")
	for i, l := range lines {
		if l == "sqzjs <command>" {
			lines[i] = "sequelize-cli <command>"
		}
	}
	return commandList(strings.Join(lines, "\n"), func(l string) string {
		if rest, ok := strings.CutPrefix(l, "  sqzjs "); ok {
			return "  sequelize-cli " + rest
		}
		return l
	})
}

// notYet: sqzjs's command list marks the commands it does not run yet with
// " (not yet)" after their description.
func notYet(_ []string, _, have string) string {
	return commandList(have, func(l string) string { return strings.TrimSuffix(l, " (not yet)") })
}

var (
	yargsUnknownArg = regexp.MustCompile(`^Unknown arguments?: ([^,]+)`)
	yargsDidYouMean = regexp.MustCompile(`^Did you mean (\S+)\?$`)
	unknownCommand  = regexp.MustCompile(`^Unknown command "([^"]*)"\.$`)
)

// unknownWording: after the help, sqzjs words an unknown option as
// `Unknown argument "--x".` (with ` Did you mean "--y"?` when one is close)
// and a positional after the command as `Unknown argument "x". cmd takes
// no positional arguments.` where yargs prints "Unknown argument: x" (or
// "Unknown arguments: x, …"); an unknown command as `Unknown command "x".
// Did you mean "y"?` where yargs prints "Did you mean y?", or, with
// nothing close, `Unknown command "x".` where yargs prints "Unknown
// argument: x" (or lists x among "Unknown arguments: env, x", the top
// level knowing no --env). The last line is put back only when it names the same
// argument or the same suggestion.
func unknownWording(_ []string, want, have string) string {
	wl := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	hl := strings.Split(strings.TrimSuffix(have, "\n"), "\n")
	w, h := wl[len(wl)-1], hl[len(hl)-1]
	var ours *regexp.Regexp
	if m := yargsUnknownArg.FindStringSubmatch(w); m != nil {
		ours = regexp.MustCompile(`^Unknown argument "(?:--?)?` + regexp.QuoteMeta(m[1]) + `"\.( Did you mean "[^"]+"\?| \S+ takes no positional arguments\.)?$`)
		if c := unknownCommand.FindStringSubmatch(h); c != nil && slices.Contains(strings.Split(strings.SplitN(w, ": ", 2)[1], ", "), c[1]) {
			ours = unknownCommand
		}
	} else if m := yargsDidYouMean.FindStringSubmatch(w); m != nil {
		ours = regexp.MustCompile(`^Unknown command "[^"]*"\. Did you mean "` + regexp.QuoteMeta(m[1]) + `"\?$`)
	}
	if ours == nil || !ours.MatchString(h) {
		return have
	}
	hl[len(hl)-1] = w
	return strings.Join(hl, "\n") + "\n"
}

var versionLine = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// version: --version prints sqzjs's version (internal/cli.Version) where
// sequelize-cli prints its own.
func version(args []string, want, have string) string {
	if !slices.Contains(args, "--version") {
		return have
	}
	var recorded string
	for _, l := range strings.Split(want, "\n") {
		if versionLine.MatchString(l) {
			recorded = l
		}
	}
	if recorded == "" {
		return have
	}
	lines := strings.Split(have, "\n")
	for i, l := range lines {
		if l == sqzcli.Version {
			lines[i] = recorded
		}
	}
	return strings.Join(lines, "\n")
}
