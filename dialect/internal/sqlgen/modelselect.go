package sqlgen

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// ModelSelect renders queryGenerator.selectQuery(table, options, model) for
// a model query: attributes escaped with the model (and prefixed with its
// alias when there are includes), the includes' JOINs (generateInclude,
// generateJoin, generateThroughJoin), the main table in a subquery when a
// limit meets a multi-row include, where/group/having/order with the
// model's alias, limit and offset, and a lock.
func (f Flavor) ModelSelect(table dialect.TableRef, m *dialect.ModelSelect) (string, error) {
	mainQuoted := f.QuoteTable(table)
	mainAs := ""
	if m.TableAs != "" {
		mainAs = f.QuoteIdentifier(m.TableAs)
	}
	top := &modelTop{m: m, mainAs: mainAs}
	mainAttrs, err := f.modelAttributes(m.Attributes, m.AttributeNames, m.HasInclude, mainAs)
	if err != nil {
		return "", err
	}
	if m.AllAttributes {
		if m.HasInclude {
			mainAttrs = []string{mainAs + ".*"}
		} else {
			mainAttrs = []string{"*"}
		}
	}
	var subAttrs []string
	if m.SubQuery {
		subAttrs = mainAttrs
		as := mainAs
		if as == "" {
			as = mainQuoted
		}
		mainAttrs = []string{as + ".*"}
	}
	var mainJoins, subJoins strings.Builder
	for i := range m.Includes {
		inc := &m.Includes[i]
		jq, err := f.generateInclude(inc, includeNames{top: true, internal: m.TableAs, external: m.TableAs}, nil, top)
		if err != nil {
			return "", err
		}
		subJoins.WriteString(jq.sub)
		mainJoins.WriteString(jq.main)
		if len(jq.mainAttrs) > 0 {
			mainAttrs = uniqStrings(append(mainAttrs, jq.mainAttrs...))
		}
		if len(jq.subAttrs) > 0 {
			subAttrs = uniqStrings(append(subAttrs, jq.subAttrs...))
		}
	}
	var mainItems, subItems []string
	if m.SubQuery {
		frag, err := f.selectFromTableFragment(m, subAttrs, mainQuoted, mainAs)
		if err != nil {
			return "", err
		}
		subItems = append(subItems, frag, subJoins.String())
	} else {
		frag, err := f.selectFromTableFragment(m, mainAttrs, mainQuoted, mainAs)
		if err != nil {
			return "", err
		}
		mainItems = append(mainItems, frag, mainJoins.String())
	}
	if m.HasWhere || len(top.filters) > 0 {
		prefix := dialect.TableRef{Name: m.TableAs}
		o := WhereOptions{Prefix: &prefix, Types: m.WhereTypes}
		if m.TableAs == "" {
			o.Prefix = &table
		}
		w, err := f.WhereConditions(m.Where, o)
		if err != nil {
			return "", err
		}
		switch m.Where.(type) {
		case nil, dialect.Undefined, *dialect.Object:
			// the filters are keys added to a where object
			for _, fl := range top.filters {
				if w != "" {
					w += " AND "
				}
				w += fl
			}
		}
		if w != "" {
			if m.SubQuery {
				subItems = append(subItems, " WHERE "+w)
			} else {
				mainItems = append(mainItems, " WHERE "+w)
			}
		}
	}
	if m.HasGroup {
		parts := make([]string, len(m.Group))
		for i, g := range m.Group {
			s, err := f.quoteGroupItem(g)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		if len(parts) > 0 {
			g := " GROUP BY " + strings.Join(parts, ", ")
			if m.SubQuery {
				subItems = append(subItems, g)
			} else {
				mainItems = append(mainItems, g)
			}
		}
	}
	if m.HasHaving {
		h, err := f.WhereConditions(m.Having, WhereOptions{Types: m.WhereTypes})
		if err != nil {
			return "", err
		}
		if h != "" {
			if m.SubQuery {
				subItems = append(subItems, " HAVING "+h)
			} else {
				mainItems = append(mainItems, " HAVING "+h)
			}
		}
	}
	if m.Order != nil {
		mainOrder, err := f.modelOrder(m.Order, m.ModelName)
		if err != nil {
			return "", err
		}
		if len(mainOrder) > 0 {
			mainItems = append(mainItems, " ORDER BY "+strings.Join(mainOrder, ", "))
		}
		subOrder, err := f.modelOrder(m.SubOrder, m.ModelName)
		if err != nil {
			return "", err
		}
		if len(subOrder) > 0 {
			subItems = append(subItems, " ORDER BY "+strings.Join(subOrder, ", "))
		}
	}
	limit, err := f.limitAndOffset(m.Limit, m.Offset)
	if err != nil {
		return "", err
	}
	if limit != "" {
		if m.SubQuery {
			subItems = append(subItems, limit)
		} else {
			mainItems = append(mainItems, limit)
		}
	}
	var q string
	if m.SubQuery {
		if len(mainAttrs) == 0 {
			return "", emptyAttributesError(m.ModelName, mainAs)
		}
		q = "SELECT " + strings.Join(mainAttrs, ", ") + " FROM (" + strings.Join(subItems, "") + ") AS " + mainAs + mainJoins.String() + strings.Join(mainItems, "")
	} else {
		q = strings.Join(mainItems, "")
	}
	if m.Lock != "" && f.Name != dialect.SQLite {
		lock := m.Lock
		switch {
		case f.Name == dialect.Postgres && (lock == "KEY SHARE" || lock == "NO KEY UPDATE"):
			q += " FOR " + lock
		case lock == "SHARE":
			if f.Name == dialect.Postgres {
				q += " FOR SHARE"
			} else {
				q += " LOCK IN SHARE MODE"
			}
		default:
			q += " FOR UPDATE"
		}
		if f.Name == dialect.Postgres && m.LockOf != "" {
			q += " OF " + f.QuoteIdentifier(m.LockOf)
		}
		if m.SkipLocked && (f.Name == dialect.Postgres || f.Name == dialect.MySQL) {
			q += " SKIP LOCKED"
		}
	}
	return q + ";", nil
}

type modelTop struct {
	m      *dialect.ModelSelect
	mainAs string // quoted
	// filters are the subquery filters of required multi-row includes,
	// added to the main where (_generateSubQueryFilter).
	filters []string
}

// includeNames is parentTableName / includeAs of generateInclude:
// internal ("a->b") and external ("a.b") aliases; top marks the main
// table's.
type includeNames struct {
	top                bool
	internal, external string
}

type joinQueries struct {
	main, sub           string
	mainAttrs, subAttrs []string
}

func emptyAttributesError(modelName, as string) error {
	namePart, asPart := "", ""
	if modelName != "" {
		namePart = "for model '" + modelName + "'"
	}
	if as != "" {
		asPart = "as " + as
	}
	msg := "Attempted a SELECT query " + namePart + " " + asPart + " without selecting any columns"
	return errors.New(strings.Join(strings.Fields(msg), " "))
}

func (f Flavor) selectFromTableFragment(m *dialect.ModelSelect, attrs []string, tables, as string) (string, error) {
	if len(attrs) == 0 {
		return "", emptyAttributesError(m.ModelName, as)
	}
	s := "SELECT " + strings.Join(attrs, ", ") + " FROM " + tables
	if as != "" {
		s += " AS " + as
	}
	return s, nil
}

// limitAndOffset is the dialect's addLimitAndOffset.
func (f Flavor) limitAndOffset(limit, offset any) (string, error) {
	esc := func(v any) (string, error) { return f.Escape(v, nil) }
	if f.Name == dialect.Postgres {
		s := ""
		if !isNullish(limit) {
			l, err := esc(limit)
			if err != nil {
				return "", err
			}
			s += " LIMIT " + l
		}
		if !isNullish(offset) {
			o, err := esc(offset)
			if err != nil {
				return "", err
			}
			s += " OFFSET " + o
		}
		return s, nil
	}
	switch {
	case !isNullish(offset) && isNullish(limit):
		o, err := esc(offset)
		if err != nil {
			return "", err
		}
		return " LIMIT " + o + ", 10000000000000", nil
	case !isNullish(limit):
		l, err := esc(limit)
		if err != nil {
			return "", err
		}
		if !isNullish(offset) {
			o, err := esc(offset)
			if err != nil {
				return "", err
			}
			return " LIMIT " + o + ", " + l, nil
		}
		return " LIMIT " + l, nil
	}
	return "", nil
}

// modelAttributes is escapeAttributes with a model: attribute names quoted
// whole, other strings split on dots, [expr, alias] pairs, methods; with
// includes, every attribute without a dot gets the main alias.
func (f Flavor) modelAttributes(attrs []any, names []string, hasInclude bool, mainAs string) ([]string, error) {
	if attrs == nil {
		return nil, nil
	}
	out := make([]string, 0, len(attrs))
	for _, a := range attrs {
		addTable := true
		var s string
		switch x := a.(type) {
		case string:
			if strings.ContainsRune(x, rune(f.Tick)) || strings.Contains(x, `"`) {
				e, err := f.Escape(x, nil)
				if err != nil {
					return nil, err
				}
				s = e
			} else if slices.Contains(names, x) {
				s = f.QuoteIdentifier(x)
			} else {
				s = f.QuoteIdentifiers(x)
			}
		case []any:
			if len(x) != 2 {
				return nil, fmt.Errorf("%s is not a valid attribute definition. Please use the following format: ['attribute definition', 'alias']", jsonish(x))
			}
			var expr string
			switch e := x[0].(type) {
			case string:
				if strings.Contains(e, "(") || strings.Contains(e, ")") {
					return nil, errors.New(parenthesesError)
				}
				expr = f.QuoteIdentifier(e)
			default:
				if !dialect.IsSequelizeMethod(e) {
					return nil, fmt.Errorf("TypeError: attr[0].includes is not a function")
				}
				r, err := f.SequelizeMethod(e)
				if err != nil {
					return nil, err
				}
				expr = r
				addTable = false
			}
			alias, _ := x[1].(string)
			s = expr + " AS " + f.QuoteIdentifier(alias)
		default:
			if !dialect.IsSequelizeMethod(a) {
				return nil, fmt.Errorf("invalid attribute %s", dialect.Describe(a))
			}
			r, err := f.SequelizeMethod(a)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
			continue
		}
		if hasInclude && !strings.Contains(s, ".") && addTable {
			s = mainAs + "." + s
		}
		out = append(out, s)
	}
	return out, nil
}

const parenthesesError = `Attributes cannot include parentheses in Sequelize 6:
In order to fix the vulnerability CVE-2023-22578, we had to remove support for treating attributes as raw SQL if they included parentheses.
Sequelize 7 escapes all attributes, even if they include parentheses.
For Sequelize 6, because we're introducing this change in a minor release, we've opted for throwing an error instead of silently escaping the attribute as a way to warn you about this change.

Here is what you can do to fix this error:
- Wrap the attribute in a literal() call. This will make Sequelize treat it as raw SQL.
- Set the "attributeBehavior" sequelize option to "escape" to make Sequelize escape the attribute, like in Sequelize v7. We highly recommend this option.
- Set the "attributeBehavior" sequelize option to "unsafe-legacy" to make Sequelize escape the attribute, like in Sequelize v5.

We sincerely apologize for the inconvenience this may cause you. You can find more information on the following threads:
https://github.com/sequelize/sequelize/security/advisories/GHSA-f598-mfpv-gmfx
https://github.com/sequelize/sequelize/discussions/15694`

// jsonish renders a value as JSON.stringify would, for messages.
func jsonish(v any) string {
	s, err := JSONStringify(v)
	if err != nil {
		return dialect.Describe(v)
	}
	return s
}

func uniqStrings(in []string) []string {
	seen := map[string]bool{}
	out := in[:0:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// quoteGroupItem is aliasGrouping: quote(field) without a model prefix.
func (f Flavor) quoteGroupItem(g any) (string, error) {
	switch x := g.(type) {
	case string:
		return f.QuoteIdentifiers(x), nil
	}
	if dialect.IsSequelizeMethod(g) {
		return f.SequelizeMethod(g)
	}
	return "", fmt.Errorf("Unknown structure passed to order / group: %s", dialect.Describe(g))
}

// modelOrder renders resolved order entries (each an array) with quote(order,
// model, '->').
func (f Flavor) modelOrder(items []any, modelName string) ([]string, error) {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, err := f.quoteOrderItem(it, modelName)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

var (
	jsonArrowRE   = lazyre.MustCompile(`#>>|->>`)
	jsonExtractRE = lazyre.MustCompile(`(?i)json_extract\(`)
	jsonValueRE   = lazyre.MustCompile(`(?i)json_value\(`)
	parensRE      = lazyre.MustCompile(`\(|\)`)
)

// generateInclude renders one include: its columns, its JOIN (or the
// through table's) and its children's.
func (f Flavor) generateInclude(inc *dialect.Include, parent includeNames, path []string, top *modelTop) (joinQueries, error) {
	var jq joinQueries
	names := includeNames{internal: inc.As, external: inc.As}
	if !parent.top {
		names.internal = parent.internal + "->" + inc.As
		names.external = parent.external + "." + inc.As
	}
	if top.m.IncludeIgnoreAttributes {
		var attrs []string
		for _, a := range inc.Attributes {
			var attr any = a
			var attrAs string
			verbatim := false
			if pair, ok := a.([]any); ok && len(pair) == 2 {
				switch pair[0].(type) {
				case dialect.Literal, *dialect.Literal, dialect.Cast, *dialect.Cast, dialect.Fn, *dialect.Fn:
					verbatim = true
				}
				rendered := make([]any, 2)
				for i, p := range pair {
					if dialect.IsSequelizeMethod(p) {
						s, err := f.SequelizeMethod(p)
						if err != nil {
							return jq, err
						}
						rendered[i] = s
					} else {
						rendered[i] = p
					}
				}
				attr = rendered[0]
				attrAs = jsString(rendered[1])
			} else {
				attrAs = jsString(a)
			}
			switch x := attr.(type) {
			case dialect.Literal:
				attrs = append(attrs, x.SQL)
				continue
			case *dialect.Literal:
				attrs = append(attrs, x.SQL)
				continue
			case dialect.Cast, *dialect.Cast, dialect.Fn, *dialect.Fn:
				return jq, errors.New("Tried to select attributes using Sequelize.cast or Sequelize.fn without specifying an alias for the result, during eager loading. This means the attribute will not be added to the returned instance")
			}
			attrText := jsString(attr)
			var prefix string
			switch {
			case verbatim:
				prefix = attrText
			case jsonArrowRE().MatchString(attrText):
				prefix = "(" + f.QuoteIdentifier(names.internal) + "." + parensRE().ReplaceAllString(attrText, "") + ")"
			case jsonExtractRE().MatchString(attrText):
				prefix = jsonExtractRE().ReplaceAllLiteralString(attrText, "json_extract("+f.QuoteIdentifier(names.internal)+".")
			case jsonValueRE().MatchString(attrText):
				prefix = jsonValueRE().ReplaceAllLiteralString(attrText, "json_value("+f.QuoteIdentifier(names.internal)+".")
			default:
				prefix = f.QuoteIdentifier(names.internal) + "." + f.QuoteIdentifier(attrText)
			}
			attrs = append(attrs, JoinFragments(prefix, "AS", f.QuoteIdentifier(names.external+"."+attrAs)))
		}
		if inc.SubQuery && top.m.SubQuery {
			jq.subAttrs = append(jq.subAttrs, attrs...)
		} else {
			jq.mainAttrs = append(jq.mainAttrs, attrs...)
		}
	}
	if inc.Filter != nil && inc.SubQueryFilter && top.m.SubQuery {
		fl, err := f.subQueryFilter(inc, top)
		if err != nil {
			return jq, err
		}
		top.filters = append(top.filters, fl)
	}
	var join joinPart
	var err error
	if inc.Through != nil {
		parentInternal := parent.internal
		join, err = f.generateThroughJoin(inc, names, parentInternal, top)
	} else {
		join, err = f.generateJoin(inc, path, top)
	}
	if err != nil {
		return jq, err
	}
	jq.mainAttrs = append(jq.mainAttrs, join.mainAttrs...)
	jq.subAttrs = append(jq.subAttrs, join.subAttrs...)
	var mainChild, subChild []string
	requiredMismatch := false
	childPath := append(append([]string{}, path...), inc.As)
	for i := range inc.Includes {
		child := &inc.Includes[i]
		cq, err := f.generateInclude(child, names, childPath, top)
		if err != nil {
			return jq, err
		}
		if !inc.Required && child.Required {
			requiredMismatch = true
		}
		if child.SubQuery && top.m.SubQuery {
			subChild = append(subChild, cq.sub)
		}
		if cq.main != "" {
			mainChild = append(mainChild, cq.main)
		}
		jq.mainAttrs = append(jq.mainAttrs, cq.mainAttrs...)
		jq.subAttrs = append(jq.subAttrs, cq.subAttrs...)
	}
	if inc.SubQuery && top.m.SubQuery {
		jq.sub = join.withChildren(subChild, requiredMismatch)
		jq.main = strings.Join(mainChild, "")
	} else {
		jq.main = join.withChildren(mainChild, requiredMismatch)
		jq.sub = strings.Join(subChild, "")
	}
	return jq, nil
}

// withChildren is the join followed by its children's joins, or with them
// inside parentheses before ON when nested (a required include under an
// optional one) and there are any.
func (jp joinPart) withChildren(children []string, nested bool) string {
	if nested && len(children) > 0 {
		return " " + jp.join + " ( " + jp.body + strings.Join(children, "") + " ) ON " + jp.condition
	}
	return " " + jp.join + " " + jp.body + " ON " + jp.condition + strings.Join(children, "")
}

type joinPart struct {
	join, body, condition string
	mainAttrs, subAttrs   []string
}

func (f Flavor) joinType(inc *dialect.Include) string {
	switch {
	case inc.Required:
		return "INNER JOIN"
	case inc.Right && f.Name != dialect.SQLite:
		return "RIGHT OUTER JOIN"
	}
	return "LEFT OUTER JOIN"
}

// generateJoin is the JOIN of a BelongsTo, HasOne or HasMany include; path
// holds the aliases of the includes above it.
func (f Flavor) generateJoin(inc *dialect.Include, path []string, top *modelTop) (joinPart, error) {
	var jp joinPart
	a := inc.Assoc
	asRight := inc.As
	asLeft := strings.Join(path, "->")
	if asLeft == "" {
		asLeft = top.m.ModelName
	} else {
		asRight = asLeft + "->" + asRight
	}
	joinOn := f.QuoteIdentifier(asLeft) + "." + f.QuoteIdentifier(a.FieldLeft)
	if top.m.SubQuery && inc.ParentSubQuery && !inc.SubQuery {
		if inc.ParentIsTop {
			tableName := f.QuoteIdentifier(top.m.ModelName)
			joinOn = tableName + "." + f.QuoteIdentifier(a.AttrLeft)
			dbIdentifier := tableName + "." + f.QuoteIdentifier(a.FieldLeft)
			if dbIdentifier != joinOn {
				jp.subAttrs = append(jp.subAttrs, dbIdentifier+" AS "+f.QuoteIdentifier(a.AttrLeft))
			} else {
				jp.subAttrs = append(jp.subAttrs, dbIdentifier)
			}
		} else {
			joinOn = f.QuoteIdentifier(strings.ReplaceAll(asLeft, "->", ".") + "." + a.AttrLeft)
		}
	}
	joinOn += " = " + f.QuoteIdentifier(asRight) + "." + f.QuoteIdentifier(a.FieldRight)
	o := WhereOptions{PrefixSQL: f.QuoteIdentifier(asRight), Types: inc.WhereTypes}
	if inc.HasOn {
		s, err := f.WhereItems(inc.On, o)
		if err != nil {
			return jp, err
		}
		joinOn = s
	}
	if inc.HasWhere {
		w, err := f.WhereItems(inc.Where, o)
		if err != nil {
			return jp, err
		}
		if w != "" {
			if inc.Or {
				joinOn += " OR " + w
			} else {
				joinOn += " AND " + w
			}
		}
	}
	jp.join = f.joinType(inc)
	jp.body = f.QuoteTableAs(inc.Table, asRight)
	jp.condition = joinOn
	return jp, nil
}

// generateThroughJoin is the JOIN of a BelongsToMany include: the through
// table inner-joined with the target, joined to the parent.
func (f Flavor) generateThroughJoin(inc *dialect.Include, names includeNames, parentInternal string, top *modelTop) (joinPart, error) {
	var jp joinPart
	th := inc.Through
	a := inc.Assoc
	throughAs := names.internal + "->" + th.As
	externalThroughAs := names.external + "." + th.As
	if top.m.IncludeIgnoreAttributes {
		for _, attr := range th.Attributes {
			col, alias := jsString(attr), jsString(attr)
			if pair, ok := attr.([]any); ok && len(pair) == 2 {
				col, alias = jsString(pair[0]), jsString(pair[1])
			}
			jp.mainAttrs = append(jp.mainAttrs, JoinFragments(f.QuoteIdentifier(throughAs)+"."+f.QuoteIdentifier(col), "AS", f.QuoteIdentifier(externalThroughAs+"."+alias)))
		}
	}
	attrSource := a.SourceKey
	if !top.m.SubQuery {
		attrSource = a.SourceKeyField
	}
	if top.m.SubQuery && !inc.SubQuery && !inc.ParentSubQuery {
		attrSource = a.SourceKeyField
	}
	var sourceJoinOn string
	if top.m.SubQuery && !inc.SubQuery && inc.ParentSubQuery && !inc.ParentIsTop {
		sourceJoinOn = f.QuoteIdentifier(parentInternal+"."+attrSource) + " = "
	} else {
		sourceJoinOn = f.QuoteIdentifier(parentInternal) + "." + f.QuoteIdentifier(attrSource) + " = "
	}
	sourceJoinOn += f.QuoteIdentifier(throughAs) + "." + f.QuoteIdentifier(a.IdentifierField)
	targetJoinOn := f.QuoteIdentifier(names.internal) + "." + f.QuoteIdentifier(a.TargetKeyField) + " = " +
		f.QuoteIdentifier(throughAs) + "." + f.QuoteIdentifier(a.ForeignIdentifierField)
	body := "( " + f.QuoteTableAs(th.Table, throughAs) + " INNER JOIN " + f.QuoteTableAs(inc.Table, names.internal) + " ON " + targetJoinOn
	if th.HasWhere {
		w, err := f.WhereConditions(th.Where, WhereOptions{PrefixSQL: f.QuoteIdentifier(throughAs), Types: th.WhereTypes})
		if err != nil {
			return jp, err
		}
		if w != "" {
			body += " AND " + w
		}
	}
	body += ")"
	condition := sourceJoinOn
	if inc.HasWhere {
		w, err := f.WhereConditions(inc.Where, WhereOptions{PrefixSQL: f.QuoteIdentifier(names.internal), Types: inc.WhereTypes})
		if err != nil {
			return jp, err
		}
		if w != "" {
			condition += " AND " + w
		}
	}
	jp.join = f.joinType(inc)
	jp.body = body
	jp.condition = condition
	return jp, nil
}

// subQueryFilter is _generateSubQueryFilter for a top-level BelongsTo,
// HasOne or HasMany include: a correlated subquery on the include's table
// that must find a row.
func (f Flavor) subQueryFilter(inc *dialect.Include, top *modelTop) (string, error) {
	join := f.QuoteIdentifier(inc.As) + "." + f.QuoteIdentifier(inc.Filter.TargetField) + " = " +
		f.QuoteIdentifier(top.m.ModelName) + "." + f.QuoteIdentifier(inc.Filter.SourceField)
	var incWhere any = dialect.Undefined{}
	if inc.HasWhere {
		incWhere = inc.Where
	}
	joinCond := &dialect.Object{}
	joinCond.Set(dialect.Key{Name: "join", Op: true}, dialect.Literal{SQL: join})
	where := &dialect.Object{}
	where.Set(dialect.Key{Name: "and", Op: true}, []any{incWhere, joinCond})
	inner := &dialect.ModelSelect{
		TableAs: inc.As, ModelName: inc.ModelName, AttributeNames: inc.AttributeNames,
		Attributes: []any{inc.Filter.TargetField}, HasWhere: true, Where: where, WhereTypes: inc.WhereTypes,
		Limit: float64(1),
	}
	q, err := f.ModelSelect(inc.Table, inner)
	if err != nil {
		return "", err
	}
	return "( " + strings.TrimSuffix(q, ";") + " ) IS NOT NULL", nil
}
