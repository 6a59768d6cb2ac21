package sqlbox

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// check decides whether the parse tree of a researcher's query may run. The
// tree is what DuckDB's own parser made of the text (json_serialize_sql, in
// the worker), so there is no second parser to disagree with: every
// statement must be one SELECT, and every function, table function, table
// and node kind in it must be on the lists of allow.go. The walk visits
// every object of the tree, so a function inside a CTE, a lambda, a
// subquery, a window clause or a COLUMNS(...) is checked like one in the
// select list. Refusals wrap ErrRejected and name what was refused.
//
// tables are the warehouse's own tables and views, in lower case.
func check(tree []byte, tables map[string]bool) error {
	var parsed struct {
		Error        bool              `json:"error"`
		ErrorType    string            `json:"error_type"`
		ErrorMessage string            `json:"error_message"`
		Statements   []json.RawMessage `json:"statements"`
	}
	if err := json.Unmarshal(tree, &parsed); err != nil {
		return fmt.Errorf("read the parse tree: %w", err)
	}
	if parsed.Error {
		if parsed.ErrorType == "not implemented" && strings.Contains(parsed.ErrorMessage, "Only SELECT") {
			return refuse(RefuseStatement, "", "only SELECT queries are allowed (with WITH, DESCRIBE or SUMMARIZE too); nothing that writes, sets, attaches, loads or calls")
		}
		return fmt.Errorf("%w: %s", ErrInvalid, parsed.ErrorMessage)
	}
	switch len(parsed.Statements) {
	case 0:
		return fmt.Errorf("%w: empty query", ErrInvalid)
	case 1:
	default:
		return refuse(RefuseStatements, strconv.Itoa(len(parsed.Statements)), "exactly one statement is allowed, not %d", len(parsed.Statements))
	}
	var stmt any
	dec := json.NewDecoder(strings.NewReader(string(parsed.Statements[0])))
	dec.UseNumber()
	if err := dec.Decode(&stmt); err != nil {
		return fmt.Errorf("read the parse tree: %w", err)
	}
	c := checker{tables: tables}
	return c.walk(stmt, nil)
}

// checker walks one statement's tree.
type checker struct {
	tables map[string]bool
}

// scope is the chain of CTE names visible at a point of the tree.
type scope struct {
	names  map[string]bool
	parent *scope
}

func (s *scope) has(name string) bool {
	for ; s != nil; s = s.parent {
		if s.names[name] {
			return true
		}
	}
	return false
}

func (s *scope) with(names ...string) *scope {
	m := map[string]bool{}
	for _, n := range names {
		m[strings.ToLower(n)] = true
	}
	return &scope{names: m, parent: s}
}

// walk checks v and everything below it.
func (c *checker) walk(v any, sc *scope) error {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if err := c.walk(e, sc); err != nil {
				return err
			}
		}
	case map[string]any:
		_, isQuery := x["cte_map"]
		_, isExpr := x["class"]
		kind, _ := x["type"].(string)
		switch {
		case isQuery:
			return c.query(x, kind, sc)
		case isExpr:
			return c.expression(x, sc)
		case allTableRefs[kind]:
			return c.tableRef(x, kind, sc)
		}
		// Nothing else may name a function or a table: a node that does is
		// one this checker does not know, and is refused rather than skipped.
		for _, key := range []string{"function_name", "table_name"} {
			if _, ok := x[key]; ok {
				return refuse(RefuseForm, orUnknown(kind), "this form of query is not supported in researchers' SQL (%s)", orUnknown(kind))
			}
		}
		return c.fields(x, sc, "")
	}
	return nil
}

// fields walks every field of x but skip, in a fixed order.
func (c *checker) fields(x map[string]any, sc *scope, skip string) error {
	keys := make([]string, 0, len(x))
	for k := range x {
		if k != skip {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := c.walk(x[k], sc); err != nil {
			return err
		}
	}
	return nil
}

// query checks a query node: its CTEs in order (each sees the ones before
// it, and a recursive one itself), then the rest with every CTE visible.
func (c *checker) query(x map[string]any, kind string, sc *scope) error {
	if !queryNodes[kind] {
		return refuse(RefuseForm, orUnknown(kind), "this form of query is not supported in researchers' SQL (%s)", orUnknown(kind))
	}
	if kind == "RECURSIVE_CTE_NODE" {
		if name, ok := x["cte_name"].(string); ok {
			sc = sc.with(name)
		}
	}
	ctes, _ := x["cte_map"].(map[string]any)
	entries, _ := ctes["map"].([]any)
	for _, e := range entries {
		entry, _ := e.(map[string]any)
		name, _ := entry["key"].(string)
		if err := c.walk(entry["value"], sc); err != nil {
			return err
		}
		sc = sc.with(name)
	}
	return c.fields(x, sc, "cte_map")
}

// expression checks an expression node: its class, and the function it
// calls if it calls one.
func (c *checker) expression(x map[string]any, sc *scope) error {
	class, _ := x["class"].(string)
	if !expressionKind[class] {
		what := strings.ToLower(strings.ReplaceAll(class, "_", " "))
		if class == "PARAMETER" {
			what = "parameters ($1, ?)"
		}
		return refuse(RefuseExpression, what, "%s are not allowed in researchers' SQL", what)
	}
	if class == "FUNCTION" || class == "WINDOW" {
		name, _ := x["function_name"].(string)
		name = strings.ToLower(name)
		ok := aggregates[name]
		if class == "FUNCTION" {
			ok = ok || scalars[name] || operators[name]
		} else {
			ok = ok || windows[name]
		}
		if !ok {
			return refuse(RefuseFunction, name, "function %s is not allowed in researchers' SQL", name)
		}
	}
	return c.fields(x, sc, "")
}

// tableRef checks a FROM item.
func (c *checker) tableRef(x map[string]any, kind string, sc *scope) error {
	if !tableRefKinds[kind] {
		return refuse(RefuseFromItem, kind, "this kind of FROM item is not supported in researchers' SQL (%s)", kind)
	}
	switch kind {
	case "BASE_TABLE":
		if err := c.table(x, sc); err != nil {
			return err
		}
	case "TABLE_FUNCTION":
		fn, _ := x["function"].(map[string]any)
		name, _ := fn["function_name"].(string)
		name = strings.ToLower(name)
		if fn == nil || !tableFunctions[name] {
			return refuse(RefuseTableFunction, orUnknown(name), "table function %s is not allowed in researchers' SQL", orUnknown(name))
		}
		// The call itself is checked; its arguments are walked like any
		// expression.
		if err := c.fields(fn, sc, ""); err != nil {
			return err
		}
		return c.fields(x, sc, "function")
	case "SHOW_REF":
		show, _ := x["show_type"].(string)
		if !showForms[show] || x["query"] == nil {
			return refuse(RefuseShow, "", "SHOW is not allowed in researchers' SQL; use DESCRIBE table, or SELECT * FROM duckdb_tables()")
		}
	}
	return c.fields(x, sc, "")
}

// table checks a table or view name: a CTE in scope, one of the
// warehouse's tables and views, or an allowed catalog view.
func (c *checker) table(x map[string]any, sc *scope) error {
	name, _ := x["table_name"].(string)
	schema, _ := x["schema_name"].(string)
	catalog, _ := x["catalog_name"].(string)
	name, schema = strings.ToLower(name), strings.ToLower(schema)
	display := name
	if schema != "" {
		display = schema + "." + name
	}
	switch {
	case catalog != "":
		return refuse(RefuseDatabase, catalog+"."+display, "table %s.%s: name tables without a database", catalog, display)
	case schema == "" && sc.has(name):
		return nil
	case (schema == "" || schema == "main") && c.tables[name]:
		return nil
	case catalogViews[schema][name]:
		return nil
	}
	return refuse(RefuseTable, display, "table %s is not allowed in researchers' SQL (the warehouse's tables and views are; see /sql)", display)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
