package dialect

import "strings"

// TableRef names a table as Sequelize accepts it: a plain string, or an
// object { tableName, schema, delimiter }. Dialects quote it differently
// (Postgres "schema"."table"; MySQL and SQLite `schema.table` as one name).
type TableRef struct {
	Name      string
	Schema    string
	Delimiter string // default "."
	// Object is true when the table was given as an object; some Sequelize
	// generators treat a dotted string ("a.b") differently from an object.
	Object bool
}

// Table makes a TableRef from a plain name.
func Table(name string) TableRef { return TableRef{Name: name} }

// String renders the reference for messages: schema.delimiter.name.
func (t TableRef) String() string {
	if t.Schema == "" {
		return t.Name
	}
	d := t.Delimiter
	if d == "" {
		d = "."
	}
	return t.Schema + d + t.Name
}

// DataType describes a Sequelize DataType instance after Sequelize's own
// normalisation: the fields mirror the instance fields its toSql reads
// (_length, _binary, _unsigned, …), kept as JavaScript renders them so that
// every dialect can print exactly what Sequelize prints.
type DataType struct {
	// Key is Sequelize's key: "STRING", "INTEGER", "DOUBLE PRECISION",
	// "DECIMAL", "ENUM", "ARRAY", … Empty when Raw is set.
	Key string
	// Raw is a type given as SQL text (type: 'VARCHAR(20)'); it is rendered
	// verbatim.
	Raw string

	Length    string // _length as String(x); "" when unset or falsy
	Decimals  string // _decimals when it is a number, else ""
	Precision string // DECIMAL precision; "" when unset or falsy
	Scale     string // DECIMAL scale; "" when unset or falsy
	Unsigned  bool
	Zerofill  bool
	Binary    bool
	Values    []any     // ENUM values
	Elem      *DataType // ARRAY element type, RANGE subtype
	GeoType   string    // GEOMETRY / GEOGRAPHY type
	SRID      string
	// Dialect marks a type Sequelize normalized for the dialect
	// (sequelize.normalizeDataType, as a model's attributes are): the
	// dialect's own DataType class renders its values, where a base type
	// (queryInterface arguments) renders them as the base class does.
	Dialect bool
}

// IsRaw reports whether the type was given as SQL text.
func (t DataType) IsRaw() bool { return t.Key == "" }

// Is reports whether the type's key is one of keys.
func (t DataType) Is(keys ...string) bool {
	for _, k := range keys {
		if t.Key == k {
			return true
		}
	}
	return false
}

// Reference is a column's references option: { model, key, deferrable }.
type Reference struct {
	Table      TableRef
	Key        string // "" means Sequelize's default, "id"
	Deferrable string // rendered SQL, e.g. "DEFERRABLE INITIALLY DEFERRED"
}

// Column is one attribute as Sequelize's normalizeAttribute leaves it.
// Pointer fields are nil when the option was not given: changeColumn and the
// SQLite table rebuild merge a new definition over a described one key by key
// (Object.assign), so "not given" must differ from false.
type Column struct {
	Name  string    // the attribute key
	Field string    // attribute.field, when given
	Type  *DataType // nil when the attribute has no type

	AllowNull *bool // JavaScript truthiness of allowNull

	HasDefault bool // defaultValue is an own property (even when undefined)
	Default    any  // a value (see Values); Special{Kind: "NOW"} and similar render no DEFAULT

	Unique                any // nil when not given; only true renders UNIQUE
	PrimaryKey            *bool
	AutoIncrement         *bool
	AutoIncrementIdentity *bool
	Comment               *string
	References            *Reference
	OnDelete              string
	OnUpdate              string
	First                 bool
	After                 string
	Values                []any // attribute.values (ENUM)
}

// ColumnName is the name used in SQL: Field when set, else Name.
func (c Column) ColumnName() string {
	if c.Field != "" {
		return c.Field
	}
	return c.Name
}

// IsPrimaryKey reports whether primaryKey is truthy.
func (c Column) IsPrimaryKey() bool { return c.PrimaryKey != nil && *c.PrimaryKey }

// IsAutoIncrement reports whether autoIncrement is truthy.
func (c Column) IsAutoIncrement() bool { return c.AutoIncrement != nil && *c.AutoIncrement }

// NotNull reports whether allowNull was given and is falsy.
func (c Column) NotNull() bool { return c.AllowNull != nil && !*c.AllowNull }

// UniqueTrue reports whether unique === true (the only form that renders).
func (c Column) UniqueTrue() bool { b, ok := c.Unique.(bool); return ok && b }

// Merge returns c with every option given in over copied onto it, as
// Object.assign(described, normalizeAttribute(over)) does.
func (c Column) Merge(over Column) Column {
	out := c
	if over.Type != nil {
		out.Type = over.Type
	}
	if over.Field != "" {
		out.Field = over.Field
	}
	if over.AllowNull != nil {
		out.AllowNull = over.AllowNull
	}
	if over.HasDefault {
		out.HasDefault, out.Default = true, over.Default
	}
	if over.Unique != nil {
		out.Unique = over.Unique
	}
	if over.PrimaryKey != nil {
		out.PrimaryKey = over.PrimaryKey
	}
	if over.AutoIncrement != nil {
		out.AutoIncrement = over.AutoIncrement
	}
	if over.AutoIncrementIdentity != nil {
		out.AutoIncrementIdentity = over.AutoIncrementIdentity
	}
	if over.Comment != nil {
		out.Comment = over.Comment
	}
	if over.References != nil {
		out.References = over.References
	}
	if over.OnDelete != "" {
		out.OnDelete = over.OnDelete
	}
	if over.OnUpdate != "" {
		out.OnUpdate = over.OnUpdate
	}
	if over.First {
		out.First = true
	}
	if over.After != "" {
		out.After = over.After
	}
	if over.Values != nil {
		out.Values = over.Values
	}
	return out
}

// IndexField is one entry of an index's fields: a column name with options,
// or an expression (Literal, Fn) in Expr.
type IndexField struct {
	Name     string
	Expr     any
	Length   string
	Order    string
	Collate  string
	Operator string
}

// Index is addIndex's options.
type Index struct {
	Fields       []IndexField
	Name         string
	Unique       bool
	Type         string // UNIQUE, FULLTEXT, SPATIAL (MySQL)
	Using        string
	Operator     string
	Concurrently bool
	Where        any // a where value (see the where compiler), nil when absent
	Parser       string
	Prefix       string
}

// ConstraintReference is addConstraint's references option.
type ConstraintReference struct {
	Table  TableRef
	Field  string
	Fields []string
}

// Constraint is addConstraint's options.
type Constraint struct {
	Type         string // as given; compared case-insensitively
	Name         string
	Fields       []IndexField
	Where        any // CHECK condition
	References   *ConstraintReference
	OnDelete     string
	OnUpdate     string
	Deferrable   string
	DefaultValue any
}

// UpperType is the constraint type upper-cased.
func (c Constraint) UpperType() string { return strings.ToUpper(c.Type) }
