/**
 * Names of the demo city 江澜市: its 15 towns and sub-districts, its 96 budget units (first-level
 * bureaus and their subordinate units), and the project names of the five sectors. Pure data;
 * the builders pick from these lists with the seeded generator so names never depend on order
 * of evaluation elsewhere.
 */

export const CITY = '江澜市';

export const TOWNS = [
  '城东街道', '城西街道', '城南街道', '城北街道', '江滨街道',
  '临江镇', '青山镇', '白沙镇', '石桥镇', '梅溪镇',
  '桃源镇', '龙泉镇', '新塘镇', '柳营镇', '凤鸣镇',
] as const;

export type Sector = 'education' | 'health' | 'housing' | 'agriculture' | 'civil-affairs';

export const SECTORS: readonly Sector[] = ['education', 'health', 'housing', 'agriculture', 'civil-affairs'];

export const SECTOR_LABEL: Record<Sector, string> = {
  education: '教育',
  health: '卫生健康',
  housing: '住房和城乡建设',
  agriculture: '农业农村',
  'civil-affairs': '民政',
};

/** The framework each sector's year-end records are scored against (rules/sectors/<sector>.ind). */
export const SECTOR_FRAMEWORK: Record<Sector, string> = {
  education: '教育项目',
  health: '卫生健康项目',
  housing: '住房城乡建设项目',
  agriculture: '农业农村项目',
  'civil-affairs': '民政项目',
};

/** Projects per sector: 35 + 30 + 28 + 27 + 27 = 147. */
export const PROJECTS_PER_SECTOR: Record<Sector, number> = {
  education: 35,
  health: 30,
  housing: 28,
  agriculture: 27,
  'civil-affairs': 27,
};

/** First-level bureaus (49). The sector bureaus come first so projects can find them by sector. */
export const BUREAUS = [
  '市教育局', '市卫生健康委员会', '市住房和城乡建设局', '市农业农村局', '市民政局',
  '市财政局', '市发展和改革委员会', '市工业和信息化局', '市公安局', '市司法局',
  '市人力资源和社会保障局', '市自然资源和规划局', '市生态环境局', '市交通运输局', '市水利局',
  '市商务局', '市文化广电旅游体育局', '市退役军人事务局', '市应急管理局', '市审计局',
  '市市场监督管理局', '市统计局', '市医疗保障局', '市城市管理局', '市林业局',
  '市科学技术局', '市机关事务管理局', '市信访局', '市政务服务数据管理局', '市供销合作社',
  '市人民政府办公室', '市委办公室', '市人大常委会办公室', '市政协办公室', '市纪委监委',
  '市委组织部', '市委宣传部', '市委统战部', '市委政法委员会', '市总工会',
  '团市委', '市妇女联合会', '市残疾人联合会', '市科学技术协会', '市档案馆',
  '市气象局', '市地震局', '市粮食和物资储备局', '市国防动员办公室',
] as const;

/** Subordinate units (47), each with the sector of its parent where it has one. */
export const UNITS: readonly { name: string; sector?: Sector }[] = [
  ...['市第一中学', '市第二中学', '市实验中学', '市第一小学', '市实验小学', '市职业技术学校', '市特殊教育学校', '市机关幼儿园', '市教师发展中心', '市招生考试中心', '市青少年活动中心', '市电化教育馆'].map((name) => ({ name, sector: 'education' as const })),
  ...['市人民医院', '市中医院', '市妇幼保健院', '市疾病预防控制中心', '市卫生健康监督所', '市急救中心', '市血站', '市精神卫生中心', '市第二人民医院', '市康复医院'].map((name) => ({ name, sector: 'health' as const })),
  ...['市住房保障服务中心', '市建设工程质量安全监督站', '市城乡建设档案馆', '市房产交易管理中心', '市公共工程建设中心', '市村镇建设服务中心'].map((name) => ({ name, sector: 'housing' as const })),
  ...['市农业技术推广中心', '市农田建设管理站', '市动物疫病预防控制中心', '市农业综合执法大队', '市农村经营管理站', '市水产技术推广站', '市种子管理站'].map((name) => ({ name, sector: 'agriculture' as const })),
  ...['市社会福利院', '市救助管理站', '市殡葬管理所', '市低收入人口认定指导中心', '市婚姻登记处', '市养老服务指导中心'].map((name) => ({ name, sector: 'civil-affairs' as const })),
  ...['市公共资源交易中心', '市不动产登记中心', '市图书馆', '市博物馆', '市文化馆', '市体育中心'].map((name) => ({ name })),
];

export const SECTOR_BUREAU: Record<Sector, string> = {
  education: '市教育局',
  health: '市卫生健康委员会',
  housing: '市住房和城乡建设局',
  agriculture: '市农业农村局',
  'civil-affairs': '市民政局',
};

/** Project name templates; `{镇}` is replaced by a town name. */
export const PROJECT_TEMPLATES: Record<Sector, readonly string[]> = {
  education: ['{镇}中心小学教学楼新建工程', '{镇}初级中学校舍改扩建工程', '{镇}普惠性幼儿园建设项目', '{镇}义务教育学校薄弱环节改善项目', '{镇}农村学校学生宿舍建设项目', '{镇}中学运动场及食堂改造工程'],
  health: ['{镇}免疫规划疫苗接种项目', '{镇}基本公共卫生服务项目', '{镇}卫生院服务能力提升项目', '{镇}家庭医生签约服务项目', '{镇}重大传染病防控项目', '{镇}老年人健康管理项目'],
  housing: ['{镇}农村危房改造项目', '{镇}老旧小区改造项目', '{镇}农房抗震改造项目', '{镇}城镇棚户区改造项目'],
  agriculture: ['{镇}高标准农田建设项目', '{镇}农田水利设施改造项目', '{镇}耕地质量提升项目', '{镇}高效节水灌溉项目'],
  'civil-affairs': ['{镇}城乡最低生活保障资金', '{镇}特困人员救助供养资金', '{镇}临时救助资金', '{镇}困难残疾人生活补贴资金'],
};

/** The project the demo is built around: requested 2.4亿元, approved 1.6亿元 after budget review. */
export const STATION = {
  id: 'P-HOU-000',
  name: '江澜站站房及站前广场改造工程（车站改造）',
  requested: 240000000,
  approved: 160000000,
} as const;
