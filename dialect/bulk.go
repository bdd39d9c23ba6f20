package dialect

// RowSource is a bulkInsert's records where the caller holds them (the
// migration's JavaScript objects), read when the call is made as
// Sequelize's bulkInsertQuery reads them, so that no converted copy of
// every record has to exist at once.
type RowSource interface {
	// Len is the number of records.
	Len() int
	// Keys appends record i's own enumerable string keys, in order, to dst.
	Keys(i int, dst []string) []string
	// Value is record i's value of key, one of its Keys, in the value model
	// (value.go).
	Value(i int, key string) (any, error)
}

// BulkInsertRenderer is implemented by a dialect that renders a
// bulkInsert's statement when the call is made: RenderBulkInsert reads the
// records from src and sets op.SQL, which Exec then runs. It returns the
// errors Exec would return for the same records before running anything.
type BulkInsertRenderer interface {
	RenderBulkInsert(op *BulkInsert, src RowSource) error
}
