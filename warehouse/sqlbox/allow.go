package sqlbox

import "strings"

// What researchers' SQL may use. Everything else is refused by name before
// the query runs (check.go). The lists cover what a researcher of the
// warehouse needs; a function is added here only if it reads nothing but its
// arguments and changes nothing (no files, settings, sequences, logs or
// catalog of the process), and only if the worker's limits hold against it
// (repeat, lpad, rpad and string_agg can build huge strings: the memory
// limits stop them, see sandbox_test.go).

// operators are the functions DuckDB's parser writes for operators.
var operators = set(
	"+ - * / // % ** ^ || & | << >> ~ !__postfix",
	"~~ !~~ ~~* !~~* ~~~ ^@ @> <@ && ->>",
)

// scalars are the scalar functions and macros.
var scalars = set(
	// arithmetic, rounding and math
	"add subtract multiply divide mod abs sign ceil ceiling floor round round_even roundbankers trunc even",
	"sqrt cbrt exp ln log log2 log10 pow power pi sin cos tan asin acos atan atan2 sinh cosh tanh",
	"degrees radians isnan isinf isfinite gcd lcm greatest_common_divisor least_common_multiple factorial",
	"fdiv fmod random nextafter greatest least bit_count",
	// text
	"concat concat_ws length char_length character_length strlen octet_length bit_length lower upper lcase ucase",
	"trim ltrim rtrim left right left_grapheme right_grapheme substring substr substring_grapheme length_grapheme",
	"replace reverse repeat lpad rpad position strpos instr contains starts_with ends_with prefix suffix",
	"split string_split str_split string_to_array split_part string_split_regex str_split_regex",
	"regexp_matches regexp_replace regexp_extract regexp_extract_all regexp_split_to_array regexp_full_match regexp_escape",
	"like_escape not_like_escape ilike_escape not_ilike_escape",
	"format printf translate strip_accents nfc_normalize ascii chr unicode ord",
	"levenshtein editdist3 damerau_levenshtein jaccard jaro_similarity jaro_winkler_similarity hamming mismatches",
	"md5 sha1 sha256 hash to_hex hex to_base64 base64 from_base64 url_encode url_decode format_bytes",
	// dates and times
	"date_part datepart date_trunc datetrunc date_diff datediff date_sub datesub date_add age",
	"year month day quarter week weekday dayofweek dayofmonth dayofyear isodow isoyear yearweek weekofyear",
	"hour minute second millisecond microsecond epoch epoch_ms epoch_us epoch_ns century decade millennium",
	"dayname monthname last_day julian make_date make_time make_timestamp make_timestamptz time_bucket",
	"strftime strptime try_strptime to_timestamp now today current_date",
	"get_current_time get_current_timestamp current_localtime current_localtimestamp transaction_timestamp",
	"to_years to_months to_weeks to_days to_hours to_minutes to_seconds to_milliseconds to_microseconds timezone",
	// conditionals and types
	"nullif typeof",
	// lists, structs and maps
	"list_value list_pack array_value list_extract list_element array_extract element_at list_slice array_slice",
	"len array_length cardinality list_contains list_has array_contains array_has list_position list_indexof array_position array_indexof",
	"list_concat list_cat array_concat array_cat list_append array_append list_prepend array_prepend flatten",
	"list_distinct array_distinct list_unique array_unique list_sort array_sort list_reverse_sort array_reverse_sort list_reverse array_reverse",
	"list_filter array_filter filter list_transform array_transform list_apply array_apply apply list_reduce array_reduce reduce",
	"list_aggregate array_aggregate list_aggr array_aggr list_has_any array_has_any list_has_all array_has_all list_intersect array_intersect",
	"list_zip array_zip list_select array_select list_where array_where list_grade_up array_grade_up grade_up",
	"list_sum list_avg list_min list_max list_count list_first list_last list_median list_mode list_product list_string_agg",
	"array_to_string unnest generate_series range",
	"struct_pack struct_extract struct_extract_at row map map_keys map_values map_extract map_extract_value map_entries map_from_entries map_contains",
	// JSON values
	"json_extract json_extract_string json_extract_path json_extract_path_text json_value json_exists json_contains",
	"json_array_length json_keys json_type json_valid json_structure to_json json_object json_array json_quote",
)

// aggregates are the aggregate functions, also allowed as window functions.
var aggregates = set(
	"count count_star sum avg mean min max median mode quantile quantile_cont quantile_disc approx_quantile reservoir_quantile",
	"stddev stddev_samp stddev_pop variance var_samp var_pop corr covar_pop covar_samp",
	"regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy",
	"string_agg group_concat listagg list array_agg first last any_value arbitrary arg_max arg_min argmax argmin max_by min_by",
	"arg_max_null arg_min_null count_if countif bool_and bool_or approx_count_distinct histogram entropy kurtosis kurtosis_pop skewness",
	"product fsum sumkahan kahan_sum favg bit_and bit_or bit_xor mad sem geomean geometric_mean weighted_avg wavg",
)

// windows are the window-only functions.
var windows = set(
	"row_number rank dense_rank rank_dense percent_rank cume_dist ntile lag lead first_value last_value nth_value",
)

// tableFunctions may stand in FROM. The duckdb_* ones read the catalog of
// the published copy (names, types and comments; no paths, no settings).
var tableFunctions = set(
	"range generate_series unnest",
	"duckdb_tables duckdb_columns duckdb_views duckdb_constraints duckdb_indexes duckdb_types",
)

// catalogViews are DuckDB's catalog views a query may name besides the
// warehouse's own tables and views, by schema: "" (unqualified) and
// "information_schema".
var catalogViews = map[string]map[string]bool{
	"":                   set("duckdb_tables duckdb_columns duckdb_views duckdb_constraints duckdb_indexes duckdb_types"),
	"information_schema": set("tables columns views"),
}

// showForms are the DESCRIBE and SUMMARIZE statements (DuckDB's parser
// turns them into a SELECT over a SHOW reference of the query they name).
var showForms = set("DESCRIBE SUMMARY")

// Node kinds the checker understands; anything else is refused.
var (
	queryNodes     = set("SELECT_NODE SET_OPERATION_NODE RECURSIVE_CTE_NODE CTE_NODE")
	tableRefKinds  = set("BASE_TABLE TABLE_FUNCTION SUBQUERY JOIN EXPRESSION_LIST EMPTY SHOW_REF PIVOT")
	allTableRefs   = set("INVALID BASE_TABLE SUBQUERY JOIN TABLE_FUNCTION EXPRESSION_LIST CTE EMPTY EMPTY_FROM PIVOT SHOW_REF COLUMN_DATA DELIM_GET BOUND_TABLE_REF")
	expressionKind = set("CASE CAST COLUMN_REF COMPARISON CONJUNCTION CONSTANT FUNCTION OPERATOR STAR SUBQUERY WINDOW COLLATE LAMBDA POSITIONAL_REFERENCE BETWEEN")
)

func set(groups ...string) map[string]bool {
	m := map[string]bool{}
	for _, g := range groups {
		for _, w := range strings.Fields(g) {
			m[w] = true
		}
	}
	return m
}
