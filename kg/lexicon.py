"""General knowledge of Chinese governance vocabulary: organ cores, instrument kinds, cue verbs.

These are closed classes of the language of administration (the suffixes organs and documents
are named with), not names copied from any report. Order matters where noted: longer first.
"""
from __future__ import annotations

#: central (national) organs: keep their own name, never get a place prefix or locatedIn
CENTRAL_ORGANS: tuple[str, ...] = (
    "中共中央", "党中央", "国务院", "全国人大常委会", "全国人大", "全国政协", "中央军委",
    "最高人民法院", "最高人民检察院", "最高法", "最高检",
    "中央依法治国办", "中央全面依法治国委员会", "中央全面依法治国委员会办公室",
    "中央政法委", "中央纪委", "国家监委", "中央组织部", "中央宣传部", "中央编办",
    "司法部", "公安部", "民政部", "财政部", "教育部", "商务部", "文化和旅游部", "生态环境部",
    "自然资源部", "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "退役军人事务部",
    "应急管理部", "人力资源和社会保障部", "人力资源社会保障部", "人社部", "住房城乡建设部", "住建部",
    "工业和信息化部", "工信部", "科学技术部", "科技部", "外交部", "国防部", "国家安全部", "审计署",
    "国家卫生健康委员会", "国家卫生健康委", "国家卫健委", "国家民委", "国家医疗保障局", "国家医保局",
    "国家统计局", "国家知识产权局", "国家林业和草原局", "国家移民管理局", "国家金融监督管理总局",
    "中央网信办", "国家网信办", "国务院国资委", "国家发展改革委", "国家发展和改革委员会",
    "国家市场监督管理总局", "国家市场监管总局", "国家信访局", "国家税务总局", "海关总署",
    "国务院办公厅", "全国普法办", "全国妇联", "全国总工会", "共青团中央", "中国法学会",
    "中华全国律师协会", "全国律协", "中国公证协会", "新疆生产建设兵团",
    "新华社", "人民日报", "光明日报", "法治日报", "法制日报", "中央电视台", "中央广播电视总台",
    "经济日报", "中国日报", "中国青年报", "学习强国",
    "清华大学", "北京大学", "中国政法大学", "中国人民大学",
    # national banks: their branches are named after the place (中国人民银行X市分行)
    "中国人民银行", "中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行",
)

#: sub-units of central organs: 司法部 + X局/司/厅, 全国人大常委会 + 法制工作委员会, 最高人民法院 + 行政审判庭
CENTRAL_SUBUNIT_SUFFIXES: tuple[str, ...] = ("局", "司", "厅", "办公室", "中心", "分行", "支行", "委员会", "法工委", "审判庭",
                                             "研究院", "研究所")

#: the one-character names of the provinces (浙, 桂, 疆): an autonomous region's rule-of-law
#: committee is named after its own (自治区党委全面依法治疆委员会)
PROVINCE_CHARACTERS = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁疆"
#: what a party committee's rule-of-law committee governs: its level (依法治市) or its province (依法治疆)
RULE_OF_LAW_OBJECTS = "国省市县区旗州盟镇乡" + PROVINCE_CHARACTERS
#: a rule-of-law committee's office by its short name (依法治市办, 依法治疆办)
RULE_OF_LAW_OFFICES: tuple[str, ...] = tuple(f"依法治{c}办" for c in RULE_OF_LAW_OBJECTS)

#: organ cores that may follow a place prefix (with a department stem between, or none):
#: value = (minimum stem length, maximum stem length); longest core wins
ORG_CORES: dict[str, tuple[int, int]] = {
    # bodies named by the place alone (云州市人民政府, 柳溪县人民法院, 云州市委)
    "人民政府": (0, 0), "政府": (0, 0), "人民政府办公室": (0, 0), "政府办公室": (0, 0), "政府办": (0, 0),
    "委办": (0, 0), "委办公室": (0, 0),  # 区委办, 区政府办: the offices by their short names
    "行政公署": (0, 0), "行署": (0, 0),  # a 盟's or 地区's government
    "人民政府办公厅": (0, 0), "政府办公厅": (0, 0),
    "人大常委会": (0, 0), "人大": (0, 0), "政协": (0, 0), "常委会": (0, 2),
    "中级人民法院": (0, 0), "高级人民法院": (0, 0), "人民法院": (0, 0), "法院": (0, 0),
    "人民检察院": (0, 0), "检察院": (0, 0), "委": (0, 12), "监狱": (0, 6), "看守所": (0, 0),
    "管教所": (0, 8), "戒毒所": (0, 10),  # 湖北省汉江监狱, 省未成年犯管教所, 省女子强制隔离戒毒所
    "总工会": (0, 0), "妇联": (0, 0), "团委": (0, 0), "工商联": (0, 0), "纪委": (0, 0), "监委": (0, 0),
    "纪委监委": (0, 0),
    # the other people's organisations and the armed forces' department every county has
    "残联": (0, 0), "科协": (0, 0), "侨联": (0, 0), "文联": (0, 0), "社科联": (0, 0), "红十字会": (0, 0),
    "法学会": (0, 0), "律协": (0, 0), "人武部": (0, 0),
    # departments and bodies with a stem (司法局, 民政局, 依法治市办, 律师协会)
    "委员会": (2, 14), "办公室": (2, 12), "办公厅": (2, 10), "办": (2, 10), "局": (2, 12), "分局": (2, 12),
    "厅": (2, 10), "司法所": (0, 4), "公证处": (0, 0), "法律援助处": (0, 0), "办事处": (0, 8), "村委会": (0, 0), "居委会": (0, 0),
    "村民委员会": (0, 0), "居民委员会": (0, 0), "党工委": (0, 0), "管委会": (0, 0), "党委": (0, 0), "中心": (2, 12), "协会": (2, 10), "仲裁院": (2, 10),
    "学会": (2, 10), "联合会": (2, 10), "研究会": (2, 10), "宣传部": (0, 0), "组织部": (0, 0),
    "统战部": (0, 0), "政法委": (0, 0), "政研室": (0, 0), "编办": (0, 0), "武装部": (0, 0),
    "调解室": (0, 8), "工作室": (2, 12), "服务团": (2, 10), "工作站": (2, 10), "服务站": (2, 10), "律师事务所": (2, 8), "事务所": (2, 8), "司法鉴定所": (0, 8),
    "派出所": (0, 6), "研究院": (2, 8), "医院": (2, 8), "学院": (0, 8), "大学": (0, 8),
    "调解委员会": (0, 10), "调委会": (0, 8), "大队": (2, 8), "支队": (2, 8), "总队": (2, 8),
    **dict.fromkeys(RULE_OF_LAW_OFFICES, (0, 2)),
    "日报": (0, 2), "晚报": (0, 2), "广播": (2, 4), "电视台": (0, 2), "广播电视台": (0, 0),
    "传媒中心": (0, 4), "融媒体中心": (0, 0), "融媒": (0, 0), "报社": (0, 2), "有限公司": (2, 12), "公司": (2, 10),
    "集团": (2, 8),
    # schools (县第二中学) and the standing groups a body sets up (县委…委员会 + 普法宣传协调小组)
    "中院": (0, 0), "中级法院": (0, 0), "高院": (0, 0), "银行": (2, 10),  # 市中院: the city's intermediate court
    "人民法庭": (0, 4), "法庭": (2, 4),  # a basic court's tribunal, named after its town (X区盘石法庭)
    "中学": (2, 8), "小学": (2, 8), "学校": (2, 10), "领导小组": (2, 14), "工作领导小组": (2, 12), "协调小组": (2, 10),
    "工作小组": (2, 10), "联席会议": (2, 12), "讲师团": (2, 10), "宣讲团": (2, 10), "救援队": (2, 10),
    "执法队": (0, 8), "执法中队": (0, 8),  # a town's or subdistrict's (综合行政)执法队
    # the offices a county's bureaus keep in a town (大唐镇财政所, 枫桥镇卫生院, 牌头镇林业站)
    "市场监管所": (0, 4), "市场监督管理所": (0, 4), "财政所": (0, 4), "自然资源所": (0, 4), "卫生院": (0, 6),
    "林业站": (0, 4),
}
#: sub-units after a complete organ (云州市司法局 + 行政应诉科, 区司法局 + 法治宣传教育中心)
SUBUNIT_CORES: dict[str, tuple[int, int]] = {
    "科": (2, 8), "处": (2, 8), "室": (2, 8), "中心": (2, 12), "所": (2, 6), "大队": (2, 8),
    "支队": (2, 8), "分局": (2, 8), "庭": (2, 6), "委员会": (2, 12), "办公室": (0, 8),
    "政研室": (0, 0), "宣传部": (0, 0), "组织部": (0, 0), "统战部": (0, 0), "政法委": (0, 0),
    "统一战线工作部": (0, 0), "社会工作部": (0, 0),  # a party committee's departments (市委社会工作部)
    **dict.fromkeys(RULE_OF_LAW_OFFICES, (0, 0)),
    "常委会": (0, 0), "编办": (0, 0), "办": (2, 10), "局": (2, 10), "法治委": (0, 0),
    "领导小组": (2, 14), "工作领导小组": (2, 12), "协调小组": (2, 10), "工作小组": (2, 10),
    "支行": (2, 6), "分行": (2, 6), "党校": (0, 0),  # 县委 + 党校
    "法工委": (0, 0), "检察部": (2, 4), "学院": (1, 8),  # 人大常委会 + 法工委, 检察院 + 第一检察部, 大学 + 法学院
    "研究会": (2, 10),  # 法学会 + 立法学研究会
    "股份有限公司": (0, 0), "有限公司": (0, 0), "有限责任公司": (0, 0),  # X银行 + 股份有限公司
    "人民法庭": (2, 4), "法庭": (2, 4),  # a court's tribunal (区法院 + 统景法庭)
    "基地": (2, 10),  # a body's own base (县实验中学 + 青少年法治教育基地)
    "分会": (2, 6),  # a commission's or association's branch in a place (仲裁委员会 + 醴陵分会)
}
ORG_STEM_CHARS_MAX = 14

#: characters that never occur inside an organisation name's middle part
ORG_BREAK_CHARS = frozenset(
    "的了在和与及或对为把被将从向以于由等并且而但是也都又还就已把给让使"
    "，,。；;：:！!？?、（）()《》“”‘’\"'|—…·\n\r\t \u3000"
)

#: name words that open with a break character (省政府外事办公室 + 对外联络处)
ORG_WORDS_OPENING_WITH_BREAK: tuple[str, ...] = ("对外",)

#: the party bodies inside an organ that a report names after its own organ's core alone
#: (厅党委, 局党组: the reporting 司法厅's, 司法局's)
OWN_INTERNAL_BODIES: tuple[str, ...] = ("机关党委", "党委", "党组")
#: the party bodies a body has inside it, named after it (市司法局党组, 某律师事务所党支部)
PARTY_BODIES: tuple[str, ...] = ("机关党委", "党总支", "党支部", "党委", "党组")

#: words that look like org middles but are verbs/activities; a candidate containing them is rejected
ORG_BAD_MIDDLES: tuple[str, ...] = (
    "各级", "各", "优化", "加快", "促进", "保障", "举办", "承办", "主办", "协办", "签署", "采用", "听取", "带领", "交界", "地处", "调处", "某",
    "开展", "建设", "推进", "加强", "落实", "实施", "组织", "召开", "印发", "制定",
    "出台", "建立", "健全", "完善", "深化", "推动", "打造", "创建", "工作", "情况", "年度",
    "报告", "会议", "活动", "全面", "坚持", "发挥", "提升", "强化", "聚焦", "围绕", "通过",
    "成立", "设立", "负责", "主持", "牵头", "参与", "联合", "配合", "协调", "指导", "督导", "组建",
    "建成", "建起", "搭建", "设置", "采取", "推行", "引入", "依托",
)

#: the words of standard organ names that would read as activities elsewhere: the departments
#: the institutional reforms name in every city and county (人力资源和社会保障局, 医疗保障局,
#: 住房和城乡建设局, 投资促进局), 建设 as the noun a managing or overseeing body is named after
#: (营商环境建设监督局, 政务服务和数字化建设管理局, 重点工程建设服务中心), housing (住房保障和房屋管理局), the party's departments
#: (社会工作部, 统一战线工作部, 直属机关工作委员会), and sub-units (…行政执法协调监督科,
#: 社会矛盾纠纷调处化解中心)
ORG_STANDARD_PHRASES: tuple[str, ...] = (
    "社会保障", "医疗保障", "城乡建设", "建设管理", "建设监督", "建设服务", "投资促进", "贸易促进",
    "社会工作", "统一战线工作", "机关工作", "协调监督", "纠纷调处", "住房保障", "营商环境建设",
)

#: cores of the groups and joint meetings a body sets up for a task: their names state the
#: task (推进…建设领导小组, 法治政府建设联席会议), so activity words belong in them
GROUP_CORES: tuple[str, ...] = ("领导小组", "工作领导小组", "协调小组", "工作小组", "联席会议", "工作专班", "专班")
#: what no group's name holds: the verbs of what is done with a group, not of its task
GROUP_BAD_MIDDLES: tuple[str, ...] = (
    "各级", "各", "某", "召开", "举办", "承办", "主办", "印发", "成立", "设立", "组建", "调整", "充实",
    "听取", "主持", "带领", "签署", "牵头", "负责", "参与", "会议", "情况", "报告", "年度",
)

#: 省/市/县-level bare prefixes resolved by document context, with the level they refer to
LEVEL_PREFIX = {"省": "province", "市": "city", "区": "county", "县": "county", "旗": "county"}
#: the bare words an autonomous prefecture's or a league's own report names its bodies with
#: (州委, 州司法局; 盟委), by the ending of the prefecture's name that licenses them
PREFECTURE_LEVEL_WORDS = {"州": "自治州", "盟": "盟"}

#: regulation (instrument) title endings → ontology subclass
REGULATION_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("法典", "Law"), ("法", "Law"),
    ("条例", "LocalRegulation"),
    ("实施细则", "GovernmentRule"), ("细则", "GovernmentRule"), ("办法", "GovernmentRule"),
    ("规定", "GovernmentRule"), ("规则", "GovernmentRule"), ("规程", "NormativeDocument"),
    ("决定", "NormativeDocument"), ("意见", "NormativeDocument"), ("通知", "NormativeDocument"),
    ("通告", "NormativeDocument"), ("公告", "NormativeDocument"), ("批复", "NormativeDocument"),
    ("指引", "NormativeDocument"), ("指南", "NormativeDocument"), ("清单", "NormativeDocument"),
    ("目录", "NormativeDocument"), ("标准", "NormativeDocument"), ("准则", "NormativeDocument"),
    ("守则", "NormativeDocument"), ("基准", "NormativeDocument"), ("导则", "NormativeDocument"), ("规范", "NormativeDocument"),
    ("章程", "NormativeDocument"), ("范本", "NormativeDocument"), ("示范文本", "NormativeDocument"), ("制度", "NormativeDocument"), ("机制", "NormativeDocument"), ("措施", "NormativeDocument"),
    ("纲要", "PolicyDocument"), ("规划", "PolicyDocument"), ("方案", "PolicyDocument"),
    ("计划", "PolicyDocument"), ("要点", "PolicyDocument"), ("意见(试行)", "NormativeDocument"),
    ("协议", "Agreement"), ("协议书", "Agreement"), ("合作协议", "Agreement"), ("备忘录", "Agreement"),
)

#: title endings of media outlets inside 《》
MEDIA_SUFFIXES: tuple[str, ...] = ("日报", "晚报", "早报", "时报", "周报", "商报", "法制报", "杂志", "期刊", "内参",
                                   "周刊", "月刊", "电讯", "参考", "新闻")

#: what follows 《X》 when X is a column, programme or show
COLUMN_HEADS: tuple[str, ...] = ("栏目", "专栏", "节目", "频道", "专题", "微课")
#: what follows 《X》 when X is a research or work project (《…实践与深化》课题)
PROJECT_HEADS: tuple[str, ...] = ("课题", "研究课题", "项目")
#: kinds of made works written before their 《title》 (普法微电影《…》): the work is a program
WORK_KINDS: tuple[str, ...] = ("微电影", "微视频", "短视频", "微短剧", "情景剧", "动画片", "动漫", "宣传片", "专题片",
                               "纪录片", "公益广告", "小品", "快板", "歌曲", "戏曲", "剧目", "微剧", "读本", "漫画")

#: program head nouns after a quoted name → subclass; longest first
PROGRAM_HEADS: tuple[tuple[str, str], ...] = tuple(sorted((
    ("调解品牌", "Brand"), ("品牌", "Brand"), ("特色品牌", "Brand"), ("党建品牌", "Brand"),
    ("党建工作品牌", "Brand"), ("基层治理品牌", "Brand"), ("调解品牌工程", "Brand"),
    ("特色调解品牌工程", "Brand"), ("品牌工程", "Brand"),
    ("多元纠纷化解模式", "Model"), ("新模式", "Model"), ("模式", "Model"), ("工作模式", "Model"),
    ("机制", "Mechanism"), ("工作机制", "Mechanism"), ("联调机制", "Mechanism"),
    ("审核机制", "Mechanism"),
    ("工程", "Project"), ("项目", "Project"), ("试点", "Project"), ("计划", "Project"),
    ("三年行动计划", "Campaign"), ("行动", "Campaign"), ("专项行动", "Campaign"),
    ("攻坚行动", "Campaign"), ("活动", "Campaign"), ("宣传月", "Campaign"), ("宣传月活动", "Campaign"),
    ("平台", "Platform"), ("热线", "Platform"), ("系统", "Platform"), ("小程序", "Platform"),
    ("信息化平台", "Platform"), ("服务", "Platform"),
    ("工作法", "WorkMethod"), ("接访法", "WorkMethod"), ("五步工作法", "WorkMethod"),
    ("工作方法", "WorkMethod"), ("调解法", "WorkMethod"),
    ("栏目", "Column"), ("专栏", "Column"),
    ("制度", "Program"), ("告知制度", "Program"), ("体系", "Program"), ("评估指标体系", "Program"),
    ("调解", "Program"), ("标准化模板", "Program"), ("模板", "Program"), ("责任制", "Program"),
    ("工作室", "Program"), ("服务方式", "Program"), ("工作打包服务方式", "Program"),
    ("普法", "Program"), ("改革", "Campaign"), ("研判", "Mechanism"), ("对接", "Mechanism"),
    ("联动", "Mechanism"), ("办理场景", "Project"), ("场景", "Project"), ("评价", "Program"),
    ("创建活动", "Campaign"), ("主题活动", "Campaign"), ("宣传周", "Campaign"), ("一件事", "Project"),
    ("课题", "Project"), ("联调", "Mechanism"),
), key=lambda p: len(p[0]), reverse=True))

#: what a program's name, as the subject of its clause, is followed by (…活动走深走实, …机制有序运转):
#: predicates and the adverbs that open them
SUBJECT_PREDICATES: tuple[str, ...] = (
    "走深", "走实", "落地", "见效", "提质", "增效", "有序", "扎实", "顺利", "不断", "持续", "深入", "已",
    "正式", "成功", "得以", "逐步", "日益", "作为", "列入", "纳入", "在", "于",
)

#: words after a quoted phrase that mark it as NOT a program (problem labels, principles…)
NON_PROGRAM_HEADS: tuple[str, ...] = (
    "问题", "现象", "难题", "原则", "理念", "要求", "精神", "思想", "目标", "职能", "作用",
    "优势", "格局", "效果", "能力", "短板", "痛点", "堵点", "难点", "方针", "战略", "任务",
    "的", "之", "中", "上", "里", "代表", "委员", "期间", "方面", "领域", "技术", "理论",
)

#: verbs by which the recipient before them receives the honours after them (A荣获B, A入选B,
#: A摘得B桂冠); where one word begins another the longer comes first (获评 before 获)
AWARD_RECEIVE_CUES: tuple[str, ...] = ("荣获", "荣立", "荣记", "获评为", "获评", "获选为", "获选", "获批", "获得", "获誉",
                                       "荣膺", "荣登", "摘得", "夺得", "斩获", "捧得", "跻身", "入选", "创成", "成功创建", "创建",
                                       "获")
#: of those, the verbs of creating: what they name is an honour only as a title of some scope or
#: a model (创建全国文明城市, 成功创建…示范乡镇); 创建了“X”品牌 builds a brand, it receives nothing
AWARD_CREATE_CUES: tuple[str, ...] = ("创成", "成功创建", "创建")
#: words before a bare 创建 in its clause that make the honour an aim, not yet received
#: (推动A、B创建…, 积极创建…); 成功创建 and 创成 say it was reached
AWARD_AIM_WORDS: tuple[str, ...] = ("积极", "力争", "全力", "着力", "正在", "争取", "支持", "鼓励", "引导")
#: verbs of conferral, after 被 + the conferrer (被司法部授予, 被省委、省政府评为) or alone (评为)
AWARD_CONFER_VERBS: tuple[str, ...] = ("授予", "评为", "命名为", "确定为", "表彰为", "认定为", "评选为",
                                       "选树为", "推荐为", "评定为", "列为")
#: of those, the verbs that put a candidate forward: 被推荐为 names a nomination, not a receipt
AWARD_NOMINATE_VERBS: tuple[str, ...] = ("推荐为",)
#: the verbs of a clause that names who confers the honour after it (荣获由司法部颁发的…称号)
AWARD_CONFERRING_CLAUSE_VERBS: tuple[str, ...] = ("颁发", "授予", "评选", "命名", "表彰", "认定", "评定")
#: cues that put the one before them on a shortlist (入围…): a nomination too
AWARD_SHORTLIST_CUES: tuple[str, ...] = ("入围",)
#: cues of selection or rating: after them a scoped name of a selected thing (入选全省…项目,
#: 评为第一批…单位) is an honour though its ending is not one of AWARD_SUFFIXES (not after 确定为,
#: 列为, 认定为: 被确定为全省重点项目 is planning, not an honour)
AWARD_SELECT_CUES: tuple[str, ...] = ("入选", "跻身", "获评", "获选", "选为", "评为", "命名为", "评选为", "评定为",
                                      "选树为")
#: the active voice: conferrer + verb + recipients + 为 + honour (司法部命名A、B为…)
AWARD_ACTIVE_VERBS: tuple[str, ...] = ("命名", "评选", "认定", "确定", "表彰")
#: a list of honours, each followed by the person who holds it (涌现出全国模范…张三，…)
AWARD_LIST_CUES: tuple[str, ...] = ("涌现出",)
#: after an honour, the person who holds it (…提名奖获得者张三)
AWARD_HOLDER_WORDS: tuple[str, ...] = ("获得者", "得主")
#: words a receiving cue opens that speak of winning itself (获奖集体, 获奖单位, 获奖者): no honour follows
AWARD_WINNING_WORDS: tuple[str, ...] = ("获奖",)
#: verbs publishing the list of an honour's holders (省司法厅公布了第三批…名单): the list names the honour
AWARD_PUBLISH_VERBS: tuple[str, ...] = ("公布", "公示", "发布", "印发", "下发")
#: words saying the one before them is on the list just named (…名单，我市湖塘司法所榜上有名)
AWARD_ON_LIST_CUES: tuple[str, ...] = ("榜上有名", "名列其中", "位列其中", "成功上榜", "入选其中")
#: every word after which honours are named (for rules that only ask whether one follows)
AWARD_CUES: tuple[str, ...] = tuple(dict.fromkeys(
    AWARD_RECEIVE_CUES + tuple("被" + v for v in AWARD_CONFER_VERBS) + AWARD_CONFER_VERBS + AWARD_SHORTLIST_CUES))
#: words that close an honour's name without being part of it (荣获…称号, 摘得…桂冠, 跻身…行列)
AWARD_TRAILERS: tuple[str, ...] = ("荣誉称号", "称号", "荣誉", "奖项", "名单", "榜单", "桂冠", "表彰", "行列", "之列", "牌匾", "奖牌")
#: nouns of a selected or designated thing, closing a scoped designation (入选全省…揭榜挂帅项目)
DESIGNATION_NOUNS: tuple[str, ...] = ("项目", "课题", "名录", "案例", "典型", "等次", "单位", "地区", "城市", "基地", "园区",
                                      "街道", "乡镇", "村", "社区", "学校", "企业", "实践")
#: bodies named after a city that the city does not run: a province's prisons and its colleges
#: (济宁监狱, 某某医学院司法鉴定中心): the place in their name is where they stand, not their jurisdiction
NON_LOCAL_KINDS: tuple[str, ...] = ("监狱", "大学", "学院")
#: the offices a county's bureau, police or court dispatches to a township, named after it
#: (舟塔司法所, 石空派出所, 盘龙法庭): where the township is not known, the county is their place
DISPATCHED_OFFICE_CORES: tuple[str, ...] = ("司法所", "派出所", "人民法庭", "法庭")
#: a speaker or an author speaking of itself as a sentence's subject (我们推行…, 我局联合…): the
#: unnamed subject the report's or the answer's own body is
FIRST_PERSON_SUBJECTS: tuple[str, ...] = ("我们", "我局", "我厅", "我委", "我办", "我院", "本局", "本院")
#: the bodies a town or village keeps itself (大唐街道综合行政执法队, 付集镇综合行政执法大队, 平安村调解
#: 委员会): the places coordinated before one each have theirs (那大镇、木棠镇综合行政执法队)
PLACE_KEPT_CORES: tuple[str, ...] = ("执法队", "执法中队", "执法大队", "调解委员会", "调委会", "便民服务中心",
                                     "公共法律服务工作站")
#: kinds of body a rating is given to (“五星级”调解室, “枫桥式”司法所): after a cue of selection a
#: quoted rating of one, or a scoped name of one, is a designation, not the body
RATED_BODY_KINDS: tuple[str, ...] = ("调解室", "调解委员会", "调委会", "调解组织", "矛调中心", "综治中心", "司法所", "工作室", "法庭", "派出所",
                                     "服务站", "工作站", "服务中心", "律师事务所", "公证处")
#: collections a case or work is selected into, named in 《》 (入选司法部《…案例选编》)
HONOUR_COLLECTIONS: tuple[str, ...] = ("选编", "汇编", "精选", "案例集", "案例库", "名录", "丛书", "文库")

#: endings of award titles
AWARD_SUFFIXES: tuple[str, ...] = (
    "先进集体", "先进单位", "先进个人", "先进工作者", "突出单位", "表现突出单位", "示范单位",
    "示范市", "示范县", "示范区", "示范市县", "示范地区", "示范乡镇", "示范镇", "示范乡", "示范街道", "示范项目", "示范基地", "示范点", "示范村",
    "示范社区", "联系点", "基层联系点", "指导单位", "模范", "标兵", "英模", "奖", "提名奖",
    "称号", "荣誉", "城市", "一等功", "二等功", "三等功", "集体", "单位", "先进", "品牌",
    "优秀人民调解员", "人民调解员", "法治人物", "实事", "典型案例", "优秀案例", "基地",
)

#: verbs by which a body or place creates a program of its own (百步亭社区创新“居民说事”…)
CREATING_VERBS: tuple[str, ...] = ("创新", "打造", "推出", "首创", "探索", "创建", "推行", "创设")

#: implementing verbs (actor + verb + program/regulation)
IMPLEMENT_CUES: tuple[str, ...] = (
    "打造", "推行", "开展", "建立", "创新", "承接", "贯彻实施", "贯彻落实", "实施", "出台",
    "制定", "探索", "推出", "创建", "构建", "深化", "推进", "推广", "实行", "开通", "上线",
    "启动", "试点", "搭建", "组建", "编制", "印发", "落实", "执行", "健全", "完善", "形成",
    "举办", "开设", "设立", "运行", "践行", "采用", "引入", "建成", "持续", "坚持", "全面", "按照",
    "参与", "丰富", "叫响", "擦亮", "做强", "培育", "开发", "首创", "研发", "上线了", "开办",
)

#: verbs by which a body carries out a regulation named after them (贯彻实施《…》, 出台…)
REGULATION_CUES: tuple[str, ...] = (
    "贯彻", "实施", "落实", "执行", "出台", "制定", "印发", "施行", "践行", "遵循", "修订",
    "起草", "发布", "推行", "健全", "建立", "完善", "编制", "探索", "创新", "形成", "推动",
)

#: verbs of carrying out an instrument that follow it in the disposal construction (把《…》细化分解,
#: 将《…》落实到…); 将《…》纳入立法计划 makes it instead
DISPOSAL_CARRY_VERBS: tuple[str, ...] = ("细化", "分解", "落实", "贯彻", "执行", "实施", "融入")

#: verbs by which a body makes or issues an instrument (市政府印发《…》, 经…审议通过; a government's rules
#: are 公布ed by its order, a congress's decisions 作出)
ISSUE_VERBS: tuple[str, ...] = (
    "印发", "出台", "制定", "制订", "制发", "编制", "发布", "颁布", "公布", "起草", "修订", "修改", "批准", "审议通过", "通过",
    "下发", "作出",
)

#: verbs of reviewing another body's instrument: 通过 after them passes a review, it makes nothing
#: (经市司法局备案审查通过: the bureau reviewed the town's 办法)
REVIEW_VERBS: tuple[str, ...] = ("审查", "审核", "备案", "评审", "验收", "核准备案")

#: verbs before an issuing verb that make someone else the issuer (推动修订…, 提请制定…, 研究制定…:
#: the subject prompts, drafts or helps; the instrument is another body's)
PROMPTING_VERBS: tuple[str, ...] = ("推动", "推进", "提请", "配合", "协助", "指导", "督促", "研究", "参与")

#: verbs by which bodies make an instrument that binds each of them (A与B签订《…协议》)
SIGNING_VERBS: tuple[str, ...] = ("签订", "签署", "共同签署", "共同签订", "联合签署", "会签", "联合会签")

#: official positions that follow or precede a person's name
POSITIONS: tuple[str, ...] = tuple(sorted({
    "总书记", "书记", "副书记", "市长", "副市长", "区长", "副区长", "县长", "副县长", "省长", "副省长",
    "州长", "副州长", "盟长", "副盟长", "旗长", "副旗长",  # autonomous prefectures', leagues', banners' heads
    "局长", "副局长", "厅长", "副厅长", "部长", "副部长", "主任", "副主任", "处长", "科长", "所长",
    "院长", "副院长", "检察长", "庭长", "主席", "副主席", "委员", "常委", "秘书长", "新闻发言人",
    "政治部主任", "党组书记", "党委书记", "组长", "副组长", "镇长", "乡长", "主持人", "调解员",
    "会长", "理事长", "总理", "副总理", "国务委员", "党代表", "人大代表", "政协委员", "干警", "民警",
    "法官", "检察官", "审判员", "审判长", "检察员", "执行员", "公证员", "司法所长", "监督局长", "委员长", "副委员长", "获得者",
    "队长", "站长", "调研员",  # the heads of the police's detachments (支队长) and of stations
}, key=len, reverse=True))

#: honours conferred on persons, which a list of winners' names follows (先进个人王小明、李红)
PERSON_HONOUR_HEADS: tuple[str, ...] = ("先进个人", "先进工作者", "法治人物", "道德模范", "劳动模范", "最美调解员")
#: what the name of an honour for a person ends with (全省优秀律师, 全国模范司法所长): no place or
#: body receives it
PERSON_HONOUR_ENDS: tuple[str, ...] = ("个人", "工作者", "人物", "律师", "法官", "检察官", "调解员", "公证员",
                                       "民警", "警察", "所长", "局长", "书记", "干部", "标兵", "能手")

#: common Chinese surnames (single and double), for recognising names next to positions
SURNAMES_1 = frozenset(set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习"
    "洪秋赖萧阎玄琴"  # (洪, 秋, 赖, 萧, 阎: common; 玄, 琴: Korean surnames of Yanbian)
) - set("和由"))  # rare surnames that are everyday conjunctions
SURNAMES_2 = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容",
                        "长孙", "宇文", "司徒", "夏侯", "端木", "澹台", "轩辕", "南宫"})

#: markers of private persons: never enter the graph
PRIVATE_MARKERS: tuple[str, ...] = ("化名", "某某", "某")
#: forms of address a surname opens (调解员赵大妈, 王师傅, 李老师): a person addressed, never a name
ADDRESS_TERMS: tuple[str, ...] = ("大妈", "大爷", "大娘", "大婶", "大叔", "大伯", "大姐", "大哥", "阿姨",
                                  "阿婆", "婆婆", "奶奶", "爷爷", "老汉", "师傅", "老师")


#: what a lake's, river's or mountain's name is followed by when it means the feature and not the
#: division named after it (巢湖流域, 黄山风景区: not 巢湖市, 黄山市)
NATURAL_FEATURE_WORDS = ("流域", "水域", "湖区", "库区", "风景区", "景区", "沿岸", "水系", "湿地", "自然保护区", "保护区")

#: words a town's suffix character opens that are no suffix (群众镇定自若, 父老乡亲: no 群众镇, 父老乡)
TOWN_SUFFIX_WORDS = ("镇定", "镇压", "镇静", "镇守", "镇痛", "镇住", "乡亲", "乡愁", "乡土", "乡音", "乡情", "乡贤")

#: verbs of learning from others: the program they name is another's (借鉴浙江“枫桥经验”, 赴杭州市
#: 学习“最多跑一次”改革经验), not carried out by the one learning (学习 only after travelling there;
#: 观摩, 考察 are as often a superior's visit to the place that carries it out)
LEARNING_VERBS: tuple[str, ...] = ("学习借鉴", "借鉴", "对标", "取经")
TRAVEL_VERBS: tuple[str, ...] = ("赴", "到", "前往")
#: a subject leading the work (A牵头) and, in the next clause, the bodies joining it (B、C配合):
#: all carry out what the sentence then names (A牵头，B、C配合，建立…机制)
#: comitative verbs: the bodies after them act with the subject (会同市法院建立…, 联合市公安局印发…)
COMITATIVE_VERBS: tuple[str, ...] = ("会同", "联合", "携手")
LEADING_WORDS: tuple[str, ...] = ("牵头", "负总责")
JOINING_WORDS: tuple[str, ...] = ("配合", "参与", "协同", "协助", "共同参与", "密切配合", "积极配合")
#: after coordinated subjects, pairs them with what the verb names in order (A、B分别获评X、Y)
RESPECTIVELY = "分别"

#: words opening an enumeration of what the clause before counted, or of some of it (出台规章2件，
#: 分别为《A》和《B》; 制定规章6件，其中《C》为…): the clause goes on the one before it, whose subject
#: is its subject
ENUMERATION_LEADS = ("分别是", "分别为", "包括", "其中", "即")
