// Package replayfile is the file format of the statements `make bench`
// replays: one JSON object per line, the SQL text exactly as sqzjs sent it
// (only the part the driver ran) and its bind parameters, each tagged with
// its type. It is kept apart from package bench so that the SQLite replayer
// links nothing of sqzjs.
//
// Imports: the standard library only.
package replayfile
