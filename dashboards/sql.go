package dashboards

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse"
)

// sqlExample is a saved query offered on the SQL page.
type sqlExample struct {
	Title string
	SQL   string
}

// sqlExamples are the saved queries of the SQL page: each shows one view a
// researcher should know. A test runs every one against the samples.
var sqlExamples = []sqlExample{
	{"各辖区调解成功率（从低到高）", `SELECT jurisdiction_name, year, value AS success_rate, approx, partial, quote
FROM headline_facts
WHERE indicator = 'mediation.success_rate'
ORDER BY value;`},
	{"宽表：每个辖区每年一行", `SELECT jurisdiction_name, year,
       "mediation.cases_accepted", "mediation.success_rate",
       "litigation.cases", "publicity.events"
FROM indicator_wide
ORDER BY jurisdiction_name, year;`},
	{"报告信息量：每份报告给出了多少指标", `SELECT jurisdiction_name, year, indicators_stated, indicators_total, share, facts
FROM coverage
ORDER BY share DESC;`},
	{"同比变化", `SELECT jurisdiction_name, indicator, prev_year, year, prev_value, value, change, change_pct
FROM yoy
ORDER BY abs(change_pct) DESC NULLS LAST;`},
	{"待人工复核的数字", `SELECT reasons, jurisdiction_name, year, indicator, value, quote
FROM review_queue
ORDER BY ingested_at
LIMIT 100;`},
	{"同一辖区同一年度的多份报告与数字冲突", `SELECT jurisdiction_name, year, indicator, conflict_values, conflict_report_ids
FROM headline_facts
WHERE conflict
ORDER BY year, jurisdiction_name, indicator;`},
	{"报告的人工更正（辖区、年份、以哪份为准）", `SELECT c."at", c.author, c.action, c.report_id, c.jurisdiction_code, c.jurisdiction_name, c.year, c.reason,
       r.extracted_jurisdiction_code, r.extracted_year
FROM report_corrections c JOIN report_jurisdictions r USING (report_id)
ORDER BY c."at" DESC;`},
	{"各类别的事实数", `SELECT i.category, count(*) AS facts, count(DISTINCT f.report_id) AS reports
FROM facts_corrected f JOIN indicators i ON i.code = f.indicator
GROUP BY ALL
ORDER BY facts DESC;`},
}

type sqlPage struct {
	Title    string
	Nav      string
	Notices  notices
	Tables   []warehouse.Table
	Examples []sqlExample
	// Query is the editor's initial text (?q=..., else the first example).
	Query string
	// Messages say the API's errors in Chinese (sqlMessages); Zone and
	// ZoneName are the pages' time zone, for the as-of time.
	Messages map[string]string
	Zone     string
	ZoneName string
}

// sqlMessages say in Chinese what POST /api/sql's errors mean: by the
// answer's code, and for a refused query by the rule it broke
// ("reason:"+sqlbox.Refusal.Reason), {s} standing for what it refused. The
// API's own messages stay English, for API clients.
var sqlMessages = map[string]string{
	"sql_rejected":          "查询被拒绝：只允许只读的查询。",
	"sql_invalid":           "查询语句有误。",
	"sql_memory":            "查询所需的内存超过了上限，已停止。请缩小范围、少选几列或加 LIMIT。",
	"sql_crashed":           "运行查询的工作进程意外退出，查询已停止。请检查语句后再试。",
	"timeout":               "查询超过了时间上限，已停止。请缩小范围或加 LIMIT。",
	"busy":                  "查询通道都在使用中（同时最多运行两个查询或导出），请稍后再试。",
	"too_large":             "查询语句太长：请求超过了64KB。",
	"bad_request":           "请求有误。",
	"not_found":             "找不到请求的内容。",
	"not_configured":        "这台服务器没有开启数据查询。",
	"internal":              "服务器出错了，请稍后再试。",
	"reason:statement":      "查询被拒绝：只允许 SELECT 查询（也可以用 WITH、DESCRIBE、SUMMARIZE），不能写入、修改设置、挂载、加载或调用。",
	"reason:statements":     "查询被拒绝：一次只能运行一条语句，这里有{s}条。",
	"reason:form":           "查询被拒绝：不支持这种查询写法（{s}）。",
	"reason:expression":     "查询被拒绝：研究查询中不能使用这类表达式（{s}）。",
	"reason:function":       "查询被拒绝：研究查询中不能使用函数 {s}。",
	"reason:from_item":      "查询被拒绝：FROM 中不支持这种写法（{s}）。",
	"reason:table_function": "查询被拒绝：研究查询中不能使用表函数 {s}。",
	"reason:show":           "查询被拒绝：不能使用 SHOW；请用“DESCRIBE 表名”或“SELECT * FROM duckdb_tables()”。",
	"reason:database":       "查询被拒绝：表名 {s} 不要带数据库名。",
	"reason:table":          "查询被拒绝：不能查询 {s}，只能查询仓库自己的表和视图（见左侧列表）。",
	"reason:length":         "查询被拒绝：查询语句超过了{s}个字符。",
	"reason:permission":     "查询被拒绝：查询不能访问文件或网络。",
	// DuckDB's own explanations of a malformed query, the common ones.
	"duckdb:syntax":   "语法错误，出错位置在“{s}”附近。",
	"duckdb:column":   "找不到列“{s}”：请检查列名（左侧列表列出了每个表的列）。",
	"duckdb:detail":   "DuckDB 的原文说明：",
	"network":         "无法连接服务器，请检查网络后再试。",
	"status":          "服务器返回了错误（HTTP {s}）。",
	"rows":            "{s}行",
	"truncated_rows":  "（已截断：超过行数上限，请加 LIMIT 或缩小范围）",
	"truncated_bytes": "（已截断：结果超过大小上限，请少选几列或加 LIMIT）",
	"cells_cut":       "（{s}个过长的文本已截短）",
}

// sqlQueryCap bounds the ?q= text put into the editor.
const sqlQueryCap = 20000

// sql serves the SQL page: an editor, the tables and their columns, saved
// examples; queries run in the browser through POST /api/sql.
func (h *Handler) sql(c *gin.Context) {
	tables, err := h.db.Tables(c.Request.Context())
	if err != nil {
		h.fail(c, http.StatusInternalServerError, "无法读取数据表列表。", err)
		return
	}
	var n notices
	unknownParams(c.Request.URL.Query(), &n, "q")
	q := c.Query("q")
	if len(q) > sqlQueryCap {
		n.add("网址中的查询超过" + strconv.Itoa(sqlQueryCap) + "个字符，已换成第一个示例。")
		q = ""
	}
	if q == "" {
		q = sqlExamples[0].SQL
	}
	h.render(c, http.StatusOK, "sql.html", sqlPage{Title: "数据查询", Nav: "sql", Notices: n, Tables: tables, Examples: sqlExamples,
		Query: q, Messages: sqlMessages, Zone: h.cfg.Location.String(), ZoneName: h.zoneName()})
}
