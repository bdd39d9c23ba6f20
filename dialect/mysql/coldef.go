package mysql

import (
	"encoding/binary"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
)

// columnDefs is the mariadb connector 2.x's metadata array (the second
// element of a RAW query's result): one ColumnDef per column, built from
// the column definition packet as the server sent it. After rows were read
// with Sequelize's typeCast, each also carries the connector's reader
// functions.
func columnDefs(cols []column, defs [][]byte, hadRows bool) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		if i < len(defs) {
			out[i] = columnDef(defs[i], hadRows)
			continue
		}
		o := &dialect.Object{Class: "ColumnDef"}
		o.Set(dialect.Key{Name: "type"}, connectorType(c.typ))
		out[i] = o
	}
	return out
}

// connectorTypes are the connector's FieldType.TYPES names.
var connectorTypes = map[byte]string{
	0: "DECIMAL", 1: "TINY", 2: "SHORT", 3: "LONG", 4: "FLOAT", 5: "DOUBLE", 6: "NULL",
	7: "TIMESTAMP", 8: "LONGLONG", 9: "INT24", 10: "DATE", 11: "TIME", 12: "DATETIME",
	13: "YEAR", 14: "NEWDATE", 15: "VARCHAR", 16: "BIT", 17: "TIMESTAMP2", 18: "DATETIME2",
	19: "TIME2", 245: "JSON", 246: "NEWDECIMAL", 247: "ENUM", 248: "SET", 249: "TINY_BLOB",
	250: "MEDIUM_BLOB", 251: "LONG_BLOB", 252: "BLOB", 253: "VAR_STRING", 254: "STRING", 255: "GEOMETRY",
}

func columnDef(p []byte, hadRows bool) *dialect.Object {
	o := &dialect.Object{Class: "ColumnDef"}
	set := func(k string, v any) { o.Set(dialect.Key{Name: k}, v) }
	sp := &dialect.Object{Class: "StringParser"}
	pos := 4 // 'def'
	for _, name := range []string{"db", "table", "orgTable", "name", "orgName"} {
		n, j := lenenc(p, pos)
		sp.Set(dialect.Key{Name: name + "Length"}, float64(n))
		sp.Set(dialect.Key{Name: name + "Offset"}, float64(j))
		pos = j + int(n)
	}
	packet := &dialect.Object{Class: "PacketNodeEncoded"}
	set("_parse", sp)
	// extended metadata (MariaDB asks the connector for it)
	if n, j := lenenc(p, pos); pos < len(p) && p[pos] != 0x0c {
		end := j + int(n)
		for k := j; k < end && k < len(p); {
			id := p[k]
			v, m := lenenc(p, k+1)
			if m+int(v) > len(p) {
				break
			}
			switch id {
			case 0:
				set("dataTypeName", string(p[m:m+int(v)]))
			case 1:
				set("dataTypeFormat", string(p[m:m+int(v)]))
			}
			k = m + int(v)
		}
		pos = end
	}
	pos++ // length of the fixed fields
	if pos+12 > len(p) {
		return o
	}
	coll := binary.LittleEndian.Uint16(p[pos:])
	var collation any = dialect.Undefined{}
	if c, ok := mariadbCollations()[int(coll)]; ok {
		name, charset, _ := strings.Cut(c, " ")
		collation = &dialect.Object{Class: "Collation", Keys: []dialect.Key{{Name: "index"}, {Name: "name"}, {Name: "charset"}},
			Values: []any{float64(coll), name, charset}}
	}
	set("collation", collation)
	set("columnLength", float64(binary.LittleEndian.Uint32(p[pos+2:])))
	typ := p[pos+6]
	set("columnType", float64(typ))
	set("flags", float64(binary.LittleEndian.Uint16(p[pos+7:])))
	set("scale", float64(p[pos+9]))
	if name, ok := connectorTypes[typ]; ok {
		set("type", name)
	} else {
		set("type", dialect.Undefined{})
	}
	packet.Set(dialect.Key{Name: "buf"}, append([]byte(nil), p...))
	packet.Set(dialect.Key{Name: "pos"}, float64(pos+10))
	packet.Set(dialect.Key{Name: "end"}, float64(len(p)))
	packet.Set(dialect.Key{Name: "encoding"}, "utf8")
	sp.Set(dialect.Key{Name: "packet"}, packet)
	if hadRows {
		for _, f := range []string{"string", "buffer", "float", "int", "long", "decimal", "date", "geometry"} {
			set(f, dialect.Special{Kind: "function"})
		}
	}
	return o
}

// connectorType names a go-sql-driver database type as the connector's
// FieldType.TYPES does (when the column definition was not read).
func connectorType(t string) string {
	switch strings.TrimPrefix(t, "UNSIGNED ") {
	case "INT":
		return "LONG"
	case "SMALLINT":
		return "SHORT"
	case "TINYINT":
		return "TINY"
	case "MEDIUMINT":
		return "INT24"
	case "BIGINT":
		return "LONGLONG"
	case "DECIMAL":
		return "NEWDECIMAL"
	case "VARCHAR":
		return "VAR_STRING"
	case "CHAR":
		return "STRING"
	case "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT":
		return "BLOB"
	}
	return t
}
