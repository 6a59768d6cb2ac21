package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/ingest/textnorm"
)

func read(s string) *Layout { return Read(textnorm.Normalize(s), "") }

func TestFurniture(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line      string
		furniture bool
	}{
		{"进入老年模式 退出老年模式", true},
		{"当前位置:首页 > 政务公开 > 信息公开目录", true},
		{"您所在的位置:政务公开 > 工作报告", true},
		{"> 政务公开 > 信息公开目录 > 部门、街道信息公开", true},
		{"首页 » 政务公开 » 计划总结", true},
		{"打印 关闭", true},
		{"【打印本页】【关闭本页】", true},
		{"分享到:", true},
		{"相关链接", true},
		{"版权所有 © 临海市人民政府 浙ICP备05004669号-1", true},
		{"今天是:2019年10月31日 星期三 农历十月初七", true},
		{"无障碍 简体| 繁体", true},
		{"上一篇:古城街道2023年度法治政府建设情况报告", true},
		{"- 1 -", true},
		{"第1页 共3页", true},
		{"首页", true},
		{"2024", false},
		{"古城街道2024年度法治政府建设情况报告", false},
		{"(四)强化技术支持", false},
		{"大", false},
		{"全年受理案件374件,其中涉及版权所有纠纷3件,涉及ICP备案的网络纠纷2件,均已依法调处完毕,群众满意度较高,未发生矛盾激化的情况。", false},
		{"打印机采购项目经合法性审查后实施。", false},
	} {
		if got := isFurniture(tc.line); got != tc.furniture {
			t.Errorf("isFurniture(%q) = %v; want %v", tc.line, got, tc.furniture)
		}
	}
}

func TestFields(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		want []string // key=value
	}{
		{"[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]", []string{"发布机构=丰都县栗子乡人民政府", "有效性="}},
		{"| [ 发布机构 ] | 丰都县树人镇人民政府 | [ 有效性 ] | |", []string{"发布机构=丰都县树人镇人民政府", "有效性="}},
		{"发布机构: 宁国市司法局 主题分类: 公安、安全、司法", []string{"发布机构=宁国市司法局", "主题分类=公安、安全、司法"}},
		{"责任部门 塘栖镇 公开形式 主动公开", []string{"责任部门=塘栖镇", "公开形式=主动公开"}},
		{"发布时间 : 2023-01-29 来源:天心区坡子街街道 字体大小:", []string{"发布时间=2023-01-29", "来源=天心区坡子街街道", "字体大小="}},
		{"日期:2023-03-31 10:00来源:北京市顺义区人民政府", []string{"日期=2023-03-31 10:00", "来源=北京市顺义区人民政府"}},
		{"2015-11-20 来源: 上海普陀", []string{"来源=上海普陀"}},
		{"• 来源:古城街道", []string{"来源=古城街道"}},
		{"来源于群众的意见建议共32条,均已办结。", nil},
		{"时间紧、任务重,街道全体干部加班加点", nil},
	} {
		l := read(tc.line)
		var got []string
		for _, f := range l.Fields {
			got = append(got, f.Key+"="+f.Value)
			if l.Text[f.Span.Start:f.Span.End] != f.Value {
				t.Errorf("%q: field %s span %v holds %q, not its value", tc.line, f.Key, f.Span, l.Text[f.Span.Start:f.Span.End])
			}
		}
		if strings.Join(got, ";") != strings.Join(tc.want, ";") {
			t.Errorf("fields of %q = %q; want %q", tc.line, got, tc.want)
		}
		if wantMeta := tc.want != nil; (l.Lines[0].Kind == Meta) != wantMeta {
			t.Errorf("kind of %q = %s; want meta %v", tc.line, l.Lines[0].Kind, wantMeta)
		}
	}
}

const para = "2024年,街道坚持以习近平法治思想为指导,全面推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n(一)加强组织领导。全年召开专题会议4次。\n"

func TestTitleBlock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text, given      string
		title, issuer, address string
	}{
		{"one line", "古城街道2024年度法治政府建设情况报告\n" + para, "", "古城街道2024年度法治政府建设情况报告", "", ""},
		{"issuer line above the title", "通城镇人民政府\n2025年法治政府建设情况\n" + para, "", "通城镇人民政府2025年法治政府建设情况", "通城镇人民政府", ""},
		{"issuer with its parents", "台州市路桥区人民政府\n关于2021年法治政府建设的年度报告\n" + para, "", "台州市路桥区人民政府关于2021年法治政府建设的年度报告", "台州市路桥区人民政府", ""},
		{"title repeated below its issuer", "2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n" + para, "",
			"桃江县松木塘镇人民政府2022年政府信息公开工作年度报告", "桃江县松木塘镇人民政府", ""},
		{"the head of the body signs above the title", "恭城瑶族自治县人民政府县长\n2022年度履行推进法治建设第一责任人职责情况述法报告\n" + para, "",
			"恭城瑶族自治县人民政府县长2022年度履行推进法治建设第一责任人职责情况述法报告", "恭城瑶族自治县人民政府县长", ""},
		{"a title alone is no issuer", "县长\n2022年度述法报告\n" + para, "", "2022年度述法报告", "", ""},
		{"a division's name above the title", "大方县黄泥塘镇\n2022年度法治政府建设示范创建工作报告\n" + para, "", "大方县黄泥塘镇2022年度法治政府建设示范创建工作报告", "大方县黄泥塘镇", ""},
		{"a title line broken inside the name", "黎平县尚\n重镇2022年法治政府建设情况报告\n" + para, "", "黎平县尚重镇2022年法治政府建设情况报告", "", ""},
		{"a column label above a title is no part of it", "工作动态\n城关镇2024年法治政府建设情况报告\n" + para, "", "城关镇2024年法治政府建设情况报告", "", ""},
		{"a title behind a column tag", "【法治政府建设】塘栖镇2024年度法治政府建设年度报告\n" + para, "", "【法治政府建设】塘栖镇2024年度法治政府建设年度报告", "", ""},
		{"bracketed year below", "塘栖镇法治政府建设年度报告\n(2024年度)\n" + para, "", "塘栖镇法治政府建设年度报告(2024年度)", "", ""},
		{"page furniture around", "进入老年模式\n当前位置:首页 > 政务公开 > 计划总结\n索引号: 123 公开方式:\n古城街道2024年度法治政府建设情况报告\n• 日期:2025-01-08 09:40\n" + para, "", "古城街道2024年度法治政府建设情况报告", "", ""},
		{"a column label is no title", "工作报告\n" + para, "", "", "", ""},
		{"addressee", "城中区委全面依法治区委员会:\n" + para, "", "", "", "城中区委全面依法治区委员会"},
		{"addressee of a town", "中共东莞市委、东莞市人民政府:\n" + para, "", "", "", "中共东莞市委、东莞市人民政府"},
		{"no title in the text: the file's, less the site's name", para, "古城街道2024年度法治政府建设情况报告_临海市人民政府", "古城街道2024年度法治政府建设情况报告", "", ""},
		{"no title: the 名称 field", "名称: 宁国市2022年行政复议和行政应诉案件办理情况统计分析报告 文号:\n" + para, "", "宁国市2022年行政复议和行政应诉案件办理情况统计分析报告", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := Read(textnorm.Normalize(tc.text), tc.given)
			if l.Title.Text != tc.title || l.Issuer.Text != tc.issuer || l.Addressee.Text != tc.address {
				t.Errorf("title %q, issuer %q, addressee %q; want %q, %q, %q", l.Title.Text, l.Issuer.Text, l.Addressee.Text, tc.title, tc.issuer, tc.address)
			}
			if got := l.Text[l.Body:]; !strings.HasPrefix(got, "2024年,街道坚持") {
				t.Errorf("body starts %q; want the first paragraph", clipped(got))
			}
		})
	}
}

func TestOpening(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, want string }{
		{"2024年,五常街道深入学习贯彻党的二十届三中全会精神。", "五常街道"},
		{"2021年,在市委、市政府的坚强领导下,顺义区坚持习近平法治思想。", "顺义区"},
		{"2022年在区委区政府的正确领导下,招商街道坚持以习近平新时代中国特色社会主义思想为指导。", "招商街道"},
		{"2025年,在区委、区政府的正确领导下,在区委依法治区委员会办公室和上级司法部门的具体指导下,三都镇深入学习贯彻习近平法治思想。", "三都镇"},
		{"2024年以来,礼让街街道办事处在区委、区政府的领导下,坚持以习近平法治思想为指导。", "礼让街街道办事处"},
		{"2022年度,在市委、市政府的领导下,东城街道深入学习贯彻习近平法治思想。", "东城街道"},
		{"根据中共中央《纲要》提出的要求,以及市、区对法治建设工作的具体部署,2023年,清波街道以深入学习贯彻习近平法治思想为核心。", "清波街道"},
		{"2024年是全面贯彻落实党的二十大精神的关键之年。西兴街道始终坚持以习近平新时代中国特色社会主义思想为指导。", "西兴街道"},
		{"2024年是深入推进改革的关键之年。一年来,通州区行政复议工作以习近平法治思想为指引。", "通州区"},
		{"【行政应诉】2021年,秀英区认真执行《海口市人民政府应诉工作规则》。", "秀英区"},
		{"2022年,我镇坚持以习近平新时代中国特色社会主义思想为指导。", "我镇"},
		{"二〇二四年,会元乡在区委、区政府的正确领导下,坚持依法行政。", "会元乡"},
		{"二○二三年度,在县委的领导下,桂山乡推进法治建设。", "桂山乡"},
	} {
		l := read(tc.text)
		found := false
		for _, o := range l.Opening {
			found = found || strings.HasPrefix(l.Text[o.Start:o.End], tc.want)
		}
		if !found {
			var got []string
			for _, o := range l.Opening {
				got = append(got, clipped(l.Text[o.Start:o.End]))
			}
			t.Errorf("opening of %q = %q; want a slot starting %q", clipped(tc.text), got, tc.want)
		}
	}
}

func TestSections(t *testing.T) {
	t.Parallel()
	text := strings.Join([]string{
		"古城街道2024年度法治政府建设情况报告",
		"2024年,古城街道全面推进法治政府建设。",
		"一、2024年推进法治政府建设的主要举措和成效",
		"(一)加强组织领导。全年召开专题会议4次。",
		"1.开展普法宣传。开展普法活动20场。",
		"二、存在的不足和原因",
		"部分干部法治意识不强。",
		"三、2025年工作打算",
		"(一)深化普法。计划开展普法活动30场。",
		"四、党政主要负责人履行推进法治建设第一责任人职责情况",
		"主要负责人召开会议3次。",
	}, "\n")
	l := read(text)
	var got []string
	for _, s := range l.Sections {
		got = append(got, s.Kind.String()+":"+strings.Repeat(">", s.Level-1)+l.Text[s.Heading.Start:s.Heading.End])
	}
	want := []string{
		"achievements:一、2024年推进法治政府建设的主要举措和成效",
		"other:>(一)加强组织领导",
		"other:>>1.开展普法宣传",
		"problems:二、存在的不足和原因",
		"plans:三、2025年工作打算",
		"other:>(一)深化普法",
		"duties:四、党政主要负责人履行推进法治建设第一责任人职责情况",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ps := l.PlansStart(); !strings.HasPrefix(l.Text[ps:], "三、2025年工作打算") {
		t.Errorf("PlansStart at %q", clipped(l.Text[ps:]))
	}
	for _, tc := range []struct {
		heading string
		want    SectionKind
	}{
		{"二、存在的问题和下一步工作打算", Plans},
		{"一、2024年工作开展情况及2025年工作计划", OtherSection},
		{"三、下一步工作思路", Plans},
		{"一、主要举措、成效及存在的问题与原因分析", OtherSection},
	} {
		if got, _ := headingKind(headingWords(tc.heading)); got != tc.want {
			t.Errorf("headingKind(%q) = %s; want %s", tc.heading, got, tc.want)
		}
	}
}

func TestHeadingLevel(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"一、主要举措", 1}, {"十二、其他", 1}, {"(一)加强领导", 2}, {"（二）加强领导", 2}, {"1.开展普法", 3}, {"2、开展普法", 3},
		{"(1)开展普法", 4}, {"【行政应诉】2021年", 1}, {"第一部分 总体情况", 1},
		{"1.5万人次参加", 0}, {"2024年以来", 0}, {"一是加强领导", 0}, {"(2021-2025年)", 0}, {"一年来", 0},
	} {
		if got := headingLevel(tc.s); got != tc.want {
			t.Errorf("headingLevel(%q) = %d; want %d", tc.s, got, tc.want)
		}
	}
}

func TestTables(t *testing.T) {
	t.Parallel()
	text := "二、主动公开政府信息情况\n| 第二十条第(一)项 | |||\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 2 | 0 | 2 |\n| 行政规范性文件 | 2 | 0 | 2 |\n三、收到和处理政府信息公开申请情况"
	l := read(text)
	if len(l.Tables) != 1 {
		t.Fatalf("%d tables; want 1", len(l.Tables))
	}
	tb := l.Tables[0]
	if len(tb.Rows) != 4 {
		t.Fatalf("%d rows; want 4", len(tb.Rows))
	}
	if !tb.Rows[1].Header || tb.Rows[2].Header || tb.Rows[0].Header {
		t.Errorf("header rows = %v %v %v; want only the second", tb.Rows[0].Header, tb.Rows[1].Header, tb.Rows[2].Header)
	}
	row := tb.Rows[3]
	if len(row.Cells) != 4 || row.Cells[0].Text != "行政规范性文件" || row.Cells[3].Text != "2" {
		t.Errorf("row cells = %+v", row.Cells)
	}
	for _, c := range row.Cells {
		if l.Text[c.Span.Start:c.Span.End] != c.Text {
			t.Errorf("cell span %v holds %q, not %q", c.Span, l.Text[c.Span.Start:c.Span.End], c.Text)
		}
	}
	if got := tb.ColumnHeader(3, 3); got != "现行有效件数" {
		t.Errorf("ColumnHeader(3, 3) = %q; want 现行有效件数", got)
	}
	if got := len(tb.Rows[0].Cells); got != 4 {
		t.Errorf("a row of empty cells keeps them: %d cells; want 4", got)
	}
}

// A table a web page flattened one cell a line keeps its numbered row
// labels and its lone figures as cells: they would read as a heading and
// as page numbers on their own.
func TestFlattenedTable(t *testing.T) {
	t.Parallel()
	text := "三、收到和处理政府信息公开申请情况\n|\n申请人情况\n|\n自然人\n|\n总计\n|\n一、本年新收政府信息公开申请数量\n|\n3\n|\n5\n|\n四、政府信息公开行政复议、行政诉讼情况"
	l := read(text)
	if len(l.Tables) != 1 {
		t.Fatalf("%d tables; want 1", len(l.Tables))
	}
	var got []string
	for _, c := range l.Tables[0].Cells {
		got = append(got, c.Text)
	}
	want := "申请人情况 自然人 总计 一、本年新收政府信息公开申请数量 3 5"
	if strings.Join(got, " ") != want {
		t.Errorf("cells = %q; want %q", strings.Join(got, " "), want)
	}
	for i, ln := range l.Lines {
		if s := l.LineText(i); s == "3" || s == "5" {
			if ln.Kind != TableRow {
				t.Errorf("line %q is %v; want a table row", s, ln.Kind)
			}
		}
	}
}

// A table whose | marks were lost, as PDFs and a page's cells come out,
// is read from its short lines: one cell a line, a row's cells apart by
// spaces, or a label with its figure glued on by the normaliser. Running
// text broken into short lines, with page numbers among them, is none.
func TestBareTables(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, text, want string }{
		{"one cell a line",
			"二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年制发件数\n现行有效件数\n行政规范性文件\n1\n3\n三、收到和处理政府信息公开申请情况",
			"二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 现行有效件数 行政规范性文件 1 3 三、收到和处理政府信息公开申请情况"},
		{"cells apart by spaces and glued figures",
			"全年收到申请4件。\n信息内容 本年处理决定数量\n行政许可 0\n行政处罚5\n行政强制 0\n三、存在的主要问题",
			"信息内容 本年处理决定数量 行政许可 0 行政处罚 5 行政强制 0 三、存在的主要问题"},
		{"a rate glued to its label",
			"项目 2021年 2022年 同比\n行政复议受理(件) 64 71 10.9%\n行政机关败诉(件) 9 4 -55.6%\n负责人出庭应诉率92.4% 100% 7.6个百分点\n行政诉讼一审案件(件) 118 103 -12.7%\n从上表可以看出,案件数量稳中有升。",
			"项目 2021年 2022年 同比 行政复议受理(件) 64 71 10.9% 行政机关败诉(件) 9 4 -55.6% 负责人出庭应诉率 92.4% 100% 7.6个百分点 行政诉讼一审案件(件) 118 103 -12.7%"},
		{"a glued label before several figures",
			"信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件1 0 3\n信息内容 本年处理决定数量\n行政许可 62\n三、收到和处理政府信息公开申请情况",
			"信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 3 信息内容 本年处理决定数量 行政许可 62 三、收到和处理政府信息公开申请情况"},
		{"a row of many cells apart by spaces, longer than a cell",
			"五、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 0 1 0 0 0 1 1 0 0 0 0 0\n本机关将进一步规范答复文书。",
			"五、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 1 0 0 0 1 0 0 0 1 1 0 0 0 0 0"},
		{"year columns glued to a unit column's name, and unit cells glued to the figures",
			"主要指标完成情况\n序号 指标名称 单位2023年2024年 增减\n1区政府规范性文件发布 件6 4 -2\n2行政处罚案件 件3862 4205 +343\n3政务服务事项全程网办率 % 96.5 98.7 +2.2\n注:第2项含各部门数据。",
			"主要指标完成情况 序号 指标名称 单位 2023年 2024年 增减 1区政府规范性文件发布 件 6 4 -2 2行政处罚案件 件 3862 4205 +343 3政务服务事项全程网办率 % 96.5 98.7 +2.2"},
		{"a long line of words apart by spaces is no row when one is a sentence's length",
			"全年开展 普法宣传活动十二场次并深入村组发放资料三千余份覆盖群众近两万人次之多\n3\n4\n5", ""},
		{"running text in short lines with a page number",
			"2022年,镇党委坚持把法治建设摆在\n突出位置,召开专题会议研究部署\n3\n法治政府建设工作,全年开展普法宣传\n活动12场次,发放资料3000余份\n4\n调处矛盾纠纷56件,调解成功率达到", ""},
	}
	// A line of ideographic spaces only is no cell (Read is exported: its
	// text need not have been normalised).
	Read("行政许可\n0\n\u3000\u3000\n行政处罚\n5\n行政强制\n0", "")
	for _, c := range cases {
		l := read(c.text)
		var got []string
		for _, tb := range l.Tables {
			for _, cell := range tb.Cells {
				got = append(got, cell.Text)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: cells = %q; want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}

// A table whose cells a PDF's text sets apart by runs of spaces, its
// header naming the columns, reads as rows of those cells, so that a
// column can be told by its header; a label broken by a space (one more
// cell in its row) leaves the table cells only.
func TestSpacedGrid(t *testing.T) {
	t.Parallel()
	grid := "主要数据如下:\n项目 2023年 2022年 增减\n受理矛盾纠纷(件) 1,206 1,180 +2.2%\n其中:婚姻家庭(件) 310 298 +4.0%\n法治讲座(场) 46 41 +12.2%\n调解成功 1,180 1,150 +2.6%\n合  计 2,432 2,369 +2.7%\n全年还开展了其他工作。"
	l := read(grid)
	if len(l.Tables) != 1 || len(l.Tables[0].Rows) != 6 {
		t.Fatalf("tables %+v; want one of 6 rows", l.Tables)
	}
	if c := l.Tables[0].Rows[5].Cells[0]; c.Text != "合计" || l.Text[c.Span.Start:c.Span.End] != "合 计" {
		t.Errorf("a label of two characters set apart: cell %+v; want 合计 over 合 计", c)
	}
	if r := l.Tables[0].Rows; !r[0].Header || len(r[0].Cells) != 4 || r[1].Header || r[1].Cells[1].Text != "1,206" || r[2].Cells[0].Text != "其中:婚姻家庭(件)" ||
		r[4].Cells[0].Text != "调解成功" || r[4].Cells[1].Text != "1,180" {
		t.Errorf("rows = %+v", r)
	}
	broken := strings.Replace(grid, "法治讲座(场)", "法治 讲座(场)", 1)
	if l := read(broken); len(l.Tables) != 1 || len(l.Tables[0].Rows) != 0 {
		t.Errorf("a row with a label broken by a space: tables %+v; want one of cells only", l.Tables)
	}
}

// The rule a Markdown table writes under its header (| --- | :---: |) is
// no row and holds no cells.
func TestRuleRow(t *testing.T) {
	t.Parallel()
	l := read("| 指标 | 2023年 |\n| --- | :---: |\n| 主动公开政府信息(条) | 9,874 |\n| 发布政策解读(件) | 136 |")
	if len(l.Tables) != 1 || len(l.Tables[0].Rows) != 3 {
		t.Fatalf("tables %+v; want one of 3 rows", l.Tables)
	}
	for _, c := range l.Tables[0].Cells {
		if strings.Contains(c.Text, "-") {
			t.Errorf("cell %q of the rule", c.Text)
		}
	}
}

// The plans end where an appendix begins (附件, 附表:…): its tables are the
// year's figures.
func TestPlansEnd(t *testing.T) {
	t.Parallel()
	text := "一、主要成效\n全年开展活动41场。\n二、2023年工作打算\n力争开展活动50场。\n附表:2022年度主要法治指标完成情况\n| 指标 | 2022年 |"
	l := read(text)
	if got, want := l.PlansStart(), strings.Index(text, "二、"); got != want {
		t.Errorf("PlansStart = %d; want %d", got, want)
	}
	if got, want := l.PlansEnd(2022), strings.Index(text, "附表"); got != want {
		t.Errorf("PlansEnd = %d; want %d", got, want)
	}
	for _, plan := range []string{
		"一、主要成效\n全年开展活动41场。\n二、下一步工作计划\n力争开展活动50场。\n附表:2023年法治建设重点工作清单\n| 工作内容 | 数量 |",
		"一、主要成效\n全年开展活动41场。\n二、下一步工作计划\n力争开展活动50场。\n附件\n青石镇普法依法治理工作要点\n组织领导干部学法4次。",
	} {
		if got := read(plan).PlansEnd(2022); got != len(plan) {
			t.Errorf("PlansEnd of a plan's appendix = %d; want %d (the end)", got, len(plan))
		}
	}
	for _, s := range []string{"附件", "附件1:统计表", "附表", "附表 2022年指标"} {
		if !isAppendixLine(s) {
			t.Errorf("isAppendixLine(%q) = false", s)
		}
	}
	for _, s := range []string{"附件材料齐全,按时报送。", "附近村组", "附表中的数据均已核实"} {
		if isAppendixLine(s) {
			t.Errorf("isAppendixLine(%q) = true", s)
		}
	}
}

func TestSignature(t *testing.T) {
	t.Parallel()
	text := "荷城街道2022年法治政府建设情况报告\n2022年,荷城街道全面推进法治政府建设。\n六盘水市钟山区人民政府荷城街道办事处\n2022年12月1日\n打印 关闭\n"
	l := read(text)
	if l.Signature.Text != "六盘水市钟山区人民政府荷城街道办事处" {
		t.Errorf("signature %q", l.Signature.Text)
	}
	if l.Signed.Year != 2022 || l.Signed.Month != 12 || l.Signed.Day != 1 {
		t.Errorf("signed %+v", l.Signed)
	}
	l = read("2024年,街道全面推进法治政府建设。\n• 日期:2025-01-08 09:40\n")
	if l.Published.Year != 2025 || l.Published.Month != 1 {
		t.Errorf("published %+v", l.Published)
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in               string
		year, month, day int
		ok               bool
	}{
		{"2019年12月2日", 2019, 12, 2, true},
		{"2024年1月", 2024, 1, 0, true},
		{"二〇二三年十二月三十日", 2023, 12, 30, true},
		{"二〇二四年一月五日", 2024, 1, 5, true},
		{"2022-11-03", 2022, 11, 3, true},
		{"2023年12月30日印发", 0, 0, 0, false},
		{"截至2023年12月", 0, 0, 0, false},
		{"2023年13月1日", 0, 0, 0, false},
		{"20231月)", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	} {
		d, ok := parseDate(textnorm.Normalize(tc.in), true)
		if ok != tc.ok || d.Year != tc.year || d.Month != tc.month || d.Day != tc.day {
			t.Errorf("parseDate(%q) = %+v, %v; want %d-%d-%d, %v", tc.in, d, ok, tc.year, tc.month, tc.day, tc.ok)
		}
	}
}

// TestRealOpenings reads the openings of real reports and checks what every
// later step relies on: a title where the annotators saw one.
func TestRealOpenings(t *testing.T) {
	t.Parallel()
	dir := "../../datasets/realdev"
	titles := map[string]string{
		"003.txt": "通城镇人民政府2025年法治政府建设情况",
		"012.txt": "",
		"023.txt": "台州市路桥区人民政府关于2021年法治政府建设的年度报告",
		"036.txt": "桃江县松木塘镇人民政府2022年政府信息公开工作年度报告",
		"021.txt": "2020年静海区法治政府建设情况报告",
	}
	for file, want := range titles {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := read(string(b)).Title.Text; got != want {
			t.Errorf("%s: title %q; want %q", file, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, dir := range []string{"../../datasets/realdev", "../../datasets/reports"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b[:min(len(b), 3000)]), "")
			}
		}
	}
	f.Add("| a | 1 |\n【】\n(一\n一、", "title_site")
	f.Fuzz(func(t *testing.T, text, title string) {
		text = textnorm.Normalize(text)
		l := Read(text, title)
		in := func(s Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
		for i, ln := range l.Lines {
			if !in(ln.Span) || i > 0 && ln.Start < l.Lines[i-1].End {
				t.Fatalf("line %d span %v out of order or range", i, ln.Span)
			}
		}
		for _, s := range l.Sections {
			if !in(s.Span) || !in(s.Heading) {
				t.Fatalf("section %+v out of range", s)
			}
		}
		for _, o := range l.Opening {
			if !in(o) {
				t.Fatalf("opening %v out of range", o)
			}
		}
		for _, tb := range l.Tables {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if !in(c.Span) || text[c.Span.Start:c.Span.End] != c.Text {
						t.Fatalf("cell %+v", c)
					}
				}
			}
		}
		for _, fl := range l.Fields {
			if !in(fl.Span) || text[fl.Span.Start:fl.Span.End] != fl.Value {
				t.Fatalf("field %+v", fl)
			}
		}
		if l.Body < 0 || l.Body > len(text) {
			t.Fatalf("body %d", l.Body)
		}
	})
}

func clipped(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
