package jsrt_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// TestRealPackages loads the pure-JavaScript npm packages migrations use,
// as npm installed them for the oracle (compat-tests/oracle/node_modules),
// and uses them as migrations do. It skips when that folder is absent
// (`npm ci --prefix compat-tests/oracle` installs it).
func TestRealPackages(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "compat-tests", "oracle"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "lodash")); err != nil {
		t.Skip("compat-tests/oracle/node_modules is not installed (npm ci --prefix compat-tests/oracle)")
	}
	rt := jsrttest.NewRuntime(t, func(o *jsrt.Options) {
		o.FS = os.DirFS("/")
		o.Cwd = filepath.ToSlash(dir)
	})
	jsrttest.RunOnLoop(t, rt, `
		const check = (cond, msg) => { if (!cond) throw new Error(msg); };

		const _ = require('lodash');
		check(_.chunk([1, 2, 3], 2).length === 2 && _.camelCase('created_at') === 'createdAt', 'lodash');
		check(_.get({ a: { b: [1, 2] } }, 'a.b[1]') === 2 && _.uniqBy([{ x: 1 }, { x: 1 }], 'x').length === 1, 'lodash get/uniqBy');
		check(_.template('hi <%= name %>')({ name: 'x' }) === 'hi x', 'lodash template (new Function)');

		const Bluebird = require('bluebird');
		const seen = [];
		await Bluebird.each([1, 2, 3], async (x) => { seen.push(x); });
		const doubled = await Bluebird.map([1, 2, 3], (x) => Bluebird.delay(3 - x).then(() => x * 2), { concurrency: 2 });
		const series = await Bluebird.mapSeries(['a', 'b'], (x) => x.toUpperCase());
		const props = await Bluebird.props({ a: Bluebird.resolve(1), b: 2 });
		check(seen.join() === '1,2,3' && doubled.join() === '2,4,6' && series.join() === 'A,B' && props.a === 1, 'bluebird');
		const spread = await Bluebird.resolve([1, 2]).spread((a, b) => a + b);
		check(spread === 3, 'bluebird spread');
		const caught = await Bluebird.reject(new TypeError('x')).catch(TypeError, () => 'typed');
		check(caught === 'typed', 'bluebird catch predicate');

		const { v4: uuidv4, v1: uuidv1, validate } = require('uuid');
		check(validate(uuidv4()) && validate(uuidv1()) && /^[0-9a-f-]{36}$/.test(uuidv4()), 'uuid');

		const moment = require('moment');
		check(moment.utc('2024-01-02T03:04:05Z').add(1, 'day').format('YYYY-MM-DD HH:mm') === '2024-01-03 03:04', 'moment');

		const validator = require('validator');
		check(validator.isEmail('a@b.co') && !validator.isUUID('nope'), 'validator');
		check(require('ms')('2 days') === 172800000, 'ms');
		check(require('semver').satisfies('6.37.8', '^6.0.0'), 'semver');
		check(require('inflection').pluralize('person') === 'people', 'inflection');
		check(require('underscore').pluck([{ a: 1 }], 'a')[0] === 1, 'underscore');
		check(typeof require('debug')('sqzjs') === 'function', 'debug');
	`)
}
