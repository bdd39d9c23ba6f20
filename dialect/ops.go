package dialect

// Op is one operation a migration asks for, named after the Sequelize
// QueryInterface method (or sequelize.query for [Raw]). The set is closed:
// every dialect handles every Op, or returns an error wrapping
// [ErrUnsupported].
//
//sumtype:decl
type Op interface {
	// Method is the Sequelize method name, for messages ("createTable").
	Method() string
	isOp()
}

// TableOptions are createTable's options.
type TableOptions struct {
	UniqueKeys           []UniqueKey
	Engine               string
	Charset              string
	Collate              string
	RowFormat            string
	Comment              *string
	InitialAutoIncrement string
}

// UniqueKey is one entry of createTable's options.uniqueKeys.
type UniqueKey struct {
	Name   string
	Fields []string
}

// CreateTable is queryInterface.createTable.
type CreateTable struct {
	Table   TableRef
	Columns []Column
	Options TableOptions
}

// DropTable is queryInterface.dropTable.
type DropTable struct {
	Table   TableRef
	Cascade bool
}

// DropAllTables is queryInterface.dropAllTables.
type DropAllTables struct{ Skip []string }

// RenameTable is queryInterface.renameTable.
type RenameTable struct{ From, To TableRef }

// ShowAllTables is queryInterface.showAllTables.
type ShowAllTables struct{}

// TableExists is queryInterface.tableExists.
type TableExists struct{ Table TableRef }

// DescribeTable is queryInterface.describeTable.
type DescribeTable struct {
	Table           TableRef
	Schema          string
	SchemaDelimiter string
}

// AddColumn is queryInterface.addColumn.
type AddColumn struct {
	Table  TableRef
	Column Column
}

// RemoveColumn is queryInterface.removeColumn.
type RemoveColumn struct {
	Table  TableRef
	Column string
}

// ChangeColumn is queryInterface.changeColumn.
type ChangeColumn struct {
	Table  TableRef
	Column Column
}

// RenameColumn is queryInterface.renameColumn.
type RenameColumn struct {
	Table    TableRef
	From, To string
}

// AddIndex is queryInterface.addIndex.
type AddIndex struct {
	Table    TableRef
	Index    Index
	RawTable string
}

// RemoveIndex is queryInterface.removeIndex, by Name or by Fields.
type RemoveIndex struct {
	Table        TableRef
	Name         string
	Fields       []string
	Concurrently bool
}

// ShowIndex is queryInterface.showIndex.
type ShowIndex struct{ Table TableRef }

// AddConstraint is queryInterface.addConstraint.
type AddConstraint struct {
	Table      TableRef
	Constraint Constraint
}

// RemoveConstraint is queryInterface.removeConstraint.
type RemoveConstraint struct {
	Table TableRef
	Name  string
}

// ShowConstraint is queryInterface.showConstraint.
type ShowConstraint struct {
	Table TableRef
	Name  string
}

// GetForeignKeyReferences is queryInterface.getForeignKeyReferencesForTable.
type GetForeignKeyReferences struct{ Table TableRef }

// InsertOptions are the options of bulkInsert and insert that change SQL.
type InsertOptions struct {
	IgnoreDuplicates  bool
	UpdateOnDuplicate []string
	UpsertKeys        []string
	Returning         any // nil, true, or a list of column names
}

// BulkInsert is queryInterface.bulkInsert.
type BulkInsert struct {
	Table      TableRef
	Rows       []*Object
	Options    InsertOptions
	Attributes map[string]Column // the 4th argument: column name → attribute
}

// Insert is queryInterface.insert (one row, bound parameters), which is also
// how sequelize-cli's storage logs a migration.
type Insert struct {
	Table      TableRef
	Values     *Object
	Options    InsertOptions
	Attributes map[string]Column
}

// BulkUpdate is queryInterface.bulkUpdate.
type BulkUpdate struct {
	Table      TableRef
	Values     *Object
	Where      any
	Limit      any
	Attributes map[string]Column
}

// BulkDelete is queryInterface.bulkDelete.
type BulkDelete struct {
	Table           TableRef
	Where           any
	Truncate        bool
	RestartIdentity bool
	Cascade         bool
	Limit           any
}

// Select is queryInterface.select / rawSelect (and the storage's list
// query, which Model.findAll renders with the model name as Alias).
type Select struct {
	Table TableRef
	// Alias is the model name: "FROM t AS alias", and ORDER BY keys
	// prefixed with it; "" without a model.
	Alias string
	// Attributes are strings, Sequelize methods, or []any{expr or name,
	// alias}; nil means *.
	Attributes []any
	Where      any
	// Group and Order hold what options.group / options.order hold:
	// strings, Sequelize methods, or arrays such as ["name", "DESC"].
	Group  any
	Order  any
	Limit  any
	Offset any
}

// Raw is sequelize.query.
type Raw struct {
	SQL          string
	Replacements any // []any, *Object or nil
	Bind         any // []any, *Object or nil
	Type         string
	Plain        bool
	Raw          bool
	Nest         bool
}

// Version is sequelize.databaseVersion.
type Version struct{}

// CreateSchema is queryInterface.createSchema.
type CreateSchema struct{ Schema string }

// DropSchema is queryInterface.dropSchema.
type DropSchema struct{ Schema string }

// ShowAllSchemas is queryInterface.showAllSchemas.
type ShowAllSchemas struct{}

// Begin starts a transaction (or a savepoint when Savepoint is set).
type Begin struct {
	ID        string
	Type      string // DEFERRED, IMMEDIATE, EXCLUSIVE (SQLite)
	Isolation string // e.g. "SERIALIZABLE"; "" for the default
	Savepoint string // name of the savepoint for a nested transaction
	ReadOnly  bool
	// DeferSQL is the statement the transaction's deferrable option runs
	// after the transaction starts (Postgres: "SET CONSTRAINTS ALL
	// DEFERRED"); "" for none.
	DeferSQL string
}

// Commit commits a transaction; for a savepoint it does nothing.
type Commit struct{ Savepoint string }

// Rollback rolls back a transaction, or to a savepoint.
type Rollback struct{ Savepoint string }

func (CreateTable) Method() string             { return "createTable" }
func (DropTable) Method() string               { return "dropTable" }
func (DropAllTables) Method() string           { return "dropAllTables" }
func (RenameTable) Method() string             { return "renameTable" }
func (ShowAllTables) Method() string           { return "showAllTables" }
func (TableExists) Method() string             { return "tableExists" }
func (DescribeTable) Method() string           { return "describeTable" }
func (AddColumn) Method() string               { return "addColumn" }
func (RemoveColumn) Method() string            { return "removeColumn" }
func (ChangeColumn) Method() string            { return "changeColumn" }
func (RenameColumn) Method() string            { return "renameColumn" }
func (AddIndex) Method() string                { return "addIndex" }
func (RemoveIndex) Method() string             { return "removeIndex" }
func (ShowIndex) Method() string               { return "showIndex" }
func (AddConstraint) Method() string           { return "addConstraint" }
func (RemoveConstraint) Method() string        { return "removeConstraint" }
func (ShowConstraint) Method() string          { return "showConstraint" }
func (GetForeignKeyReferences) Method() string { return "getForeignKeyReferencesForTable" }
func (BulkInsert) Method() string              { return "bulkInsert" }
func (Insert) Method() string                  { return "insert" }
func (BulkUpdate) Method() string              { return "bulkUpdate" }
func (BulkDelete) Method() string              { return "bulkDelete" }
func (Select) Method() string                  { return "select" }
func (Raw) Method() string                     { return "query" }
func (Version) Method() string                 { return "databaseVersion" }
func (CreateSchema) Method() string            { return "createSchema" }
func (DropSchema) Method() string              { return "dropSchema" }
func (ShowAllSchemas) Method() string          { return "showAllSchemas" }
func (Begin) Method() string                   { return "transaction" }
func (Commit) Method() string                  { return "commit" }
func (Rollback) Method() string                { return "rollback" }

func (CreateTable) isOp()             {}
func (DropTable) isOp()               {}
func (DropAllTables) isOp()           {}
func (RenameTable) isOp()             {}
func (ShowAllTables) isOp()           {}
func (TableExists) isOp()             {}
func (DescribeTable) isOp()           {}
func (AddColumn) isOp()               {}
func (RemoveColumn) isOp()            {}
func (ChangeColumn) isOp()            {}
func (RenameColumn) isOp()            {}
func (AddIndex) isOp()                {}
func (RemoveIndex) isOp()             {}
func (ShowIndex) isOp()               {}
func (AddConstraint) isOp()           {}
func (RemoveConstraint) isOp()        {}
func (ShowConstraint) isOp()          {}
func (GetForeignKeyReferences) isOp() {}
func (BulkInsert) isOp()              {}
func (Insert) isOp()                  {}
func (BulkUpdate) isOp()              {}
func (BulkDelete) isOp()              {}
func (Select) isOp()                  {}
func (Raw) isOp()                     {}
func (Version) isOp()                 {}
func (CreateSchema) isOp()            {}
func (DropSchema) isOp()              {}
func (ShowAllSchemas) isOp()          {}
func (Begin) isOp()                   {}
func (Commit) isOp()                  {}
func (Rollback) isOp()                {}

// AllOps returns one zero value of every Op, for tests that check each
// dialect handles each operation.
func AllOps() []Op {
	return []Op{
		CreateTable{}, DropTable{}, DropAllTables{}, RenameTable{}, ShowAllTables{},
		TableExists{}, DescribeTable{}, AddColumn{}, RemoveColumn{}, ChangeColumn{},
		RenameColumn{}, AddIndex{}, RemoveIndex{}, ShowIndex{}, AddConstraint{},
		RemoveConstraint{}, ShowConstraint{}, GetForeignKeyReferences{}, BulkInsert{},
		Insert{}, BulkUpdate{}, BulkDelete{}, Select{}, Raw{}, Version{},
		CreateSchema{}, DropSchema{}, ShowAllSchemas{}, Begin{}, Commit{}, Rollback{},
	}
}
