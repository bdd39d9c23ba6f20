package sqlgen

import (
	"errors"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
)

// PrepareRaw is sequelize.query's own handling of its arguments, before the
// dialect's Query runs: replacements and bind are exclusive, the SQL is
// trimmed and its replacements injected, and the query type defaults to
// SELECT for nest/plain queries and RAW otherwise.
func (f Flavor) PrepareRaw(op dialect.Raw) (sql, typ string, err error) {
	if op.Replacements != nil && op.Bind != nil {
		return "", "", errors.New("Both `replacements` and `bind` cannot be set at the same time")
	}
	sql = strings.TrimSpace(op.SQL)
	if op.Replacements != nil {
		if sql, err = f.InjectReplacements(sql, op.Replacements); err != nil {
			return "", "", err
		}
	}
	typ = op.Type
	if typ == "" {
		if op.Nest || op.Plain {
			typ = "SELECT"
		} else {
			typ = "RAW"
		}
	}
	return sql, typ, nil
}

// Nest turns "a.b" keys into nested objects, as Dottie.transform does for
// queries with nest: true.
func Nest(o *dialect.Object) *dialect.Object {
	out := &dialect.Object{}
	for i, k := range o.Keys {
		if k.Op || !strings.Contains(k.Name, ".") {
			out.Set(k, o.Values[i])
			continue
		}
		parts := strings.Split(k.Name, ".")
		cur := out
		for _, p := range parts[:len(parts)-1] {
			next, ok := cur.Get(p)
			child, isObj := next.(*dialect.Object)
			if !ok || !isObj {
				child = &dialect.Object{}
				cur.Set(dialect.Key{Name: p}, child)
			}
			cur = child
		}
		cur.Set(dialect.Key{Name: parts[len(parts)-1]}, o.Values[i])
	}
	return out
}

// DefaultSchemable is Utils.defaultValueSchemable: whether a column's
// defaultValue renders as DEFAULT (not for undefined, Sequelize.NOW,
// UUIDV1/UUIDV4 or functions).
func DefaultSchemable(c dialect.Column) bool {
	if !c.HasDefault {
		return false
	}
	switch c.Default.(type) {
	case dialect.Undefined, dialect.Special:
		return false
	}
	return true
}
