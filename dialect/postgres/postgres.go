package postgres

import (
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// Dialect is Sequelize's PostgreSQL dialect.
type Dialect struct {
	cfg   dialect.Config
	f     sqlgen.Flavor
	state *state
	// prependSearchPath is dialectOptions.prependSearchPath: every query
	// (but those with supportsSearchPath: false) starts with
	// "SET search_path to DEFAULT;" and inserts and updates inline their
	// values.
	prependSearchPath bool
}

// state is what Sequelize learns on its first connection and keeps for the
// instance: until then options.databaseVersion is 0, which changes the text
// of createSchema (no IF NOT EXISTS). A Dialect serves one Sequelize
// instance.
type state struct {
	connected atomic.Bool
}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the PostgreSQL dialect for cfg.
func New(cfg dialect.Config) (*Dialect, error) {
	tz := cfg.Timezone
	if tz == "" {
		tz = "+00:00"
	}
	if _, err := sqlgen.InZone(time.Unix(0, 0), tz); err != nil {
		return nil, err
	}
	d := &Dialect{cfg: cfg, f: flavorFor(tz), state: &state{}, prependSearchPath: truthy(cfg.DialectOptions["prependSearchPath"])}
	d.f.InlineValues = d.prependSearchPath
	return d, nil
}

func flavor() sqlgen.Flavor { return flavorFor("+00:00") }

func flavorFor(tz string) sqlgen.Flavor {
	return sqlgen.Flavor{
		Name:                  dialect.Postgres,
		Tick:                  '"',
		Schemas:               true,
		Timezone:              tz,
		IndexCollate:          true,
		IndexOperator:         true,
		IndexWhere:            true,
		IndexConcurrently:     true,
		IndexUsing:            2,
		OnConflictDoNothing:   " ON CONFLICT DO NOTHING",
		UpdateOnDuplicate:     " ON CONFLICT DO UPDATE SET",
		BulkDefault:           true,
		ReturnValues:          true,
		DefaultKeyword:        true,
		DefaultValues:         " DEFAULT VALUES",
		FormatDate:            formatDate,
		DeferrableConstraints: true,
		EscapeTyped:           escapeTyped,
		FormatTyped:           formatTyped,
	}
}

// formatDate is the Postgres DATE stringify: moment's
// "YYYY-MM-DD HH:mm:ss.SSS Z" in the configured time zone.
func formatDate(t time.Time, tz string, _ *dialect.DataType) (string, error) {
	return sqlgen.MomentDate(t, tz)
}

// Name is "postgres".
func (d *Dialect) Name() dialect.Name { return dialect.Postgres }

// QuoteIdentifier quotes with double quotes, removing any inside.
func (d *Dialect) QuoteIdentifier(name string) string { return d.f.QuoteIdentifier(name) }

// QuoteTable quotes a table; a schema becomes "schema"."table".
func (d *Dialect) QuoteTable(t dialect.TableRef) string { return d.f.QuoteTable(t) }

// Escape renders v as a Postgres literal (sequelize.escape).
func (d *Dialect) Escape(v any) (string, error) { return d.f.Escape(v, nil) }

// schema is the default schema: Sequelize's options.schema or "public".
func (d *Dialect) schema() string {
	if d.cfg.Schema != "" {
		return d.cfg.Schema
	}
	return "public"
}

var (
	uniqueDetailRE    = lazyre.MustCompile(`Key \((.*?)\)=\((.*?)\)`)
	fkIndexRE         = lazyre.MustCompile(`violates foreign key constraint "(.+?)"`)
	fkTableRE         = lazyre.MustCompile(`on table "(.+?)"`)
	constraintOrIndex = lazyre.MustCompile(`(?i)(CONSTRAINT|INDEX)`)
	// Query.formatError's reading of an unknown constraint or index.
	unknownConstraintRE = lazyre.MustCompile(`(?i)(?:constraint|index) "(.+?)"`)
	unknownRelationRE   = lazyre.MustCompile(`(?i)relation "(.+?)"`)
)

// Classify turns a pg error into Sequelize's shape (Query.formatError): the
// SQLSTATE as code, the server's message and detail as pg reports them.
func (d *Dialect) Classify(err error) *dialect.DBError {
	var ce *connError
	if errors.As(err, &ce) {
		return &dialect.DBError{Kind: dialect.KindConnection, Code: ce.code, Message: ce.msg, Err: err}
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		e := &dialect.DBError{Kind: dialect.KindDatabase, Message: err.Error(), Err: err}
		var qe *queryError
		if errors.As(err, &qe) {
			e.Message = qe.err.Error()
		}
		if isConnError(err) {
			e.Kind = dialect.KindConnection
		}
		return e
	}
	e := &dialect.DBError{Kind: dialect.KindDatabase, Code: pe.Code, Message: pe.Message, Detail: pe.Detail, Err: err}
	sql := ""
	var qe *queryError
	if errors.As(err, &qe) {
		sql = qe.sql
	}
	switch pe.Code {
	case "23503":
		e.Kind = dialect.KindForeignKeyConstraint
		fk := &dialect.ForeignKeyViolation{NullFields: true}
		if m := fkIndexRE().FindStringSubmatch(pe.Message); m != nil {
			fk.Index = m[1]
		}
		if m := fkTableRE().FindStringSubmatch(pe.Message); m != nil {
			fk.Table = m[1]
		}
		e.ForeignKey = fk
	case "23505":
		e.Kind = dialect.KindUniqueConstraint
		if m := uniqueDetailRE().FindStringSubmatch(strings.ReplaceAll(pe.Detail, `"`, "")); m != nil {
			// _.zipObject(columns, values): "Validation error" with
			// err.fields { column: value }.
			e.Fields, e.FieldValues = zipFields(m[1], m[2])
			e.SequelizeMessage = "Validation error"
		} else {
			e.SequelizeMessage = pe.Message
		}
	case "23P01":
		e.Kind = dialect.KindExclusionConstraint
		e.SequelizeMessage = "Exclusion constraint error"
		if m := uniqueDetailRE().FindStringSubmatch(pe.Detail); m != nil {
			e.Fields, e.FieldValues = zipFields(m[1], m[2])
		}
	case "42704":
		if sql != "" && constraintOrIndex().MatchString(sql) {
			e.Kind = dialect.KindUnknownConstraint
			e.SequelizeMessage = "Unknown constraint error"
			if m := unknownConstraintRE().FindStringSubmatch(pe.Message); m != nil {
				e.Constraint = m[1]
			}
			if m := unknownRelationRE().FindStringSubmatch(pe.Message); m != nil {
				e.Table = m[1]
			}
		}
	}
	return e
}

// zipFields is _.zipObject(columns.split(", "), values.split(", ")) of a
// "Key (columns)=(values)" detail.
func zipFields(columns, values string) ([]string, *dialect.Object) {
	cols, vals := strings.Split(columns, ", "), strings.Split(values, ", ")
	fv := &dialect.Object{}
	for i, c := range cols {
		var v any = dialect.Undefined{}
		if i < len(vals) {
			v = vals[i]
		}
		fv.Set(dialect.Key{Name: c}, v)
	}
	return cols, fv
}

func isInf(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok && math.IsInf(f, 0)
}
