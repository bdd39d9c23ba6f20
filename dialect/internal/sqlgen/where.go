package sqlgen

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
)

// WhereOptions change how a where object is compiled.
type WhereOptions struct {
	// Prefix is the table whose quoted name prefixes every key
	// ("t"."name"), as select queries do; zero for none.
	Prefix *dialect.TableRef
	// Bind, when non-nil, collects values that Sequelize binds instead of
	// inlining ($1, $2, …), as updateQuery does for its where clause.
	Bind *[]any
	// Types are a model's attribute types by attribute name and field
	// (_findField): values compared with those keys are escaped, or bound,
	// with their type.
	Types map[string]*dialect.DataType
	// PrefixSQL, when set, prefixes keys instead of Prefix (an include's
	// quoted alias, which Sequelize passes as a literal).
	PrefixSQL string
}

// fieldType is the type _findField finds for a where key.
func (o WhereOptions) fieldType(key any) *dialect.DataType {
	if o.Types == nil {
		return nil
	}
	if k, ok := key.(string); ok {
		return o.Types[k]
	}
	return nil
}

// Where compiles a where value into "WHERE …", or "" when it is empty.
func (f Flavor) Where(where any, o WhereOptions) (string, error) {
	s, err := f.WhereItems(where, o)
	if err != nil || s == "" {
		return "", err
	}
	return "WHERE " + s, nil
}

// WhereConditions is getWhereConditions without a model: the condition of a
// DELETE (a number means the id).
func (f Flavor) WhereConditions(where any, o WhereOptions) (string, error) {
	switch x := where.(type) {
	case nil, dialect.Undefined:
		return "", nil
	case float64:
		return f.WhereItems(dialect.NewObject("id", x), o)
	case []byte:
		return f.EscapeValue(x, f.Timezone, false)
	case []any:
		if len(x) == 0 {
			return "1=1", nil
		}
		if inner, ok := x[0].([]any); ok && len(inner) == 0 {
			return "1=1", nil
		}
		if canTreatArrayAsAnd(x) {
			return f.WhereItems(dialect.NewObject("$op:and", x), o)
		}
		return "", errors.New("Support for literal replacements in the `where` object has been removed.")
	}
	if dialect.IsSequelizeMethod(where) {
		return f.SequelizeMethod(where)
	}
	return f.WhereItems(where, o)
}

func complexSize(v any) int {
	switch x := v.(type) {
	case []any:
		return len(x)
	case *dialect.Object:
		return x.Len()
	}
	return 0
}

func canTreatArrayAsAnd(a []any) bool {
	for _, e := range a {
		switch e.(type) {
		case *dialect.Object, dialect.Where, *dialect.Where:
			return true
		}
	}
	return false
}

// WhereItems is whereItemsQuery with the AND binding.
func (f Flavor) WhereItems(where any, o WhereOptions) (string, error) {
	return f.whereItems(where, o, " AND ")
}

func (f Flavor) whereItems(where any, o WhereOptions, binding string) (string, error) {
	switch x := where.(type) {
	case nil, dialect.Undefined:
		return "", nil
	case string:
		return "", errors.New("Support for `{where: 'raw query'}` has been removed.")
	case *dialect.Object:
		if x.Len() == 0 {
			return "", nil
		}
		var items []string
		for i, k := range x.Keys {
			s, err := f.whereItem(k, x.Values[i], o)
			if err != nil {
				return "", err
			}
			if s != "" {
				items = append(items, s)
			}
		}
		return strings.Join(items, binding), nil
	case []any:
		if len(x) == 0 {
			return "", nil
		}
	}
	s, err := f.whereItem(nil, where, o)
	return s, err
}

// keyString renders a where key for messages as JavaScript would.
func keyString(key any) string {
	switch k := key.(type) {
	case nil:
		return "undefined"
	case dialect.Key:
		if k.Op {
			return "Symbol(" + k.Name + ")"
		}
		return k.Name
	case string:
		return k
	}
	return fmt.Sprint(key)
}

func isOpKey(key any, name string) bool {
	k, ok := key.(dialect.Key)
	return ok && k.Op && k.Name == name
}

// normalizeKey turns a string-named Key into a plain string key.
func normalizeKey(key any) any {
	if k, ok := key.(dialect.Key); ok && !k.Op {
		return k.Name
	}
	return key
}

func isFalsy(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case float64:
		return x == 0 || x != x
	case string:
		return x == ""
	}
	return false
}

// whereItem is whereItemQuery. key is nil (undefined), a string, an
// operator dialect.Key, or a Sequelize method.
func (f Flavor) whereItem(key any, value any, o WhereOptions) (string, error) {
	key = normalizeKey(key)
	if _, ok := value.(dialect.Undefined); ok {
		return "", fmt.Errorf("WHERE parameter %q has invalid \"undefined\" value", keyString(key))
	}
	obj, isObj := value.(*dialect.Object)
	arr, isArr := value.([]any)

	if key == nil {
		if s, ok := value.(string); ok {
			return s, nil
		}
		if isObj && obj.Len() == 1 {
			return f.whereItem(obj.Keys[0], obj.Values[0], o)
		}
	}
	typ := o.fieldType(key)
	if value == nil {
		v := "NULL"
		return f.joinKeyValue(key, v, f.op("is"), o)
	}
	if isFalsy(value) {
		v, err := f.formatOrEscapeTyped(value, typ, o)
		if err != nil {
			return "", err
		}
		return f.joinKeyValue(key, v, f.op("eq"), o)
	}
	if dialect.IsSequelizeMethod(value) {
		_, isFn := value.(dialect.Fn)
		if _, p := value.(*dialect.Fn); p {
			isFn = true
		}
		if !(key != nil && isFn) {
			return f.SequelizeMethod(value)
		}
	}
	if key == nil && isArr {
		if !canTreatArrayAsAnd(arr) {
			return "", errors.New("Support for literal replacements in the `where` object has been removed.")
		}
		key = dialect.Key{Name: "and", Op: true}
	}
	if isOpKey(key, "or") || isOpKey(key, "and") || isOpKey(key, "not") {
		return f.whereGroupBind(key.(dialect.Key).Name, value, o)
	}
	if isObj {
		if v, ok := obj.GetOp("or"); ok && truthy(v) {
			return f.whereBind(f.op("or"), key, v, o)
		}
		if v, ok := obj.GetOp("and"); ok && truthy(v) {
			return f.whereBind(f.op("and"), key, v, o)
		}
		if obj.Len() > 1 {
			return f.whereBind(f.op("and"), key, obj, o)
		}
	}
	if isArr && typ != nil && typ.Is("ARRAY") {
		v, err := f.formatOrEscapeTyped(value, typ, o)
		if err != nil {
			return "", err
		}
		return f.joinKeyValue(key, v, f.op("eq"), o)
	}
	if isArr {
		return f.whereSingle(key, "in", value, o)
	}
	if isObj {
		if obj.Len() > 0 && obj.Keys[0].Op {
			if _, known := f.Operator(obj.Keys[0].Name); known {
				return f.whereSingle(key, obj.Keys[0].Name, obj.Values[0], o)
			}
		}
		return f.whereSingle(key, "", value, o)
	}
	v, err := f.formatOrEscapeTyped(value, typ, o)
	if err != nil {
		return "", err
	}
	return f.joinKeyValue(key, v, f.op("eq"), o)
}

func truthy(v any) bool {
	switch x := v.(type) {
	case nil, dialect.Undefined:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && x == x
	case string:
		return x != ""
	}
	return true
}

// formatOrEscape binds the value when the options collect binds, else
// escapes it inline.
func (f Flavor) formatOrEscape(v any, o WhereOptions) (string, error) {
	if o.Bind != nil {
		if dialect.IsSequelizeMethod(v) {
			return "", errors.New("Cannot pass SequelizeMethod as a bind parameter - use escape instead")
		}
		*o.Bind = append(*o.Bind, v)
		return "$" + strconv.Itoa(len(*o.Bind)), nil
	}
	return f.Escape(v, nil)
}

// formatOrEscapeTyped is formatOrEscape with the key's attribute type
// (queryGenerator.format / escape with a field).
func (f Flavor) formatOrEscapeTyped(v any, typ *dialect.DataType, o WhereOptions) (string, error) {
	if typ == nil {
		return f.formatOrEscape(v, o)
	}
	if o.Bind != nil {
		if dialect.IsSequelizeMethod(v) {
			return "", errors.New("Cannot pass SequelizeMethod as a bind parameter - use escape instead")
		}
		if s, ok, err := f.formatTyped(v, typ, o.Bind); ok || err != nil {
			return s, err
		}
		bv, err := f.BindValue(v, typ)
		if err != nil {
			return "", err
		}
		*o.Bind = append(*o.Bind, bv)
		return "$" + strconv.Itoa(len(*o.Bind)), nil
	}
	return f.Escape(v, typ)
}

func (f Flavor) whereGroupBind(op string, value any, o WhereOptions) (string, error) {
	binding := f.op("and")
	if op == "or" {
		binding = f.op("or")
	}
	outer := ""
	if op == "not" {
		outer = "NOT "
	}
	var joined string
	if arr, ok := value.([]any); ok {
		var parts []string
		for _, item := range arr {
			q, err := f.whereItems(item, o, f.op("and"))
			if err != nil {
				return "", err
			}
			_, isA := item.([]any)
			_, isO := item.(*dialect.Object)
			if q != "" && (isA || isO) && complexSize(item) > 1 {
				q = "(" + q + ")"
			}
			if q != "" {
				parts = append(parts, q)
			}
		}
		joined = strings.Join(parts, binding)
	} else {
		q, err := f.whereItems(value, o, binding)
		if err != nil {
			return "", err
		}
		joined = q
	}
	if (op == "or" || op == "not") && joined == "" {
		return "0 = 1", nil
	}
	if joined == "" {
		return "", nil
	}
	return outer + "(" + joined + ")", nil
}

func (f Flavor) whereBind(binding string, key any, value any, o WhereOptions) (string, error) {
	var parts []string
	switch x := value.(type) {
	case *dialect.Object:
		for i, k := range x.Keys {
			sub := &dialect.Object{}
			sub.Set(k, x.Values[i])
			s, err := f.whereItem(key, sub, o)
			if err != nil {
				return "", err
			}
			if s != "" {
				parts = append(parts, s)
			}
		}
	case []any:
		for _, item := range x {
			s, err := f.whereItem(key, item, o)
			if err != nil {
				return "", err
			}
			if s != "" {
				parts = append(parts, s)
			}
		}
	default:
		return "", fmt.Errorf("value.map is not a function")
	}
	if len(parts) == 0 {
		return "", nil
	}
	return "(" + strings.Join(parts, binding) + ")", nil
}

// whereSingle is _whereParseSingleValueObject; prop "" means the "="
// comparator with a non-operator value.
func (f Flavor) whereSingle(key any, prop string, value any, o WhereOptions) (string, error) {
	typ := o.fieldType(key)
	if prop == "not" {
		if _, isArr := value.([]any); isArr {
			prop = "notIn"
		} else if b, isBool := value.(bool); value != nil && !isBool {
			prop = "ne"
		} else {
			_ = b
		}
	}
	comparator, ok := f.Operator(prop)
	if !ok || prop == "" {
		comparator = f.op("eq")
	}
	switch prop {
	case "in", "notIn":
		if lit, ok := asLiteral(value); ok {
			return f.joinKeyValue(key, lit.SQL, comparator, o)
		}
		arr, isArr := value.([]any)
		if !isArr {
			if _, isStr := value.(string); isStr {
				return "", errors.New("TypeError: value.map is not a function")
			}
		}
		if len(arr) > 0 {
			parts := make([]string, len(arr))
			for i, item := range arr {
				s, err := f.Escape(item, typ)
				if err != nil {
					return "", err
				}
				parts[i] = s
			}
			return f.joinKeyValue(key, "("+strings.Join(parts, ", ")+")", comparator, o)
		}
		if prop == "in" {
			return f.joinKeyValue(key, "(NULL)", comparator, o)
		}
		return "", nil
	case "any", "all":
		comparator = f.op("eq") + " " + comparator
		if obj, ok := value.(*dialect.Object); ok {
			if vals, ok := obj.GetOp("values"); ok {
				list, _ := vals.([]any)
				parts := make([]string, len(list))
				for i, item := range list {
					s, err := f.Escape(item, nil)
					if err != nil {
						return "", err
					}
					parts[i] = "(" + s + ")"
				}
				return f.joinKeyValue(key, "(VALUES "+strings.Join(parts, ", ")+")", comparator, o)
			}
		}
		s, err := f.Escape(value, typ)
		if err != nil {
			return "", err
		}
		return f.joinKeyValue(key, "("+s+")", comparator, o)
	case "between", "notBetween":
		arr, _ := value.([]any)
		var a, b any = dialect.Undefined{}, dialect.Undefined{}
		if len(arr) > 0 {
			a = arr[0]
		}
		if len(arr) > 1 {
			b = arr[1]
		}
		sa, err := f.Escape(a, typ)
		if err != nil {
			return "", err
		}
		sb, err := f.Escape(b, typ)
		if err != nil {
			return "", err
		}
		return f.joinKeyValue(key, sa+" AND "+sb, comparator, o)
	case "col":
		s, _ := value.(string)
		parts := strings.Split(s, ".")
		if len(parts) > 2 {
			parts = []string{strings.Join(parts[:len(parts)-1], "->"), parts[len(parts)-1]}
		}
		for i := range parts {
			parts[i] = f.QuoteIdentifier(parts[i])
		}
		return f.joinKeyValue(key, strings.Join(parts, "."), f.op("eq"), o)
	case "startsWith", "endsWith", "substring":
		var s string
		if lit, ok := asLiteral(value); ok {
			s = lit.SQL
		} else {
			s = jsString(value)
		}
		pattern := s + "%"
		if prop == "endsWith" {
			pattern = "%" + s
		} else if prop == "substring" {
			pattern = "%" + s + "%"
		}
		return f.joinKeyValue(key, f.escapeString(pattern), f.op("like"), o)
	}
	if obj, ok := value.(*dialect.Object); ok {
		if v, ok := obj.GetOp("col"); ok && truthy(v) {
			s, err := f.whereItem(nil, value, o)
			if err != nil {
				return "", err
			}
			return f.joinKeyValue(key, s, comparator, o)
		}
		for _, q := range []string{"any", "all"} {
			if v, ok := obj.GetOp(q); ok && truthy(v) {
				s, err := f.Escape(v, typ)
				if err != nil {
					return "", err
				}
				return f.joinKeyValue(key, "("+s+")", comparator+" "+f.op(q), o)
			}
		}
	}
	if value == nil && comparator == f.op("eq") {
		return f.joinKeyValue(key, "NULL", f.op("is"), o)
	}
	if value == nil && comparator == f.op("ne") {
		return f.joinKeyValue(key, "NULL", f.op("not"), o)
	}
	s, err := f.Escape(value, typ)
	if err != nil {
		return "", err
	}
	return f.joinKeyValue(key, s, comparator, o)
}

func asLiteral(v any) (dialect.Literal, bool) {
	switch x := v.(type) {
	case dialect.Literal:
		return x, true
	case *dialect.Literal:
		return *x, true
	}
	return dialect.Literal{}, false
}

// jsString is String(v) for the values a LIKE pattern is built from.
func jsString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return FormatNumber(x)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	case dialect.Undefined:
		return "undefined"
	}
	return fmt.Sprint(v)
}

func (f Flavor) joinKeyValue(key any, value, comparator string, o WhereOptions) (string, error) {
	if key == nil {
		return value, nil
	}
	k, err := f.safeKey(key, o)
	if err != nil {
		return "", err
	}
	return k + " " + comparator + " " + value, nil
}

func (f Flavor) safeKey(key any, o WhereOptions) (string, error) {
	if dialect.IsSequelizeMethod(key) {
		s, err := f.SequelizeMethod(key)
		if err != nil {
			return "", err
		}
		return f.prefixKey(s, o), nil
	}
	var name string
	switch k := key.(type) {
	case string:
		name = k
	case dialect.Key:
		name = "Symbol(" + k.Name + ")"
	default:
		name = fmt.Sprint(key)
	}
	if len(name) >= 2 && name[0] == '$' && name[len(name)-1] == '$' {
		parts := strings.Split(name[1:len(name)-1], ".")
		if len(parts) > 2 {
			parts = []string{strings.Join(parts[:len(parts)-1], "->"), parts[len(parts)-1]}
		}
		for i := range parts {
			parts[i] = f.QuoteIdentifier(parts[i])
		}
		return strings.Join(parts, "."), nil
	}
	return f.prefixKey(f.QuoteIdentifier(name), o), nil
}

func (f Flavor) prefixKey(k string, o WhereOptions) string {
	if o.PrefixSQL != "" {
		return o.PrefixSQL + "." + k
	}
	if o.Prefix != nil {
		return f.QuoteTable(*o.Prefix) + "." + k
	}
	return k
}

// whereMethod renders sequelize.where(attribute, comparator, logic).
func (f Flavor) whereMethod(w dialect.Where) (string, error) {
	comparator := w.Comparator
	if w.ComparatorIsOp {
		if s, ok := f.Operator(comparator); ok {
			comparator = s
		}
	}
	if !dialect.IsSequelizeMethod(w.Attribute) {
		return "", dialect.Unsupported(f.Name, "sequelize.where with a model attribute")
	}
	key, err := f.SequelizeMethod(w.Attribute)
	if err != nil {
		return "", err
	}
	value := w.Logic
	if dialect.IsSequelizeMethod(value) {
		v, err := f.WhereConditions(value, WhereOptions{})
		if err != nil {
			return "", err
		}
		return key + " " + nullComparator(comparator, v) + " " + v, nil
	}
	if _, ok := value.(*dialect.Object); ok {
		return f.whereItem(w.Attribute, value, WhereOptions{})
	}
	var v string
	switch {
	case comparator == f.op("between") || comparator == f.op("notBetween"):
		arr, _ := value.([]any)
		if len(arr) < 2 {
			return "", errors.New("between needs two values")
		}
		a, err := f.Escape(arr[0], nil)
		if err != nil {
			return "", err
		}
		b, err := f.Escape(arr[1], nil)
		if err != nil {
			return "", err
		}
		v = a + " AND " + b
	default:
		if b, ok := value.(bool); ok {
			v = f.boolLiteral(b)
		} else {
			v, err = f.Escape(value, nil)
			if err != nil {
				return "", err
			}
		}
	}
	return key + " " + nullComparator(comparator, v) + " " + v, nil
}

func nullComparator(comparator, value string) string {
	if value == "NULL" {
		switch comparator {
		case "=":
			return "IS"
		case "!=":
			return "IS NOT"
		}
	}
	return comparator
}
