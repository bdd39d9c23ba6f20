// Command report renders compat-tests/REPORT.md from the outcomes the golden
// compatibility test writes (make compat sets SQZJS_COMPAT_RESULTS) and the
// known-differences ledger, and prints its summary line last:
//
//	compat: N cases, P passed, F failed, L known differences
//
// N counts case × dialect runs that ran (a run is a case recorded from real
// Sequelize, run by sqzjs on one dialect); P the runs that match Sequelize,
// exactly or where the ledger lists the difference; F the others; L the
// ledger's entries. Runs skipped because a server was unreachable are listed
// per dialect and not counted.
//
// Usage: go run ./compat-tests/cmd/report [-out compat-tests/REPORT.md] results.json
package main
