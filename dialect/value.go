package dialect

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Values
//
// A JavaScript value reaches a dialect as one of these Go values (the bridge
// converts; dialects render). The set is closed:
//
//	nil              null
//	Undefined{}      undefined (where it differs from null)
//	bool             boolean
//	float64          number
//	*big.Int         bigint
//	string           string
//	time.Time        Date (millisecond precision)
//	[]byte           Buffer / Uint8Array
//	[]any            Array
//	*Object          plain object; key order kept, operator symbols marked
//	Literal, Fn, Col, Cast, Where, JSONPath   Sequelize.literal/fn/col/cast/where/json
//	Special          a value Sequelize cannot put in SQL (a function, NOW, …)
//
// Anything else is a programming error in the caller.

// Undefined is JavaScript's undefined.
type Undefined struct{}

// Literal is Sequelize.literal(sql): raw SQL inserted verbatim.
type Literal struct{ SQL string }

// Fn is Sequelize.fn(name, ...args).
type Fn struct {
	Name string
	Args []any
}

// Col is Sequelize.col(name).
type Col struct{ Name string }

// Cast is Sequelize.cast(value, type).
type Cast struct {
	Value any
	Type  string
}

// Where is sequelize.where(attribute, comparator, logic). Comparator is the
// SQL comparator ("=" when Sequelize.where was called with two arguments),
// or an operator name ("gt") when ComparatorIsOp.
type Where struct {
	Attribute      any // usually Fn, Col or Literal
	Comparator     string
	ComparatorIsOp bool
	Logic          any
}

// JSONPath is Sequelize.json(path, value).
type JSONPath struct {
	Path  string
	Value any // Undefined when omitted
}

// Special is a JavaScript value that has no SQL rendering: a function, a
// DataType used as a default value (Sequelize.NOW, UUIDV1, UUIDV4), a symbol,
// or an instance of a class Sequelize does not know. Kind says which.
type Special struct {
	Kind string // "NOW", "UUIDV1", "UUIDV4", "function", "symbol", "object"
	Desc string // for messages: the class or function name
}

// Key is one key of an [Object]: a string property name, or an operator
// symbol (Sequelize's Op.eq is Symbol.for('eq'), so Key{Name: "eq", Op: true}).
type Key struct {
	Name string
	Op   bool
}

// Object is a plain JavaScript object with its keys in JavaScript order:
// Sequelize reads operator symbols first, then string keys in insertion order
// (Utils.getComplexKeys), and the bridge already delivers them in that order.
type Object struct {
	Keys   []Key
	Values []any
	// Class names the constructor of an object that is not a plain object
	// (node-sqlite3's "Statement", pg's "Result"); "" for plain objects.
	Class string
}

// NewObject builds an Object from alternating key, value pairs of string
// keys; a key written "$op:name" becomes an operator key.
func NewObject(kv ...any) *Object {
	o := &Object{}
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		if name, ok := strings.CutPrefix(k, "$op:"); ok {
			o.Set(Key{Name: name, Op: true}, kv[i+1])
		} else {
			o.Set(Key{Name: k}, kv[i+1])
		}
	}
	return o
}

// Len is the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.Keys)
}

// Get returns the value for a string key.
func (o *Object) Get(name string) (any, bool) { return o.GetKey(Key{Name: name}) }

// GetOp returns the value for an operator key.
func (o *Object) GetOp(name string) (any, bool) { return o.GetKey(Key{Name: name, Op: true}) }

// GetKey returns the value for k.
func (o *Object) GetKey(k Key) (any, bool) {
	if o == nil {
		return nil, false
	}
	for i, kk := range o.Keys {
		if kk == k {
			return o.Values[i], true
		}
	}
	return nil, false
}

// Set replaces the value of k, or appends k.
func (o *Object) Set(k Key, v any) {
	for i, kk := range o.Keys {
		if kk == k {
			o.Values[i] = v
			return
		}
	}
	o.Keys = append(o.Keys, k)
	o.Values = append(o.Values, v)
}

// Delete removes a string key.
func (o *Object) Delete(name string) {
	for i, kk := range o.Keys {
		if kk == (Key{Name: name}) {
			o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
			o.Values = append(o.Values[:i:i], o.Values[i+1:]...)
			return
		}
	}
}

// Clone returns a shallow copy.
func (o *Object) Clone() *Object {
	if o == nil {
		return nil
	}
	return &Object{Keys: append([]Key(nil), o.Keys...), Values: append([]any(nil), o.Values...), Class: o.Class}
}

// IsSequelizeMethod reports whether v is one of Sequelize's SQL-building
// objects (Utils.SequelizeMethod): Literal, Fn, Col, Cast, Where or JSONPath.
func IsSequelizeMethod(v any) bool {
	switch v.(type) {
	case Literal, Fn, Col, Cast, Where, JSONPath, *Literal, *Fn, *Col, *Cast, *Where, *JSONPath:
		return true
	}
	return false
}

// Describe renders v for error messages, roughly as Node's util.inspect would.
func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case Undefined:
		return "undefined"
	case string:
		return "'" + x + "'"
	case float64:
		return fmt.Sprint(x)
	case *big.Int:
		return x.String() + "n"
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.000Z")
	case []byte:
		return fmt.Sprintf("<Buffer %x>", x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Describe(e)
		}
		return "[ " + strings.Join(parts, ", ") + " ]"
	case *Object:
		if x.Len() == 0 {
			return "{}"
		}
		parts := make([]string, len(x.Keys))
		for i, k := range x.Keys {
			name := k.Name
			if k.Op {
				name = "[Symbol(" + k.Name + ")]"
			}
			parts[i] = name + ": " + Describe(x.Values[i])
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case Special:
		if x.Desc != "" {
			return "[" + x.Kind + " " + x.Desc + "]"
		}
		return "[" + x.Kind + "]"
	}
	return fmt.Sprint(v)
}

// FormatNumber renders a float64 as JavaScript's Number.prototype.toString
// does (shortest round-trip digits, exponent only below 1e-6 or from 1e21).
func FormatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.dddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expStr)
	k, n := len(digits), exp+1
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	es := "+"
	if n-1 < 0 {
		es = "-"
	}
	ev := n - 1
	if ev < 0 {
		ev = -ev
	}
	if k == 1 {
		return fmt.Sprintf("%s%se%s%d", sign, digits, es, ev)
	}
	return fmt.Sprintf("%s%s.%se%s%d", sign, digits[:1], digits[1:], es, ev)
}
