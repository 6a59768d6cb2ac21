package sqlbox

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// parser returns a function that parses SQL with DuckDB's parser and checks
// the tree as a worker would, with the warehouse tables facts and reports.
func parser(t *testing.T) func(string) error {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tables := map[string]bool{"facts": true, "reports": true, "headline_facts": true}
	return func(q string) error {
		var tree string
		if err := db.QueryRow(`SELECT json_serialize_sql(?::VARCHAR)::VARCHAR`, q).Scan(&tree); err != nil {
			t.Fatalf("json_serialize_sql(%q): %v", q, err)
		}
		return check([]byte(tree), tables)
	}
}

func TestCheckAllows(t *testing.T) {
	checkSQL := parser(t)
	for _, q := range []string{
		`SELECT 1`,
		`SELECT jurisdiction_name, year, value FROM headline_facts WHERE indicator = 'mediation.success_rate' ORDER BY value;`,
		`select count(*) AS n, COUNT(DISTINCT report_id) FROM facts`,
		`FROM facts SELECT indicator, round(avg(value), 2) GROUP BY ALL`,
		`WITH a AS (SELECT * FROM facts), b AS (SELECT * FROM a) SELECT * FROM b`,
		`WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r`,
		`WITH duckdb_databases AS (SELECT 1 AS x) SELECT * FROM duckdb_databases`,
		`SELECT list_transform([1, 2], x -> x + 1), [x * 2 FOR x IN [1, 2] IF x > 1], {'a': 1}.a, [1, 2, 3][2:3]`,
		`SELECT COLUMNS(c -> c LIKE '%id%') FROM facts`,
		`SELECT indicator, row_number() OVER w, sum(value) OVER (PARTITION BY report_id ORDER BY start), lag(value) OVER w
		 FROM facts WINDOW w AS (ORDER BY value)`,
		`SELECT * FROM facts QUALIFY row_number() OVER (PARTITION BY indicator ORDER BY value DESC) = 1`,
		`SELECT regexp_extract(quote, '([0-9]+)件', 1), regexp_replace(quote, '\s+', ' ', 'g'), split_part(quote, '，', 1),
		        substring(quote, 1, 10), strpos(quote, '件'), lpad(indicator, 20, '.'), concat_ws('/', indicator, unit) FROM facts`,
		`SELECT CASE WHEN value > 100 THEN 'big' ELSE 'small' END, value::INTEGER, TRY_CAST(unit AS INTEGER),
		        coalesce(unit, '-'), nullif(unit, ''), greatest(1, 2), least(1, 2), ifnull(unit, 'x'), IF(true, 1, 2) FROM facts`,
		`SELECT median(value), quantile_cont(value, 0.9), stddev(value), corr(value, start), string_agg(unit, ',' ORDER BY unit),
		        list(value), first(value), arg_max(indicator, value), mode(unit), count_if(approx), bool_or(derived),
		        count(*) FILTER (WHERE derived) FROM facts`,
		`SELECT date_trunc('month', ingested_at), strftime(ingested_at, '%Y'), year(ingested_at), now() - INTERVAL 1 DAY,
		        current_date, EXTRACT(year FROM current_date), age(TIMESTAMP '2020-01-01') FROM reports`,
		`SELECT x FROM unnest([1, 2]) t(x) UNION ALL SELECT range FROM range(3) UNION ALL SELECT * FROM generate_series(1, 2)`,
		`SELECT unnest(flags) FROM facts`,
		`SELECT * FROM facts f JOIN reports r USING (report_id) WHERE f.report_id IN (SELECT report_id FROM reports) AND EXISTS (SELECT 1)`,
		`SELECT (SELECT max(value) FROM facts), * FROM main.reports`,
		`DESCRIBE facts`,
		`DESCRIBE SELECT * FROM facts`,
		`SUMMARIZE facts`,
		`SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT table_name, comment FROM duckdb_tables`,
		`SELECT * FROM duckdb_columns() WHERE table_name = 'headline_facts'`,
		`SELECT * FROM information_schema.columns`,
		`SELECT * FROM (SELECT indicator, unit FROM facts) PIVOT (count(*) FOR unit IN ('件', '%'))`,
		`SELECT a, sum(b) FROM (SELECT 1 a, 2 b) GROUP BY GROUPING SETS ((a), ())`,
		`SELECT * EXCLUDE (quote) REPLACE (round(value) AS value) FROM facts ORDER BY ALL LIMIT 5 OFFSET 2`,
		`SELECT 'x' LIKE 'x%', 'a' ILIKE 'A', 'a' SIMILAR TO 'a', 'a' GLOB 'a', 1 IS DISTINCT FROM 2, 2 = ANY([1, 2]), 'abc' ^@ 'a'`,
		`SELECT repeat('x', 3), string_agg(unit, '') FROM facts`,
	} {
		if err := checkSQL(q); err != nil {
			t.Errorf("check(%.80q) = %v; want allowed", q, err)
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	checkSQL := parser(t)
	cases := []struct {
		sql  string
		want error
		msg  string
	}{
		{`SELECT * FROM enable_logging(storage='file', storage_path='/nope')`, ErrRejected, "table function enable_logging"},
		{`SELECT * FROM enable_logging('QueryLog')`, ErrRejected, "enable_logging"},
		{`FROM duckdb_logs`, ErrRejected, "table duckdb_logs"},
		{`SELECT * FROM checkpoint()`, ErrRejected, "checkpoint"},
		{`SELECT * FROM truncate_duckdb_logs()`, ErrRejected, "truncate_duckdb_logs"},
		{`SELECT "nextval"('correction_ids')`, ErrRejected, "function nextval"},
		{`SELECT nextval/**/('correction_ids')`, ErrRejected, "function nextval"},
		{`SELECT main.nextval('correction_ids')`, ErrRejected, "function nextval"},
		{`SELECT setval('correction_ids', 9)`, ErrRejected, "function setval"},
		{`SELECT current_setting('allowed_directories')`, ErrRejected, "function current_setting is not allowed in researchers' SQL"},
		{`SELECT system.main.current_setting('memory_limit')`, ErrRejected, "current_setting"},
		{`SELECT * FROM duckdb_databases()`, ErrRejected, "duckdb_databases"},
		{`SELECT * FROM duckdb_databases`, ErrRejected, "table duckdb_databases"},
		{`SELECT * FROM duckdb_settings()`, ErrRejected, "duckdb_settings"},
		{`SELECT * FROM test_all_types()`, ErrRejected, "test_all_types"},
		{`SELECT * FROM read_csv('/etc/passwd')`, ErrRejected, "read_csv"},
		{`SELECT * FROM '/etc/passwd'`, ErrRejected, "table /etc/passwd"},
		{`SELECT * FROM glob('/etc/*')`, ErrRejected, "glob"},
		{`SELECT * FROM query('SELECT 1')`, ErrRejected, "table function query"},
		{`SELECT * FROM query_table('facts')`, ErrRejected, "query_table"},
		{`SELECT * FROM pragma_database_size()`, ErrRejected, "pragma_database_size"},
		{`SELECT * FROM read_text('/etc/hostname')`, ErrRejected, "read_text"},
		{`SELECT json_execute_serialized_sql('x')`, ErrRejected, "json_execute_serialized_sql"},
		{`SELECT getvariable('x')`, ErrRejected, "getvariable"},
		{`SELECT sleep_ms(100000)`, ErrRejected, "sleep_ms"},
		{`SELECT write_log('x')`, ErrRejected, "write_log"},
		{`SELECT * FROM other.main.facts`, ErrRejected, "without a database"},
		{`SELECT * FROM pg_catalog.pg_settings`, ErrRejected, "pg_catalog.pg_settings"},
		{`SELECT * FROM sqlite_master`, ErrRejected, "sqlite_master"},
		{`WITH a AS (SELECT current_setting('threads')) SELECT * FROM a`, ErrRejected, "current_setting"},
		{`SELECT list_transform([1], x -> current_setting('threads'))`, ErrRejected, "current_setting"},
		{`SELECT (SELECT version())`, ErrRejected, "function version"},
		{`SELECT * FROM facts WHERE report_id IN (SELECT * FROM duckdb_databases())`, ErrRejected, "duckdb_databases"},
		{`SELECT sum(value) OVER (PARTITION BY current_setting('x')) FROM facts`, ErrRejected, "current_setting"},
		{`SELECT COLUMNS(c -> current_setting(c)) FROM facts`, ErrRejected, "current_setting"},
		{`SELECT * FROM range(current_setting('threads')::INT)`, ErrRejected, "current_setting"},
		{`WITH duckdb_databases AS (SELECT * FROM duckdb_databases) SELECT * FROM duckdb_databases`, ErrRejected, "duckdb_databases"},
		{`WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a`, ErrRejected, "table b"},
		{`SELECT $1`, ErrRejected, "parameters"},
		{`SHOW TABLES`, ErrRejected, "SHOW is not allowed"},
		{`SHOW databases`, ErrRejected, "SHOW is not allowed"},
		{`DESCRIBE duckdb_databases`, ErrRejected, "duckdb_databases"},
		{`SUMMARIZE SELECT * FROM read_csv('/etc/passwd')`, ErrRejected, "read_csv"},
		{`PIVOT facts ON unit USING count(*)`, ErrRejected, "only SELECT"},
		{`COPY facts TO '/tmp/x.csv'`, ErrRejected, "only SELECT"},
		{`ATTACH '/tmp/x.duckdb' AS x`, ErrRejected, "only SELECT"},
		{`PRAGMA database_list`, ErrRejected, "only SELECT"},
		{`SET enable_external_access = true`, ErrRejected, "only SELECT"},
		{`CALL duckdb_settings()`, ErrRejected, "only SELECT"},
		{`INSERT INTO facts SELECT * FROM facts`, ErrRejected, "only SELECT"},
		{`DROP TABLE facts`, ErrRejected, "only SELECT"},
		{`SELECT 1; SELECT 2`, ErrRejected, "exactly one statement"},
		{`SELECT 1; DROP TABLE facts`, ErrRejected, "only SELECT"},
		{`SELECT FROM WHERE 1`, ErrInvalid, "syntax error"},
		{`SELEC 1`, ErrInvalid, "syntax error"},
		{``, ErrInvalid, "empty query"},
		{`-- nothing`, ErrInvalid, "empty query"},
	}
	for _, tc := range cases {
		err := checkSQL(tc.sql)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("check(%.80q) = %v; want %v naming %q", tc.sql, err, tc.want, tc.msg)
		}
	}
}

// Every name on the allow-lists is one DuckDB knows, with the kind it is
// listed as: a list that drifts from DuckDB is a list nobody checked.
func TestAllowListsNameRealFunctions(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT DISTINCT function_name, function_type FROM duckdb_functions()`)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]map[string]bool{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			t.Fatal(err)
		}
		if known[name] == nil {
			known[name] = map[string]bool{}
		}
		known[name][typ] = true
	}
	rows.Close()
	// unnest in a select list is the binder's, not a catalog function.
	parserWords := set("unnest")
	for _, l := range []struct {
		names map[string]bool
		types string
	}{
		{operators, "scalar"}, {scalars, "scalar macro"}, {aggregates, "aggregate macro"},
		{windows, "aggregate"}, {tableFunctions, "table"},
	} {
		for name := range l.names {
			ok := parserWords[name]
			for _, typ := range strings.Fields(l.types) {
				ok = ok || known[name][typ]
			}
			if !ok {
				t.Errorf("allow-list names %s as %s, but DuckDB has %v", name, l.types, known[name])
			}
		}
	}
}
