// Package bridge is the Sequelize surface a migration sees: the `sequelize`
// module (the Sequelize class with DataTypes, Op, QueryTypes, fn/col/literal,
// errors…), the instance reached as queryInterface.sequelize, and the
// QueryInterface whose methods return real promises.
//
// Argument handling that Sequelize does in JavaScript lives in an embedded
// prelude (js/prelude.js) so it can be read side by side with Sequelize's
// source. Go turns normalised arguments into dialect operations
// (dialect.Op), runs them on serial executors (one goroutine and one
// connection each: the default connection, and one per transaction), and
// settles the promise back on the runtime's loop, following jsrt's
// reservation contract. Database errors become Sequelize's error objects
// (SequelizeDatabaseError, SequelizeUniqueConstraintError, …) with the
// driver's code and the stack of the call that caused them.
//
// Imports: jsrt, dialect (never a concrete dialect: the Dialect value is
// given), goja and the standard library. Never migrate or internal/cli.
package bridge
