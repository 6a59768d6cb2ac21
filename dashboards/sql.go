package dashboards

import (
	"net/http"

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
	{"各辖区调解成功率(从低到高)", `SELECT jurisdiction_name, year, value AS success_rate, approx, partial, quote
FROM headline_facts
WHERE indicator = 'mediation.success_rate'
ORDER BY value;`},
	{"宽表:每个辖区每年一行", `SELECT jurisdiction_name, year,
       "mediation.cases_accepted", "mediation.success_rate",
       "litigation.cases", "publicity.events"
FROM indicator_wide
ORDER BY jurisdiction_name, year;`},
	{"报告信息量:每份报告给出了多少指标", `SELECT jurisdiction_name, year, indicators_stated, indicators_total, share, facts
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
	{"报告的人工更正(辖区、年份、以哪份为准)", `SELECT c."at", c.author, c.action, c.report_id, c.jurisdiction_code, c.jurisdiction_name, c.year, c.reason,
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
	Tables   []warehouse.Table
	Examples []sqlExample
	// Query is the editor's initial text (?q=..., else the first example).
	Query string
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
	q := c.Query("q")
	if q == "" || len(q) > sqlQueryCap {
		q = sqlExamples[0].SQL
	}
	h.render(c, http.StatusOK, "sql.html", sqlPage{Title: "数据查询", Nav: "sql", Tables: tables, Examples: sqlExamples, Query: q})
}
