/**
 * The catalogue of every diagnostic the compile phase reports: stable code, severity, message and
 * hint templates. Messages are written for policy staff (not programmers) and quote the numbers
 * involved; tests assert codes and ranges, never this wording, so it may be improved freely.
 * Codes: CMP2xx names, files and types; CMP3xx weights, thresholds and structure; REC5xx rule
 * blocks. `makeDiagnostic` is the only place a compile diagnostic object is created.
 */
import type { Diagnostic, Severity, SourceRange } from '../common/diagnostic.js';

export type MsgArgs = Record<string, string | number | undefined>;

interface Entry {
  severity: Severity;
  message: (a: MsgArgs) => string;
  hint?: (a: MsgArgs) => string | undefined;
}

const didYouMean = (a: MsgArgs): string | undefined =>
  a.suggestion ? `您是否想写 “${a.suggestion}”？(did you mean “${a.suggestion}”?)` : undefined;

export const MESSAGES = {
  CMP200: { severity: 'error', message: (a) => `无法读取导入的文件 “${a.path}”`, hint: () => '检查 import 路径：它相对于当前文件所在的目录。' },
  CMP201: { severity: 'error', message: (a) => `文件之间循环导入：${a.cycle}`, hint: () => '去掉其中一个 import；公共部分放进单独的文件。' },
  CMP202: { severity: 'error', message: (a) => `未知的名称 “${a.name}”`, hint: didYouMean },
  CMP203: { severity: 'error', message: (a) => `名称 “${a.name}” 重复定义（${a.what}），第一次定义在第 ${a.line} 行`, hint: () => '每个名称在同一层级只能定义一次。' },
  CMP204: { severity: 'error', message: (a) => `继承的框架 “${a.name}” 不存在`, hint: (a) => didYouMean(a) ?? '先用 import 导入定义该框架的文件。' },
  CMP205: { severity: 'error', message: (a) => `框架之间循环继承：${a.cycle}` },
  CMP206: { severity: 'error', message: (a) => `“${a.name}” 已在上级框架 “${a.parent}” 中定义`, hint: () => '若要替换它，写 override indicator …；若要删除，写 remove …。' },
  CMP207: { severity: 'error', message: (a) => `override 的对象 “${a.name}” 在上级框架中不存在`, hint: (a) => didYouMean(a) ?? '新增指标不需要写 override。' },
  CMP208: { severity: 'error', message: (a) => `remove 的对象 “${a.name}” 不存在`, hint: didYouMean },
  CMP209: { severity: 'error', message: (a) => `“${a.name}” 指向多个节点：${a.candidates}`, hint: () => '写出完整路径，例如 维度.指标。' },
  CMP210: { severity: 'error', message: (a) => `let 定义相互引用，形成循环：${a.cycle}` },
  CMP211: { severity: 'error', message: (a) => `指标之间相互引用得分或数值，形成循环：${a.cycle}` },
  CMP212: { severity: 'error', message: (a) => `不能把 ${a.left} 与 ${a.right} 相${a.op}`, hint: () => '两边的单位必须相同；元/元 是比率，可以与 % 运算。' },
  CMP213: { severity: 'error', message: (a) => `不能比较 ${a.left} 与 ${a.right}`, hint: () => '比较的两边单位必须一致，例如都用 % 或都用 元。' },
  CMP214: { severity: 'error', message: (a) => `此处需要${a.expected}，但得到的是${a.actual}` },
  CMP215: { severity: 'error', message: (a) => (a.arity ? `函数 ${a.name} 需要 ${a.arity} 个参数，写了 ${a.count} 个` : `未知的函数 “${a.name}”`), hint: didYouMean },
  CMP216: { severity: 'error', message: (a) => `“${a.name}” 不能用在${a.where}`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },
  CMP217: { severity: 'warning', message: (a) => `${a.what} “${a.name}” 定义了但从未使用`, hint: () => '删除它，或在公式中使用它。' },
  CMP218: { severity: 'error', message: (a) => `“${a.name}” 不是等级；已定义的等级：${a.grades}`, hint: didYouMean },
  CMP219: { severity: 'error', message: (a) => `${a.what} 只能用在继承其他框架（extends）的框架中` },
  CMP220: { severity: 'error', message: (a) => `框架 “${a.name}” 重复定义，第一次定义在 ${a.where}` },
  CMP221: { severity: 'error', message: (a) => `数据路径 “${a.path}” 中的 [] 只能用在 sum、avg、count 等汇总函数内` },
  CMP222: { severity: 'error', message: () => `grade 只能与等级名称比较，例如 grade == 优` },
  CMP224: { severity: 'error', message: (a) => `入口文件中没有框架 “${a.name}”；可选：${a.known}` },
  CMP223: { severity: 'error', message: (a) => `设置 ${a.name} 的值 ${a.value} 无效`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },

  CMP230: { severity: 'error', message: (a) => `编译结果（IR）格式不正确：${a.where} ${a.problem}`, hint: () => '请用 jixiao compile 重新生成。' },
  CMP231: { severity: 'error', message: (a) => `编译结果（IR）版本为 ${a.found}，本程序只能读取版本 ${a.expected}`, hint: () => '请用当前版本的 jixiao compile 重新生成。' },
  CMP232: { severity: 'error', message: (a) => `编译结果（IR）的内容与其 hash 不符（记录的是 ${a.found}，实际为 ${a.actual}）`, hint: () => '文件在编译后被修改过；请重新编译，不要手工编辑 IR。' },

  CMP301: { severity: 'error', message: (a) => `“${a.name}” 的下级权重合计为 ${a.sum}，但其权重为 ${a.weight}`, hint: (a) => `相差 ${a.diff} 分；请调整下级指标的权重，使合计等于 ${a.weight}。` },
  CMP302: { severity: 'error', message: (a) => `框架 “${a.name}” 的一级权重合计为 ${a.sum}，但满分为 ${a.weight}`, hint: (a) => `相差 ${a.diff} 分；一级维度（或指标）的权重合计应等于满分 ${a.weight}。` },
  CMP303: { severity: 'error', message: (a) => `指标 “${a.name}” 没有权重`, hint: () => '写成 indicator 名称 weight 5 { … }。' },
  CMP304: { severity: 'error', message: (a) => `“${a.name}” 的权重 ${a.weight} 不是正数`, hint: () => '权重是以分计的正数，例如 weight 5。' },
  CMP305: { severity: 'error', message: (a) => `要求 ${a.names} ${a.op} ${a.value} 不满足：实际为 ${a.sum}`, hint: () => '部门评价和财政评价要求 产出 + 效益 的权重不低于 60。' },
  CMP307: { severity: 'error', message: (a) => `等级分数线应从高到低严格递减：“${a.label}” 的 ${a.min} 不低于前一等级的 ${a.prev}` },
  CMP308: { severity: 'error', message: (a) => `等级 “${a.name}” 重复` },
  CMP309: { severity: 'warning', message: (a) => `没有 otherwise 等级：低于 ${a.lowest} 分的得分将没有等级`, hint: () => '加上 “差 otherwise”，或在说明中写明低分如何处理。' },
  CMP310: { severity: 'error', message: (a) => a.what === 'order' ? `otherwise 等级必须写在最后` : `等级 “${a.label}” 的分数线 ${a.min} 超出满分 ${a.scale}` },
  CMP311: { severity: 'warning', message: (a) => `区间 ${a.a} 与区间 ${a.b} 重叠：落在 ${a.overlap} 的数值按先写的区间计分`, hint: () => '区间按书写顺序匹配；请确认区间端点的开闭。' },
  CMP312: { severity: 'error', message: (a) => `区间之间有空档：${a.gap} 内的数值不落在任何区间`, hint: () => '补上这一段区间，或加上 else。' },
  CMP313: { severity: 'warning', message: (a) => `区间 ${a.band} 永远不会被匹配：前面的区间已经覆盖了它` },
  CMP314: { severity: 'warning', message: (a) => `没有 else：${a.gap} 内的数值不落在任何区间`, hint: () => '加上 else: 0，写明其余情况得几分。' },
  CMP315: { severity: 'error', message: (a) => `得分比例 ${a.award} 超出 0%–100%`, hint: () => '百分比表示占权重的比例，最高 100%。' },
  CMP316: { severity: 'error', message: (a) => `得分 ${a.points} 分超过该指标的权重 ${a.weight} 分` },
  CMP317: { severity: 'warning', message: (a) => a.max ? `最多扣 ${a.max} 分，超过了权重 ${a.weight} 分` : `扣分没有上限（每次扣 ${a.per} 分），可能超过权重 ${a.weight} 分；得分最低为 0（扣完为止）`, hint: () => '用 max 写明最多扣几分。' },
  CMP318: { severity: 'error', message: (a) => `${a.method} 计分方法需要 target（目标值）`, hint: () => '例如 target >= 100%。' },
  CMP319: { severity: 'error', message: (a) => `yesno 计分需要“是/否”的值，但 value 是${a.actual}`, hint: () => '例如 value = data.done == true。' },
  CMP320: { severity: 'error', message: (a) => `${a.method} 计分方法需要${a.what}` },
  CMP322: { severity: 'error', message: (a) => `指标 “${a.name}” 没有计分方法`, hint: () => '写 score proportional、score bands { … } 等。' },
  CMP323: { severity: 'error', message: (a) => `${a.method} 计分方法需要 value（指标值）`, hint: () => '例如 value = data.spent / data.budget.adjusted。' },
  CMP324: { severity: 'warning', message: (a) => `维度 “${a.name}” 没有任何指标，它的 ${a.weight} 分无法得到` },
  CMP325: { severity: 'error', message: (a) => `否决后封顶分 ${a.value} 超出满分 ${a.scale}` },
  CMP326: { severity: 'error', message: (a) => `线性插值的点应按横坐标从小到大排列：${a.x} 不大于前一点 ${a.prev}` },
  CMP327: { severity: 'error', message: (a) => `档位 “${a.label}” 的下限 ${a.low} 高于上限 ${a.high}` },

  REC501: { severity: 'error', message: (a) => `规则集 “${a.block}” 适用的框架 “${a.name}” 不存在`, hint: didYouMean },
  REC502: { severity: 'error', message: (a) => `规则中的名称 “${a.name}” 未定义`, hint: didYouMean },
  REC503: { severity: 'error', message: (a) => `“${a.name}” 不是等级；已定义的等级：${a.grades}`, hint: didYouMean },
  REC504: { severity: 'error', message: (a) => `预算线 “${a.name}” 没有 line 声明，无法按百分比调整`, hint: (a) => `加上 line ${a.name} base data.… "说明"，写明百分比的基数。` },
  REC505: { severity: 'error', message: () => `使用了 unspent（结余资金），但没有定义它`, hint: () => '加上 let unspent = data.budget.adjusted - data.spent。' },
  REC506: { severity: 'error', message: (a) => `规则 “${a.name}” 重复，第一次定义在第 ${a.line} 行` },
  REC507: { severity: 'error', message: (a) => `combine 的预算线 “${a.name}” 没有 line 声明`, hint: didYouMean },
  REC508: { severity: 'error', message: (a) => `预警等级 “${a.name}” 无效：只能是 green、yellow 或 red` },
  REC509: { severity: 'error', message: (a) => `${a.what} 需要${a.expected}` },
  REC510: { severity: 'error', message: (a) => `规则 “${a.name}” 的条件不是“是/否”判断` },
} satisfies Record<string, Entry>;

export type Code = keyof typeof MESSAGES;

export function makeDiagnostic(code: Code, file: string, range: SourceRange, args: MsgArgs = {}): Diagnostic {
  const entry: Entry = MESSAGES[code];
  const d: Diagnostic = { code, severity: entry.severity, message: entry.message(args), file, range };
  const hint = entry.hint?.(args);
  if (hint) d.hint = hint;
  return d;
}

/** The callback every check reports through. */
export type Accept = (code: Code, file: string, range: SourceRange, args?: MsgArgs) => void;
