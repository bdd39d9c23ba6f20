package postgres

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"
	"strconv"

	"github.com/sqzjs/sqzjs/dialect"
)

// parseGeometry is Sequelize's GEOMETRY/GEOGRAPHY parse: PostGIS sends
// (E)WKB as hex, which wkx turns into GeoJSON with a short crs
// ({type: 'name', properties: {name: 'EPSG:4326'}}) when there is an SRID.
func parseGeometry(s string) any {
	b, err := hex.DecodeString(s)
	if err != nil {
		return s
	}
	r := &wkbReader{b: b}
	g, err := r.geometry(nil)
	if err != nil {
		return s
	}
	return g.geoJSON(true)
}

type wkbOptions struct {
	srid       uint32
	hasSRID    bool
	ewkb       bool
	hasZ, hasM bool
}

type wkbReader struct {
	b   []byte
	pos int
	big bool
}

var errShortWKB = errors.New("short WKB")

func (r *wkbReader) u8() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errShortWKB
	}
	r.pos++
	return r.b[r.pos-1], nil
}

func (r *wkbReader) u32() (uint32, error) {
	if r.pos+4 > len(r.b) {
		return 0, errShortWKB
	}
	v := r.b[r.pos : r.pos+4]
	r.pos += 4
	if r.big {
		return binary.BigEndian.Uint32(v), nil
	}
	return binary.LittleEndian.Uint32(v), nil
}

func (r *wkbReader) f64() (float64, error) {
	if r.pos+8 > len(r.b) {
		return 0, errShortWKB
	}
	v := r.b[r.pos : r.pos+8]
	r.pos += 8
	if r.big {
		return math.Float64frombits(binary.BigEndian.Uint64(v)), nil
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(v)), nil
}

// geom is a parsed geometry: kind is the GeoJSON type; coords holds the
// coordinates of points (one per point), lines and rings; parts the
// members of multi geometries and collections.
type geom struct {
	kind   string
	o      wkbOptions
	point  []float64 // nil for an empty point
	points [][]float64
	rings  [][][]float64
	parts  []*geom
}

func (r *wkbReader) point(o wkbOptions) ([]float64, error) {
	n := 2
	if o.hasZ {
		n++
	}
	if o.hasM {
		n++
	}
	p := make([]float64, n)
	for i := range p {
		v, err := r.f64()
		if err != nil {
			return nil, err
		}
		p[i] = v
	}
	if o.hasZ {
		return p[:3], nil
	}
	return p[:2], nil
}

func (r *wkbReader) points(o wkbOptions) ([][]float64, error) {
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	out := [][]float64{}
	for range n {
		p, err := r.point(o)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// geometry is wkx's Geometry._parseWkb.
func (r *wkbReader) geometry(parent *wkbOptions) (*geom, error) {
	order, err := r.u8()
	if err != nil {
		return nil, err
	}
	r.big = order == 0
	t, err := r.u32()
	if err != nil {
		return nil, err
	}
	var o wkbOptions
	o.hasSRID = t&0x20000000 != 0
	o.ewkb = t&0xE0000000 != 0
	if o.hasSRID {
		if o.srid, err = r.u32(); err != nil {
			return nil, err
		}
	}
	var kind uint32
	if !o.ewkb && (parent == nil || !parent.ewkb) {
		switch {
		case t >= 1000 && t < 2000:
			o.hasZ, kind = true, t-1000
		case t >= 2000 && t < 3000:
			o.hasM, kind = true, t-2000
		case t >= 3000 && t < 4000:
			o.hasZ, o.hasM, kind = true, true, t-3000
		default:
			kind = t
		}
	} else {
		o.hasZ = t&0x80000000 != 0
		o.hasM = t&0x40000000 != 0
		kind = t & 0xF
	}
	g := &geom{o: o}
	switch kind {
	case 1:
		g.kind = "Point"
		g.point, err = r.point(o)
	case 2:
		g.kind = "LineString"
		g.points, err = r.points(o)
	case 3:
		g.kind = "Polygon"
		var n uint32
		if n, err = r.u32(); err != nil {
			return nil, err
		}
		g.rings = [][][]float64{}
		for range n {
			ring, err := r.points(o)
			if err != nil {
				return nil, err
			}
			g.rings = append(g.rings, ring)
		}
	case 4, 5, 6, 7:
		g.kind = map[uint32]string{4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}[kind]
		var n uint32
		if n, err = r.u32(); err != nil {
			return nil, err
		}
		for range n {
			p, err := r.geometry(&o)
			if err != nil {
				return nil, err
			}
			g.parts = append(g.parts, p)
		}
	default:
		return nil, errors.New("GeometryType " + strconv.Itoa(int(kind)) + " not supported")
	}
	return g, err
}

func coords(p []float64) []any {
	out := make([]any, len(p))
	for i, v := range p {
		out[i] = v
	}
	return out
}

func coordList(ps [][]float64) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = coords(p)
	}
	return out
}

// geoJSON is wkx's toGeoJSON; crs only at the top level (members are
// converted without options).
func (g *geom) geoJSON(top bool) *dialect.Object {
	o := &dialect.Object{}
	if top && g.o.srid != 0 {
		props := &dialect.Object{}
		props.Set(dialect.Key{Name: "name"}, "EPSG:"+strconv.FormatUint(uint64(g.o.srid), 10))
		crs := &dialect.Object{}
		crs.Set(dialect.Key{Name: "type"}, "name")
		crs.Set(dialect.Key{Name: "properties"}, props)
		o.Set(dialect.Key{Name: "crs"}, crs)
	}
	o.Set(dialect.Key{Name: "type"}, g.kind)
	switch g.kind {
	case "Point":
		o.Set(dialect.Key{Name: "coordinates"}, coords(g.point))
	case "LineString":
		o.Set(dialect.Key{Name: "coordinates"}, coordList(g.points))
	case "Polygon":
		rings := []any{}
		for _, ring := range g.rings {
			rings = append(rings, coordList(ring))
		}
		o.Set(dialect.Key{Name: "coordinates"}, rings)
	case "MultiPoint":
		list := []any{}
		for _, p := range g.parts {
			list = append(list, coords(p.point))
		}
		o.Set(dialect.Key{Name: "coordinates"}, list)
	case "MultiLineString":
		list := []any{}
		for _, p := range g.parts {
			list = append(list, coordList(p.points))
		}
		o.Set(dialect.Key{Name: "coordinates"}, list)
	case "MultiPolygon":
		list := []any{}
		for _, p := range g.parts {
			rings := []any{}
			for _, ring := range p.rings {
				rings = append(rings, coordList(ring))
			}
			list = append(list, rings)
		}
		o.Set(dialect.Key{Name: "coordinates"}, list)
	case "GeometryCollection":
		list := []any{}
		for _, p := range g.parts {
			list = append(list, p.geoJSON(false))
		}
		o.Set(dialect.Key{Name: "geometries"}, list)
	}
	return o
}
