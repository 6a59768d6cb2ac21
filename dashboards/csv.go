package dashboards

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/fazhi/fazhi/warehouse/csvsafe"
	"github.com/fazhi/fazhi/warehouse/readmodel"
)

// Every chart of the pages has a "下载数据（CSV）" link: the page's own URL
// with format=csv&chart=ID. The file is UTF-8 with a byte-order mark, so
// that Excel on a Chinese Windows opens it with the right encoding, and no
// cell of it runs as a formula (writeCSV).

// csvLink is the download link of chart id on the page at path with query q.
func csvLink(path string, q url.Values, id string) string {
	return linkWith(path, q, "format", "csv", "chart", id)
}

// linkWith is path with query q, the given key-value pairs set in it.
func linkWith(path string, q url.Values, keyValues ...string) string {
	v := url.Values{}
	for k, vs := range q {
		v[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(keyValues); i += 2 {
		v.Set(keyValues[i], keyValues[i+1])
	}
	return path + "?" + v.Encode()
}

// wantsCSV tells whether the request asks for a chart's data as CSV.
func wantsCSV(c *gin.Context) bool { return c.Query("format") == "csv" }

// serveChartCSV answers with the data of the chart the request names
// (?chart=ID; the first chart when it names none).
func (h *Handler) serveChartCSV(c *gin.Context, page string, cs []chartView) {
	id := c.Query("chart")
	for _, ch := range cs {
		if id == "" || ch.ID == id {
			c.Header("Content-Type", "text/csv; charset=utf-8")
			c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s.csv"`, page, ch.ID))
			c.Status(http.StatusOK)
			if err := writeCSV(c.Writer, ch.csvHeader, ch.csvRows); err != nil {
				h.log.Warn("write csv", "page", page, "err", err)
			}
			return
		}
	}
	h.fail(c, http.StatusNotFound, "这个页面没有图表“"+id+"”。", nil)
}

// writeCSV writes the header and the rows the way every CSV of fazhi is
// written (package csvsafe): a byte-order mark first, text that a
// spreadsheet would run as a formula neutralised (a report's sentence, a
// jurisdiction's name), numbers left as they are.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	return cw.WriteAll(rows)
}

// cellCSVHeader and cellCSVRow are how a headline value is written in the
// CSV files: the number as stored, with every mark a reader needs.
// 待核实 marks a value the extractor is unsure of; 未参与排名的原因 says, where
// the page ranks, why a value is not ranked (minCases for rates resting
// on too few cases); 分子 and 分母 are a rate's counts where known.
var cellCSVHeader = []string{"辖区", "区划代码", "年份", "指标代码", "指标", "数值", "单位", "约数", "部分", "推算", "已更正", "数据提示",
	"待核实", "分子", "分母", "未参与排名的原因", "原文", "报告编号", "事实编号"}

func cellCSVRow(c readmodel.Cell, ind readmodel.Indicator, minCases int) []string {
	num, den := "", ""
	if c.Numerator != nil && c.Denominator != nil {
		num, den = strconv.FormatFloat(*c.Numerator, 'f', -1, 64), strconv.FormatFloat(*c.Denominator, 'f', -1, 64)
	}
	reason := ""
	if c.Unranked != "" {
		reason = unrankedText(c.Unranked, c.Figure, c.Counts, ind, minCases)
	}
	return []string{c.JurisdictionName, c.JurisdictionCode, strconv.Itoa(c.Year), c.Indicator, ind.NameZH,
		strconv.FormatFloat(c.Value, 'f', -1, 64), ind.Unit, approxText(c.ApproxKind), partialText(c), yesNo(c.Derived),
		yesNo(c.Corrected), flagWords(c.Flags), yesNo(c.Unsure), num, den, reason, publishedText(c.Quote), c.ReportID, c.FactID}
}

func partialText(c readmodel.Cell) string {
	if c.Partial {
		return "是：" + c.Scope
	}
	return "否"
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
