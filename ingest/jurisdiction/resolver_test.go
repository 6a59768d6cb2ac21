package jurisdiction

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fazhi/fazhi/ingest/goldeval"
	"github.com/fazhi/fazhi/ingest/layout"
	"github.com/fazhi/fazhi/ingest/reportyear"
	"github.com/fazhi/fazhi/ingest/source"
	"github.com/fazhi/fazhi/ingest/textnorm"
)

var (
	resolverOnce sync.Once
	resolver     *Resolver
	resolverErr  error
)

func mustResolver(t testing.TB) *Resolver {
	t.Helper()
	resolverOnce.Do(func() {
		data, err := LoadData()
		if err != nil {
			resolverErr = err
			return
		}
		m, err := DefaultModel()
		if err != nil {
			resolverErr = err
			return
		}
		resolver = NewResolver(data, m)
	})
	if resolverErr != nil {
		t.Fatal(resolverErr)
	}
	return resolver
}

// input builds an Input from a text as the pipeline does.
func withYear(in Input, year int) Input {
	in.Year = year
	return in
}

func input(title, text string) Input {
	return Input{Layout: layout.Read(textnorm.Normalize(text), title)}
}

const body = "\n2023年,在上级党委政府的坚强领导下,我街道坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。我街道全年共受理行政复议案件3件。"

func TestResolve(t *testing.T) {
	r := mustResolver(t)
	for _, tc := range []struct {
		name                 string
		in                   Input
		wantName, wantLevel  string
		wantCode             string
		wantAmong            string // when wantCode is "": a code the candidates hold ("" for none)
		wantStated, noAmongs bool
	}{
		// Titles and the sites a report names itself on.
		{name: "unique name in the title", in: input("垡头街道2023年度法治政府建设情况报告", body),
			wantName: "垡头街道", wantLevel: "街道", wantCode: "110105019"},
		{name: "issuer line above the title", in: input("", "通城镇人民政府\n2025年法治政府建设情况\n2025年,通城镇坚持以习近平法治思想为指导。我镇推进依法行政。"),
			wantName: "通城镇", wantLevel: "镇", wantCode: "500238114"},
		{name: "a town the table names after its county, written without it", in: input("锦华街道2023年法治政府建设情况报告", "发布时间:2024-01-10  来源:高阳县锦华街道办事处\n2023年,锦华街道在县委、县政府的领导下推进依法行政。全街道完成各项任务。"),
			wantName: "锦华街道", wantLevel: "街道", wantCode: "130628001"},
		{name: "the county government as the page's source of its town's report", in: input("龙泉镇2023年法治政府建设情况报告", "发布时间:2024-01-10  来源:壶关县人民政府\n2023年,龙泉镇在县委、县政府的领导下推进依法行政。全镇完成各项任务。"),
			wantName: "龙泉镇", wantLevel: "镇", wantCode: "140427100"},
		{name: "a media centre as the page's source names no parent", in: input("龙泉镇2023年法治政府建设情况报告", "发布时间:2024-01-10  来源:壶关县融媒体中心\n2023年,龙泉镇在县委、县政府的领导下推进依法行政。全镇完成各项任务。"),
			wantName: "龙泉镇", wantLevel: "镇", wantAmong: "140427100"},
		{name: "title writes the parents", in: input("北京市朝阳区垡头街道2023年法治政府建设情况报告", body),
			wantName: "垡头街道", wantLevel: "街道", wantCode: "110105019"},
		{name: "title only in the text, behind page furniture", in: input("", "当前位置:首页 > 政务公开\n临海市古城街道2024年度法治政府建设情况报告\n"+body),
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},
		{name: "page title with the site's name", in: input("古城街道2024年度法治政府建设情况报告_临海市人民政府", body),
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},
		{name: "opening subject after a lead-in, no title", in: input("", "2021年,在市委、市政府的坚强领导下,顺义区坚持习近平法治思想,进一步提升法治政府建设水平。全区推进依法行政。我区完成各项任务。"),
			wantName: "顺义区", wantLevel: "区", wantCode: "110113"},
		{name: "metadata names the publisher", in: input("", "[ 发布机构 ] 丰都县树人镇人民政府 [ 有效性 ]\n2025年,我镇坚持依法行政,推进法治政府建设。"),
			wantName: "树人镇", wantLevel: "镇", wantCode: "500230106"},
		{name: "metadata source in short forms", in: input("", "2015-11-20 来源: 上海普陀\n年内,区政法办拓宽人民调解工作的范围和领域,全区调解纠纷。"),
			wantName: "普陀区", wantLevel: "区", wantCode: "310107"},
		{name: "signature names the parents", in: input("", body+"荷城街道将继续推进依法行政。\n六盘水市钟山区人民政府荷城街道办事处\n2022年12月1日\n"),
			wantName: "荷城街道", wantLevel: "街道", wantCode: "520201014"},
		{name: "signature names a town in short form", in: input("", "我镇坚持依法行政,全年办理信访案件25宗。我镇推进法治建设。\n东莞市司法局桥头分局\n2019年12月2日\n"),
			wantName: "桥头镇", wantLevel: "镇", wantCode: "441900107"},

		{name: "the writer's own plan cited by its title", in: input("", "2023年,在市委的正确领导下,市政府坚持以习近平法治思想为指导。市政府制定《洛阳市2023年法治政府建设工作要点》,明确重点任务。全市推进依法行政。"),
			wantName: "洛阳市", wantLevel: "市", wantCode: "4103"},
		{name: "a town citing its county's plan is the town", in: input("", "2023年,青峰镇认真落实《房县法治政府建设实施方案》,坚持依法行政。我镇推进法治建设,我镇完成各项任务。"),
			wantName: "青峰镇", wantLevel: "镇", wantCode: "420325105"},

		// Parents and neighbours.
		{name: "county named in the text", in: input("古城街道2024年度法治政府建设情况报告", body+"街道调委会调解成功率位列临海市各镇街调委会第一。"),
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},
		{name: "county named in short form", in: input("古城街道2024年度法治政府建设情况报告", body+"调解成功率位列临海各镇街第一。"),
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},
		{name: "short form inside a street name is no clue", in: input("古城街道2024年度法治政府建设情况报告", body+"在石景山路沿线开展普法宣传。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		{name: "two candidate counties named equally", in: input("古城街道2024年度法治政府建设情况报告", body+"赴石景山区、临海市学习调解工作经验。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		// A place the text names as a partner, a case's or a model's home
		// is no clue to the writer's parents.
		{name: "a partner helped is no clue", in: input("古城街道2024年度法治政府建设情况报告", body+"对口帮扶临海市开展普法工作,向临海市捐赠普法读物500册。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		{name: "a partner's short names are no clue", in: input("古城街道2024年度法治政府建设情况报告", body+"结对帮扶浙江台州临海市开展普法工作。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		{name: "another body's case is no clue", in: input("古城街道2024年度法治政府建设情况报告", body+"协助临海市公安局侦破电信诈骗案件2起。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		{name: "a model's home is no clue", in: input("古城街道2024年度法治政府建设情况报告", body+"学习推广临海市“和事佬”调解经验。"),
			wantName: "古城街道", wantLevel: "街道", wantAmong: "110107004"},
		{name: "the writer's own parent in a partner clause still counts", in: input("临海市古城街道2024年度法治政府建设情况报告", body+"与石景山区古城街道结对共建。"),
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},
		{name: "district resolved by the towns it names", in: input("朝阳区人民政府2022年法治政府建设年度报告", "2022年,我区坚持依法行政。富锋街道、永春镇、乐山镇建成公共法律服务工作站。"),
			wantName: "朝阳区", wantLevel: "区", wantCode: "220104"},
		{name: "district with no clue", in: input("朝阳区人民政府2022年法治政府建设年度报告", "2022年,我区坚持依法行政,全区共办理行政复议案件30件。"),
			wantName: "朝阳区", wantLevel: "区", wantAmong: "110105"},
		{name: "the addressee is a parent, not the writer", in: input("", "城中区委全面依法治区委员会:\n在全面建设社会主义现代化国家新征程上,人民街街道办事处坚持以习近平法治思想为根本遵循。现将2025年工作情况总结如下:\n《城中区2025年法治政府建设工作要点》"),
			wantName: "人民街街道", wantLevel: "街道", wantCode: "630103001"},
		{name: "parent-level words: 区委 for a town of a 区", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。在区委依法治区办的指导下,我镇清理规范性文件。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "parent-level words: 市委 alone for a town of a county-level city", in: input("增福镇2022年法治政府建设情况报告", "2022年,在市委、市政府的坚强领导下,增福镇深入推进依法行政。按照市委全面依法治市委员会的部署,我镇完善合法性审查机制。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "411082110"},
		{name: "a district split since (江干区, 2020) names neither part", in: withYear(input("江干区2020年法治政府建设年度报告", "2020年,江干区人民政府在杭州市委、市政府和区委的坚强领导下,全面推进依法行政。"), 2020),
			wantName: "江干区", wantLevel: "区"},
		{name: "a name two districts bore in its year (清河区, 2015) abstains", in: withYear(input("清河区2015年度法治政府建设工作报告", "2015年,我区认真贯彻党的十八届四中全会精神,依法行政工作取得新进展。"), 2015),
			wantName: "清河区", wantLevel: "区"},
		{name: "the same name after one of them went (清河区, 2022) is today's", in: withYear(input("清河区2022年度法治政府建设工作报告", "2022年,我区认真贯彻习近平法治思想,依法行政工作取得新进展。"), 2022),
			wantName: "清河区", wantLevel: "区", wantCode: "211204"},
		{name: "a former county written before its town, in its own years, is the parent", in: withYear(input("祁阳县白水镇2020年法治政府建设情况报告", "2020年,白水镇在县委、县政府的坚强领导下,坚持依法行政。"), 2020),
			wantName: "白水镇", wantLevel: "镇", wantCode: "431181107"},
		{name: "a former county written before a town it never held abstains (孟津县口镇: 口镇 is 泾阳县's)", in: withYear(input("孟津县口镇人民政府\n关于2019年度法治政府建设工作情况的报告", "2019年,口镇在县委、县政府的坚强领导下,坚持依法行政。"), 2019),
			wantName: "口镇"},
		{name: "a county written before a town of another province in the text abstains", in: input("2022年法治政府建设工作报告", "2022年,宁乡县玉潭镇在县委、县政府的坚强领导下,坚持依法行政,全镇法治建设取得新成效。"),
			wantName: "玉潭镇"},
		{name: "a street made of a town is found by the town's name under its county's former name (2018)", in: withYear(input("长岛县南长山镇2018年度法治政府建设工作报告", "2018年,南长山镇在县委、县政府的坚强领导下,坚持依法行政,全镇法治建设取得新成效。"), 2018),
			wantName: "南长山镇", wantLevel: "街道", wantCode: "370614006"},
		{name: "a street's town name is no candidate in the table's own year", in: withYear(input("万安镇2023年度法治政府建设情况报告", "2023年,万安镇坚持依法行政,全年我镇获评福建省乡村治理示范乡镇。"), 2023),
			wantName: "万安镇", wantLevel: "镇"},
		{name: "a county department's report, speaking as the department, is its county's", in: input("桐庐县司法局关于2022年度法治政府建设情况的报告", "县委、县政府:\n2022年,我局坚持以习近平法治思想为指导,全面履行法治建设职责。\n一、主要工作\n局党组全年专题研究法治工作4次。"),
			wantName: "桐庐县", wantLevel: "县", wantCode: "330122"},
		{name: "a city named holds one town of a name shared across the country", in: input("石桥镇人民政府\n2022年度法治政府建设工作报告", "2022年,石桥镇在县委、县政府的坚强领导下,认真落实淄博市委、市政府和县委、县政府关于法治政府建设的部署,扎实推进依法行政。"),
			wantName: "石桥镇", wantLevel: "镇", wantCode: "370323110"},
		{name: "a district that gave up streets keeps its name (萧山区, 2021)", in: withYear(input("萧山区2021年法治政府建设年度报告", "2021年,区政府在市委、市政府和区委的坚强领导下推进法治政府建设。配合钱塘区设立,完成河庄、义蓬等街道行政执法事项的移交。"), 2021),
			wantName: "萧山区", wantLevel: "区", wantCode: "330109"},
		{name: "a city's name that was once its districts' (until 1983) stands for the city", in: withYear(input("三明市人民政府关于2022年法治政府建设情况的报告", "2022年,三明市人民政府坚持以习近平法治思想为指导。三元区、沙县区完成镇街综合执法改革,全市法治政府建设取得新成效。"), 2022),
			wantName: "三明市", wantLevel: "市", wantCode: "3504"},
		{name: "a minority township by its name without its people", in: input("刘台子乡2023年度法治政府建设工作报告", "2023年,在市委、市政府的正确领导下,刘台子乡坚持依法行政,全乡法治建设取得新成效。"),
			wantName: "刘台子乡", wantLevel: "乡", wantCode: "211481207"},
		{name: "a banner by its name without its people", in: input("鄂温克旗2022年法治政府建设情况报告", "2022年,鄂温克旗在市委、市政府和旗委的坚强领导下,坚持依法行政。"),
			wantName: "鄂温克旗", wantLevel: "旗", wantCode: "150724"},
		{name: "a short name a province and its city share counts once, for the province", in: withYear(input("北山街道2023年度法治政府建设工作报告", "2023年,北山街道认真贯彻吉林省委、省政府关于法治吉林建设的决策部署,扎实推进法治政府建设。"), 2023),
			wantName: "北山街道", wantLevel: "街道"},
		{name: "a unique town's own district in a clause of working with its bodies stays its parent", in: withYear(input("", "2022年,枫岭头镇坚持依法行政。配合广信区公安分局开展矛盾纠纷排查,与广信区人民法院建立诉调对接联动机制。"), 2022),
			wantName: "枫岭头镇", wantLevel: "镇", wantCode: "361104107"},
		{name: "a namesake's delegation received is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。全年接待河南省长葛市增福镇考察团2批次。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a namesake hosting an event attended is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。镇干部参加在河南省长葛市增福镇举办的基层治理交流会。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a case handed to a namesake's police is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。将一起电信诈骗线索移交长葛市公安局增福派出所处理。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a visiting delegation of a namesake is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。河南省长葛市增福镇党政代表团一行来我镇考察交流基层治理经验。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a namesake's county whose court the writer assists is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政,依法协助长葛市人民法院送达法律文书3份。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a partner named in an exchange is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,在区委、区政府的正确领导下,增福镇坚持依法行政。与河南省长葛市开展基层法治干部交流。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},
		{name: "a short name where the writer's cadres are sent is no clue", in: input("增福镇2022年法治政府建设情况报告", "2022年,增福镇坚持依法行政,选派2名干部赴长葛挂职学习。"),
			wantName: "增福镇", wantLevel: "镇"},
		{name: "parent-level words: 市委 beside 区委 is the city above the district", in: input("增福镇2022年法治政府建设情况报告", "2022年,在市委、区委的坚强领导下,增福镇深入推进依法行政。在区委依法治区办的指导下,我镇完善合法性审查机制。"),
			wantName: "增福镇", wantLevel: "镇", wantCode: "500102130"},

		{name: "no name and no 我: the whole the report speaks of gives the level", in: input("", "2022年,全县组织开展法治宣传活动860余场次。全县领导干部参加依法行政培训。全县行政机关负责人出庭应诉率100%。"),
			wantLevel: "县"},
		{name: "no name and no 我: wholes of two levels as often give none", in: input("", "2022年,全县组织开展法治宣传活动860余场次,全镇开展12场。全县领导干部参加培训,全镇干部参加。全县、全镇出庭应诉率100%。"),
			wantLevel: ""},

		// Clues from outside the text.
		{name: "a reprint: the title writes the town under another county than the address", in: withURL(input("龙游县湖镇镇2022年法治政府建设情况报告", "2022年,湖镇镇在县委、县政府的坚强领导下,坚持依法行政。"), "http://www.boluo.gov.cn/zwgk/content/post_1.html"),
			wantName: "湖镇镇", wantLevel: "镇", wantCode: "330825101"},
		{name: "the address names the county", in: withURL(input("三都镇2025年法治政府建设年度报告", "2025年,在区委、区政府的正确领导下,三都镇深入学习贯彻习近平法治思想。"), "http://www.liujiang.gov.cn/dwxxgkpt/202601/t20260109_1.shtml"),
			wantName: "三都镇", wantLevel: "镇", wantCode: "450206106"},
		{name: "the address splits into a parent's and a child's token", in: withURL(input("", "大河乡人民政府\n关于法治政府建设的情况报告\n2025年,大河乡始终坚持以习近平法治思想为根本遵循。"), "http://www.cqwx.gov.cn/jz/dhx/202601/t1.html"),
			wantName: "大河乡", wantLevel: "乡", wantCode: "500238207"},
		{name: "only 我县, with the address", in: withURL(input("", "2017年,县政府承办人大代表建议117件。我县推进依法行政,我县各部门认真办理。"), "http://www.xiangyin.gov.cn/1.html"),
			wantName: "湘阴县", wantLevel: "县", wantCode: "430624"},
		{name: "a county's address for a town's report is not the town", in: withURL(input("", "2022年,我镇坚持以习近平新时代中国特色社会主义思想为指导。现就我镇2022年度法治政府建设情况报告如下。我镇推进依法行政。"), "http://www.yingde.gov.cn/zwgk/1.html"),
			wantLevel: "镇", noAmongs: false},
		{name: "folders of the file's path", in: withPath(input("三都镇2025年法治政府建设年度报告", "2025年,三都镇深入学习贯彻习近平法治思想。"), "reports/柳江区/三都镇2025.txt"),
			wantName: "三都镇", wantLevel: "镇", wantCode: "450206106"},
		{name: "stated by the user", in: Input{Layout: layout.Read("2023年,我镇坚持依法行政。", ""), Stated: "441900107"},
			wantName: "桥头镇", wantLevel: "镇", wantCode: "441900107", wantStated: true},
		{name: "within the user's scope", in: Input{Layout: input("古城街道2024年度法治政府建设情况报告", body).Layout, Within: "331082"},
			wantName: "古城街道", wantLevel: "街道", wantCode: "331082001"},

		// Names that are not the table's.
		{name: "a former name of the county", in: input("长乐市人民政府2016年法治政府建设情况报告", "2016年,长乐市坚持依法行政。我市推进法治政府建设。"),
			wantName: "长乐市", wantLevel: "区", wantCode: "350112"},
		{name: "a former county split in two is the successor that kept its name", in: withYear(input("文登市人民政府2012年依法行政工作报告", "2012年,文登市坚持依法行政。我市推进法治政府建设,全市各项工作取得新成效。"), 2012),
			wantName: "文登市", wantLevel: "区", wantCode: "371003"},
		{name: "a former county split in two with no namesake abstains", in: withYear(input("宜宾县人民政府2016年法治政府建设情况报告", "2016年,宜宾县坚持依法行政。我县推进法治政府建设,全县各项工作取得新成效。"), 2016),
			wantName: "宜宾县", wantLevel: "区", wantAmong: "511504"},
		{name: "a street whose name begins with a district's is no district's street", in: input("西城区街道办事处\n2021年度法治政府建设工作报告", "2021年,西城区街道办事处在市委、市政府的正确领导下,坚持依法行政。街道党工委推进法治建设,本街道完成各项任务。"),
			wantName: "西城区街道", wantLevel: "街道", wantCode: "130682003"},
		{name: "a 街道 written as 街", in: input("", "2021年,洛浦街在区委、区政府的正确领导下,坚持以习近平法治思想作为指导。番禺区洛浦街推进依法行政。"),
			wantName: "洛浦街", wantLevel: "街道", wantCode: "440113013"},
		{name: "a development zone writes its own report", in: withURL(input("", "2024年,广西-东盟经济技术开发区深入贯彻落实习近平法治思想,认真落实自治区党委、政府和市委、市政府决策部署。全区推进依法行政。"), "http://www.nanning.gov.cn/1.html"),
			wantName: "广西-东盟经济技术开发区"},
		// Region phrases only a few provinces' divisions use of themselves.
		{name: "a regional strategy tells a shared district's province", in: input("江北区2023年法治政府建设情况报告", "2023年,江北区聚焦成渝地区双城经济圈建设,坚持依法行政。全区推进法治政府建设。我区完成各项任务。"),
			wantName: "江北区", wantLevel: "区", wantCode: "500105"},
		{name: "a region others join tells nothing", in: input("江北区2023年法治政府建设情况报告", "2023年,江北区主动融入成渝地区双城经济圈建设,坚持依法行政。全区推进法治政府建设。我区完成各项任务。"),
			wantName: "江北区", wantLevel: "区", wantAmong: "330205"},
		{name: "the Greater Bay Area is no province's own", in: input("", "2022年,桂岭镇主动融入粤港澳大湾区发展,坚持依法行政。全镇推进法治建设。我镇完成各项任务。"),
			wantName: "桂岭镇", wantLevel: "镇", wantAmong: "451102106"},
		{name: "a province's service app tells a shared district's province", in: input("江北区2023年法治政府建设情况报告", "2023年,江北区依托“浙里办”推进政务服务,坚持依法行政。全区推进法治政府建设。我区完成各项任务。"),
			wantName: "江北区", wantLevel: "区", wantCode: "330205"},
		{name: "a region visited tells nothing", in: input("江北区2023年法治政府建设情况报告", "2023年,江北区坚持依法行政。区司法局赴成渝地区双城经济圈考察学习。全区推进法治政府建设。我区完成各项任务。"),
			wantName: "江北区", wantLevel: "区", wantAmong: "330205"},
		// A platform's address names no publisher.
		{name: "a WeChat article's address is no clue", in: withURL(input("长安镇2023年法治政府建设情况报告", "2023年,长安镇坚持依法行政。全镇推进法治建设。我镇完成各项任务。"), "https://mp.weixin.qq.com/s/AbCdEf"),
			wantName: "长安镇", wantLevel: "镇"},
		// A county's report names its towns: its own names and address are
		// no clue to them.
		{name: "a county's report naming its towns", in: withURL(input("", "鄂托克前旗人民政府\n鄂托克前旗2024年法治政府建设年度报告\n2024年,鄂托克前旗深入学习贯彻习近平法治思想。在敖勒召其镇、上海庙镇、城川镇、昂素镇建成公共法律服务工作站4个。全旗推进依法行政。"), "http://www.etkqq.gov.cn/zwgk/1.html"),
			wantName: "鄂托克前旗", wantLevel: "旗", wantCode: "150623"},
		{name: "a town's report published by its county's portal", in: withURL(input("", "2022年度法治政府建设工作情况报告\n发布机构:常山县人民政府\n2022年,我镇深入推进法治政府建设。青石镇调委会受理矛盾纠纷56件。我镇召开专题会议4次。"), "http://www.zjcs.gov.cn/art/1.html"),
			wantName: "青石镇", wantLevel: "镇", wantCode: "330822109"},
		{name: "name not in the division table", in: input("甲乙丙镇人民政府2023年法治政府建设情况报告", "我镇坚持依法行政。我镇推进法治建设。"),
			wantName: "甲乙丙镇", wantLevel: "镇"},
		{name: "no name anywhere", in: input("区司法局2023年度法治政府建设情况报告", "2023年,全区坚持依法行政,共办理行政复议案件30件。")},
		{name: "empty report", in: input("", "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Resolve(tc.in)
			if got.Code != tc.wantCode || got.Name != tc.wantName || got.Level != tc.wantLevel || got.Stated != tc.wantStated {
				t.Errorf("Resolve = name %q level %q code %q (%.2f); want %q %q %q\nreason: %s\nevidence: %+v\ncandidates: %+v",
					got.Name, got.Level, got.Code, got.Confidence, tc.wantName, tc.wantLevel, tc.wantCode, got.Reason, got.Evidence, got.Candidates)
			}
			if tc.wantAmong != "" && !slices.ContainsFunc(got.Candidates, func(c Candidate) bool { return c.Code == tc.wantAmong }) {
				t.Errorf("candidates %+v lack %s", got.Candidates, tc.wantAmong)
			}
			checkInvariants(t, r, got)
		})
	}
}

func withURL(in Input, url string) Input   { in.URL = url; return in }
func withPath(in Input, path string) Input { in.Path = path; return in }

// checkInvariants checks what every Result promises.
func checkInvariants(t *testing.T, r *Resolver, got Result) {
	t.Helper()
	if got.Path == nil || got.Evidence == nil {
		t.Errorf("Resolve: nil Path or Evidence in %+v", got)
	}
	if got.Confidence < 0 || got.Confidence > 1 {
		t.Errorf("Resolve: confidence %g", got.Confidence)
	}
	if got.Code != "" {
		if len(got.Candidates) != 0 || got.Reason != "" {
			t.Errorf("Resolve: code %s with candidates %v or reason %q", got.Code, got.Candidates, got.Reason)
		}
		if !got.Stated && got.Confidence < MinConfidence {
			t.Errorf("Resolve: code %s at confidence %g", got.Code, got.Confidence)
		}
		if _, ok := r.t.Get(got.Code); !ok || len(got.Path) == 0 {
			t.Errorf("Resolve: unknown code %s or empty path", got.Code)
		}
	} else {
		if len(got.Path) != 0 {
			t.Errorf("Resolve: path %v without a code", got.Path)
		}
		if got.Reason == "" {
			t.Errorf("Resolve: unresolved without a reason")
		}
	}
	for _, c := range got.Candidates {
		if d, ok := r.t.Get(c.Code); !ok || len(c.Path) == 0 || c.Path[len(c.Path)-1] != d.Name {
			t.Errorf("Resolve: bad candidate %+v", c)
		}
	}
}

func TestBareLevel(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"市政府坚持以习近平新时代中国特色社会主义思想为指导", "市"},
		{"区人民政府认真贯彻", "区"},
		{"街道坚持问题导向", "街道"},
		{"街道办事处坚持", "街道"},
		{"我镇坚持", "镇"},
		{"本街道全年", "街道"},
		{"区委全面依法治区委员会", ""},
		{"市人大常委会", ""},
		{"镇坚持", ""},
	} {
		if got := bareLevel(tc.s); got != tc.want {
			t.Errorf("bareLevel(%q) = %q; want %q", tc.s, got, tc.want)
		}
	}
}

func TestTitleHead(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"古城街道2024年度法治政府建设情况报告", "古城街道"},
		{"2020年静海区法治政府建设情况报告", "静海区"},
		{"2022年度螅镇政府信息公开工作年度报告", "螅镇"},
		{"鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告", "鲤城区人民政府金龙街道办事处"},
		{"关于2021年法治政府建设的年度报告", ""},
		{"【2024年】阿拉善北路街道法治政府建设年度报告", "阿拉善北路街道"},
	} {
		if got := titleHead(tc.in); got != tc.want {
			t.Errorf("titleHead(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestRealReports resolves the bundled samples, the real development set
// and the annotated realpool batches from their text alone and with their
// web address, and holds the figures the README gives. No report may ever
// get a wrong code.
func TestRealReports(t *testing.T) {
	r := mustResolver(t)
	for _, tc := range []struct {
		dir              string
		textMin, withURL float64
	}{
		{"../../datasets/reports", 1, 1},
		{"../../datasets/realdev", 0.82, 0.97},
		{"../../datasets/realpool/batchA", 0.88, 0.94},
		{"../../datasets/realpool/batchB", 0.83, 0.88},
		{"../../datasets/realpool/batchC", 0.88, 1},
	} {
		reps := mustReports(t, tc.dir)
		for _, useURL := range []bool{false, true} {
			right := 0
			for _, rep := range reps {
				in := mustInput(t, tc.dir, rep.File)
				if useURL {
					in.URL = rep.URL
				}
				got := r.Resolve(in)
				want := goldeval.CanonicalCode(rep.DivisionCode)
				switch {
				case got.Code != "" && got.Code != want:
					t.Errorf("%s/%s (url %v): WRONG code %s; want %q (%s)", tc.dir, rep.File, useURL, got.Code, want, rep.Jurisdiction)
				case got.Code == want:
					right++
				}
			}
			min := tc.textMin
			if useURL {
				min = tc.withURL
			}
			if acc := float64(right) / float64(len(reps)); acc < min {
				t.Errorf("%s (url %v): %d/%d right (%.3f); want ≥ %.2f", tc.dir, useURL, right, len(reps), acc, min)
			}
		}
	}
}

type report struct {
	goldeval.Report
	URL string `json:"url"`
}

func mustReports(t *testing.T, dir string) []report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "reports.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	reps, err := goldeval.ReadReports(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, `"url": "`); i >= 0 {
			rest := line[i+len(`"url": "`):]
			urls[fileOf(line)] = rest[:strings.Index(rest, `"`)]
		}
	}
	out := make([]report, len(reps))
	for i, r := range reps {
		out[i] = report{Report: r, URL: urls[r.File]}
	}
	return out
}

func fileOf(line string) string {
	i := strings.Index(line, `"file": "`)
	if i < 0 {
		return ""
	}
	rest := line[i+len(`"file": "`):]
	return rest[:strings.Index(rest, `"`)]
}

func mustInput(t *testing.T, dir, file string) Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.Read(context.Background(), file, b)
	if err != nil {
		t.Fatal(err)
	}
	l := layout.Read(doc.Text, doc.Title)
	year, _, _ := reportyear.Detect(l)
	return Input{Layout: l, Path: file, Year: year}
}

// TestCountParentWords checks the parent words the name scan counts
// against a strings.Count of every word they stand for.
func TestCountParentWords(t *testing.T) {
	for _, body := range []string{
		"", "区", "依法治区", "全区全县全市区委县政府市人大区司法局县级", "在区委、区政府的领导下，全区依法治区办，县委县委县委", "市市市委委区区政府政府",
		"全全区依法治依法治市级级", "\xe5", "区\xe5\x8c",
	} {
		got := bodyCounts{selfRefs: map[string]int{}}
		mustResolver(t).ix.scan(body, 3, false, &got)
		for k, lv := range []string{"区", "县", "市"} {
			want := strings.Count(body, "依法治"+lv) + strings.Count(body, "全"+lv)
			for _, w := range parentWordForms {
				want += strings.Count(body, lv+w)
			}
			if got.parentWords[k] != want {
				t.Errorf("scan(%q).parentWords[%s] = %d; want %d", body, lv, got.parentWords[k], want)
			}
		}
	}
}
