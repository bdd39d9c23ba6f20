package jsrt_test

import (
	"testing"

	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

func TestLoaderHooksNeedNoPackage(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(map[string]string{
		"/proj/src/main.js":  "export const answer = 42;\n",
		"/proj/src/entry.js": "require = require('esm')(module);\nmodule.exports = require('./main.js');\n",
		// An installed ts-node is not loaded either: goja has no Module._extensions to patch.
		"/proj/node_modules/ts-node/package.json":        `{"main": "index.js"}`,
		"/proj/node_modules/ts-node/index.js":            "throw new Error('real ts-node loaded');",
		"/proj/node_modules/ts-node/register/index.js":   "throw new Error('real ts-node/register loaded');",
		"/proj/node_modules/@babel/register/lib/node.js": "throw new Error('real babel loaded');",
	}))
	jsrttest.RunOnLoop(t, rt, `
		require('ts-node/register');
		require('ts-node/register/transpile-only');
		require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
		require('@babel/register')({ extensions: ['.js', '.ts'], presets: ['@babel/preset-env'] });
		require('babel-register')();
		require('tsx/cjs');
		require('tsx');
		const { register } = require('tsx/cjs/api');
		const unregister = register();
		unregister();
		require('source-map-support').install();
		require('source-map-support/register');
		require('@babel/polyfill');
		if (require.resolve('ts-node/register') !== 'ts-node/register') throw new Error('resolve: ' + require.resolve('ts-node/register'));
		const main = require('./src/entry.js');
		if (main.answer !== 42) throw new Error('esm loader: ' + JSON.stringify(main));
	`)
}

func TestDotenvFallback(t *testing.T) {
	t.Parallel()
	env := "# comment\nDB_NAME=app\nexport DB_USER = 'root'  # trailing\nMULTI=\"a\\nb\"\nEMPTY=\nPRESET=from-file\nYAMLISH: value\n"
	rt := jsrttest.NewRuntime(t,
		jsrttest.WithFiles(map[string]string{"/proj/.env": env, "/proj/other.env": "OTHER=1\nDB_NAME=other\n"}),
		jsrttest.WithEnv(map[string]string{"PRESET": "from-env"}))
	jsrttest.RunOnLoop(t, rt, `
		const dotenv = require('dotenv');
		const res = dotenv.config();
		const want = { DB_NAME: 'app', DB_USER: 'root', MULTI: 'a\nb', EMPTY: '', PRESET: 'from-file', YAMLISH: 'value' };
		if (JSON.stringify(res.parsed) !== JSON.stringify(want)) throw new Error('parsed: ' + JSON.stringify(res.parsed));
		if (process.env.DB_NAME !== 'app' || process.env.PRESET !== 'from-env') throw new Error('env: ' + JSON.stringify(process.env));
		dotenv.config({ path: '/proj/other.env', override: true });
		if (process.env.DB_NAME !== 'other' || process.env.OTHER !== '1') throw new Error('override');
		const missing = dotenv.config({ path: '/proj/nope.env' });
		if (!missing.error || missing.error.code !== 'ENOENT') throw new Error('missing file: ' + JSON.stringify(missing));
		if (dotenv.parse('A=1\nB="x y"').B !== 'x y') throw new Error('parse');
		if (require('dotenv').default !== dotenv) throw new Error('default');
	`)
}

func TestDotenvConfigModuleAndInstalledDotenv(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(map[string]string{
		"/proj/.env":   "FROM_CONFIG=yes\n",
		"/proj/a/x.js": "require('dotenv/config'); module.exports = process.env.FROM_CONFIG;",
		"/proj/b/node_modules/dotenv/package.json": `{"main": "lib/main.js"}`,
		"/proj/b/node_modules/dotenv/lib/main.js":  "module.exports = { config: () => ({ parsed: 'installed' }) };",
		"/proj/b/y.js": "module.exports = require('dotenv').config().parsed;",
	}))
	jsrttest.RunOnLoop(t, rt, `
		if (require('./a/x') !== 'yes') throw new Error('dotenv/config');
		if (require('./b/y') !== 'installed') throw new Error('an installed dotenv wins');
	`)
}

func TestModuleCreateRequire(t *testing.T) {
	t.Parallel()
	rt := jsrttest.NewRuntime(t, jsrttest.WithFiles(map[string]string{
		"/proj/db/data.json": `{"rows": 3}`,
		"/proj/db/m.mjs":     "import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\nexport const rows = require('./data.json').rows;\nexport const resolved = require.resolve('./data.json');\n",
	}))
	jsrttest.RunOnLoop(t, rt, `
		const m = require('./db/m.mjs');
		if (m.rows !== 3 || m.resolved !== '/proj/db/data.json') throw new Error(JSON.stringify(m));
		const mod = require('node:module');
		if (!mod.isBuiltin('fs') || !mod.isBuiltin('node:child_process') || mod.isBuiltin('lodash')) throw new Error('isBuiltin');
		if (!mod.builtinModules.includes('path')) throw new Error('builtinModules');
	`)
}
