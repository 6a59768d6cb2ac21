package extract

import (
	"fmt"
	"strings"
	"testing"
)

// summary renders the stated facts as "code=value" (approx values get a ~,
// scoped ones @scope), in text order.
func summary(facts []Fact) string {
	var parts []string
	for _, f := range facts {
		if f.Derived {
			continue
		}
		p := fmt.Sprintf("%s=%g", f.Indicator, f.Value)
		if f.Approx {
			p += "~"
		}
		if f.Scope != "" {
			p += "@" + f.Scope
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// sentenceCases are sentences in the style of the reports, with the facts
// they state. A case with want "" states none (dates, labels, plans, growth,
// breakdowns...).
var sentenceCases = []struct {
	name string
	in   string
	want string
}{
	// mediation: accepted, resolved, rate
	{"accepted 宗", "全年共受理调解案件167宗。", "mediation.cases_accepted=167"},
	{"accepted 件", "今年以来,共受理矛盾纠纷374件,调解成功367件,调解成功率98.1%。", "mediation.cases_accepted=374 mediation.cases_resolved=367 mediation.success_rate=98.1"},
	{"调处 handled", "该调解室共调处矛盾纠纷773宗,调处成功747宗,成功率达97%。", "mediation.cases_accepted=773@调解室 mediation.cases_resolved=747@调解室 mediation.success_rate=97@调解室"},
	{"化解 resolved approx", "全年化解矛盾纠纷1200余件。", "mediation.cases_resolved=1200~"},
	{"resolved before accepted", "成功调解各类纠纷58件,受理纠纷60件。", "mediation.cases_resolved=58 mediation.cases_accepted=60"},
	{"people's mediation committees", "全镇各级人民调解委员会共排查调处矛盾纠纷326件,调解成功318件,调解成功率97.5%。", "mediation.cases_accepted=326 mediation.cases_resolved=318 mediation.success_rate=97.5"},
	{"调解率 glued", "受理矛盾纠纷374件,调解成功367件,调解率98.1%三是加强法律服务。", "mediation.cases_accepted=374 mediation.cases_resolved=367 mediation.success_rate=98.1"},
	{"rate 达到", "矛盾纠纷调解成功率达到100%。", "mediation.success_rate=100"},
	{"rate 为", "人民调解成功率为96.8%,", "mediation.success_rate=96.8"},
	{"调处成功率", "全年调处各类纠纷89起,调处成功率达95%以上。", "mediation.cases_accepted=89 mediation.success_rate=95~"},
	{"调解纠纷 例", "共调解民间纠纷45例,达成调解协议43例。", "mediation.cases_accepted=45 mediation.cases_resolved=43"},
	{"Chinese numerals accepted", "受理调解案件二十三件,调解成功二十件。", "mediation.cases_accepted=23 mediation.cases_resolved=20"},
	{"amount 万元 approx", "调解涉及金额约1502万元人民币。", "mediation.amount=1.502e+07~"},
	{"amount 达 exact", "涉及金额达181.7万元。", ""},
	{"amount in mediation sentence", "调处矛盾纠纷773宗,涉及金额达181.7万元。", "mediation.cases_accepted=773 mediation.amount=1.817e+06"},
	{"amount 亿元", "调解成功纠纷120件,涉案金额1.2亿元。", "mediation.cases_resolved=120 mediation.amount=1.2e+08"},
	{"organizations", "设立各级各类人民调解组织74个。", "mediation.organizations=74"},
	{"organizations right", "街道调委会下设2个专项调解室。", "mediation.organizations=2"},
	{"organizations 家", "全区建成人民调解委员会126家,", "mediation.organizations=126"},
	{"mediators 名", "配备5名专职调解员。", "mediation.mediators=5"},
	{"mediators 人民调解员 left", "现有人民调解员312名,", "mediation.mediators=312"},
	{"mediators 位", "聘请8位兼职调解员参与调解工作。", "mediation.mediators=8"},
	{"grid workers into mediator pool", "我镇已将全镇158名网格员纳入调解员库。", "mediation.mediators=158"},
	{"screened", "全年排查矛盾10000余次。", "mediation.disputes_screened=10000~"},
	{"screened 排查矛盾纠纷", "开展矛盾纠纷排查56次,", "mediation.disputes_screened=56"},
	{"mediation studio scope", "莫满水调解工作室自成立以来共受理调解案件167宗,成功调解164宗。", "mediation.cases_accepted=167@莫满水调解工作室 mediation.cases_resolved=164@莫满水调解工作室"},
	{"station scope", "石水口工作站参与调解的286宗,调处成功的250宗。", "mediation.cases_accepted=286@石水口工作站 mediation.cases_resolved=250@石水口工作站"},
	{"breakdown after 其中", "共调处矛盾纠纷773宗,其中治安纠纷738宗,民事纠纷35宗。", "mediation.cases_accepted=773"},
	{"agreements are parts", "共受理调解案件167宗,成功调解164宗,其中口头协议148宗,书面协议16宗。", "mediation.cases_accepted=167 mediation.cases_resolved=164"},
	{"group incidents are parts", "调解涉及金额约1502万元,其中,群体性事件4宗,涉及人数约730人,涉及金额约986万元。", "mediation.amount=1.502e+07~"},
	{"growth of disputes", "受理矛盾纠纷同比下降12%。", ""},
	{"backlog petitions not mediation", "化解信访积案5件。", ""},
	{"participated in mediation", "参与调解3次,", "mediation.cases_accepted=3"},

	// litigation
	{"litigation cases", "全区各级行政应诉案件56件。", "litigation.cases=56"},
	{"litigation right", "法律顾问共参与7件行政诉讼案件审理。", "litigation.cases=7"},
	{"litigation outcomes in parentheses", "共参与7件行政诉讼案件审理(其中1件驳回原告诉讼请求、2件原告撤诉、4件尚在审理中),全年无败诉案件。", "litigation.cases=7 litigation.won=1 litigation.withdrawn=2 litigation.pending=4 litigation.lost=0"},
	{"lost stated", "全年办理行政诉讼案件12件,胜诉9件,败诉1件,撤诉2件。", "litigation.cases=12 litigation.won=9 litigation.lost=1 litigation.withdrawn=2"},
	{"zero lost", "全年无败诉案件。", "litigation.lost=0"},
	{"zero lost 零败诉", "实现行政诉讼零败诉。", "litigation.lost=0"},
	{"loss rate", "行政诉讼败诉率为2.1%。", "litigation.loss_rate=2.1"},
	{"appearance rate", "被诉行政机关负责人出庭率72.7%", "litigation.appearance_rate=72.7"},
	{"appearance rate 出庭应诉率", "行政机关负责人出庭应诉率达100%。", "litigation.appearance_rate=100"},
	{"pre-suit mediation", "参与行政诉讼诉前调解1件(已达成调解协议)。", "litigation.pre_suit_mediations=1"},
	{"civil suits are not", "代理民事诉讼案件5件。", ""},
	{"defendant scope", "全区各级行政应诉案件56件,其中以区政府为被告行政应诉案件40件。", "litigation.cases=56 litigation.cases=40@区政府"},
	{"应诉 with 起", "全年共办理行政应诉案件23起,", "litigation.cases=23"},
	{"胜诉 right", "其中3件胜诉,", "litigation.won=3"},
	{"plan for zero losses", "下一步,确保全年无败诉案件。", ""},
	{"zero lost with words between", "全年无行政诉讼败诉案件。", "litigation.lost=0"},
	{"zero lost 未发生", "全年未发生行政诉讼败诉案件,", "litigation.lost=0"},
	{"zero lost 没有", "没有出现败诉案件。", "litigation.lost=0"},
	{"ensure no losses", "确保行政机关无败诉。", ""},
	{"loss counted", "败诉案件3件。", "litigation.lost=3"},
	{"no zero for a listed figure", "无、败诉3件。", "litigation.lost=3"},
	{"service consultations are not legal", "政务服务中心接受群众咨询3000余次。", ""},
	{"party day activities", "开展主题党日活动12次,推进法治建设。", ""},

	// publicity
	{"events 场次 approx", "开展各类法治宣传活动91余场次。", "publicity.events=91~"},
	{"events 八进", "开展“八进”活动60余次。", "publicity.events=60~"},
	{"events 场", "开展法治宣传52场,", "publicity.events=52"},
	{"events series", "先后开展普法进工地、进企业、进校园、进社区、进门店等系列活动60余场。", "publicity.events=60~"},
	{"events generic 活动 in law campaign", "以“宪法在我心中”为主题,累计开展活动331场次。", "publicity.events=331"},
	{"events 普法游园", "举办普法游园2场次,", "publicity.events=2"},
	{"events 期", "组织开展普法宣传活动12期,", "publicity.events=12"},
	{"lectures", "开展法治讲座336场次,", "publicity.lectures=336"},
	{"lectures 专题讲座", "组织开展“民法典若干重大问题”等专题讲座8次,", "publicity.lectures=8"},
	{"lectures leaders Chinese", "举办领导干部法治专题培训讲座两次。", "publicity.lectures=2"},
	{"lectures 期 right", "2019年共举办一期领导干部法治专题培训班和两期法治专题讲座。", "publicity.lectures=1 publicity.lectures=2"},
	{"lectures 轮训 right", "承接镇级4期辖区人民调解员轮训,", "publicity.lectures=4"},
	{"lectures 授课 right", "分别对调解室人员进行17场有针对性的法律知识授课,", "publicity.lectures=17@调解室"},
	{"lectures 堂", "开设法治课12堂,", "publicity.lectures=12"},
	{"training counts people are not lectures", "组织43名执法人员参加培训。", ""},
	{"materials approx 万", "发放各类法治宣传册1万余份,", "publicity.materials=10000~"},
	{"materials 派发", "派发宣传资料3000余份,", "publicity.materials=3000~"},
	{"materials Chinese", "发放普法资料两千余份。", "publicity.materials=2000~"},
	{"materials 册", "发放《民法典》宣传手册500册,", "publicity.materials=500"},
	{"gifts are not materials", "派发普法礼品3000余份。", ""},
	{"audience", "受教育学生达18353人。", "publicity.audience=18353"},
	{"audience 人次", "参与群众达5000余人次,", "publicity.audience=5000~"},
	{"online posts", "推送微信72期214条。", "publicity.online_posts=214"},
	{"online posts 篇", "通过微信公众号发布普法文章86篇,", "publicity.online_posts=86"},
	{"online posts 短信", "发送普法短信3万余条。", "publicity.online_posts=30000~"},
	{"consultations 次", "解答法律咨询442次,", "publicity.consultations=442"},
	{"consultations 人次 approx", "现场解答法律咨询200余人次。", "publicity.consultations=200~"},
	{"consultations 接受", "开展普法宣传,接受群众咨询1300余人次,", "publicity.consultations=1300~"},
	{"study central group", "中心组开展集体学习20次,", "study.sessions=20"},
	{"study cadres", "机关干部集体学法16次。", "study.sessions=16"},
	{"study right", "理论学习中心组开展4次集中学习,", "study.sessions=4"},
	{"study leaders", "领导班子学法4次,", "study.sessions=4"},
	{"study hearing", "组织调解室人员到法庭旁听庭审4次,", "study.sessions=4@调解室"},
	{"study 会前学法", "常务会会前学法12次,", "study.sessions=12"},
	{"study 专题学习 Chinese", "召开党委会专题学习三次。", "study.sessions=3"},

	// reconsideration
	{"reconsideration received", "受理行政复议申请6件,审结3件,经调解和解3件。", "reconsideration.received=6 reconsideration.concluded=3 reconsideration.settled=3"},
	{"reconsideration corrected", "全年共收到行政复议申请25件,依法纠错2件,维持12件。", "reconsideration.received=25 reconsideration.corrected=2 reconsideration.upheld=12"},
	{"reconsideration 撤销", "受理行政复议案件18件,其中撤销3件,确认违法1件。", "reconsideration.received=18 reconsideration.corrected=3 reconsideration.corrected=1"},
	{"as respondent", "区政府被复议案件3件。", "reconsideration.as_respondent=3"},
	{"as respondent 被申请", "办理区政府被申请行政复议案件4件,", "reconsideration.as_respondent=4"},

	// petition
	{"petition", "今年以来,我镇共办理信访案件547宗,其中涉法涉诉类案件4宗,办结519宗,办结率达94.88%。", "petition.cases_received=547 petition.cases_concluded=519 petition.conclusion_rate=94.88"},
	{"petition batches and people", "受理群众来访信访案件168批次,505人次。", "petition.cases_received=168 petition.people=505"},
	{"petition 件 受理", "全年受理信访事项213件,按期办结率100%。", "petition.cases_received=213 petition.conclusion_rate=100"},
	{"petition backlog", "化解信访积案5件,解决信访突出问题1起。", ""},
	{"petition 接待来访", "接待群众来访86批次,", "petition.cases_received=86"},

	// arbitration
	{"arbitration", "全年共受理劳动争议案件124件,结案124件,仲裁结案率达95.4%。", "arbitration.cases_accepted=124 arbitration.cases_closed=124 arbitration.closure_rate=95.4"},
	{"arbitration amounts are not mediation", "受理劳动争议案件124件,涉及劳动者127人,涉及金额502万元。", "arbitration.cases_accepted=124"},
	{"arbitration 劳动人事争议", "受理劳动人事争议仲裁案件36件,审结33件。", "arbitration.cases_accepted=36 arbitration.cases_closed=33"},

	// disclosure
	{"disclosure proactive", "主动公开各类信息7714条,", "disclosure.proactive_items=7714"},
	{"disclosure partial", "截至10月30日,公开各类信息共1547条。", "disclosure.proactive_items=1547"},
	{"disclosure requests", "办理依申请公开39件,", "disclosure.requests=39"},
	{"disclosure policy", "发布政策解读97件。", "disclosure.policy_interpretations=97"},
	{"disclosure 政府信息", "全年主动公开政府信息1260条,受理政府信息公开申请15件,", "disclosure.proactive_items=1260 disclosure.requests=15"},
	{"disclosure 解读 篇", "发布图文解读、政策解读23篇。", "disclosure.policy_interpretations=23"},

	// enforcement
	{"penalty 起", "承办行政处罚案件546起", "enforcement.penalty_cases=546"},
	{"penalty 宗", "行政处罚案件112宗。", "enforcement.penalty_cases=112"},
	{"inspections", "累计开展各类行政检查354次,", "enforcement.inspections=354"},
	{"inspections cases", "公开行政检查案件5宗,", "enforcement.inspections=5"},
	{"licensing", "行政许可案件722宗,", "enforcement.licensing_cases=722"},
	{"certified right", "全区共有171人持有行政执法证件。", "enforcement.certified_officers=171"},
	{"certified new are not", "新申领执法证40人。", ""},
	{"certification rate", "执法人员持证率已超92%。", "enforcement.certification_rate=92~"},
	{"case files glued years", "对20192020172件行政处罚案件进行了抽样评查。", "enforcement.case_files_reviewed=172"},
	{"case files", "组织开展行政执法案卷评查,共评查案卷86卷。", "enforcement.case_files_reviewed=86"},
	{"case files left", "抽查行政执法案卷30份,", "enforcement.case_files_reviewed=30"},
	{"price gouging is not penalty total", "查处哄抬价格违法行为10起。", ""},
	{"penalty 立案查处", "全年立案查处违法案件35件,", "enforcement.penalty_cases=35"},
	{"inspections 执法检查 Chinese", "开展联合执法检查十二次。", "enforcement.inspections=12"},

	// legality
	{"legality reviews", "累计完成各类事项合法性审查61件,", "legality.reviews=61"},
	{"legality list breakdown", "累计完成各类事项合法性审查61件,具体包括政府合同40件、会议纪要3件、项目招标公平竞争及合法性审查18件;", "legality.reviews=61 legality.contract_reviews=40"},
	{"legality adviser", "区政府法律顾问参与合法性审核39件、合同审查17件。", "legality.reviews=39@区政府法律顾问 legality.contract_reviews=17@区政府法律顾问"},
	{"legality right", "对提交区政府常务会议研究的45个文件进行了严格的合法性审查。", "legality.reviews=45"},
	{"legality combined list", "全年街道法律顾问完成规范性文件、重大行政决策和重大合同行为等合法性、合理性审查、法律风险评估和论证共计20余件。", "legality.reviews=20~@街道法律顾问"},
	{"normative documents issued", "制定印发规范性文件4份。", "legality.normative_documents=4"},
	{"normative documents filed", "对11份备案规范性文件进行了清理。", "legality.normative_documents=11"},
	{"normative 件", "清理后现行规范性文件4件。", "legality.normative_documents=4"},
	{"risk assessments", "完成重大项目与政策措施风险评估9个,其中重大项目5个、重大政策措施4个。", "legality.risk_assessments=9"},
	{"risk 社会稳定", "开展重大决策社会稳定风险评估6项,", "legality.risk_assessments=6"},
	{"contract reviews", "审查各类合同128份,", "legality.contract_reviews=128"},

	// counsel
	{"adviser services", "村居法律顾问累计提供法律服务503次,", "counsel.adviser_services=503@村居法律顾问"},
	{"adviser other", "街道法律顾问提供其他法律服务80余次。", "counsel.adviser_services=80~@街道法律顾问"},
	{"legal aid", "承办法律援助案件34宗,", "counsel.legal_aid_cases=34"},
	{"legal aid 件", "全年受理法律援助案件128件,", "counsel.legal_aid_cases=128"},
	{"coverage rate", "实现村(社区)法律顾问覆盖率100%。", "counsel.adviser_coverage_rate=100"},
	{"adviser contracts are not", "完成17条村(社区)法律顾问合同签订工作。", ""},

	// supervision
	{"npc", "认真办理人大代表建议142件,政协委员提案66件。", "supervision.npc_suggestions=142 supervision.cppcc_proposals=66"},
	{"npc pending not", "办结镇人大代表建议38件,处理中的有11件。", "supervision.npc_suggestions=38"},
	{"audit", "全年完成审计项目29项,", "supervision.audit_projects=29"},
	{"audit suggestions not", "提出审计建议163条,审计资金301,383万元。", ""},
	{"cppcc 提案 条", "办理政协提案35条,", "supervision.cppcc_proposals=35"},

	// services
	{"service items", "涉及项目审批、注册登记、便民服务等共497项服务事项。", "services.items=497"},
	{"service items 事项", "共发布政务服务事项1664事项,其中324项可在线申办。", "services.items=1664"},
	{"service items 入驻", "政务服务大厅共入驻服务事项119项。", "services.items=119"},
	{"online rate", "网办率达85%。", "services.online_rate=85"},
	{"cases handled", "政务服务中心共办理各类业务25864宗。", "services.cases_handled=25864"},
	{"最多跑一次 list not", "梳理公布“最多跑一次”清单共1462项,", ""},
	{"办件量", "全年政务服务中心办件量达3.2万件。", "services.cases_handled=32000"},

	// never facts
	{"year", "2022年,我街道深入推进法治政府建设。", ""},
	{"date", "于2018年12月2日开始服务群众。", ""},
	{"ordinal 一是", "一是狠抓组织领导。二是狠抓责任落实。", ""},
	{"ordinal 第二", "召开区委全面依法治区委员会第二次会议。", ""},
	{"document number", "印发《关于加强法治建设的通知》(桥府办〔2022〕5号)。", ""},
	{"hotline", "畅通12345政府服务热线、8890便民热线等渠道。", ""},
	{"slogan 七五普法", "全面完成“七五”普法各项任务。", ""},
	{"slogan 十四五", "编制“十四五”法治政府建设规划。", ""},
	{"label 三项制度", "全面落实行政执法三项制度。", ""},
	{"label 1+17+192", "创建起“1+17+192”多元参与全域覆盖矛盾纠纷调处化解工作新模式。", ""},
	{"label 四到位", "实现领导、机构、人员、经费“四到位”。", ""},
	{"label 两个维护", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。", ""},
	{"label 一网通办", "深化“一网通办”改革,推进“一次办好”。", ""},
	{"plan next step", "下一步,计划开展法治宣传活动20场。", ""},
	{"plan 力争", "力争全年调解成功率达到98%以上。", ""},
	{"plan next year", "2023年,将开展法治讲座10场。", ""},
	{"target", "目标是实现法律顾问覆盖率100%。", ""},
	{"growth percent", "行政复议案件同比增加13%。", ""},
	{"growth count", "办件量较上年增长1200件。", ""},
	{"frequency", "每月开展法治宣传活动2次。", ""},
	{"requirement", "每季度至少召开1次专题会议。", ""},
	{"one-off 一次性", "实行一次性告知制度。", ""},
	{"percentage points", "群众满意度提高5个百分点。", ""},
	{"area", "占地近三千平方米。", ""},
	{"hours", "提供24小时不间断便民服务。", ""},
	{"law title number", "学习《中华人民共和国民法典》第1165条。", ""},
	{"ratio of items", "共有1112个事项达到要求,实现比例达76%。", ""},
	{"satisfaction", "群众满意度100%。", ""},
	{"members", "成立以党委副书记为组长、17个单位负责人为成员的领导小组。", ""},
	{"bulletin boards", "设置法治宣传栏60个。", ""},
	{"villages", "全区59个村聘请了法律顾问。", ""},

	// more phrasings from other regions
	{"thousands separators", "全年共受理各类矛盾纠纷1,256件,调解成功1,238件,调解成功率98.6%。", "mediation.cases_accepted=1256 mediation.cases_resolved=1238 mediation.success_rate=98.6"},
	{"mediation committees handled", "各级人民调解组织调解矛盾纠纷2356件,成功率99.2%。", "mediation.cases_accepted=2356 mediation.success_rate=99.2"},
	{"county mediators", "全县共有人民调解员1568名。", "mediation.mediators=1568"},
	{"screen and resolve", "开展矛盾纠纷排查活动120余次,化解矛盾纠纷356件。", "mediation.disputes_screened=120~ mediation.cases_resolved=356"},
	{"mediation 万 approx", "累计调解纠纷3.5万余件。", "mediation.cases_accepted=35000~"},
	{"new suits, losses and rate", "全年新收行政诉讼案件35件,审结31件,其中败诉2件,败诉率6.5%。", "litigation.cases=35 litigation.lost=2 litigation.loss_rate=6.5"},
	{"county government as defendant", "以县政府为被告的行政诉讼案件15件。", "litigation.cases=15@县政府"},
	{"reconsideration outcomes", "全年收到行政复议申请43件,审结36件,其中维持22件,撤销3件,确认违法2件。", "reconsideration.received=43 reconsideration.concluded=36 reconsideration.upheld=22 reconsideration.corrected=3 reconsideration.corrected=2"},
	{"send law to villages", "开展送法下乡活动35场次,发放宣传资料2.5万份,接受法律咨询1800余人次。", "publicity.events=35 publicity.materials=25000 publicity.consultations=1800~"},
	{"hearing attendance", "组织国家工作人员旁听庭审活动3次。", "study.sessions=3"},
	{"lectures and trainees", "举办法治专题讲座6期,培训干部1200余人次。", "publicity.lectures=6"},
	{"legal aid and money saved", "全县共办理法律援助案件486件,为受援人挽回经济损失1200余万元。", "counsel.legal_aid_cases=486"},
	{"county study before meetings", "县政府常务会议会前学法12次。", "study.sessions=12"},
	{"legal opinions", "全年共出具法律意见书56份。", "counsel.adviser_services=56"},
	{"service cases 万", "全年政务服务大厅共受理各类办件18.6万件,办结率100%。", "services.cases_handled=186000"},
	{"disclosure requests handled", "政府信息公开申请办理23件。", "disclosure.requests=23"},
	{"disclosure with separators", "全年共主动公开政府信息3,568条。", "disclosure.proactive_items=3568"},
	{"case files 卷", "完成行政执法案卷评查120卷。", "enforcement.case_files_reviewed=120"},
	{"certified left", "全县持有行政执法证件人员862名。", "enforcement.certified_officers=862"},
	{"npc and cppcc with reply rate", "办理人大代表建议52件、政协提案61件,办复率100%。", "supervision.npc_suggestions=52 supervision.cppcc_proposals=61"},
	{"inspections approx", "开展各类执法检查1,200余次。", "enforcement.inspections=1200~"},
	{"villages with advisers", "全镇19个村(社区)全部配备法律顾问。", ""},
	{"adviser opinions", "法律顾问为镇政府提供法律意见32条。", "counsel.adviser_services=32@法律顾问"},
	{"materials 5万余", "印发普法宣传资料5万余份。", "publicity.materials=50000~"},
	{"constitution day", "在“12·4”国家宪法日期间,开展宪法宣传活动15场。", "publicity.events=15"},
	{"study 十余次", "共组织开展集体学法十余次。", "study.sessions=10~"},
	{"trainings", "举办各类培训班5期,培训执法人员600余人次。", "publicity.lectures=5"},
	{"central group 专题学法", "党委理论学习中心组专题学法4次。", "study.sessions=4"},
	{"decline", "较去年同期下降15.6%。", ""},
	{"percentage point rise", "调解成功率较上年提高2个百分点。", ""},
	{"hotline 12348", "开通“12348”公共法律服务热线。", ""},
	{"working days", "在3个工作日内办结。", ""},
	{"time cut", "行政审批事项办理时限平均压缩60%以上。", ""},
	{"online rate 网上可办率", "政务服务事项网上可办率达98%。", "services.online_rate=98"},
	{"online rate 全程网办率", "全程网办率达到85.3%。", "services.online_rate=85.3"},
	{"八五普法", "启动“八五”普法规划。", ""},
	{"meetings Chinese no code", "全年两次召开常务会议专题研究法治政府建设。", ""},
	{"percent Chinese", "调解成功率达百分之九十八。", "mediation.success_rate=98"},
	{"approx 近", "发放宣传资料近5000份。", "publicity.materials=5000~"},
	{"approx 超过", "受理调解案件超过300件。", "mediation.cases_accepted=300~"},
	{"approx 左右", "调解纠纷300件左右。", "mediation.cases_accepted=300~"},
	{"approx 以上", "开展法治宣传活动50场以上。", "publicity.events=50~"},
	{"approx 逾", "受理矛盾纠纷逾千件。", "mediation.cases_accepted=1000~"},

	// 分别, vague quantities, 余万
	{"分别 pairs", "全年共受理、调解成功矛盾纠纷分别为120件、118件。", "mediation.cases_accepted=120 mediation.cases_resolved=118"},
	{"分别 petitions", "共受理、办结信访事项分别为213件、210件。", "petition.cases_received=213 petition.cases_concluded=210"},
	{"余万元", "涉及金额300余万元。", ""},
	{"余万元 mediation", "调解纠纷56件,涉及金额300余万元。", "mediation.cases_accepted=56 mediation.amount=3e+06~"},
	{"万余人次", "接受法律咨询1.2万余人次。", "publicity.consultations=12000~"},
	{"两万余份", "发放宣传资料两万余份。", "publicity.materials=20000~"},
	{"数千 vague", "发放宣传资料数千份。", ""},
	{"上万 vague", "受教育群众上万人次。", ""},
	{"近百场", "开展法治宣传活动近百场。", "publicity.events=100~"},
	{"千余份", "发放普法资料千余份。", "publicity.materials=1000~"},
	{"几十 vague", "开展普法宣传几十场。", ""},

	// figures with no code, and codes in other wording
	{"advisers count no code", "全镇共有村(社区)法律顾问19名。", ""},
	{"trainees no code", "组织全体干部参加法治培训,参训人数达300余人。", ""},
	{"audience 覆盖群众", "开展法治宣传教育活动,覆盖群众2万余人。", "publicity.audience=20000~"},
	{"licensing items", "共受理行政许可事项1,250件。", "enforcement.licensing_cases=1250"},
	{"双随机 inspections", "开展“双随机、一公开”抽查136次。", "enforcement.inspections=136"},
	{"officers are not certified officers", "全区共有行政执法人员1,024名,持证率100%。", "enforcement.certification_rate=100"},
	{"letters and visits 件次", "办理群众来信来访32件次。", "petition.cases_received=32"},
	{"hotline demands are not petitions", "12345热线受理群众诉求8,560件,办结率99.8%。", ""},
	{"satisfaction alongside", "调解成功率100%,群众满意率100%。", "mediation.success_rate=100"},
	{"legal services to firms", "为企业提供法律服务120余次。", "counsel.adviser_services=120~"},
	{"mediator training", "举办人民调解员培训班3期,培训调解员260人。", "publicity.lectures=3"},
	{"new mediators are a flow", "新增人民调解员20名。", ""},
	{"books", "发放《宪法》《民法典》等法律书籍3000余册。", "publicity.materials=3000~"},
	{"banners", "悬挂横幅50条。", ""},
	{"wechat posts", "在微信公众号发布信息286条。", "publicity.online_posts=286"},
	{"website disclosure", "通过政府网站公开信息1,280条。", "disclosure.proactive_items=1280"},
	{"consultations 接待", "接待群众法律咨询1500余人次。", "publicity.consultations=1500~"},
	{"notary no code", "办理公证事项230件。", ""},
	{"committee meetings no code", "组织召开全面依法治县委员会会议2次。", ""},
	{"major decisions reviewed", "办理重大行政决策合法性审查8件。", "legality.reviews=8"},
	{"normative documents reviewed", "对27件规范性文件进行合法性审核。", "legality.reviews=27"},
	{"normative filing", "备案审查规范性文件12件。", "legality.normative_documents=12"},
	{"normative clean-up", "清理规范性文件56件,废止3件,修改2件。", "legality.normative_documents=56"},
	{"contracts reviewed", "审查合同协议86份。", "legality.contract_reviews=86"},
	{"penalties and fines", "办理行政处罚案件1,356件,罚没款金额860万元。", "enforcement.penalty_cases=1356"},
	{"penalty decisions", "作出行政处罚决定215件。", "enforcement.penalty_cases=215"},
	{"service items handled as cases", "全年共办理各类政务服务事项12.5万件。", "services.cases_handled=125000"},
	{"mediation agreements kept", "人民调解协议履行率100%。", ""},
	{"dispute resolution rate", "矛盾纠纷化解率达98%。", "mediation.success_rate=98"},
	{"petition rates", "信访事项及时受理率100%、按期办结率100%。", "petition.conclusion_rate=100"},
	{"appearance for three years", "行政机关负责人出庭应诉率连续三年保持100%。", "litigation.appearance_rate=100"},
	{"one lecture", "开展了一场法治讲座。", "publicity.lectures=1"},
	{"one platform", "建立一个平台。", ""},
	{"mediation room Chinese", "设立一个调解室。", "mediation.organizations=1"},
	{"plan in annual plan word", "按照年度普法计划,开展宣传活动56场。", "publicity.events=56"},
	{"penalty with 家 no code", "对23家企业进行了处罚。", ""},
	{"audit 项 with money", "完成审计项目12个,审计资金1.2亿元。", "supervision.audit_projects=12"},
	{"proposals handled rate", "人大代表建议和政协提案办复率100%。", ""},
}

func TestExtractSentences(t *testing.T) {
	for _, tt := range sentenceCases {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(Extract(tt.in, Options{Year: 2022}))
			if got != tt.want {
				t.Errorf("Extract(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
