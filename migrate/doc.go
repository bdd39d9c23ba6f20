// Package migrate runs a folder of migration (or seeder) files the way
// sequelize-cli's umzug v2 does: which files count, their order, prefix
// matching of --to/--from/--name, the executed list read from a storage
// (SequelizeMeta through the bridge, a JSON file, or none), one file at a
// time, and the "== name: migrating =======" lines.
//
// A file is finished when the promise its up/down returned settled and every
// database call it started has completed (jsrt's Await); only then is its
// name recorded. A failed file stops the run and is not recorded.
//
// Imports: bridge (through the small Session and Execer interfaces), jsrt,
// dialect, goja and the standard library. It never touches the process
// (files are reached through injected functions) and never imports
// internal/cli.
package migrate
