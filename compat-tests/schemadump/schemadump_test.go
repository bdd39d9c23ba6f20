package schemadump_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/sqzjs/sqzjs/compat-tests/schemadump"
	"github.com/sqzjs/sqzjs/compat-tests/schemadump/freshdb"
)

func exec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func dump(t *testing.T, db *sql.DB, dialect string, opts schemadump.Options) string {
	t.Helper()
	out, err := schemadump.Dump(context.Background(), db, dialect, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// hasLines fails unless every want line appears in dump as a whole line, in
// the order given.
func hasLines(t *testing.T, dump string, want ...string) {
	t.Helper()
	lines := strings.Split(dump, "\n")
	at := 0
	for _, w := range want {
		found := false
		for at < len(lines) {
			at++
			if lines[at-1] == w {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("dump lacks line (or has it out of order) %q\ndump:\n%s", w, dump)
		}
	}
}

func TestSQLite(t *testing.T) {
	t.Parallel()
	db := freshdb.ForTest(t, "sqlite")
	exec(t, db.DB,
		"CREATE TABLE `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255) NOT NULL UNIQUE, `score` REAL, `data` BLOB)",
		"CREATE INDEX `users_score` ON `Users` (`score`)",
		"CREATE VIEW `v` AS SELECT `name`\nFROM `Users`",
		"CREATE TRIGGER `trg` AFTER INSERT ON `Users` BEGIN SELECT 1; END",
		"CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)",
		"INSERT INTO `SequelizeMeta` VALUES ('20200102-b.js'), ('20200101-a.js')",
		"INSERT INTO `Users` (`name`, `score`, `data`) VALUES ('b', 1.5, x'00ff'), ('a', NULL, NULL), ('it''s\nnew', 10, NULL)",
		"INSERT INTO `Users` (`id`, `name`, `score`) VALUES (9, 'z', 'text in a real column')",
	)
	want := "table \"SequelizeMeta\"\n" +
		"  CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)\n" +
		"table \"Users\"\n" +
		"  CREATE TABLE `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255) NOT NULL UNIQUE, `score` REAL, `data` BLOB)\n" +
		"view \"v\"\n" +
		"  CREATE VIEW `v` AS SELECT `name`\n" +
		"  FROM `Users`\n" +
		"index \"sqlite_autoindex_SequelizeMeta_1\" on \"SequelizeMeta\"\n" +
		"  (no sql: created by SQLite)\n" +
		"index \"sqlite_autoindex_Users_1\" on \"Users\"\n" +
		"  (no sql: created by SQLite)\n" +
		"index \"users_score\" on \"Users\"\n" +
		"  CREATE INDEX `users_score` ON `Users` (`score`)\n" +
		"trigger \"trg\" on \"Users\"\n" +
		"  CREATE TRIGGER `trg` AFTER INSERT ON `Users` BEGIN SELECT 1; END\n" +
		"\n" +
		"rows \"SequelizeMeta\" (\"name\"): 2\n" +
		"  text '20200101-a.js'\n" +
		"  text '20200102-b.js'\n" +
		"\n" +
		"rows \"Users\" (\"id\", \"name\", \"score\", \"data\"): 4\n" +
		"  integer 1, text 'b', real 1.5, blob x'00ff'\n" +
		"  integer 2, text 'a', null, null\n" +
		"  integer 3, text e'it\\'s\\nnew', real 10.0, null\n" +
		"  integer 9, text 'z', text 'text in a real column', null\n" +
		"\n" +
		"rows \"sqlite_sequence\" (\"name\", \"seq\"): 1\n" +
		"  text 'Users', integer 9\n"
	if got := dump(t, db.DB, "sqlite", schemadump.Options{}); got != want {
		t.Errorf("dump:\n%s\nwant:\n%s", got, want)
	}
}

func TestPostgres(t *testing.T) {
	t.Parallel()
	db := freshdb.ForTest(t, "postgres")
	setup := func(schema string) []string {
		return []string{
			`CREATE SCHEMA IF NOT EXISTS "` + schema + `"`,
			`SET search_path TO "` + schema + `"`,
			`CREATE TYPE "enum_Users_role" AS ENUM ('user', 'admin')`,
			`CREATE TABLE "Users" ("id" SERIAL, "email" VARCHAR(255) NOT NULL UNIQUE, "role" "enum_Users_role" DEFAULT 'user',
				"n" INTEGER CHECK ("n" >= 0), "data" JSON, "bin" BYTEA, "ok" BOOLEAN, "at" TIMESTAMP WITH TIME ZONE, PRIMARY KEY ("id"))`,
			`COMMENT ON TABLE "Users" IS 'people'`,
			`COMMENT ON COLUMN "Users"."email" IS 'it''s the login'`,
			`CREATE TABLE "Posts" ("id" SERIAL PRIMARY KEY, "userId" INTEGER REFERENCES "Users" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED)`,
			`CREATE INDEX "posts_user_id" ON "Posts" ("userId")`,
			`INSERT INTO "Users" ("email", "n", "data", "bin", "ok", "at") VALUES
				('b@x', 10, '{"k": [1, 2]}', '\x00ff', true, '2020-01-02 03:04:05.678+02'),
				('a@x', 9, NULL, NULL, false, NULL)`,
		}
	}
	exec(t, db.DB, setup("public")...)
	got := dump(t, db.DB, "postgres", schemadump.Options{})
	hasLines(t, got,
		`enum "enum_Users_role" ('user', 'admin')`,
		`table "Posts"`,
		`  column "id" integer not null default nextval('"Posts_id_seq"'::regclass)`,
		`  column "userId" integer`,
		`  constraint "Posts_pkey" PRIMARY KEY (id)`,
		`  constraint "Posts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "Users"(id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED`,
		`  index "Posts_pkey" CREATE UNIQUE INDEX "Posts_pkey" ON "Posts" USING btree (id)`,
		`  index "posts_user_id" CREATE INDEX posts_user_id ON "Posts" USING btree ("userId")`,
		`table "Users"`,
		`  comment 'people'`,
		`  column "email" character varying(255) not null comment 'it''s the login'`,
		`  column "role" "enum_Users_role" default 'user'::"enum_Users_role"`,
		`  constraint "Users_email_key" UNIQUE (email)`,
		`  constraint "Users_n_check" CHECK (n >= 0)`,
		`sequence "Posts_id_seq" integer start 1 increment 1 min 1 max 2147483647 cache 1 no cycle owned by "Posts".id last_value none`,
		`sequence "Users_id_seq" integer start 1 increment 1 min 1 max 2147483647 cache 1 no cycle owned by "Users".id last_value 2`,
		``,
		`rows "Posts" ("id", "userId"): 0`,
		``,
		`rows "Users" ("id", "email", "role", "n", "data", "bin", "ok", "at"): 2`,
		`  1, 'b@x', 'user', 10, '{"k": [1, 2]}', x'00ff', true, '2020-01-02 01:04:05.678+00'`,
		`  2, 'a@x', 'user', 9, null, null, false, null`,
	)

	// The same objects in another schema dump the same way.
	exec(t, db.DB, setup("other")...)
	if other := dump(t, db.DB, "postgres", schemadump.Options{Schema: "other"}); other != got {
		t.Errorf("dump of schema other differs from public:\n%s\n---\n%s", other, got)
	}
	if _, err := schemadump.Dump(context.Background(), db.DB, "postgres", schemadump.Options{Schema: "nope"}); err == nil ||
		!strings.Contains(err.Error(), `schema "nope" does not exist`) {
		t.Errorf("missing schema: %v", err)
	}
}

func TestMySQL(t *testing.T) {
	t.Parallel()
	for _, dialect := range []string{"mysql", "mariadb"} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db := freshdb.ForTest(t, dialect)
			exec(t, db.DB,
				"CREATE TABLE `Users` (`id` INTEGER NOT NULL auto_increment, `name` VARCHAR(255), `bin` VARBINARY(4), PRIMARY KEY (`id`)) ENGINE=InnoDB",
				"CREATE TABLE `Posts` (`id` INTEGER NOT NULL auto_increment, `userId` INTEGER, PRIMARY KEY (`id`), FOREIGN KEY (`userId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB",
				"CREATE VIEW `v` AS SELECT `name` FROM `Users`",
				"INSERT INTO `Users` (`name`, `bin`) VALUES ('b', x'00ff'), ('a', NULL), ('A', NULL), (NULL, NULL)",
				"INSERT INTO `Users` (`id`, `name`) VALUES (10, 'it''s\nnew')",
			)
			got := dump(t, db.DB, dialect, schemadump.Options{})
			if strings.Contains(got, "AUTO_INCREMENT=") || strings.Contains(got, "DEFINER=") || strings.Contains(got, db.Name) {
				t.Errorf("dump keeps AUTO_INCREMENT=, DEFINER= or the database name:\n%s", got)
			}
			hasLines(t, got,
				`table "Posts"`,
				"  CREATE TABLE `Posts` (",
				"    CONSTRAINT `Posts_ibfk_1` FOREIGN KEY (`userId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE",
				`table "Users"`,
				"    `id` int(11) NOT NULL AUTO_INCREMENT,",
				`view "v"`,
				``,
				`rows "Posts" ("id", "userId"): 0`,
				``,
				`rows "Users" ("id", "name", "bin"): 5`,
				`  1, 'b', x'00ff'`,
				`  2, 'a', null`,
				`  3, 'A', null`,
				`  4, null, null`,
				`  10, e'it\'s\nnew', null`,
			)
		})
	}
}

func TestUnknownDialect(t *testing.T) {
	t.Parallel()
	db := freshdb.ForTest(t, "sqlite")
	if _, err := schemadump.Dump(context.Background(), db.DB, "oracle", schemadump.Options{}); err == nil {
		t.Error("no error for an unknown dialect")
	}
}
