package cli

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"

	"github.com/sqzjs/sqzjs/internal/lazyre"
	"github.com/sqzjs/sqzjs/migrate"
)

// The seeder commands: commands/seed.js (db:seed:all, db:seed:undo:all)
// and commands/seed_one.js (db:seed, db:seed:undo). They run the seeders
// folder with umzug exactly as the migration commands run migrations, with
// the seeder storage (seederStorage: "none" by default, so nothing is
// recorded and every seeder is always pending; "json" in seederStoragePath,
// default sequelize-data.json; "sequelize" in seederStorageTableName,
// default SequelizeData).

const noSeeders = "No seeders found."

// withSeeder runs f with the seeder migrator (getMigrator('seeder')); the
// seeder commands do not look at the meta table's schema.
func (r *run) withSeeder(inv *invocation, f func(m *migrator) int) int {
	m, code := r.getMigrator(inv, "seeder")
	if m == nil {
		return code
	}
	defer m.close()
	return f(m)
}

// seederList is what the undo commands revert from: every file with the
// "none" storage (migrator.pending()), else the executed list.
func (r *run) seederList(m *migrator) ([]string, error) {
	if m.storage.kind == "none" {
		return m.runner.Pending(r.st.Ctx)
	}
	return m.runner.Executed(r.st.Ctx)
}

// seedAll is seed.js seedAll: every pending seeder, in file order.
func (r *run) seedAll(inv *invocation) int {
	return r.withSeeder(inv, func(m *migrator) int {
		pending, err := m.runner.Pending(r.st.Ctx)
		if err != nil {
			return r.failJS(err)
		}
		if len(pending) == 0 {
			r.out.log(noSeeders)
			return 0
		}
		return r.done(m.runner.Execute(r.st.Ctx, pending, "up"))
	})
}

// seedUndoAll is seed.js seedUndoAll: the whole list, newest first.
func (r *run) seedUndoAll(inv *invocation) int {
	return r.withSeeder(inv, func(m *migrator) int {
		list, err := r.seederList(m)
		if err != nil {
			return r.failJS(err)
		}
		if len(list) == 0 {
			r.out.log(noSeeders)
			return 0
		}
		slices.Reverse(list)
		return r.done(m.runner.Execute(r.st.Ctx, list, "down"))
	})
}

// seedNames are the --seed values as seed_one.js filters them: without the
// command names (an array option swallows a command written after it).
func seedNames(inv *invocation) []string {
	var out []string
	for _, s := range inv.lists["seed"] {
		if s != "db:seed" && s != "db:seed:undo" {
			out = append(out, s)
		}
	}
	return out
}

var (
	yargsHex    = lazyre.MustCompile(`(?i)^0x[0-9a-f]+$`)
	yargsNumber = lazyre.MustCompile(`^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$`)
)

// yargsNumeric reports whether yargs-parser turns an array value into a
// number (--seed is an array option without a type, so numbers are parsed)
// and returns the number as JavaScript prints it.
func yargsNumeric(s string) (string, bool) {
	if yargsHex().MatchString(s) {
		n, err := strconv.ParseUint(s[2:], 16, 64)
		if err != nil || n > 1<<53-1 {
			return "", false
		}
		return strconv.FormatUint(n, 10), true
	}
	if len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return "", false
	}
	if !yargsNumber().MatchString(s) {
		return "", false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(math.Floor(f)) > 1<<53-1 {
		return "", false
	}
	out := strconv.FormatFloat(f, 'f', -1, 64)
	if math.Abs(f) >= 1e21 || (f != 0 && math.Abs(f) < 1e-6) {
		out = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return out, true
}

// seed is seed_one.js db:seed: umzug's up(names) with the base names of
// the --seed files; each must exist (prefix match) and be pending. Without
// --seed nothing runs.
func (r *run) seed(inv *invocation) int {
	return r.withSeeder(inv, func(m *migrator) int {
		names := []string{}
		for _, s := range seedNames(inv) {
			if n, isNum := yargsNumeric(s); isNum {
				// path.basename(number) throws.
				return r.out.report(failure{message: fmt.Sprintf(`The "path" argument must be of type string. Received type number (%s)`, n)})
			}
			names = append(names, path.Base(s))
		}
		return r.done(m.runner.Up(r.st.Ctx, migrate.UpOptions{Names: names}))
	})
}

// seedUndo is seed_one.js db:seed:undo: the files of the list named
// exactly by --seed, or the last one of the list; reverted newest first.
func (r *run) seedUndo(inv *invocation) int {
	return r.withSeeder(inv, func(m *migrator) int {
		list, err := r.seederList(m)
		if err != nil {
			return r.failJS(err)
		}
		if inv.has("seed") {
			var wanted []string
			for _, s := range inv.lists["seed"] {
				if _, isNum := yargsNumeric(s); !isNum {
					wanted = append(wanted, s) // a number never equals a file name
				}
			}
			list = slices.DeleteFunc(list, func(f string) bool { return !slices.Contains(wanted, f) })
		}
		if len(list) == 0 {
			r.out.log(noSeeders)
			return 0
		}
		if !inv.has("seed") {
			list = list[len(list)-1:]
		}
		slices.Reverse(list)
		return r.done(m.runner.Execute(r.st.Ctx, list, "down"))
	})
}
