// Package cli holds the sequelize-cli transcripts sqzjs's command line is
// compared with: scenarios/*.txtar (a project and a list of sequelize-cli
// command lines, with what real sequelize-cli 6.6.5 printed, its exit codes
// and the schema after every step, per dialect), the small fixture projects
// under projects/, and the tests.
//
//   - cli_test.go (go test ./compat-tests/cli/): plays every scenario with
//     sqzjs's CLI in-process (internal/cli.Main) and compares step by step.
//   - interop_test.go (go test -tags interop ./compat-tests/cli/, needs Node
//     and a built sqzjs): half the example migrations with sequelize-cli, the
//     rest with sqzjs, undo:all with sequelize-cli; and the reverse.
//
// Re-record with `go run ./compat-tests/cmd/record-cli` (needs Node and the
// oracle's node_modules); the format is described in package scenario.
package cli
