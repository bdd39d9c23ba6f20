package cli

import (
	"embed"
	"strings"
	"text/template"
)

// The files the scaffolding commands write. Each was recorded from real
// sequelize-cli 6.6.5 (what `init`, `migration:generate`, `seed:generate`
// and `model:generate` wrote into an empty project, with NO_COLOR=1):
//
//   - config.json: init:config's config/config.json, as written.
//   - migration-skeleton.js, seeder-skeleton.js: migration:generate's and
//     seed:generate's files, as written (sequelize-cli renders them without
//     js-beautify).
//   - models-index.js: init:models's models/index.js with the one value
//     that varies, the config path, replaced by {{.ConfigFile}}.
//   - model.js, create-table.js: model:generate's two files after
//     js-beautify (indent 2, no blank lines kept, no final newline), with
//     the model name, table name, attribute lines, timestamps and the
//     underscored line turned into text/template actions (field names go
//     through attribute.Key, which spaces a name that is not an identifier
//     as js-beautify does). Their output is compared with real
//     sequelize-cli's in compat-tests/cli/scenarios (generate.txtar,
//     init-paths.txtar, scaffold-run.txtar).
//
// compat-tests/cli/scenarios record the files real sequelize-cli writes;
// TestScenarios fails when these templates drift from them.
//
//go:embed templates
var templateFS embed.FS

// render executes the named template with data.
func render(name string, data any) (string, error) {
	text, err := templateFS.ReadFile("templates/" + name)
	if err != nil {
		return "", err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}
