package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// The scaffolding commands: commands/init.js (init, init:config,
// init:migrations, init:models, init:seeders), migration_generate.js,
// seed_generate.js and model_generate.js, with helpers/init-helper.js,
// path-helper.js, model-helper.js and migration-helper.js's behaviour. The
// files written come from the templates recorded from sequelize-cli
// (templates.go).

// errExit is an error already reported; the command ends with exit 1.
var errExit = errors.New("reported")

// scaffoldFail reports err as view-helper error() does (a Go error's text
// is the message) and returns errExit.
func (r *run) scaffoldFail(msg string) error {
	r.out.report(failure{message: msg})
	return errExit
}

// exitOf turns a scaffolding step's error into the exit code.
func (r *run) exitOf(err error) int {
	if err == nil {
		return 0
	}
	if !errors.Is(err, errExit) {
		return r.out.fail(err, false)
	}
	return 1
}

func (r *run) mkdirAll(abs string) error {
	if r.st.MkdirAll == nil {
		return errors.New("sqzjs: creating folders is not available")
	}
	return r.st.MkdirAll(abs)
}

func (r *run) remove(abs string) error {
	if r.st.Remove == nil {
		return errors.New("sqzjs: deleting files is not available")
	}
	return r.st.Remove(abs)
}

func (r *run) isDir(abs string) bool {
	fi, err := fs.Stat(r.st.FS, fsPath(abs))
	return err == nil && fi.IsDir()
}

// folderPath is path-helper.js getPath(type): the --migrations-path or
// --seeders-path value (flag or .sequelizerc) against the working
// directory, else <cwd>/migrations or <cwd>/seeders; always absolute.
func (r *run) folderPath(inv *invocation, typ string) string {
	if p := inv.get(typ + "s-path"); p != "" {
		return r.abs(p)
	}
	return path.Join(r.cwd, typ+"s")
}

// modelsPath is path-helper.js getModelsPath(): the --models-path value as
// given (messages show a relative one as it is), else <cwd>/models.
func (r *run) modelsPath(inv *invocation) string {
	if p := inv.get("models-path"); p != "" {
		return p
	}
	return path.Join(r.cwd, "models")
}

// timestamp is path-helper.js getCurrentYYYYMMDDHHmms: the UTC time as
// YYYYMMDDHHmmss.
func (r *run) timestamp() string {
	return r.st.Now().UTC().Format("20060102150405")
}

// fileName is path-helper.js getFileName: "<timestamp>-<name>.js", with
// "unnamed-<type>" for an empty name.
func (r *run) fileName(typ, name string) string {
	if name == "" {
		name = "unnamed-" + typ
	}
	return r.timestamp() + "-" + name + ".js"
}

// notifyExisting is view-helper.js notifyAboutExistingFile.
func (r *run) notifyExisting(file string) error {
	return r.scaffoldFail("The file " + r.out.blue(file) + " already exists. Run command with --force to overwrite it.")
}

// nodeErr words a file system error as Node's fs does for the messages
// sequelize-cli prints.
func nodeErr(err error, syscall, p string) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("ENOENT: no such file or directory, %s '%s'", syscall, p)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("EACCES: permission denied, %s '%s'", syscall, p)
	}
	return err.Error()
}

// createFolder is init-helper.js createFolder: with force an existing
// folder is emptied (files only: a sub-folder fails as unlink fails on it)
// and removed; then the folder is created unless it exists.
func (r *run) createFolder(name, folder string, force bool) error {
	abs := r.abs(folder)
	if force && r.exists(abs) {
		r.out.log("Deleting the " + name + " folder. (--force)")
		entries, err := fs.ReadDir(r.st.FS, fsPath(abs))
		if err != nil {
			if r.exists(abs) && !r.isDir(abs) {
				return r.scaffoldFail(fmt.Sprintf("ENOTDIR: not a directory, scandir '%s'", abs))
			}
			return r.scaffoldFail(nodeErr(err, "scandir", abs))
		}
		for _, e := range entries {
			p := path.Join(abs, e.Name())
			if e.IsDir() {
				return r.scaffoldFail(fmt.Sprintf("EISDIR: illegal operation on a directory, unlink '%s'", p))
			}
			if err := r.remove(p); err != nil {
				return r.scaffoldFail(nodeErr(err, "unlink", p))
			}
		}
		if err := r.remove(abs); err != nil {
			return r.scaffoldFail(nodeErr(err, "rmdir", abs))
		}
		r.out.log("Successfully deleted the " + name + " folder.")
	}
	if !r.exists(abs) {
		if err := r.mkdirAll(abs); err != nil {
			return r.scaffoldFail(nodeErr(err, "mkdir", abs))
		}
		r.out.log("Successfully created " + name + ` folder at "` + folder + `".`)
	} else {
		r.out.log(name + ` folder at "` + folder + `" already exists.`)
	}
	return nil
}

// writeNew writes a generated file.
func (r *run) writeNew(abs, content string) error {
	if err := r.writeFile(abs, []byte(content)); err != nil {
		return r.scaffoldFail(nodeErr(errors.Unwrap(err), "open", abs))
	}
	return nil
}

// initConfig is init.js initConfig: the default config (recorded from
// sequelize-cli) unless the config file exists and --force is not given.
func (r *run) initConfig(inv *invocation) error {
	file := r.configFile(inv)
	rel := r.rel(file)
	if r.exists(file) && !inv.flagBool("force") {
		return r.notifyExisting(rel)
	}
	if dir := path.Dir(file); !r.exists(dir) {
		if err := r.mkdirAll(dir); err != nil {
			return r.scaffoldFail(nodeErr(err, "mkdir", dir))
		}
	}
	content, err := render("config.json", nil)
	if err != nil {
		return err
	}
	if err := r.writeNew(file, content); err != nil {
		return err
	}
	r.out.log(`Created "` + rel + `"`)
	return nil
}

// initModels is init.js initModels: the folder, then models/index.js
// pointing at the config file.
func (r *run) initModels(inv *invocation) error {
	force := inv.flagBool("force")
	models := r.modelsPath(inv)
	if err := r.createFolder("models", models, force); err != nil {
		return err
	}
	modelsAbs := r.abs(models)
	index := path.Join(modelsAbs, "index.js")
	switch {
	case !r.exists(modelsAbs):
		r.out.log("Models folder not available.")
		return nil
	case r.exists(index) && !force:
		return r.notifyExisting(index)
	}
	rel, err := relPath(modelsAbs, r.configFile(inv))
	if err != nil {
		return err
	}
	content, err := render("models-index.js", map[string]string{"ConfigFile": "__dirname + '/" + rel + "'"})
	if err != nil {
		return err
	}
	return r.writeNew(index, content)
}

// relPath is path.relative(from, to) for absolute slash paths.
func relPath(from, to string) (string, error) {
	f := strings.Split(strings.Trim(from, "/"), "/")
	t := strings.Split(strings.Trim(to, "/"), "/")
	if from == "/" {
		f = nil
	}
	if to == "/" {
		t = nil
	}
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	var parts []string
	for range f[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	return strings.Join(parts, "/"), nil
}

func (r *run) initAll(inv *invocation) int {
	for _, step := range []func(*invocation) error{
		r.initConfig, r.initModels,
		func(inv *invocation) error {
			return r.createFolder("migrations", r.folderPath(inv, "migration"), inv.flagBool("force"))
		},
		func(inv *invocation) error {
			return r.createFolder("seeders", r.folderPath(inv, "seeder"), inv.flagBool("force"))
		},
	} {
		if err := step(inv); err != nil {
			return r.exitOf(err)
		}
	}
	return 0
}

func (r *run) initConfigCmd(inv *invocation) int { return r.exitOf(r.initConfig(inv)) }
func (r *run) initModelsCmd(inv *invocation) int { return r.exitOf(r.initModels(inv)) }

func (r *run) initMigrationsCmd(inv *invocation) int {
	return r.exitOf(r.createFolder("migrations", r.folderPath(inv, "migration"), inv.flagBool("force")))
}

func (r *run) initSeedersCmd(inv *invocation) int {
	return r.exitOf(r.createFolder("seeders", r.folderPath(inv, "seeder"), inv.flagBool("force")))
}

// migrationGenerate is migration_generate.js: the migrations folder (created
// if missing), then the skeleton as <timestamp>-<name>.js.
func (r *run) migrationGenerate(inv *invocation) int {
	return r.generateSkeleton(inv, "migration", "migrations", "migration-skeleton.js", "New migration was created at")
}

// seedGenerate is seed_generate.js, the same for the seeders folder.
func (r *run) seedGenerate(inv *invocation) int {
	return r.generateSkeleton(inv, "seeder", "seeders", "seeder-skeleton.js", "New seed was created at")
}

func (r *run) generateSkeleton(inv *invocation, typ, folderName, tmpl, msg string) int {
	dir := r.folderPath(inv, typ)
	if err := r.createFolder(folderName, dir, false); err != nil {
		return r.exitOf(err)
	}
	file := path.Join(dir, r.fileName(typ, inv.get("name")))
	content, err := render(tmpl, nil)
	if err != nil {
		return r.exitOf(err)
	}
	if err := r.writeNew(file, content); err != nil {
		return r.exitOf(err)
	}
	r.out.log(msg, r.out.blue(file), ".")
	return 0
}

// attribute is one parsed --attributes entry (model-helper.js
// formatAttributes).
type attribute struct {
	Field    string
	dataType string
	function string // "array" or "enum" applied to dataType
	values   string // enum values, quoted and joined with ", "
}

// Key is the field name as js-beautify prints it in the generated object
// literals: a name that is not an identifier is read as tokens and spaced
// like an expression ("first-name" → "first - name", "1st" → "1 st",
// "a.b" stays).
func (a attribute) Key() string {
	var toks []string
	rs := []rune(a.Field)
	isWord := func(r rune) bool { return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(rs); {
		j := i + 1
		switch r := rs[i]; {
		case r >= '0' && r <= '9':
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9') {
				j++
			}
		case isWord(r):
			for j < len(rs) && isWord(rs[j]) {
				j++
			}
		case strings.ContainsRune("-+*/=%&|<>^!~?", r):
			for j < len(rs) && strings.ContainsRune("-+*/=%&|<>^!~?", rs[j]) {
				j++
			}
		}
		toks = append(toks, string(rs[i:j]))
		i = j
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t != "." && toks[i-1] != "." {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// Type is the attribute's type expression with prefix (DataTypes in the
// model, Sequelize in the migration), as the templates write it.
func (a attribute) Type(prefix string) string {
	switch {
	case a.function != "":
		return prefix + "." + strings.ToUpper(a.function) + "(" + prefix + "." + strings.ToUpper(a.dataType) + ")"
	case a.values != "":
		return prefix + "." + strings.ToUpper(a.dataType) + "(" + a.values + ")"
	}
	return prefix + "." + strings.ToUpper(a.dataType)
}

// dataTypes are the keys of Sequelize 6.37.8's DataTypes that an upper-cased
// type name can be (model-helper.js validateDataType).
var dataTypes = strings.Split("ABSTRACT STRING CHAR TEXT NUMBER TINYINT SMALLINT MEDIUMINT INTEGER BIGINT FLOAT TIME DATE DATEONLY BOOLEAN NOW BLOB DECIMAL NUMERIC UUID UUIDV1 UUIDV4 HSTORE JSON JSONB VIRTUAL ARRAY ENUM RANGE REAL DOUBLE GEOMETRY GEOGRAPHY CIDR INET MACADDR CITEXT TSVECTOR", " ")

var (
	enumValues  = lazyre.MustCompile(`^\{(,? ?[A-z0-9 ]+)+\}$`)
	valueSplit  = lazyre.MustCompile(`\s*,\s*`)
	attrSpaces  = lazyre.MustCompile(`\s{2,}`)
	attrFunctns = []string{"array", "enum"}
)

// parseAttributes is model-helper.js transformAttributes: commas and spaces
// outside {…} separate the attributes; each is name:type,
// name:array|enum:type or name:enum:{a,b}.
func parseAttributes(flag string) ([]attribute, error) {
	var b strings.Builder
	open := false
	for _, c := range flag {
		switch {
		case (c == ',' || c == ' ') && !open:
			b.WriteString("  ")
			continue
		case c == '{':
			open = true
		case c == '}':
			open = false
		}
		b.WriteRune(c)
	}
	var out []attribute
	for _, s := range attrSpaces().Split(b.String(), -1) {
		a, ok := formatAttribute(s)
		if !ok {
			return nil, fmt.Errorf("Attribute '%s' cannot be parsed: Cannot read properties of undefined (reading 'dataType')", s)
		}
		if !slices.Contains(dataTypes, strings.ToUpper(a.dataType)) {
			return nil, fmt.Errorf("Attribute '%s' cannot be parsed: Unknown type '%s'", s, a.dataType)
		}
		out = append(out, a)
	}
	return out, nil
}

func formatAttribute(s string) (attribute, bool) {
	split := strings.Split(s, ":")
	switch len(split) {
	case 2:
		return attribute{Field: split[0], dataType: split[1]}, true
	case 3:
		isFunction := slices.Contains(attrFunctns, strings.ToLower(split[1]))
		hasValues := enumValues().MatchString(split[2])
		isValue := !slices.Contains(attrFunctns, strings.ToLower(split[2])) && !hasValues
		switch {
		case isFunction && isValue && !hasValues:
			return attribute{Field: split[0], dataType: split[2], function: split[1]}, true
		case isFunction && !isValue && hasValues:
			inner := strings.TrimSuffix(strings.TrimPrefix(split[2], "{"), "}")
			var vals []string
			for _, v := range valueSplit().Split(inner, -1) {
				vals = append(vals, "'"+v+"'")
			}
			return attribute{Field: split[0], dataType: split[1], values: strings.Join(vals, ", ")}, true
		}
	}
	return attribute{}, false
}

// modelGenerate is model_generate.js: both folders must exist, the model
// file must not (unless --force is given, with any value), then the model
// and its create-table migration are written.
func (r *run) modelGenerate(inv *invocation) int {
	models := r.modelsPath(inv)
	modelsAbs := r.abs(models)
	if !r.exists(modelsAbs) {
		return r.exitOf(r.scaffoldFail("Unable to find models path (" + models + "). Did you run " + r.out.blue("sequelize init") + "?"))
	}
	migrations := r.folderPath(inv, "migration")
	if !r.exists(migrations) {
		return r.exitOf(r.scaffoldFail("Unable to find migrations path (" + migrations + "). Did you run " + r.out.blue("sequelize init") + "?"))
	}
	name := inv.get("name")
	modelFile := path.Join(modelsAbs, strings.ToLower(name)+".js")
	if !inv.has("force") && r.exists(modelFile) {
		return r.exitOf(r.notifyExisting(modelFile))
	}
	attrs, err := parseAttributes(inv.get("attributes"))
	if err != nil {
		return r.exitOf(r.scaffoldFail(err.Error()))
	}
	model, err := render("model.js", map[string]any{"Name": name, "Attributes": attrs, "Underscored": inv.flagBool("underscored")})
	if err != nil {
		return r.exitOf(err)
	}
	if err := r.writeNew(modelFile, model); err != nil {
		return r.exitOf(err)
	}
	createdAt, updatedAt := "createdAt", "updatedAt"
	if inv.flagBool("underscored") {
		createdAt, updatedAt = "created_at", "updated_at"
	}
	migration, err := render("create-table.js", map[string]any{
		"Table": pluralize(name), "Attributes": attrs, "CreatedAt": createdAt, "UpdatedAt": updatedAt,
	})
	if err != nil {
		return r.exitOf(err)
	}
	migrationFile := path.Join(migrations, r.fileName("migration", strings.TrimLeft(kebabCase("create-"+name), "-")))
	if err := r.writeNew(migrationFile, migration); err != nil {
		return r.exitOf(err)
	}
	r.out.log("New model was created at", r.out.blue(modelFile), ".")
	r.out.log("New migration was created at", r.out.blue(migrationFile), ".")
	return 0
}
