// Command sqzjs runs sequelize-cli migration folders without Node:
// `sqzjs db:migrate` where a project ran `npx sequelize-cli db:migrate`.
//
// It builds a cli.State from the real process and exits with what
// cli.Main returns.
package main
