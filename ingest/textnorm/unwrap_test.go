package textnorm

import (
	"strings"
	"testing"
)

// wrapAt breaks s every n runes, as a PDF's text layer does.
func wrapAt(s string, n int) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%n == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}

const unwrapPara = "2024年,全镇共受理矛盾纠纷案件126件,调解成功120件,调解成功率95.2%。开展法治宣传活动16场,发放宣传资料3000余份,受益群众5000余人次。全年审查规范性文件12件,审查重大行政决策事项5件,审查合同协议38份。"

var unwrapTests = []struct {
	name, in, want string
}{
	{"a table row with thousands commas stays a row", "青莲街道2025年度法治政府建设情况报告\n发布日期:2026-01-28　信息来源:青莲街道办事处　浏览次数:\n2025年,青莲街道坚持以习近平法治思想为指导,紧扣“八五”普法规划收官和基层法治建设各项任务,推动法治建设与经济社会发展同部署、同推进、同考核。现将有关情况报告如下:\n一、深入推进“八五”普法收官\n(一)抓实“关键少数”学法。街道党工委理论学习中心组集体学法12次,党工委会议会前学法20次,组织机关干部旁听行政案件庭审1次,领导干部法治素养持续提升。持续完善工作制度和流程,推动各项工作规范化、制度化、常态化。\n(二)普法宣传覆盖面持续扩大。近两年主要普法数据如下:\n项目                  2024年      2025年\n普法宣传活动(场)         58          66\n法治讲座(场)             12          15\n发放宣传资料(份)      9,800      12,400\n受众人数(人次)       16,500      21,300\n二、法治化解矛盾纠纷\n街道“一站式”矛盾纠纷调处化解中心整合司法所、派出所、综治中心等力量,全年排查矛盾纠纷1,800余次,受理矛盾纠纷417件,化解403件,化解率96.6%,其中涉物业纠纷126件。\n三、依法规范行政行为\n全年审查街道合同45份,审核重大行政决策2件。街道作为被告的行政诉讼案件4件,审结3件,其中胜诉2件、原告撤诉1件,另有1件尚在审理中;街道负责人出庭应诉率100%。\n四、存在的不足和下一步计划\n一是社区法治阵地作用发挥不够充分;二是执法队伍专业化程度不高。2026年,街道将力争普法宣传活动达到70场以上,矛盾纠纷化解率稳定在97%以上。", "青莲街道2025年度法治政府建设情况报告\n发布日期:2026-01-28信息来源:青莲街道办事处 浏览次数:\n2025年,青莲街道坚持以习近平法治思想为指导,紧扣“八五”普法规划收官和基层法治建设各项任务,推动法治建设与经济社会发展同部署、同推进、同考核。现将有关情况报告如下:\n一、深入推进“八五”普法收官\n(一)抓实“关键少数”学法。街道党工委理论学习中心组集体学法12次,党工委会议会前学法20次,组织机关干部旁听行政案件庭审1次,领导干部法治素养持续提升。持续完善工作制度和流程,推动各项工作规范化、制度化、常态化。\n(二)普法宣传覆盖面持续扩大。近两年主要普法数据如下:\n项目2024年2025年\n普法宣传活动(场) 58 66\n法治讲座(场) 12 15\n发放宣传资料(份) 9,800 12,400\n受众人数(人次) 16,500 21,300\n二、法治化解矛盾纠纷\n街道“一站式”矛盾纠纷调处化解中心整合司法所、派出所、综治中心等力量,全年排查矛盾纠纷1,800余次,受理矛盾纠纷417件,化解403件,化解率96.6%,其中涉物业纠纷126件。\n三、依法规范行政行为\n全年审查街道合同45份,审核重大行政决策2件。街道作为被告的行政诉讼案件4件,审结3件,其中胜诉2件、原告撤诉1件,另有1件尚在审理中;街道负责人出庭应诉率100%。\n四、存在的不足和下一步计划\n一是社区法治阵地作用发挥不够充分;二是执法队伍专业化程度不高。2026年,街道将力争普法宣传活动达到70场以上,矛盾纠纷化解率稳定在97%以上。"},
	{"a line that ends on a list's mark goes on",
		"(二)规范信访工作。全年受理群众来信来访68件、\n97人次,均在法定期限内办理完毕。\n(三)其他工作。",
		"(二)规范信访工作。全年受理群众来信来访68件、97人次,均在法定期限内办理完毕。\n(三)其他工作。"},
	{"one paragraph a line is kept",
		"某镇2024年法治政府建设情况报告\n一、主要举措\n" + unwrapPara + "\n二、存在问题\n" + unwrapPara,
		"某镇2024年法治政府建设情况报告\n一、主要举措\n" + unwrapPara + "\n二、存在问题\n" + unwrapPara},
	{"hard wrap at 20 is joined, headings and title kept",
		"某镇2024年法治政府建设情况报告\n一、主要举措\n" + wrapAt(unwrapPara, 20) + "\n二、存在问题\n" + wrapAt(unwrapPara, 20),
		"某镇2024年法治政府建设情况报告\n一、主要举措\n" + unwrapPara + "\n二、存在问题\n" + unwrapPara},
	{"hard wrap at 35 is joined",
		"一、主要举措\n" + wrapAt(unwrapPara, 35) + "\n(一)加强学习\n" + wrapAt(unwrapPara, 35),
		"一、主要举措\n" + unwrapPara + "\n(一)加强学习\n" + unwrapPara},
	{"a blank line is a paragraph break",
		wrapAt(unwrapPara, 30) + "\n\n" + wrapAt(unwrapPara, 30),
		unwrapPara + "\n\n" + unwrapPara},
	{"the next line starting a heading is kept apart",
		wrapAt(unwrapPara[:len(unwrapPara)-len("。")], 25) + "\n3.加强执法监督\n" + wrapAt(unwrapPara, 25),
		unwrapPara[:len(unwrapPara)-len("。")] + "\n3.加强执法监督\n" + unwrapPara},
	{"rows of a table without marks stay rows across a page break",
		"月份 受理 调解成功\n5月30 29\n6月26 26\n— 12 —\n7月29 28\n8月31 31",
		"月份 受理 调解成功\n5月30 29\n6月26 26\n7月29 28\n8月31 31"},
	{"a row ending in a change with its unit stays a row across a page break",
		"项目 2023年 2024年 同比\n行政应诉案件(件) 41 36 -12.2%\n负责人出庭应诉率 95.1% 100% 4.9个百分点\n— 6 —\n2024年审结的行政应诉案件中,县政府无败诉案件。",
		"项目2023年2024年 同比\n行政应诉案件(件) 41 36 -12.2%\n负责人出庭应诉率95.1% 100% 4.9个百分点\n2024年审结的行政应诉案件中,县政府无败诉案件。"},
	{"a table's header and total rows stay apart from the prose around them",
		"类别 受理数 调解成功数 成功率\n婚姻家庭96 95 99.0%\n邻里纠纷118 117 99.2%\n土地山林74 71 95.9%\n劳动争议31 30 96.8%\n合计386 379 98.2%\n其中,镇调委会直接受理疑难复杂纠纷42件,调解成功40件。",
		"类别 受理数 调解成功数 成功率\n婚姻家庭96 95 99.0%\n邻里纠纷118 117 99.2%\n土地山林74 71 95.9%\n劳动争议31 30 96.8%\n合计386 379 98.2%\n其中,镇调委会直接受理疑难复杂纠纷42件,调解成功40件。"},
	{"a number split by a running title is one number",
		"区法律援助中心全年受理法律援助案件826件,较上年增长12.5%,其中农民工讨薪类案件173件;提供法律咨询65\n鹤鸣区司法局2023年法治政府建设工作报告\n00余人次。",
		"区法律援助中心全年受理法律援助案件826件,较上年增长12.5%,其中农民工讨薪类案件173件;提供法律咨询6500余人次。"},
	{"page number mid-sentence",
		"全年共受理矛盾纠纷案件126件,调解\n- 3 -\n成功120件。",
		"全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"page of pages with blank lines",
		"全年共受理矛盾纠纷案件126件,调解\n\n第3页 共8页\n\n成功120件。",
		"全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"bare page number after prose",
		"全年共受理矛盾纠纷案件126件,调解\n3\n成功120件。",
		"全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"figures a line each after a long label are a table's cells, no page numbers",
		"一、本年新收政府信息公开申请数量\n214\n17\n0\n2\n239\n二、上年结转政府信息公开申请数量\n9",
		"一、本年新收政府信息公开申请数量\n214\n17\n0\n2\n239\n二、上年结转政府信息公开申请数量\n9"},
	{"running header alone cut into a sentence",
		"全年共受理矛盾纠纷案件126件,调解\n城南街道办事处2022年法治政府建设情况报告\n成功120件。",
		"全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"a section's sub-heading naming a report stays",
		"五、加强调解工作室建设,依法化解矛盾纠纷\n(一)落实人民调解工作年度报告制度\n全年全镇共调解矛盾纠纷120件,调解成功118件。",
		"五、加强调解工作室建设,依法化解矛盾纠纷\n(一)落实人民调解工作年度报告制度\n全年全镇共调解矛盾纠纷120件,调解成功118件。"},
	{"a title after a finished sentence stays",
		"全年共受理矛盾纠纷案件126件,调解成功120件。\n城南街道办事处2022年法治政府建设情况报告\n一、主要工作",
		"全年共受理矛盾纠纷案件126件,调解成功120件。\n城南街道办事处2022年法治政府建设情况报告\n一、主要工作"},
	{"running header repeating the title",
		"某镇法治政府建设情况报告\n全年共受理矛盾纠纷案件126件,调解\n- 2 -\n某镇法治政府建设情况报告\n成功120件。",
		"某镇法治政府建设情况报告\n全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"page number after the issuer's name on one line",
		"全年共受理矛盾纠纷案件126件,涉及金额\n青山镇人民政府 — 5 —\n约85万元。",
		"全年共受理矛盾纠纷案件126件,涉及金额约85万元。"},
	{"page number after the running title on one line",
		"全年共受理矛盾纠纷案件126件,调解\n某区2024年法治政府建设情况报告 第3页\n成功120件。",
		"全年共受理矛盾纠纷案件126件,调解成功120件。"},
	{"a body's name with a dash and a number is no page line",
		"区司法局牵头开展普法活动\n区司法局 — 2024年度\n共12场。",
		"区司法局牵头开展普法活动\n区司法局 — 2024年度\n共12场。"},
	{"page number after a full stop is dropped, the lines kept apart",
		"全年共受理矛盾纠纷案件126件。\n- 3 -\n二、存在问题",
		"全年共受理矛盾纠纷案件126件。\n二、存在问题"},
	{"a short table cell line and a number are kept",
		"行政复议\n5\n行政诉讼\n3",
		"行政复议\n5\n行政诉讼\n3"},
	{"a prose line cut off goes on in the next",
		"标题\n截止到2020年11月30日,全市受理调解案件6368件,调解成功6217件。全市共开展矛盾纠纷排查\n1223次,排查发现矛盾纠纷1305件。",
		"标题\n截止到2020年11月30日,全市受理调解案件6368件,调解成功6217件。全市共开展矛盾纠纷排查1223次,排查发现矛盾纠纷1305件。"},
	{"a heading glued at a line's end is not joined with the paragraph after",
		"2024年,街道推进法治建设,取得实效。一、主要举措:(一)加强法治街道建设,持续推进质效提升\n2024年,街道坚持问题导向,成立合法性审查中心。",
		"2024年,街道推进法治建设,取得实效。一、主要举措:(一)加强法治街道建设,持续推进质效提升\n2024年,街道坚持问题导向,成立合法性审查中心。"},
	{"a heading line with a comma is not joined with its paragraph",
		"(一)坚持党的领导,推进法治政府建设\n2024年,街道坚持问题导向,成立合法性审查中心。",
		"(一)坚持党的领导,推进法治政府建设\n2024年,街道坚持问题导向,成立合法性审查中心。"},
	{"a heading with its text is prose",
		"(二)依申请公开情况。2022年我镇全年共收到依申请公开0件,公开0件,因政\n府信息依申请公开引起行政复议0件,行政诉讼0件",
		"(二)依申请公开情况。2022年我镇全年共收到依申请公开0件,公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件"},
	{"a line starting with 、 continues the one before",
		"其中村(居)民调委会972个、企事业单位调委会81个\n、交通事故调委会6个。",
		"其中村(居)民调委会972个、企事业单位调委会81个、交通事故调委会6个。"},
	{"a cut-off page's last line is not joined with the share bar",
		"全年共受理矛盾纠纷案件126件,调解成功\n分享到:\n打印本页 关闭窗口",
		"全年共受理矛盾纠纷案件126件,调解成功\n分享到:\n打印本页 关闭窗口"},
	{"a number split by the wrap is repaired",
		"调解组织受理纠纷12244件,成功调处12194件,调解成功率99·5\n9%,制作人民调解协议书4144份。",
		"调解组织受理纠纷12244件,成功调处12194件,调解成功率99.59%,制作人民调解协议书4144份。"},
	{"Latin words keep a space",
		"本镇政府网站开设专栏,公开信息,网址为www.example\ngov.cn,欢迎访问,共发布信息12条。",
		"本镇政府网站开设专栏,公开信息,网址为www.example gov.cn,欢迎访问,共发布信息12条。"},
}

func TestUnwrap(t *testing.T) {
	for _, tc := range unwrapTests {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.in)
			if got != tc.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestWrapWidth(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    []int
		want int
	}{
		{"wrapped at 28", []int{18, 28, 28, 28, 28, 12, 29, 28, 27, 30, 5}, 28},
		{"paragraphs", []int{18, 120, 300, 28, 28, 28, 28, 250, 90}, 0},
		{"too few lines", []int{18, 28, 28, 28, 5}, 0},
		{"short lines only", []int{12, 12, 12, 12, 12}, 0},
	} {
		if got := wrapWidth(tc.n, make([]string, len(tc.n))); got != tc.want {
			t.Errorf("%s: wrapWidth(%v) = %d; want %d", tc.name, tc.n, got, tc.want)
		}
	}
}

func TestDespace(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"spaced title", "三 都 镇 2 0 2 5 年 法 治 政 府 建 设 年 度 报 告\n正文。", "三都镇2025年法治政府建设年度报告\n正文。"},
		{"spaced line with punctuation", "全 年 受 理 案 件 1 2 6 件 , 调 解 成 功 1 2 0 件 。", "全年受理案件126件,调解成功120件。"},
		{"spaced line keeps a space between Latin words", "发 布 时 间 : 2025-01-08 09:40 来 源 本 网", "发布时间:2025-01-08 09:40来源本网"},
		{"table cells kept", "项目 受理 办结 行政复议 5 3", "项目 受理 办结 行政复议5 3"},
		{"two spaced words kept", "打印 关闭", "打印 关闭"},
		{"prose kept", "全年受理案件126件, 调解成功120件。", "全年受理案件126件, 调解成功120件。"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("%s: Normalize(%q) = %q; want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// joinAt joins s's runs of n runes with a space, as a converter that turns
// a PDF's line breaks into spaces does.
func joinAt(s string, n int) string {
	return strings.ReplaceAll(wrapAt(s, n), "\n", " ")
}

func TestUnjoin(t *testing.T) {
	table := "行政复议 行政诉讼 行政处罚\n受理 审结 纠错"
	cells := "依申请公开2件 便民服务中心进驻事项96项"
	for _, tc := range []struct{ name, in, want string }{
		{"a PDF's lines of 35 joined with spaces",
			"一、主要举措\n" + joinAt(unwrapPara, 35) + "\n二、存在问题\n" + joinAt(unwrapPara, 35),
			"一、主要举措\n" + unwrapPara + "\n二、存在问题\n" + unwrapPara},
		{"of 24, beside a table whose spaces stay",
			joinAt(unwrapPara, 24) + "\n" + table + "\n" + joinAt(unwrapPara, 24),
			unwrapPara + "\n" + table + "\n" + unwrapPara},
		{"cells of a flattened table stay", cells + "\n" + table, cells + "\n" + table},
		{"a few spaces at no common distance stay",
			"全年受理矛盾纠纷126件,调解成功120件 另有信访事项12件。\n开展法治宣传活动16场,发放资料3000余份 受益群众5000余人次。\n审查规范性文件12件,审查合同协议38份 行政复议案件3件。",
			"全年受理矛盾纠纷126件,调解成功120件 另有信访事项12件。\n开展法治宣传活动16场,发放资料3000余份 受益群众5000余人次。\n审查规范性文件12件,审查合同协议38份 行政复议案件3件。"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("%s:\nNormalize(%q)\n= %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
	}
}
