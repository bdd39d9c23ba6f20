package cli

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// option is one command-line option as core/yargs.js and the command
// builders declare it.
type option struct {
	name      string // kebab-case
	desc      string
	boolean   bool
	array     bool   // yargs type 'array': every value up to the next option
	required  bool   // yargs demandOption
	def       string // default as yargs shows it in the help ("" for none)
	conflicts []string
}

// helpOptions are yargs' own --version and --help.
var helpOptions = []option{
	{name: "version", desc: "Show version number", boolean: true},
	{name: "help", desc: "Show help", boolean: true},
}

// baseOptions is core/yargs.js _baseOptions, on every command.
var baseOptions = []option{
	{name: "env", desc: "The environment to run the command in", def: `"development"`},
	{name: "config", desc: "The path to the config file"},
	{name: "options-path", desc: "The path to a JSON file with additional options"},
	{name: "migrations-path", desc: "The path to the migrations folder", def: `"migrations"`},
	{name: "seeders-path", desc: "The path to the seeders folder", def: `"seeders"`},
	{name: "models-path", desc: "The path to the models folder", def: `"models"`},
	{name: "url", desc: "The database connection string to use. Alternative to using --config files"},
	{name: "debug", desc: "When available show various debug information", boolean: true, def: "false"},
}

// migrateOptions are commands/migrate.js's (db:migrate, db:migrate:status,
// db:migrate:schema:timestamps:add share that builder).
var migrateOptions = []option{
	{name: "to", desc: "Migration name to run migrations until"},
	{name: "from", desc: "Migration name to start migrations from (excluding)"},
	{name: "name", desc: "Migration name. When specified, only this migration will be run. Mutually exclusive with --to and --from", conflicts: []string{"to", "from"}},
}

// seedOptions are commands/seed_one.js's (db:seed, db:seed:undo).
var seedOptions = []option{
	{name: "seed", desc: "List of seed files", array: true},
}

// initOptions are commands/init.js's.
var initOptions = []option{
	{name: "force", desc: "Will drop the existing config folder and re-create it", boolean: true, def: "false"},
}

// underscoredOption is core/yargs.js _underscoreOption, added last.
var underscoredOption = option{name: "underscored", desc: "Use snake case for the timestamp's attribute names", boolean: true, def: "false"}

// migrationGenerateOptions are commands/migration_generate.js's.
var migrationGenerateOptions = []option{
	{name: "name", desc: "Defines the name of the migration", required: true},
	underscoredOption,
}

// modelGenerateOptions are commands/model_generate.js's (--force is a
// string option there: `--force` alone is "").
var modelGenerateOptions = []option{
	{name: "name", desc: "Defines the name of the new model", required: true},
	{name: "attributes", desc: "A list of attributes", required: true},
	{name: "force", desc: "Forcefully re-creates model with the same name"},
	underscoredOption,
}

// seedGenerateOptions are commands/seed_generate.js's.
var seedGenerateOptions = []option{
	{name: "name", desc: "Defines the name of the seed", required: true},
}

// databaseOptions are commands/database.js's (db:create, db:drop).
var databaseOptions = []option{
	{name: "charset", desc: "Pass charset option to dialect, MYSQL only"},
	{name: "collate", desc: "Pass collate option to dialect"},
	{name: "encoding", desc: "Pass encoding option to dialect, PostgreSQL only"},
	{name: "ctype", desc: "Pass ctype option to dialect, PostgreSQL only"},
	{name: "template", desc: "Pass template option to dialect, PostgreSQL only"},
}

// command is one sequelize-cli command.
type command struct {
	name    string
	desc    string
	options []option // besides helpOptions and baseOptions
	run     func(r *run, a *invocation) int
	// files marks the commands that only write files (init*, the
	// generators): they need no JavaScript runtime without .sequelizerc.
	files bool
}

// commands is the command table of sequelize-cli's bin/sequelize, in its
// order. Commands without run are recognised but not built yet.
var commands = []command{
	{name: "db:migrate", desc: "Run pending migrations", options: migrateOptions, run: (*run).migrate},
	{name: "db:migrate:schema:timestamps:add", desc: "Update migration table to have timestamps", options: migrateOptions, run: (*run).migrateTimestampsAdd},
	{name: "db:migrate:status", desc: "List the status of all migrations", options: migrateOptions, run: (*run).migrateStatus},
	{name: "db:migrate:undo", desc: "Reverts a migration", options: []option{{name: "name", desc: "Name of the migration to undo"}}, run: (*run).migrateUndo},
	{name: "db:migrate:undo:all", desc: "Revert all migrations ran", options: []option{{name: "to", desc: "Revert to the provided migration", def: "0"}}, run: (*run).migrateUndoAll},
	{name: "db:seed", desc: "Run specified seeder", options: seedOptions, run: (*run).seed},
	{name: "db:seed:undo", desc: "Deletes data from the database", options: seedOptions, run: (*run).seedUndo},
	{name: "db:seed:all", desc: "Run every seeder", run: (*run).seedAll},
	{name: "db:seed:undo:all", desc: "Deletes data from the database", run: (*run).seedUndoAll},
	{name: "db:create", desc: "Create database specified by configuration", options: databaseOptions, run: (*run).dbCreate},
	{name: "db:drop", desc: "Drop database specified by configuration", options: databaseOptions, run: (*run).dbDrop},
	{name: "init", desc: "Initializes project", options: initOptions, run: (*run).initAll, files: true},
	{name: "init:config", desc: "Initializes configuration", options: initOptions, run: (*run).initConfigCmd, files: true},
	{name: "init:migrations", desc: "Initializes migrations", options: initOptions, run: (*run).initMigrationsCmd, files: true},
	{name: "init:models", desc: "Initializes models", options: initOptions, run: (*run).initModelsCmd, files: true},
	{name: "init:seeders", desc: "Initializes seeders", options: initOptions, run: (*run).initSeedersCmd, files: true},
	{name: "migration:generate", desc: "Generates a new migration file", options: migrationGenerateOptions, run: (*run).migrationGenerate, files: true},
	{name: "migration:create", desc: "Generates a new migration file", options: migrationGenerateOptions, run: (*run).migrationGenerate, files: true},
	{name: "model:generate", desc: "Generates a model and its migration", options: modelGenerateOptions, run: (*run).modelGenerate, files: true},
	{name: "model:create", desc: "Generates a model and its migration", options: modelGenerateOptions, run: (*run).modelGenerate, files: true},
	{name: "seed:generate", desc: "Generates a new seed file", options: seedGenerateOptions, run: (*run).seedGenerate, files: true},
	{name: "seed:create", desc: "Generates a new seed file", options: seedGenerateOptions, run: (*run).seedGenerate, files: true},
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// allOptions is every option a command accepts.
func (c *command) allOptions() []option {
	all := append(append(append([]option{}, helpOptions...), baseOptions...), c.options...)
	return all
}

func (c *command) option(name string) *option {
	for _, o := range c.allOptions() {
		if o.name == name {
			return &o
		}
	}
	return nil
}

// flag is one option given on the command line.
type flag struct {
	name  string // as written, without dashes
	value string
}

// invocation is the parsed command line, merged with .sequelizerc.
type invocation struct {
	command     string
	positionals []string // after the command
	flags       []flag   // in order
	// values are the effective option values by kebab-case name: flags
	// win over .sequelizerc.
	values map[string]string
	// fromFlags marks the options given on the command line.
	fromFlags map[string]bool
	// lists are the values of array options (--seed a.js b.js).
	lists map[string][]string
}

// booleanNames are the options parsed as booleans whatever the command.
var booleanNames = map[string]bool{"debug": true, "help": true, "version": true}

// kebab turns a camelCase option name into its kebab-case form, as
// yargs-parser's camel-case expansion relates them.
func kebab(name string) string {
	var b strings.Builder
	for _, c := range name {
		if unicode.IsUpper(c) {
			b.WriteByte('-')
			b.WriteRune(unicode.ToLower(c))
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// isValueToken reports whether tok can be the value of a string option
// (yargs-parser: not starting with "-" unless it is a negative number).
func isValueToken(tok string) bool {
	if !strings.HasPrefix(tok, "-") {
		return true
	}
	t := strings.TrimLeft(tok, "-")
	if t == "" {
		return false
	}
	dot := false
	for _, c := range t {
		switch {
		case c == '.' && !dot:
			dot = true
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

// parseArgs splits argv as yargs-parser does: "--opt value", "--opt=value",
// booleans with an optional true/false, "--no-debug", arrays taking every
// value up to the next option, "--" ending the options; the first
// positional is the command. Option names are kept as written;
// normalisation and validation come later, once the command is known. The
// line is parsed once with the options every command has, and again with
// the options of the command it names (its booleans and arrays).
func parseArgs(argv []string) *invocation {
	first := parseWith(argv, nil)
	cmd := findCommand(first.command)
	if cmd == nil {
		first.popHelp()
		return first
	}
	inv := parseWith(argv, cmd)
	defer inv.popHelp()
	if inv.command != first.command {
		// An array option before the command took it as a value
		// ("--seed a.js db:seed"): yargs still runs that command, and the
		// value keeps the name (seed_one.js filters it out).
		if inv.command != "" {
			inv.positionals = append([]string{inv.command}, inv.positionals...)
		}
		inv.command = first.command
	}
	return inv
}

func parseWith(argv []string, cmd *command) *invocation {
	isBool := func(n string) bool {
		if booleanNames[n] {
			return true
		}
		if cmd != nil {
			if o := cmd.option(n); o != nil {
				return o.boolean
			}
		}
		return false
	}
	isArray := func(n string) bool {
		if cmd != nil {
			if o := cmd.option(n); o != nil {
				return o.array
			}
		}
		return false
	}
	inv := &invocation{values: map[string]string{}, fromFlags: map[string]bool{}, lists: map[string][]string{}}
	var positionals []string
	for i := 0; i < len(argv); i++ {
		tok := argv[i]
		switch {
		case tok == "--":
			positionals = append(positionals, argv[i+1:]...)
			i = len(argv)
		case strings.HasPrefix(tok, "--") && len(tok) > 2:
			name, value, hasValue := strings.Cut(tok[2:], "=")
			norm := kebab(name)
			if !hasValue && strings.HasPrefix(norm, "no-") && isBool(norm[3:]) {
				inv.flags = append(inv.flags, flag{name: name[3:], value: "false"})
				continue
			}
			if isArray(norm) {
				var vals []string
				if hasValue {
					vals = append(vals, value)
				} else {
					for i+1 < len(argv) && isValueToken(argv[i+1]) && argv[i+1] != "--" {
						vals = append(vals, argv[i+1])
						i++
					}
				}
				inv.lists[norm] = append(inv.lists[norm], vals...)
				inv.flags = append(inv.flags, flag{name: name, value: strings.Join(inv.lists[norm], " ")})
				continue
			}
			if !hasValue {
				if isBool(norm) {
					value = "true"
					if i+1 < len(argv) && (argv[i+1] == "true" || argv[i+1] == "false") {
						value = argv[i+1]
						i++
					}
				} else if i+1 < len(argv) && isValueToken(argv[i+1]) {
					value = argv[i+1]
					i++
				}
			}
			inv.flags = append(inv.flags, flag{name: name, value: value})
		case strings.HasPrefix(tok, "-") && len(tok) > 1 && !isValueToken(tok):
			// Short options: sequelize-cli declares none.
			name, value, _ := strings.Cut(tok[1:], "=")
			inv.flags = append(inv.flags, flag{name: "-" + name, value: value})
		default:
			positionals = append(positionals, tok)
		}
	}
	if len(positionals) > 0 {
		inv.command = positionals[0]
		inv.positionals = positionals[1:]
	}
	var envs []string
	for _, f := range inv.flags {
		n := kebab(f.name)
		inv.values[n] = f.value
		inv.fromFlags[n] = true
		if n == "env" {
			envs = append(envs, f.value)
		}
	}
	if len(envs) > 1 {
		// yargs makes a repeated option an array; sequelize-cli looks the
		// environment up with it, that is by its values joined with ",".
		inv.values["env"] = strings.Join(envs, ",")
	}
	return inv
}

// popHelp is yargs' help command: a last positional "help" (the command
// itself when it is the only one) is taken off and turns --help on, as if
// given after every other option.
func (inv *invocation) popHelp() {
	switch n := len(inv.positionals); {
	case n > 0 && inv.positionals[n-1] == "help":
		inv.positionals = inv.positionals[:n-1]
	case n == 0 && inv.command == "help":
		inv.command = ""
	default:
		return
	}
	inv.flags = append(inv.flags, flag{name: "help", value: "true"})
	inv.values["help"] = "true"
	inv.fromFlags["help"] = true
}

// helpOrVersion is what yargs shows instead of running anything: "help"
// or "version", whichever of the two options is on and was named first
// (yargs goes through argv's keys in the order they were set), or "".
func (inv *invocation) helpOrVersion() string {
	for _, f := range inv.flags {
		if n := kebab(f.name); (n == "help" || n == "version") && inv.flagBool(n) {
			return n
		}
	}
	return ""
}

// rawOptionsPath is what sequelize-cli reads before anything else:
// --options-path (or --optionsPath) from the raw argv.
func (inv *invocation) rawOptionsPath() string {
	return inv.values["options-path"]
}

// has reports whether an option was given (on the command line or in
// .sequelizerc).
func (inv *invocation) has(name string) bool {
	_, ok := inv.values[name]
	return ok
}

func (inv *invocation) get(name string) string { return inv.values[name] }

// flagBool reads a boolean option ("true" unless "false" or empty).
func (inv *invocation) flagBool(name string) bool {
	v, ok := inv.values[name]
	return ok && v != "false" && v != ""
}

// usageError is a yargs validation failure: the command's help then the
// message, on stderr, exit 1.
type usageError struct {
	cmd *command // nil for the top-level help
	msg string
}

func (e *usageError) Error() string { return e.msg }

// validate applies yargs' strict mode and the conflicts of cmd to the
// command line: unknown options and extra positionals are refused (with
// the closest known option suggested), as are options that exclude each
// other.
func (inv *invocation) validate(cmd *command) error {
	// yargs checks the required options before strict mode.
	var missing []string
	for _, o := range cmd.allOptions() {
		if o.required && !inv.has(o.name) {
			missing = append(missing, o.name)
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		return &usageError{cmd: cmd, msg: "Missing required argument: " + missing[0]}
	default:
		return &usageError{cmd: cmd, msg: "Missing required arguments: " + strings.Join(missing, ", ")}
	}
	for _, f := range inv.flags {
		n := kebab(f.name)
		if strings.HasPrefix(f.name, "-") || cmd.option(n) == nil {
			shown := "--" + f.name
			if strings.HasPrefix(f.name, "-") {
				shown = f.name
			}
			msg := fmt.Sprintf("Unknown argument %q.", shown)
			if s := closest(strings.TrimLeft(n, "-"), optionNames(cmd)); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", "--"+s)
			}
			return &usageError{cmd: cmd, msg: msg}
		}
	}
	if len(inv.positionals) > 0 {
		return &usageError{cmd: cmd, msg: fmt.Sprintf("Unknown argument %q. %s takes no positional arguments.", inv.positionals[0], cmd.name)}
	}
	return inv.checkConflicts(cmd)
}

// checkConflicts is yargs' conflicts check on the merged values.
func (inv *invocation) checkConflicts(cmd *command) error {
	for _, o := range cmd.allOptions() {
		if !inv.has(o.name) {
			continue
		}
		for _, c := range o.conflicts {
			if inv.has(c) {
				return &usageError{cmd: cmd, msg: fmt.Sprintf("Arguments %s and %s are mutually exclusive", o.name, c)}
			}
		}
	}
	return nil
}

// applyRC merges .sequelizerc values (keys in either spelling) under the
// command-line flags. Keys the command does not know are refused, as
// yargs' strict mode refuses them.
func (inv *invocation) applyRC(cmd *command, rc map[string]any, file string) error {
	keys := make([]string, 0, len(rc))
	for k := range rc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		n := kebab(k)
		o := cmd.option(n)
		if o == nil {
			msg := fmt.Sprintf("Unknown option %q in %s.", k, file)
			if s := closest(n, optionNames(cmd)); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", s)
			}
			return &usageError{cmd: cmd, msg: msg}
		}
		if inv.fromFlags[n] {
			continue
		}
		if list, isList := rc[k].([]any); isList && o.array {
			inv.lists[n] = nil
			for _, e := range list {
				s, _ := rcValue(e, false)
				inv.lists[n] = append(inv.lists[n], s)
			}
			inv.values[n] = strings.Join(inv.lists[n], " ")
			continue
		}
		v, ok := rcValue(rc[k], o.boolean)
		if !ok {
			continue
		}
		inv.values[n] = v
	}
	return nil
}

// rcValue renders a JSON value of .sequelizerc as the option's string.
func rcValue(v any, boolean bool) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		if boolean {
			return fmt.Sprint(x != "" && x != "false"), true
		}
		return x, true
	case bool:
		return fmt.Sprint(x), true
	case float64:
		return fmt.Sprint(x), true
	default:
		return fmt.Sprint(x), true
	}
}

func optionNames(cmd *command) []string {
	var names []string
	for _, o := range cmd.allOptions() {
		names = append(names, o.name)
	}
	return names
}

func commandNames() []string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

// closest returns the candidate nearest to s by edit distance, if it is
// within 3 edits (yargs' recommendCommands threshold) and a third of s's
// length (so short typos are not matched with anything), else "".
func closest(s string, candidates []string) string {
	best, bestD := "", min(3, max(1, len(s)/3))+1
	for _, c := range candidates {
		if d := levenshtein(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// help texts, laid out as yargs lays them out (no wrapping: yargs wraps to
// the terminal width, and sequelize-cli's output is usually not a
// terminal).

func topHelp() string {
	var b strings.Builder
	b.WriteString("sqzjs <command>\n\nCommands:\n")
	width := 0
	for _, c := range commands {
		width = max(width, len("sqzjs ")+len(c.name))
	}
	for _, c := range commands {
		desc := c.desc
		if c.run == nil {
			desc += " (not yet)"
		}
		fmt.Fprintf(&b, "  %-*s  %s\n", width, "sqzjs "+c.name, desc)
	}
	b.WriteString("\nOptions:\n")
	writeOptions(&b, helpOptions)
	return b.String()
}

func commandHelp(c *command) string {
	var b strings.Builder
	b.WriteString("Options:\n")
	writeOptions(&b, c.allOptions())
	return b.String()
}

func writeOptions(b *strings.Builder, opts []option) {
	width := 0
	for _, o := range opts {
		width = max(width, len(o.name)+2)
	}
	for _, o := range opts {
		typ := "[string]"
		switch {
		case o.boolean:
			typ = "[boolean]"
		case o.array:
			typ = "[array]"
		}
		if o.required {
			typ += " [required]"
		}
		if o.def != "" {
			typ += " [default: " + o.def + "]"
		}
		fmt.Fprintf(b, "  %-*s  %s  %s\n", width, "--"+o.name, o.desc, typ)
	}
}
