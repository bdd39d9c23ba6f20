package bridge_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/bridge"
	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/sqlite"
	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// newSession builds a runtime and a Session on a fresh SQLite file, with
// the query interface and the Sequelize class as the globals qi and S.
func newSession(t *testing.T, config map[string]any) (*jsrt.Runtime, *bridge.Session) {
	t.Helper()
	rt := jsrttest.NewRuntime(t)
	d, conn := bridge.OpenSQLiteForTest(t)
	if config == nil {
		config = map[string]any{"dialect": "sqlite", "logging": false}
	}
	s, err := bridge.New(context.Background(), rt, bridge.Options{Dialect: d, Connector: conn, Config: config})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, err = rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		vm.Set("qi", s.QueryInterface())
		vm.Set("S", s.Sequelize())
		return goja.Undefined(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rt, s
}

func TestDataTypeForms(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		const Sequelize = require('sequelize');
		if (Sequelize !== S) throw new Error('require("sequelize") is not the class');
		if (Sequelize.INTEGER(11).UNSIGNED.ZEROFILL._zerofill !== true) throw new Error('chain');
		if (new Sequelize.STRING(100)._length !== 100) throw new Error('new STRING(100)');
		if (Sequelize.STRING.BINARY._binary !== true) throw new Error('STRING.BINARY');
		if (Sequelize.ENUM({ values: ['a', 'b'] }).values.join() !== 'a,b') throw new Error('ENUM object');
		if (Sequelize.DataTypes.DECIMAL(10, 2)._scale !== 2) throw new Error('DECIMAL');
		if (Sequelize.Op.gt !== Symbol.for('gt')) throw new Error('Op');
		if (!(Sequelize.STRING(3) instanceof Sequelize.STRING)) throw new Error('instanceof');
	`)
}

func TestQueryInterfaceOnSQLite(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('users', {
			id: { type: S.INTEGER, primaryKey: true, autoIncrement: true },
			email: { type: S.STRING, allowNull: false, unique: true },
			active: { type: S.BOOLEAN, defaultValue: true },
		});
		const last = await qi.bulkInsert('users', [{ email: 'a@x' }, { email: "o'n@x", active: false }]);
		if (last !== 2) throw new Error('bulkInsert returned ' + last);
		const rows = await qi.sequelize.query('SELECT email, active FROM users WHERE email = :e', { type: S.QueryTypes.SELECT, replacements: { e: "o'n@x" } });
		if (rows.length !== 1 || rows[0].active !== 0) throw new Error('select: ' + JSON.stringify(rows));
		const desc = await qi.describeTable('users');
		if (desc.email.unique !== true || desc.email.allowNull !== false) throw new Error('describe: ' + JSON.stringify(desc));
		await qi.addIndex('users', ['active', 'email']);
		const idx = await qi.showIndex('users');
		if (!idx.some((i) => i.name === 'users_active_email')) throw new Error('index: ' + JSON.stringify(idx));
		// As in Sequelize, the later non-unique index decides describeTable's unique flag.
		const desc2 = await qi.describeTable('users');
		if (desc2.email.unique !== false) throw new Error('describe after index: ' + JSON.stringify(desc2));
		await qi.changeColumn('users', 'email', { type: S.STRING(100), allowNull: true });
		const after = await qi.describeTable('users');
		if (after.email.type !== 'VARCHAR(100)') throw new Error('changeColumn: ' + JSON.stringify(after));
		const n = await qi.bulkUpdate('users', { active: true }, { id: { [S.Op.in]: [1, 2] } });
		if (n !== 2) throw new Error('bulkUpdate returned ' + n);
	`)
}

func TestErrorsAreSequelizeShaped(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('t', { a: { type: S.INTEGER, unique: true } });
		await qi.bulkInsert('t', [{ a: 1 }]);
		try {
			await qi.bulkInsert('t', [{ a: 1 }]);
			throw new Error('no error');
		} catch (e) {
			if (e.name !== 'SequelizeUniqueConstraintError') throw new Error('name ' + e.name);
			if (!(e instanceof S.UniqueConstraintError) || !(e instanceof Error)) throw new Error('instanceof');
			if (e.original.code !== 'SQLITE_CONSTRAINT') throw new Error('code ' + e.original.code);
			if (e.fields[0] !== 'a') throw new Error('fields ' + JSON.stringify(e.fields));
			if (!/jsrttest\.js:5/.test(e.stack)) throw new Error('stack ' + e.stack);
		}
		try {
			await qi.sequelize.query('SELEC 1');
			throw new Error('no error');
		} catch (e) {
			if (e.name !== 'SequelizeDatabaseError') throw new Error('name ' + e.name);
			if (e.message !== 'SQLITE_ERROR: near "SELEC": syntax error') throw new Error('message ' + e.message);
			if (e.sql !== 'SELEC 1') throw new Error('sql ' + e.sql);
		}
	`)
}

func TestManagedTransactionRollsBack(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('t', { a: S.INTEGER });
		try {
			await qi.sequelize.transaction(async (t) => {
				await qi.bulkInsert('t', [{ a: 1 }], { transaction: t });
				throw new Error('boom');
			});
		} catch (e) {
			if (e.message !== 'boom') throw e;
		}
		const [rows] = await qi.sequelize.query('SELECT count(*) AS n FROM t');
		if (rows[0].n !== 0) throw new Error('rolled back rows remain: ' + rows[0].n);
		const t = await qi.sequelize.transaction();
		await qi.bulkInsert('t', [{ a: 2 }], { transaction: t });
		await t.commit();
		const [rows2] = await qi.sequelize.query('SELECT count(*) AS n FROM t');
		if (rows2[0].n !== 1) throw new Error('committed rows: ' + rows2[0].n);
		try { await qi.bulkInsert('t', [{ a: 3 }], { transaction: t }); throw new Error('no error'); }
		catch (e) { if (!/commit has been called on this transaction/.test(e.message)) throw e; }
	`)
}

// TestRemoveConstraintLooksUpOutsideTheTransaction reproduces Sequelize's
// SQLite removeConstraint, whose constraint lookup runs without the
// transaction: a constraint added earlier in the same transaction is not
// found (observed with sequelize 6.37.8 in an independent project).
func TestRemoveConstraintLooksUpOutsideTheTransaction(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('t', { a: S.INTEGER, b: S.INTEGER });
		const tx = await qi.sequelize.transaction();
		await qi.addConstraint('t', { fields: ['a', 'b'], type: 'unique', name: 't_a_b_key', transaction: tx });
		try {
			await qi.removeConstraint('t', 't_a_b_key', { transaction: tx });
			throw new Error('no error');
		} catch (e) {
			if (e.message !== 'Constraint t_a_b_key on table t does not exist') throw e;
			if (e.name !== 'SequelizeUnknownConstraintError') throw new Error('name ' + e.name);
			if (e.constraint !== 't_a_b_key' || e.table !== 't') throw new Error('constraint ' + e.constraint + ' table ' + e.table);
			if (e.parent.message !== '' || e.parent.sql !== '') throw new Error('parent ' + JSON.stringify(e.parent));
		}
		await tx.rollback();
	`)
}

// TestSequelizeWarningsOncePerText checks the DataType warnings Sequelize's
// SQLite dialect prints through its logger, once per text.
func TestSequelizeWarningsOncePerText(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('t', { a: S.TEXT('long'), b: S.TEXT('tiny'), c: S.INTEGER.UNSIGNED });
	`)
	// The integer warning comes from the type's constructor (normalizeAttribute),
	// the TEXT one from toSql, so the second column's warning prints first.
	want := "(sequelize) Warning: SQLite does not support 'INTEGER' with UNSIGNED or ZEROFILL. Plain 'INTEGER' will be used instead. \n>> Check: https://www.sqlite.org/datatype3.html\n" +
		"(sequelize) Warning: SQLite does not support TEXT with options. Plain `TEXT` will be used instead. \n>> Check: https://www.sqlite.org/datatype3.html\n"
	if got := jsrttest.Stderr(rt); got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

// TestSlowStatementIsReported checks that a statement stuck behind another
// connection's lock is reported while it waits, not silently.
func TestSlowStatementIsReported(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t)
	d, err := sqlite.New(dialect.Config{})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "db.sqlite")
	conn, err := d.Open(context.Background(), dialect.Config{Storage: file, BusyTimeout: 600 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var warnings []string
	s, err := bridge.New(context.Background(), rt, bridge.Options{
		Dialect: d, Connector: conn, Config: map[string]any{"dialect": "sqlite", "logging": false},
		SlowStatement: 200 * time.Millisecond,
		Warn:          func(m string) { mu.Lock(); warnings = append(warnings, m); mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, _ = rt.Loop().Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		vm.Set("qi", s.QueryInterface())
		return goja.Undefined(), nil
	})
	// The transaction holds the write lock; the default connection's insert
	// waits for it until the busy timeout.
	v, err := jsrttest.Run(rt, `
		await qi.sequelize.query('CREATE TABLE t (a INTEGER)');
		const tx = await qi.sequelize.transaction({ type: 'IMMEDIATE' });
		try { await qi.sequelize.query('INSERT INTO t VALUES (1)'); } catch (e) { await tx.rollback(); return e.name; }
		await tx.rollback();
		return 'no error';
	`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "SequelizeTimeoutError" {
		t.Errorf("the blocked insert ended with %q, want SequelizeTimeoutError", v)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(warnings) != 1 || !strings.Contains(warnings[0], "INSERT INTO t VALUES (1)") || !strings.Contains(warnings[0], "default connection") {
		t.Errorf("warnings = %q, want one naming the waiting INSERT", warnings)
	}
}
