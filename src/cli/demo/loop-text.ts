/**
 * The words of the demo's closed-loop summary, in Chinese and English: section titles, the
 * one-line findings of each step and table headers. The demo keeps its own strings here (the
 * report catalogues in src/report/i18n cover the batch report only); numbers are formatted by
 * the caller and passed in already as text.
 */
import type { Lang } from '../messages.js';

const en = {
  carriedTitle: 'Monitoring results carried into the ex-post evaluation',
  carried: (withWarning: number, total: number, levels: string) =>
    `${withWarning} of ${total} evaluated projects carry their August monitoring warning: ${levels}`,
  contextTitle: "Last year's results and rectification",
  context: (n: number, grades: string) => `Last year's grade and score given for ${n} projects (${grades}), passed to the ex-post rules as context`,
  rectification: (statuses: string) => `Rectification of last year's 中/差 projects: ${statuses}`,
  sampleTitle: 'Re-check sample (抽查复核)',
  sample: (picked: number, population: number, seed: number, amount: string) => `${picked} of ${population} projects picked (seed ${seed}), budget ${amount}`,
  byThreshold: (n: number, threshold: string) => `amount ≥ ${threshold}: ${n}`,
  byRisk: (n: number, list: string) => `high risk: ${n} (${list})`,
  byRandom: (n: number, share: string) => `random ${share} of the rest: ${n}`,
  selfTitle: 'Self-evaluation vs re-evaluation (自评复核)',
  self: (checked: number, flagged: number, higher: number, lower: number) =>
    `${checked} sampled self-evaluations re-scored; 自评不实 (off by more than the tolerance): ${flagged} — self score higher ${higher}, lower ${lower}`,
  selfMissing: (n: number) => `${n} sampled projects have no self-evaluation form`,
  departmentTitle: 'Department overall performance and the department budget (两纳入三挂钩)',
  townTitle: "Towns' fiscal performance and transfer payments (两纳入三挂钩)",
  rollup: (n: number, withMembers: number, share: string, grades: string) =>
    `${n} scored (${share}); ${withMembers} with evaluated projects; grades ${grades}`,
  linkage: (up: string, nUp: number, down: string, nDown: number, net: string) =>
    `Linkage: increases ${up} (${nUp}), cuts ${down} (${nDown}), net ${net}`,
  largest: (n: number, total: number) => `${n} largest adjustments of ${total} (all in summary.html and loop/):`,
  allocationTitle: 'Special fund allocated by factors (因素法)',
  allocation: (fund: string, pool: string, n: number, coefficients: string) =>
    `${fund}: pool ${pool} split across ${n} towns by factors × performance coefficient of the town's combined grade (${coefficients})`,
  allocationSum: (total: string, exact: boolean, cents: number) =>
    `Sum of shares ${total} 元 — ${exact ? 'exactly the pool' : 'NOT the pool'}; ${cents} remainder cent(s) by largest remainder`,
  none: 'none',
  problems: (n: number) => `The loop met ${n} problem(s); the steps they stop are left out:`,
  vetoMark: ' (veto)',
  held: (amount: string, n: number) => `Held back this year (withhold, recall): ${amount} (${n})`,
  vetoNote: (list: string) => `Veto in the own evaluation: ${list} — a score cap enters the combined score capped, and the veto still caps the combined grade`,
  shareText: (own: string, members: string) => `own ${own} + projects ${members}`,
  col: {
    level: 'Warning', count: 'Count', projects: 'Projects', project: 'Project', amount: 'Budget (万元)', reasons: 'Reasons',
    selfScore: 'Self score', review: 'Re-check score', deviation: 'Deviation', department: 'Department', town: 'Town',
    own: 'Own score', members: 'Projects', membersScore: 'Projects score', combined: 'Combined', grade: 'Grade',
    linkage: 'Linkage', adjust: 'Adjust (万元)', held: 'Held (万元)', coefficient: 'Coefficient', factorShare: 'Factor share', allocated: 'Allocated (元)',
    total: 'Total',
  },
  reason: { threshold: 'amount threshold', random: 'random' },
};

type Text = typeof en;

const zh: Text = {
  carriedTitle: '事中监控结果带入事后评价',
  carried: (withWarning: number, total: number, levels: string) => `${total} 个事后评价项目中 ${withWarning} 个带有 8 月监控预警：${levels}`,
  contextTitle: '上年评价结果与整改情况',
  context: (n: number, grades: string) => `${n} 个项目的上年等级和得分（${grades}）作为事后评价规则的上下文`,
  rectification: (statuses: string) => `上年评价为中、差项目的整改情况：${statuses}`,
  sampleTitle: '抽查复核名单',
  sample: (picked: number, population: number, seed: number, amount: string) => `${population} 个项目中抽取 ${picked} 个（随机种子 ${seed}），涉及预算 ${amount}`,
  byThreshold: (n: number, threshold: string) => `金额达到 ${threshold}：${n} 个`,
  byRisk: (n: number, list: string) => `高风险：${n} 个（${list}）`,
  byRandom: (n: number, share: string) => `其余项目随机抽取 ${share}：${n} 个`,
  selfTitle: '单位自评与财政复核',
  self: (checked: number, flagged: number, higher: number, lower: number) =>
    `复核抽中项目的自评 ${checked} 份；自评不实（偏差超过容忍值）${flagged} 个，其中自评偏高 ${higher} 个、偏低 ${lower} 个`,
  selfMissing: (n: number) => `${n} 个抽中项目未提交自评表`,
  departmentTitle: '部门整体绩效与部门预算挂钩（两纳入三挂钩）',
  townTitle: '镇街财政运行绩效与转移支付挂钩（两纳入三挂钩）',
  rollup: (n: number, withMembers: number, share: string, grades: string) => `综合评价 ${n} 个（${share}），其中 ${withMembers} 个有事后评价项目；等级 ${grades}`,
  linkage: (up: string, nUp: number, down: string, nDown: number, net: string) => `挂钩调整：调增 ${up}（${nUp} 个），调减 ${down}（${nDown} 个），合计 ${net}`,
  largest: (n: number, total: number) => `调整额最大的 ${n} 个（共 ${total} 个，全部见 summary.html 和 loop/）：`,
  allocationTitle: '专项资金因素法分配',
  allocation: (fund: string, pool: string, n: number, coefficients: string) =>
    `${fund}：资金池 ${pool}，按因素得分 × 镇街综合绩效等级系数（${coefficients}）分配给 ${n} 个镇街`,
  allocationSum: (total: string, exact: boolean, cents: number) =>
    `分配合计 ${total} 元，${exact ? '与资金池完全相等' : '与资金池不等'}；尾差 ${cents} 分按最大余额法分配`,
  none: '无',
  problems: (n: number) => `结果应用环节遇到 ${n} 个问题，受影响的步骤未列出：`,
  vetoMark: '（否决）',
  held: (amount: string, n: number) => `当年暂扣、收回：${amount}（${n} 个）`,
  vetoNote: (list: string) => `自身评价触发一票否决：${list} — 封顶的自身得分按封顶后计入综合得分，综合等级仍受否决限制`,
  shareText: (own: string, members: string) => `自身得分 ${own} + 项目得分 ${members}`,
  col: {
    level: '预警', count: '个数', projects: '项目', project: '项目', amount: '预算（万元）', reasons: '入选理由',
    selfScore: '自报总分', review: '复核得分', deviation: '偏差', department: '部门', town: '镇街',
    own: '自身得分', members: '项目数', membersScore: '项目得分', combined: '综合得分', grade: '等级',
    linkage: '挂钩建议', adjust: '调整（万元）', held: '暂扣（万元）', coefficient: '绩效系数', factorShare: '因素得分', allocated: '分配额（元）',
    total: '合计',
  },
  reason: { threshold: '金额达到门槛', random: '随机抽取' },
};

export function loopText(lang: Lang): Text {
  return lang === 'zh' ? zh : en;
}

const LEVELS: Record<Lang, Record<string, string>> = {
  zh: { red: '红色', yellow: '黄色', green: '绿色' },
  en: { red: 'red', yellow: 'yellow', green: 'green' },
};

export function levelName(lang: Lang, level: string): string {
  return LEVELS[lang][level] ?? level;
}

/** Counts as "红色 33 · 黄色 32", or the word for none. */
export function counts(entries: readonly (readonly [string, number])[], none: string): string {
  return entries.length === 0 ? none : entries.map(([k, n]) => `${k} ${n}`).join(' · ');
}
