//go:build interop

// The interop check needs Node and the oracle's node_modules, so it is not
// part of `go test ./...`:
//
//	go test -tags interop -count=1 ./compat-tests/cli/
//
// On sqlite and on each server dialect sqzjs has (the server DSNs as for the
// other tests; with CI=true a missing server fails), the example project is
// migrated half by one tool and half by the other, and undone by the first:
// teams must be able to switch between sequelize-cli and sqzjs at any point.
// TestScaffoldInterop scaffolds a project with one tool (init,
// model:generate, seed:generate), migrates and seeds it with the other and
// undoes it with the first, and checks both tools scaffold the same files.

package cli_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sqzjs/sqzjs/compat-tests/cli/scenario"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

// The example project's migrations, oldest first; the first half ends with
// middle.
var exampleFiles = []string{
	"20240108093012-create-users", "20240108093541-create-user-emails",
	"20240110141203-create-posts", "20240110142817-add-author-to-posts",
	"20240117101455-create-comments", "20240117102030-add-comments-post-fk",
	"20240122090412-create-tags", "20240122091136-seed-default-tags",
	"20240205111920-widen-users-display-name", "20240212164405-rename-tags-label-to-name",
	"20240220085032-add-position-to-tags", "20240226172209-add-dashboard-indexes",
}

const middle = "20240117102030-add-comments-post-fk.js"

// interopTools are real sequelize-cli (the oracle's, under Node) and a sqzjs
// binary built from this checkout, each run as a process, and the oracle's
// node_modules folder that projects link to.
func interopTools(t *testing.T) (tools map[string]scenario.Runner, nodeModules string) {
	t.Helper()
	oracle, err := filepath.Abs(filepath.Join(repoRoot, "compat-tests", "oracle"))
	if err != nil {
		t.Fatal(err)
	}
	sequelizeCLI := filepath.Join(oracle, "node_modules", ".bin", "sequelize-cli")
	if _, err := os.Stat(sequelizeCLI); err != nil {
		t.Fatalf("the interop check needs the oracle's node_modules (run `npm ci --prefix compat-tests/oracle`): %v", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("the interop check needs Node: %v", err)
	}
	sqzjs := filepath.Join(t.TempDir(), "sqzjs")
	build := exec.Command("go", "build", "-o", sqzjs, "./cmd/sqzjs")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/sqzjs: %v\n%s", err, out)
	}
	return map[string]scenario.Runner{
		"sequelize-cli": scenario.ExecRunner(2*time.Minute, node, sequelizeCLI),
		"sqzjs":         scenario.ExecRunner(2*time.Minute, sqzjs),
	}, filepath.Join(oracle, "node_modules")
}

func TestInterop(t *testing.T) {
	// The schemas sequelize-cli alone leaves: everything migrated (step 1 of
	// example-full) and everything undone (step 6).
	full, err := scenario.ReadFile("scenarios/example-full.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if full.Steps[0] != "db:migrate" || full.Steps[5] != "db:migrate:undo:all" {
		t.Fatalf("example-full.txtar's steps changed (%q); update the interop test", full.Steps)
	}
	tools, nodeModules := interopTools(t)
	for _, d := range scenario.Dialects {
		for _, first := range []string{"sequelize-cli", "sqzjs"} {
			second := map[string]string{"sequelize-cli": "sqzjs", "sqzjs": "sequelize-cli"}[first]
			t.Run(d+"/"+first+"-first", func(t *testing.T) {
				if why := dialectMissing(d); why != "" {
					t.Skipf("sqzjs has no %s dialect yet (dialect/all: %s)", d, why)
				}
				rec := full.Recordings[d]
				if rec == nil {
					t.Fatalf("example-full.txtar has no %s recording", d)
				}
				var db *freshdb.DB
				if d != "sqlite" {
					db = freshdb.ForTest(t, d)
				}
				plan := []struct{ tool, step string }{
					{first, "db:migrate --to " + middle},
					{second, "db:migrate"},
					{first, "db:migrate:status"},
					{first, "db:migrate:undo:all"},
					{second, "db:migrate:status"},
				}
				s := &scenario.Scenario{Project: "examples/migrations"}
				for _, p := range plan {
					s.Steps = append(s.Steps, p.step)
				}
				n := 0
				steps, err := scenario.Play(context.Background(), s, scenario.Options{
					RepoRoot: repoRoot,
					Dialect:  d,
					DB:       db,
					WorkDir:  t.TempDir(),
					Prepare: func(project string) error {
						return os.Symlink(nodeModules, filepath.Join(project, "node_modules"))
					},
					Run: func(ctx context.Context, args []string, dir string, env []string) ([]byte, []byte, int, error) {
						tool := plan[n].tool
						n++
						return tools[tool](ctx, args, dir, env)
					},
					Teasers: []*regexp.Regexp{sqzjsTeaser},
				})
				if err != nil {
					t.Fatal(err)
				}
				for i, st := range steps {
					if st.Exit != 0 {
						t.Fatalf("step %d (%s %s) exited %d:\n%s%s", i+1, plan[i].tool, plan[i].step, st.Exit, st.Stdout, st.Stderr)
					}
				}
				expectOutput(t, plan[0].tool+" "+plan[0].step, steps[0].Stdout, umzug("migrat", exampleFiles[:6]))
				expectOutput(t, plan[1].tool+" "+plan[1].step, steps[1].Stdout, umzug("migrat", exampleFiles[6:]))
				expectOutput(t, plan[2].tool+" "+plan[2].step, steps[2].Stdout, status("up", exampleFiles))
				reversed := make([]string, len(exampleFiles))
				for i, f := range exampleFiles {
					reversed[len(exampleFiles)-1-i] = f
				}
				expectOutput(t, plan[3].tool+" "+plan[3].step, steps[3].Stdout, umzug("revert", reversed))
				expectOutput(t, plan[4].tool+" "+plan[4].step, steps[4].Stdout, status("down", exampleFiles))
				if !strings.Contains(steps[3].Schema, `rows "SequelizeMeta" ("name"): 0`+"\n") {
					t.Errorf("SequelizeMeta is not empty after %s db:migrate:undo:all:\n%s", first, steps[3].Schema)
				}
				if steps[1].Schema != rec[0].Schema {
					t.Errorf("after the mixed db:migrate the database is not what sequelize-cli alone leaves (-sequelize-cli +mixed):\n%s",
						lineDiff(rec[0].Schema, steps[1].Schema))
				}
				if steps[3].Schema != rec[5].Schema {
					t.Errorf("after db:migrate:undo:all the database is not what sequelize-cli alone leaves (-sequelize-cli +mixed):\n%s",
						lineDiff(rec[5].Schema, steps[3].Schema))
				}
			})
		}
	}
}

// umzug returns the lines umzug prints for files (verb "migrat" or
// "revert"), durations normalised.
func umzug(verb string, files []string) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "== %s: %sing =======\n== %s: %sed (<duration>)\n\n", f, verb, f, verb)
	}
	return b.String()
}

func status(state string, files []string) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s %s.js\n", state, f)
	}
	return b.String()
}

// expectOutput checks that stdout is the teaser, the configuration lines
// and then exactly body.
func expectOutput(t *testing.T, what, stdout, body string) {
	t.Helper()
	head := regexp.MustCompile(`^\n<teaser>\n\nLoaded configuration file "config/config.json".\nUsing environment "(development|test)".\n`)
	loc := head.FindStringIndex(stdout)
	if loc == nil || stdout[loc[1]:] != body {
		t.Errorf("%s printed:\n%s\nwant the teaser, the configuration lines and:\n%s", what, stdout, body)
	}
}

// scaffoldConfig replaces the config init writes (mysql on localhost) so
// that the scaffolded project runs on the dialect under test: the project's
// development environment on sqlite, DATABASE_URL in the test environment.
const scaffoldConfig = `{
  "development": {
    "dialect": "sqlite",
    "storage": "db/development.sqlite"
  },
  "test": {
    "use_env_variable": "DATABASE_URL"
  }
}
`

// timestamps are the generators' UTC times in file names and messages.
var timestamps = regexp.MustCompile(`\b\d{14}-`)

// TestScaffoldInterop is the acceptance check: a project scaffolded
// by one tool (init, model:generate, seed:generate) migrates and seeds under
// the other, and is undone by the first; both tools scaffold the same files.
func TestScaffoldInterop(t *testing.T) {
	tools, nodeModules := interopTools(t)
	for _, d := range scenario.Dialects {
		files := map[string]string{} // scaffolder → the files it wrote
		schemas := map[string]string{}
		for _, first := range []string{"sqzjs", "sequelize-cli"} {
			second := map[string]string{"sequelize-cli": "sqzjs", "sqzjs": "sequelize-cli"}[first]
			t.Run(d+"/"+first+"-scaffolds", func(t *testing.T) {
				if why := dialectMissing(d); why != "" {
					t.Skipf("sqzjs has no %s dialect yet (dialect/all: %s)", d, why)
				}
				var db *freshdb.DB
				if d != "sqlite" {
					db = freshdb.ForTest(t, d)
				}
				plan := []struct{ tool, step string }{
					{first, "init"},
					{first, `model:generate --name User --attributes "firstName:string,lastName:string,age:integer,role:enum:{admin,user}"`},
					{first, "model:generate --name Category --attributes name:string,position:integer --underscored"},
					{first, "seed:generate --name demo-users"},
					{second, "db:migrate"},
					{second, "db:seed:all"},
					{second, "db:migrate:status"},
					{first, "db:seed:undo:all"},
					{first, "db:migrate:undo:all"},
				}
				s := &scenario.Scenario{Project: "compat-tests/cli/projects/empty",
					Files: []string{"config/", "models/", "migrations/", "seeders/", "models/*.js", "migrations/*.js", "seeders/*.js"}}
				for _, p := range plan {
					s.Steps = append(s.Steps, p.step)
				}
				n := 0
				steps, err := scenario.Play(context.Background(), s, scenario.Options{
					RepoRoot: repoRoot,
					Dialect:  d,
					DB:       db,
					WorkDir:  t.TempDir(),
					Prepare: func(project string) error {
						return os.Symlink(nodeModules, filepath.Join(project, "node_modules"))
					},
					Run: func(ctx context.Context, args []string, dir string, env []string) ([]byte, []byte, int, error) {
						tool := plan[n].tool
						n++
						stdout, stderr, code, err := tools[tool](ctx, args, dir, env)
						if n == 1 && err == nil && code == 0 {
							err = os.WriteFile(filepath.Join(dir, "config", "config.json"), []byte(scaffoldConfig), 0o644)
						}
						return stdout, stderr, code, err
					},
					Teasers: []*regexp.Regexp{sqzjsTeaser},
				})
				if err != nil {
					t.Fatal(err)
				}
				for i, st := range steps {
					if st.Exit != 0 {
						t.Fatalf("step %d (%s %s) exited %d:\n%s%s", i+1, plan[i].tool, plan[i].step, st.Exit, st.Stdout, st.Stderr)
					}
				}
				for i, want := range map[int]string{
					4: "create-category: migrated", 5: "demo-users: migrated", 6: "up ", 7: "demo-users: reverted", 8: "create-user: reverted",
				} {
					if !strings.Contains(steps[i].Stdout, want) {
						t.Errorf("step %d (%s %s) printed no %q:\n%s", i+1, plan[i].tool, plan[i].step, want, steps[i].Stdout)
					}
				}
				if strings.Contains(steps[6].Stdout, "down ") {
					t.Errorf("%s db:migrate:status shows pending migrations:\n%s", second, steps[6].Stdout)
				}
				files[first] = sortedSections(timestamps.ReplaceAllString(steps[3].Files, "<timestamp>-"))
				schemas[first] = sortedLines(timestamps.ReplaceAllString(steps[4].Schema, "<timestamp>-"))
				if !strings.Contains(steps[8].Schema, `rows "SequelizeMeta" ("name"): 0`+"\n") {
					t.Errorf("SequelizeMeta is not empty after %s db:migrate:undo:all:\n%s", first, steps[8].Schema)
				}
			})
		}
		if files["sqzjs"] != "" && files["sequelize-cli"] != "" {
			if files["sqzjs"] != files["sequelize-cli"] {
				t.Errorf("%s: sqzjs scaffolds other files than sequelize-cli (-sequelize-cli +sqzjs):\n%s", d, lineDiff(files["sequelize-cli"], files["sqzjs"]))
			}
			if schemas["sqzjs"] != schemas["sequelize-cli"] {
				t.Errorf("%s: the database after db:migrate differs (-sequelize-cli migrating sqzjs's scaffold +sqzjs migrating sequelize-cli's):\n%s", d, lineDiff(schemas["sqzjs"], schemas["sequelize-cli"]))
			}
		}
	}
}

// sortedSections sorts the "== path ==" sections of a files recording: with
// real clocks the generated names (and so their order) differ by a second.
func sortedSections(files string) string {
	parts := strings.SplitAfter(files, "\n")
	var sections []string
	for _, l := range parts {
		if strings.HasPrefix(l, "== ") || len(sections) == 0 {
			sections = append(sections, l)
			continue
		}
		sections[len(sections)-1] += l
	}
	for i, sec := range sections {
		if head, body, ok := strings.Cut(sec, "\n"); ok && strings.HasSuffix(head, "/ ==") {
			lines := strings.SplitAfter(body, "\n")
			slices.Sort(lines)
			sections[i] = head + "\n" + strings.Join(lines, "")
		}
	}
	slices.Sort(sections)
	return strings.Join(sections, "")
}

// sortedLines sorts the lines of a schema dump (row order of SequelizeMeta
// follows the generated names).
func sortedLines(s string) string {
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
