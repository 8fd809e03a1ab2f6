/**
 * The words of `jixiao demo`'s terminal summary and closed-loop story, in Chinese and English,
 * in the one catalogue shape of src/common/catalogue.ts: the summary lines (`DEMO_SUMMARY`),
 * the loop's section titles and one-line findings (`DEMO_LOOP`), its table headings
 * (`DEMO_COLUMNS`) and the monitoring levels (`DEMO_LEVELS`). The demo keeps its own sentences
 * (the report catalogues in src/report/i18n cover the batch report only); numbers arrive already
 * formatted as text. Wordings that differ by case are variant keys (`allocationSum.notExact`),
 * picked by the typed helpers in loop-text.ts and print-summary.ts.
 */
import { defineCatalogue } from '../../common/catalogue.js';

export const DEMO_SUMMARY = defineCatalogue('demo-summary', {
  title: { zh: 'jixiao 示例 — {city}', en: 'jixiao demo — {city}' },
  library: { zh: '指标库：检查 {files} 个文件，{errors} 个错误，{warnings} 个警告', en: 'Indicator library: {files} files checked, {errors} errors, {warnings} warnings' },
  sets: { zh: '数据集', en: 'Data sets' },
  records: { zh: '条', en: 'records' },
  rejected: { zh: '被拒绝', en: 'rejected' },
  review: {
    zh: '预算评审（事前）：{n} 个项目，申报 {requested}，核定 {approved}，审减 {cut}（{rate}）',
    en: 'Budget review (ex-ante): {n} projects, requested {requested}, approved {approved}, cut {cut} ({rate})',
  },
  byDepartment: { zh: '按部门的预算调整（前 10）', en: 'Budget adjustments by department (largest 10)' },
  byTown: { zh: '按镇街的预算调整', en: 'Budget adjustments by town' },
  warnings: { zh: '监控预警', en: 'Monitoring warnings' },
  none: { zh: '无', en: 'none' },
  wrote: {
    zh: '已写入 {n} 个文件到 {dir}/ — 打开 summary.html；项目报告在 reports/，结果在 results/，工作簿在 workbooks/，抽查、综合评价和分配结果在 loop/',
    en: 'Wrote {n} files to {dir}/ — open summary.html; per-project reports in reports/, results in results/, workbooks in workbooks/, the loop (sample, roll-ups, allocation) in loop/',
  },
  wan: { zh: '万元', en: '万元' },
  itemSeparator: { zh: '；', en: '; ' },
});

export const DEMO_LOOP = defineCatalogue('demo-loop', {
  carriedTitle: { zh: '事中监控结果带入事后评价', en: 'Monitoring results carried into the ex-post evaluation' },
  carried: {
    zh: '{total} 个事后评价项目中 {withWarning} 个带有 8 月监控预警：{levels}',
    en: '{withWarning} of {total} evaluated projects carry their August monitoring warning: {levels}',
  },
  contextTitle: { zh: '上年评价结果与整改情况', en: "Last year's results and rectification" },
  context: { zh: '{n} 个项目的上年等级和得分（{grades}）作为事后评价规则的上下文', en: "Last year's grade and score given for {n} projects ({grades}), passed to the ex-post rules as context" },
  rectification: { zh: '上年评价为中、差项目的整改情况：{statuses}', en: "Rectification of last year's 中/差 projects: {statuses}" },
  sampleTitle: { zh: '抽查复核名单', en: 'Re-check sample (抽查复核)' },
  sample: { zh: '{population} 个项目中抽取 {picked} 个（随机种子 {seed}），涉及预算 {amount}', en: '{picked} of {population} projects picked (seed {seed}), budget {amount}' },
  byThreshold: { zh: '金额达到 {threshold}：{n} 个', en: 'amount ≥ {threshold}: {n}' },
  byRisk: { zh: '高风险：{n} 个（{list}）', en: 'high risk: {n} ({list})' },
  byRandom: { zh: '其余项目随机抽取 {share}：{n} 个', en: 'random {share} of the rest: {n}' },
  selfTitle: { zh: '单位自评与财政复核', en: 'Self-evaluation vs re-evaluation (自评复核)' },
  self: {
    zh: '复核抽中项目的自评 {checked} 份；自评不实（偏差超过容忍值）{flagged} 个，其中自评偏高 {higher} 个、偏低 {lower} 个',
    en: '{checked} sampled self-evaluations re-scored; 自评不实 (off by more than the tolerance): {flagged} — self score higher {higher}, lower {lower}',
  },
  selfMissing: { zh: '{n} 个抽中项目未提交自评表', en: '{n} sampled projects have no self-evaluation form' },
  departmentTitle: { zh: '部门整体绩效与部门预算挂钩（两纳入三挂钩）', en: 'Department overall performance and the department budget (两纳入三挂钩)' },
  townTitle: { zh: '镇街财政运行绩效与转移支付挂钩（两纳入三挂钩）', en: "Towns' fiscal performance and transfer payments (两纳入三挂钩)" },
  rollup: { zh: '综合评价 {n} 个（{share}），其中 {withMembers} 个有事后评价项目；等级 {grades}', en: '{n} scored ({share}); {withMembers} with evaluated projects; grades {grades}' },
  linkage: { zh: '挂钩调整：调增 {up}（{nUp} 个），调减 {down}（{nDown} 个），合计 {net}', en: 'Linkage: increases {up} ({nUp}), cuts {down} ({nDown}), net {net}' },
  largest: { zh: '调整额最大的 {n} 个（共 {total} 个，全部见 summary.html 和 loop/）：', en: '{n} largest adjustments of {total} (all in summary.html and loop/):' },
  allocationTitle: { zh: '专项资金因素法分配', en: 'Special fund allocated by factors (因素法)' },
  allocation: {
    zh: '{fund}：资金池 {pool}，按因素得分 × 镇街综合绩效等级系数（{coefficients}）分配给 {n} 个镇街',
    en: "{fund}: pool {pool} split across {n} towns by factors × performance coefficient of the town's combined grade ({coefficients})",
  },
  allocationSum: {
    zh: '分配合计 {total} 元，与资金池完全相等；尾差 {cents} 分按最大余额法分配',
    en: 'Sum of shares {total} 元 — exactly the pool; {cents} remainder cent(s) by largest remainder',
  },
  'allocationSum.notExact': {
    zh: '分配合计 {total} 元，与资金池不等；尾差 {cents} 分按最大余额法分配',
    en: 'Sum of shares {total} 元 — NOT the pool; {cents} remainder cent(s) by largest remainder',
  },
  none: { zh: '无', en: 'none' },
  problems: { zh: '结果应用环节遇到 {n} 个问题，受影响的步骤未列出：', en: 'The loop met {n} problem(s); the steps they stop are left out:' },
  vetoMark: { zh: '（否决）', en: ' (veto)' },
  held: { zh: '当年暂扣、收回：{amount}（{n} 个）', en: 'Held back this year (withhold, recall): {amount} ({n})' },
  vetoNote: {
    zh: '自身评价触发一票否决：{list} — 封顶的自身得分按封顶后计入综合得分，综合等级仍受否决限制',
    en: 'Veto in the own evaluation: {list} — a score cap enters the combined score capped, and the veto still caps the combined grade',
  },
  shareText: { zh: '自身得分 {own} + 项目得分 {members}', en: 'own {own} + projects {members}' },
  reasonThreshold: { zh: '金额达到门槛', en: 'amount threshold' },
  reasonRandom: { zh: '随机抽取', en: 'random' },
  listSeparator: { zh: '、', en: ', ' },
});

export const DEMO_COLUMNS = defineCatalogue('demo-columns', {
  level: { zh: '预警', en: 'Warning' },
  count: { zh: '个数', en: 'Count' },
  projects: { zh: '项目', en: 'Projects' },
  project: { zh: '项目', en: 'Project' },
  amount: { zh: '预算（万元）', en: 'Budget (万元)' },
  reasons: { zh: '入选理由', en: 'Reasons' },
  selfScore: { zh: '自报总分', en: 'Self score' },
  review: { zh: '复核得分', en: 'Re-check score' },
  deviation: { zh: '偏差', en: 'Deviation' },
  department: { zh: '部门', en: 'Department' },
  town: { zh: '镇街', en: 'Town' },
  own: { zh: '自身得分', en: 'Own score' },
  members: { zh: '项目数', en: 'Projects' },
  membersScore: { zh: '项目得分', en: 'Projects score' },
  combined: { zh: '综合得分', en: 'Combined' },
  grade: { zh: '等级', en: 'Grade' },
  linkage: { zh: '挂钩建议', en: 'Linkage' },
  adjust: { zh: '调整（万元）', en: 'Adjust (万元)' },
  held: { zh: '暂扣（万元）', en: 'Held (万元)' },
  coefficient: { zh: '绩效系数', en: 'Coefficient' },
  factorShare: { zh: '因素得分', en: 'Factor share' },
  allocated: { zh: '分配额（元）', en: 'Allocated (元)' },
  total: { zh: '合计', en: 'Total' },
});

/** The monitoring warning levels as the data names them (red, yellow, green). */
export const DEMO_LEVELS = defineCatalogue('demo-levels', {
  red: { zh: '红色', en: 'red' },
  yellow: { zh: '黄色', en: 'yellow' },
  green: { zh: '绿色', en: 'green' },
});
