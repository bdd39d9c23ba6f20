// Package all maps a Sequelize dialect name to sqzjs's implementation of it.
// It is the one place that imports every concrete dialect; the command line
// and programs embedding sqzjs use it, while packages bridge and migrate
// only ever see a dialect.Dialect.
//
// Imports: package dialect and the concrete dialect packages.
package all
