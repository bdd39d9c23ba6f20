package bridge_test

import (
	"testing"

	"github.com/sqzjs/sqzjs/jsrt/jsrttest"
)

// The model layer (js/model*.js, associations.js) loads the first time a run
// reaches for it; before and after, Sequelize, its prototype and instances
// have the same names in the same order, and the same enumerability.
func TestModelLayerLoadsLazily(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		const shape = () => JSON.stringify({
			statics: Object.getOwnPropertyNames(S).map((k) => k + ':' + Object.getOwnPropertyDescriptor(S, k).enumerable),
			proto: Object.getOwnPropertyNames(S.prototype).map((k) => k + ':' + Object.getOwnPropertyDescriptor(S.prototype, k).enumerable),
			forIn: (() => { const keys = []; for (const k in qi.sequelize) keys.push(k); return keys; })(),
			staticKeys: Object.keys(S),
			hooks: qi.sequelize.options.hooks,
		});
		const loaded = () => typeof Object.getOwnPropertyDescriptor(S, 'Model').get !== 'function';
		if (loaded()) throw new Error('the model layer was loaded at start-up');
		if (typeof qi.sequelize.modelManager.getModel !== 'function') throw new Error('no model manager');
		if (loaded()) throw new Error('the model manager loaded the model layer');
		const before = shape();
		const { Model } = require('sequelize');
		if (!loaded()) throw new Error('Sequelize.Model did not load the model layer');
		const after = shape();
		if (before !== after) throw new Error('shape changed:\n' + before + '\n' + after);
		const User = qi.sequelize.define('User', {}, { tableName: 'users' });
		if (!(User.prototype instanceof Model)) throw new Error('define does not extend Sequelize.Model');
		if (qi.sequelize.model('User') !== User || qi.sequelize.modelManager.getModel('User') !== User) throw new Error('model manager');
	`)
}

// A Sequelize instance built with hooks loads the model layer at once and
// has them; an assignment to a lazy name before the layer loads is kept.
func TestModelLayerHooksAndAssignment(t *testing.T) {
	t.Parallel()
	rt, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt, `
		const loaded = () => typeof Object.getOwnPropertyDescriptor(S, 'Model').get !== 'function';
		const calls = [];
		const s2 = new S({ dialect: 'sqlite', logging: false, hooks: { beforeDefine: () => calls.push('beforeDefine') } });
		if (!loaded()) throw new Error('hooks in the options did not load the model layer');
		if (!s2.hasHook('beforeDefine') || qi.sequelize.hasHook('beforeDefine')) throw new Error('hooks');
		s2.define('Thing', {});
		if (calls.join() !== 'beforeDefine') throw new Error('beforeDefine ran: ' + calls.join());
	`)
	rt2, _ := newSession(t, nil)
	jsrttest.RunOnLoop(t, rt2, `
		const mine = function define() { return 'mine'; };
		qi.sequelize.define = mine;
		if (qi.sequelize.define !== mine || !Object.prototype.hasOwnProperty.call(qi.sequelize, 'define')) throw new Error('assignment lost');
		if (typeof S.prototype.define !== 'function' || S.prototype.define === mine) throw new Error('prototype changed');
	`)
}
