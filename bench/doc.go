// Package bench holds sqzjs's benchmark harness: the synthetic migration
// folders `make bench` runs (gen.go), the in-process capture of the
// statements sqzjs sends (capture.go) and, under cmd/, the driver that
// times sqzjs against sequelize-cli and a raw replay of the same SQL.
//
// It is not part of the product and nothing in the product imports it.
//
// Imports: the product packages it drives in-process (migrate, bridge, jsrt,
// dialect, dialect/all), bench/replayfile and the standard library.
package bench
