package bridge_test

import (
	"testing"

	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// TestBluebirdMethods: what queryInterface and sequelize methods return has
// the Bluebird methods Sequelize ≤ 5 migrations call (sqzjs extension).
func TestBluebirdMethods(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		const check = (cond, msg) => { if (!cond) throw new Error(msg); };
		const p = qi.createTable('t', { id: { type: S.INTEGER, primaryKey: true }, name: S.STRING });
		check(p instanceof Promise && typeof p.spread === 'function', 'a Promise with Bluebird methods');
		let tapped = false;
		await p.tap(() => { tapped = true; }).return('done').then((v) => check(v === 'done', '.return'));
		check(tapped, '.tap');
		await qi.bulkInsert('t', [{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
		const spread = await qi.sequelize.query('SELECT id FROM t ORDER BY id').spread((rows, meta) => rows.length + ':' + typeof meta);
		check(spread === '2:object', '.spread ' + spread);
		const names = await qi.sequelize.query('SELECT name FROM t ORDER BY id', { type: S.QueryTypes.SELECT }).map((r) => r.name.toUpperCase());
		check(names.join() === 'A,B', '.map ' + names);
		const seen = [];
		const each = await qi.sequelize.query('SELECT id FROM t ORDER BY id', { type: 'SELECT' }).each((r) => { seen.push(r.id); });
		check(seen.join() === '1,2' && each.length === 2, '.each');
		const mapped = await qi.sequelize.query('SELECT id FROM t ORDER BY id', { type: 'SELECT' })
			.map((r) => qi.sequelize.query('UPDATE t SET name = :n WHERE id = :id', { replacements: { n: 'x' + r.id, id: r.id } }), { concurrency: 1 })
			.then(() => qi.sequelize.query('SELECT name FROM t ORDER BY id', { type: 'SELECT', plain: false }));
		check(mapped.map((r) => r.name).join() === 'x1,x2', '.map with concurrency');
		// .catch with a predicate: a class, a function, an object; non-matching errors pass through.
		const caught = await qi.sequelize.query('SELECT * FROM nowhere').catch(S.UniqueConstraintError, () => 'unique').catch(S.DatabaseError, (e) => 'db: ' + e.name);
		check(caught === 'db: SequelizeDatabaseError', '.catch(Class, fn) ' + caught);
		const byFn = await qi.describeTable('nowhere').catch((e) => /No description/.test(e.message), () => 'predicate');
		check(byFn === 'predicate', '.catch(predicate, fn) ' + byFn);
		const plain = await qi.sequelize.query('SELECT * FROM nowhere').catch((e) => 'plain ' + e.name);
		check(plain === 'plain SequelizeDatabaseError', '.catch(fn)');
		const props = await S.Promise.props({ a: qi.sequelize.query('SELECT 1 AS x', { type: 'SELECT' }), b: 2 });
		check(props.a[0].x === 1 && props.b === 2, 'Promise.props');
		const series = await S.Promise.mapSeries([1, 2], (x) => x * 2);
		check(series.join() === '2,4', 'Promise.mapSeries');
		// Awaiting and native chaining are unchanged.
		check((await qi.showAllTables()).includes('t'), 'await');
	`)
}

// TestSequelize5Forms: addConstraint(table, fields, options) and references:
// 'table' with referencesKey (sqzjs extensions).
func TestSequelize5Forms(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		await qi.createTable('projectTypes', { code: { type: S.STRING, primaryKey: true } });
		await qi.createTable('projects', {
			id: { type: S.INTEGER, primaryKey: true },
			typeCode: { type: S.STRING, references: 'projectTypes', referencesKey: 'code' },
			otherId: S.INTEGER,
		});
		await qi.addConstraint('projects', ['otherId'], {
			type: 'FOREIGN KEY', name: 'projects_other_fk',
			references: { table: 'projects', field: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE',
		});
		await qi.addConstraint('projects', ['id', 'typeCode'], { type: 'unique', name: 'projects_id_type' });
		const [rows] = await qi.sequelize.query("SELECT sql FROM sqlite_master WHERE name = 'projects'");
		const sql = rows[0].sql;
		if (!sql.includes('REFERENCES `+"`projectTypes` (`code`)"+`')) throw new Error('referencesKey: ' + sql);
		if (!sql.includes('CONSTRAINT `+"`projects_other_fk` FOREIGN KEY (`otherId`) REFERENCES `projects` (`id`) ON UPDATE CASCADE ON DELETE CASCADE"+`')) throw new Error('v5 foreign key: ' + sql);
		if (!sql.includes('CONSTRAINT `+"`projects_id_type` UNIQUE (`id`, `typeCode`)"+`')) throw new Error('v5 unique: ' + sql);
	`)
}
