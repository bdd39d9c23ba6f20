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
	// IDField is set by Model.bulkCreate when the model's primary key is its
	// autoIncrement attribute: SQLite, MySQL and MariaDB then resolve with
	// one { IDField: id } object per inserted row, from the driver's insert
	// id, as their Query classes do for a query with a model.
	IDField string
	// SQL, when set, is the statement already rendered from the records
	// when the call was made (BulkInsertRenderer); Rows is then empty.
	SQL string
}

// Insert is queryInterface.insert (one row, bound parameters), which is also
// how sequelize-cli's storage logs a migration, and Model.create's INSERT
// (Attributes are then the model's, by attribute name and by field, and
// Options.Returning lists the model's fields on dialects with RETURNING).
type Insert struct {
	Table      TableRef
	Values     *Object
	Options    InsertOptions
	Attributes map[string]Column
	// Upsert is Model.upsert's INSERT (query type UPSERT): Options hold its
	// update-on-duplicate columns and conflict keys.
	Upsert bool
}

// BulkUpdate is queryInterface.bulkUpdate, and the UPDATE of Model.update,
// instance.save and paranoid destroy/restore.
type BulkUpdate struct {
	Table      TableRef
	Values     *Object
	Where      any
	Limit      any
	Attributes map[string]Column
	// WhereTypes are the model's attribute types by attribute name and by
	// field (Model.update): where values are escaped or bound with them.
	WhereTypes map[string]*DataType
	// Returning lists the fields of RETURNING (Model.update and save with
	// returning on dialects that have it); the result is then the rows.
	Returning []string
}

// BulkDelete is queryInterface.bulkDelete, and the DELETE of Model.destroy
// and instance.destroy.
type BulkDelete struct {
	Table           TableRef
	Where           any
	Truncate        bool
	RestartIdentity bool
	Cascade         bool
	Limit           any
	// WhereTypes are the model's attribute types (typed escaping).
	WhereTypes map[string]*DataType
	// Type is the query type a model passes: "BULKDELETE" (Model.destroy)
	// resolves with the number of deleted rows, "DELETE" (instance.destroy)
	// with what the dialect's Query returns for it; "" is queryInterface's
	// raw result.
	Type string
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
	// Model, when set, makes this a model query (Model.findAll, findOne,
	// count…): Sequelize's selectQuery with a model and its includes; the
	// fields above are then unused.
	Model *ModelSelect
}

// ModelSelect is queryGenerator.selectQuery(table, options, model) as
// Model queries call it. The model layer (bridge/js) resolves models and
// associations into names; this is what the generator then renders.
type ModelSelect struct {
	// TableAs is the alias of the main table (the model name, or
	// options.tableAs); ModelName is the model's name.
	TableAs   string
	ModelName string
	// HasInclude: options.include is not empty (separate includes count).
	HasInclude bool
	// AttributeNames are the model's attributes (quoteAttribute quotes
	// these whole; other strings are split on dots).
	AttributeNames []string
	// Attributes are strings, [expr, alias] pairs and Sequelize methods;
	// AllAttributes means none were given (* or "as".*).
	Attributes    []any
	AllAttributes bool
	// SubQuery: the main table is selected in a subquery (a limit with a
	// multi-row include).
	SubQuery bool
	// IncludeIgnoreAttributes false leaves the includes' columns out
	// (count).
	IncludeIgnoreAttributes bool
	Includes                []Include
	HasWhere                bool
	Where                   any
	WhereTypes              map[string]*DataType
	Group                   []any
	HasGroup                bool
	HasHaving               bool
	Having                  any
	// Order and SubOrder are the ORDER BY items of the main query and of
	// the subquery, each an array with associations already resolved.
	Order, SubOrder []any
	Limit, Offset   any
	Lock, LockOf    string
	SkipLocked      bool
	// Raw: options.raw (rows are not parsed for the model).
	Raw bool
	// Parse, on SQLite, is what Sequelize's SQLite query needs to parse a
	// model's rows by the declared column types (PRAGMA table_info).
	Parse *ModelParse
}

// ModelParse names the tables of a model query and, per include path ("" for
// the main model, "author", "author.posts"), the model's table and its
// attribute → field map.
type ModelParse struct {
	TableNames []string
	Prefixes   map[string]ModelParseTable
}

// ModelParseTable is one model of a ModelParse.
type ModelParseTable struct {
	Table  string
	Fields map[string]string
}

// Include is one eager-loaded association of a model query.
type Include struct {
	As             string
	ModelName      string
	Table          TableRef
	AttributeNames []string
	Attributes     []any
	Required       bool
	Right          bool
	Or             bool
	SubQuery       bool
	SubQueryFilter bool
	ParentSubQuery bool
	ParentIsTop    bool
	HasWhere       bool
	Where          any
	WhereTypes     map[string]*DataType
	HasOn          bool
	On             any
	Assoc          IncludeAssoc
	Through        *IncludeThrough
	Includes       []Include
	// Filter, for a required multi-row include of a limited query, names
	// the fields of the correlated subquery that filters the main rows
	// (_generateSubQueryFilter).
	Filter *IncludeFilter
}

// IncludeFilter are the join fields of an include's subquery filter: the
// include's TargetField must equal the main table's SourceField.
type IncludeFilter struct {
	SourceField, TargetField string
}

// IncludeAssoc holds the keys of an include's association: for BelongsTo,
// HasOne and HasMany the join's left attribute and field and right field;
// for BelongsToMany the through table's identifier fields and the keys.
type IncludeAssoc struct {
	Type                                                                               string
	AttrLeft, FieldLeft, FieldRight                                                    string
	IdentifierField, ForeignIdentifierField, TargetKeyField, SourceKey, SourceKeyField string
}

// IncludeThrough is the through table of a BelongsToMany include.
type IncludeThrough struct {
	Table      TableRef
	As         string
	Attributes []any
	HasWhere   bool
	Where      any
	WhereTypes map[string]*DataType
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
