package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
)

// Storage records which migrations (or seeders) have run, as umzug v2's
// storages do for sequelize-cli.
type Storage interface {
	// Executed lists the recorded names, in the order the storage returns
	// them (for the sequelize storage: the database's ORDER BY name).
	Executed(ctx context.Context) ([]string, error)
	// Log records name as executed.
	Log(ctx context.Context, name string) error
	// Unlog removes name.
	Unlog(ctx context.Context, name string) error
}

// Execer runs one operation on the default connection (bridge.Session.Exec).
type Execer interface {
	Exec(ctx context.Context, op dialect.Op) (any, error)
}

// SequelizeStorage is umzug's SequelizeStorage as sequelize-cli configures
// it: a table (SequelizeMeta, or SequelizeData for seeders) defined as a
// model with one column, `name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY,
// synced (created if missing) before every read and write.
type SequelizeStorage struct {
	DB     Execer
	Table  dialect.TableRef
	Column string // "name"
	// Timestamps adds createdAt/updatedAt (migrationTimestamps), named
	// created_at/updated_at when Underscored (define.underscored).
	Timestamps  bool
	Underscored bool
	// Now is the clock for timestamps (default time.Now).
	Now func() time.Time
	// PlainTable creates the table without umzug's charset and collation
	// (utf8, utf8_unicode_ci), as a model sequelize-cli defines itself.
	PlainTable bool
}

var _ Storage = (*SequelizeStorage)(nil)

const metaModelName = "SequelizeMeta"

func (s *SequelizeStorage) column() string {
	if s.Column == "" {
		return "name"
	}
	return s.Column
}

func (s *SequelizeStorage) timestampNames() (string, string) {
	if s.Underscored {
		return "created_at", "updated_at"
	}
	return "createdAt", "updatedAt"
}

func ptr[T any](v T) *T { return &v }

// columns is the model's attributes as Model.sync passes them to createTable.
func (s *SequelizeStorage) columns() []dialect.Column {
	cols := []dialect.Column{{
		Name: s.column(), Type: &dialect.DataType{Key: "STRING", Length: "255"},
		AllowNull: ptr(false), Unique: true, PrimaryKey: ptr(true), AutoIncrement: ptr(false),
	}}
	if s.Timestamps {
		c, u := s.timestampNames()
		for _, n := range []string{c, u} {
			cols = append(cols, dialect.Column{Name: n, Type: &dialect.DataType{Key: "DATE"}, AllowNull: ptr(false)})
		}
	}
	return cols
}

// sync is Model.sync(): create the table when it is missing, then read its
// indexes.
func (s *SequelizeStorage) sync(ctx context.Context) error {
	exists, err := s.DB.Exec(ctx, dialect.TableExists{Table: s.Table})
	if err != nil {
		return fmt.Errorf("checking for the %s table: %w", s.Table, err)
	}
	if b, _ := exists.(bool); !b {
		op := dialect.CreateTable{Table: s.Table, Columns: s.columns(), Options: dialect.TableOptions{Charset: "utf8", Collate: "utf8_unicode_ci"}}
		if s.PlainTable {
			op.Options = dialect.TableOptions{}
		}
		if _, err := s.DB.Exec(ctx, op); err != nil {
			return fmt.Errorf("creating the %s table: %w", s.Table, err)
		}
	}
	if _, err := s.DB.Exec(ctx, dialect.ShowIndex{Table: s.Table}); err != nil {
		return fmt.Errorf("reading the indexes of %s: %w", s.Table, err)
	}
	return nil
}

// Sync is Model.sync() of the meta model: the table is created when it is
// missing (sequelize-cli's db:migrate:schema:timestamps:add uses it).
func (s *SequelizeStorage) Sync(ctx context.Context) error { return s.sync(ctx) }

// Columns are the meta model's attributes (name, and the timestamps when
// Timestamps is set), as Model.bulkCreate types the values it inserts.
func (s *SequelizeStorage) Columns() []dialect.Column { return s.columns() }

// TimestampNames are the timestamp attributes: createdAt and updatedAt, or
// created_at and updated_at when Underscored.
func (s *SequelizeStorage) TimestampNames() (string, string) { return s.timestampNames() }

// Executed reads the recorded names, ordered by the database.
func (s *SequelizeStorage) Executed(ctx context.Context) ([]string, error) {
	if err := s.sync(ctx); err != nil {
		return nil, err
	}
	out, err := s.DB.Exec(ctx, dialect.Select{
		Table: s.Table, Alias: metaModelName, Attributes: []any{s.column()},
		Order: []any{[]any{s.column(), "ASC"}},
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.Table, err)
	}
	rows, _ := out.([]any)
	names := make([]string, 0, len(rows))
	for _, r := range rows {
		o, ok := r.(*dialect.Object)
		if !ok {
			continue
		}
		v, _ := o.Get(s.column())
		if str, ok := v.(string); ok {
			names = append(names, str)
		}
	}
	return names, nil
}

// Log inserts name.
func (s *SequelizeStorage) Log(ctx context.Context, name string) error {
	if err := s.sync(ctx); err != nil {
		return err
	}
	vals := dialect.NewObject(s.column(), name)
	attrs := map[string]dialect.Column{s.column(): s.columns()[0]}
	returning := []any{s.column()}
	if s.Timestamps {
		now := time.Now
		if s.Now != nil {
			now = s.Now
		}
		t := now()
		c, u := s.timestampNames()
		vals.Set(dialect.Key{Name: c}, t)
		vals.Set(dialect.Key{Name: u}, t)
		for _, col := range s.columns()[1:] {
			attrs[col.Name] = col
		}
		returning = append(returning, c, u)
	}
	op := dialect.Insert{Table: s.Table, Values: vals, Attributes: attrs, Options: dialect.InsertOptions{Returning: returning}}
	if _, err := s.DB.Exec(ctx, op); err != nil {
		return fmt.Errorf("recording %s in %s: %w", name, s.Table, err)
	}
	return nil
}

// Unlog deletes name.
func (s *SequelizeStorage) Unlog(ctx context.Context, name string) error {
	if err := s.sync(ctx); err != nil {
		return err
	}
	if _, err := s.DB.Exec(ctx, dialect.BulkDelete{Table: s.Table, Where: dialect.NewObject(s.column(), name)}); err != nil {
		return fmt.Errorf("removing %s from %s: %w", name, s.Table, err)
	}
	return nil
}

// JSONStorage is umzug's JSONStorage: a JSON array of names in execution
// order, written with two-space indentation and no final newline.
type JSONStorage struct {
	Path string
	// Display is the path as the configuration gave it, for messages
	// (default Path).
	Display string
	// ReadFile and WriteFile reach the file system (the CLI passes os
	// functions); ReadFile's fs.ErrNotExist means an empty list.
	ReadFile  func(path string) ([]byte, error)
	WriteFile func(path string, data []byte) error
}

var _ Storage = (*JSONStorage)(nil)

func (s *JSONStorage) read() ([]string, error) {
	data, err := s.ReadFile(s.Path)
	if err != nil {
		// umzug reads any unreadable file as "[]".
		return []string{}, nil
	}
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) && syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return nil, errors.New("Unexpected end of JSON input")
		}
		return nil, fmt.Errorf("%s: %w", s.shown(), err)
	}
	return names, nil
}

// shown is the path as messages show it: Display, else Path.
func (s *JSONStorage) shown() string {
	if s.Display != "" {
		return s.Display
	}
	return s.Path
}

func (s *JSONStorage) write(names []string) error {
	if names == nil {
		names = []string{}
	}
	// JSON.stringify(list, null, '  '): no HTML escaping, no final newline.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(names); err != nil {
		return err
	}
	data := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if err := s.WriteFile(s.Path, data); err != nil {
		return nodeOpenError(err, s.shown())
	}
	return nil
}

// nodeOpenError words a failed write as Node's fs.writeFile does.
func nodeOpenError(err error, path string) error {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("ENOTDIR: not a directory, open '%s'", path)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("EISDIR: illegal operation on a directory, open '%s'", path)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("ENOENT: no such file or directory, open '%s'", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("EACCES: permission denied, open '%s'", path)
	}
	return fmt.Errorf("writing %s: %w", path, err)
}

// Executed reads the file (missing means none).
func (s *JSONStorage) Executed(context.Context) ([]string, error) { return s.read() }

// Log appends name.
func (s *JSONStorage) Log(_ context.Context, name string) error {
	names, err := s.read()
	if err != nil {
		return err
	}
	return s.write(append(names, name))
}

// Unlog removes every entry equal to name.
func (s *JSONStorage) Unlog(_ context.Context, name string) error {
	names, err := s.read()
	if err != nil {
		return err
	}
	kept := names[:0]
	for _, n := range names {
		if n != name {
			kept = append(kept, n)
		}
	}
	return s.write(kept)
}

// NoneStorage records nothing: every file is always pending (sequelize-cli's
// default for seeders).
type NoneStorage struct{}

var _ Storage = NoneStorage{}

// Executed is always empty.
func (NoneStorage) Executed(context.Context) ([]string, error) { return []string{}, nil }

// Log does nothing.
func (NoneStorage) Log(context.Context, string) error { return nil }

// Unlog does nothing.
func (NoneStorage) Unlog(context.Context, string) error { return nil }
