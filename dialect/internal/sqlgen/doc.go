// Package sqlgen holds the SQL-writing code that Sequelize's dialects share:
// identifier quoting, value escaping, the where-object compiler, replacement
// and bind-parameter handling, generated names, and the generic renderers for
// indexes, constraints and INSERT/UPDATE/DELETE/SELECT statements. Everything
// a dialect decides differently is a field of [Flavor], passed in by value;
// there is no embedded "base dialect" (Go embedding has no virtual dispatch).
//
// Imports: the standard library, package dialect and internal/lazyre only. Being internal to
// dialect/, it can be imported by the concrete dialects and nothing else.
package sqlgen
