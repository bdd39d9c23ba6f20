// Package lazyre holds regular expressions that are compiled on first use:
// expressions built at package initialisation would cost every run of the
// process, most of which never use them.
//
// Imports: the standard library only.
package lazyre
