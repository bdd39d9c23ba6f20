// Package dialect is the neutral model shared by every part of sqzjs that
// talks about a database: the operations a migration can ask for (named after
// Sequelize's QueryInterface methods), column and data-type descriptions that
// mirror Sequelize's attribute options, SQL values and expressions, where
// trees, the statements a dialect plans, and the interfaces a concrete dialect
// implements ([Dialect], [Inspector]).
//
// Concrete dialects live in sub-packages (dialect/sqlite, later
// dialect/postgres and dialect/mysql). They turn an [Op] into [Stmt]s with
// Plan, asking the live schema questions only through an [Inspector]. Plan
// never executes anything; execution, logging and error shaping belong to the
// caller (package bridge).
//
// Imports: the standard library only. Every other sqzjs package depends on
// this one, so it must stay the most stable; it never imports goja, jsrt,
// bridge, migrate or a database driver.
package dialect
