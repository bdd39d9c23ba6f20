package mysql

import (
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// jsValue converts one driver value to what the Node driver, with
// Sequelize's typeCast, hands back: numbers for integer and floating
// columns (BIGINT as a string beyond 2^53), DECIMAL as a string (mysql2) or
// a number (mariadb connector), DATETIME as a Date read in Sequelize's
// timezone, TIMESTAMP as a Date read in the driver's timezone, DATE and
// TIME as strings, binary columns as Buffers, JSON parsed, GEOMETRY as
// GeoJSON, SET as an array on mariadb.
func (c *conn) jsValue(col column, v driver.Value) any {
	if v == nil {
		return nil
	}
	text := func() string {
		switch x := v.(type) {
		case []byte:
			return string(x)
		case string:
			return x
		case int64:
			return strconv.FormatInt(x, 10)
		case uint64:
			return strconv.FormatUint(x, 10)
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64)
		case float32:
			return strconv.FormatFloat(float64(x), 'g', -1, 32)
		case time.Time:
			return x.Format("2006-01-02 15:04:05.999999")
		}
		return fmt.Sprint(v)
	}
	if col.format == "json" {
		// MariaDB's JSON columns (LONGTEXT with the json format)
		return sqlgen.ParseJSON(text())
	}
	typ := strings.TrimPrefix(col.typ, "UNSIGNED ")
	switch typ {
	case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "YEAR":
		if i, ok := v.(int64); ok {
			return float64(i)
		}
		f, _ := strconv.ParseFloat(text(), 64)
		return f
	case "BIGINT":
		s := text()
		if c.opts.bigNumberStrings && c.opts.name == dialect.MySQL {
			return s
		}
		if i, ok := v.(int64); ok && i <= 1<<53-1 && i >= -(1<<53-1) {
			return float64(i)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(f) > 1<<53-1 {
			switch {
			case c.opts.bigNumberStrings:
				return s
			case c.opts.supportBigNumbers && c.opts.name == dialect.MariaDB:
				return long(s, strings.HasPrefix(col.typ, "UNSIGNED "))
			case c.opts.supportBigNumbers:
				return s
			}
		}
		return f
	case "FLOAT":
		switch x := v.(type) {
		case float32:
			return float64(x)
		case float64:
			return x
		}
		f, _ := strconv.ParseFloat(text(), 64)
		return f
	case "DOUBLE":
		if x, ok := v.(float64); ok {
			return x
		}
		f, _ := strconv.ParseFloat(text(), 64)
		return f
	case "DECIMAL":
		s := text()
		if c.opts.name == dialect.MariaDB {
			if c.opts.bigNumberStrings {
				return s
			}
			f, _ := strconv.ParseFloat(s, 64)
			return f
		}
		if c.opts.decimalNumbers {
			f, _ := strconv.ParseFloat(s, 64)
			return f
		}
		return s
	case "DATETIME":
		// Sequelize's DATE.parse: new Date(`${value} ${timezone}`)
		return parseDate(text(), c.opts.timezone)
	case "TIMESTAMP":
		if c.opts.dateStrings {
			return text()
		}
		off, _ := tzOffset(c.opts.timezone, time.Now())
		return parseDate(text(), off)
	case "DATE", "TIME":
		return text()
	case "JSON":
		return sqlgen.ParseJSON(text())
	case "GEOMETRY":
		b, _ := v.([]byte)
		return parseGeometry(b)
	case "BIT", "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BINARY", "VARBINARY":
		if b, ok := v.([]byte); ok {
			return append([]byte(nil), b...)
		}
		return []byte(text())
	case "SET":
		if c.opts.name == dialect.MariaDB {
			s := text()
			if s == "" {
				return []any{}
			}
			parts := strings.Split(s, ",")
			out := make([]any, len(parts))
			for i, p := range parts {
				out[i] = p
			}
			return out
		}
		return text()
	case "NULL":
		return nil
	}
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case float32:
		return float64(x)
	}
	return text()
}

var dateTextRE = lazyre.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?$`)

// parseDate reads a DATETIME text as a JavaScript Date in tz: an offset
// ("+05:30"), a zone name, or "" for UTC. Dates JavaScript cannot represent
// ("0000-00-00 00:00:00") become an Invalid Date.
func parseDate(s, tz string) any {
	m := dateTextRE().FindStringSubmatch(s)
	if m == nil {
		return dialect.Special{Kind: "InvalidDate", Desc: s}
	}
	n := func(i int) int { x, _ := strconv.Atoi(m[i]); return x }
	if n(2) < 1 || n(2) > 12 || n(3) < 1 || n(3) > 31 {
		return dialect.Special{Kind: "InvalidDate", Desc: s}
	}
	ms := 0
	if m[7] != "" {
		frac := (m[7] + "000")[:3]
		ms, _ = strconv.Atoi(frac)
	}
	loc := time.UTC
	if tz != "" {
		if z, err := sqlgen.InZone(time.Time{}, tz); err == nil {
			loc = z.Location()
		}
	}
	return time.Date(n(1), time.Month(n(2)), n(3), n(4), n(5), n(6), ms*int(time.Millisecond), loc)
}

// parseGeometry is Sequelize's GEOMETRY.parse: the value without its
// 4-byte SRID, read as WKB and turned into GeoJSON (wkx's toGeoJSON).
func parseGeometry(b []byte) any {
	if len(b) <= 4 {
		return nil
	}
	g, _, ok := readWKB(b[4:])
	if !ok {
		return nil
	}
	return g
}

func readWKB(b []byte) (any, int, bool) {
	if len(b) < 5 {
		return nil, 0, false
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if b[0] == 0 {
		bo = binary.BigEndian
	}
	kind := bo.Uint32(b[1:]) % 1000
	i := 5
	point := func() ([]any, bool) {
		if i+16 > len(b) {
			return nil, false
		}
		x := math.Float64frombits(bo.Uint64(b[i:]))
		y := math.Float64frombits(bo.Uint64(b[i+8:]))
		i += 16
		return []any{x, y}, true
	}
	count := func() (int, bool) {
		if i+4 > len(b) {
			return 0, false
		}
		n := int(bo.Uint32(b[i:]))
		i += 4
		return n, true
	}
	points := func() ([]any, bool) {
		n, ok := count()
		if !ok {
			return nil, false
		}
		out := make([]any, 0, n)
		for range n {
			p, ok := point()
			if !ok {
				return nil, false
			}
			out = append(out, p)
		}
		return out, true
	}
	rings := func() ([]any, bool) {
		n, ok := count()
		if !ok {
			return nil, false
		}
		out := make([]any, 0, n)
		for range n {
			r, ok := points()
			if !ok {
				return nil, false
			}
			out = append(out, r)
		}
		return out, true
	}
	obj := func(t string, coords any) *dialect.Object {
		return dialect.NewObject("type", t, "coordinates", coords)
	}
	switch kind {
	case 1:
		p, ok := point()
		if !ok {
			return nil, 0, false
		}
		return obj("Point", p), i, true
	case 2:
		ps, ok := points()
		if !ok {
			return nil, 0, false
		}
		return obj("LineString", ps), i, true
	case 3:
		rs, ok := rings()
		if !ok {
			return nil, 0, false
		}
		return obj("Polygon", rs), i, true
	case 4, 5, 6, 7:
		n, ok := count()
		if !ok {
			return nil, 0, false
		}
		var parts []any
		for range n {
			g, used, ok := readWKB(b[i:])
			if !ok {
				return nil, 0, false
			}
			i += used
			parts = append(parts, g)
		}
		if parts == nil {
			parts = []any{}
		}
		if kind == 7 {
			return dialect.NewObject("type", "GeometryCollection", "geometries", parts), i, true
		}
		coords := make([]any, len(parts))
		for j, p := range parts {
			c, _ := p.(*dialect.Object).Get("coordinates")
			coords[j] = c
		}
		name := map[uint32]string{4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon"}[kind]
		return obj(name, coords), i, true
	}
	return nil, 0, false
}

func truthy(v any) bool {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && x == x
	case int64:
		return x != 0
	case int:
		return x != 0
	case string:
		return x != ""
	}
	return true
}

// long is the long.js Long the mariadb connector returns for an integer
// beyond 2^53 (supportBigNumbers without bigNumberStrings).
func long(s string, unsigned bool) *dialect.Object {
	var bits uint64
	if u, err := strconv.ParseUint(s, 10, 64); err == nil {
		bits = u
	} else if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		bits = uint64(i)
	}
	o := dialect.NewObject(
		"low", float64(int32(uint32(bits))),
		"high", float64(int32(uint32(bits>>32))),
		"unsigned", unsigned,
	)
	o.Class = "Long"
	return o
}
