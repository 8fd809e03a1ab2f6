/**
 * The catalogue of every diagnostic the compile phase reports, in Chinese and English: stable
 * code, severity, and message and hint templates per language (both complete, same codes; a unit
 * test checks it). Messages are written for policy staff (not programmers) and quote the numbers
 * involved; tests assert codes and ranges, never this wording, so it may be improved freely.
 * Arguments are plain values or `Term`s (a phrase in both languages), resolved when rendered.
 * Codes: CMP2xx names, files and types (CMP298/CMP299 internal errors); CMP3xx weights, thresholds and structure; REC5xx rule
 * blocks. `makeDiagnostic` is the only place a compile diagnostic object is created.
 */
import type { Diagnostic, Severity, SourceRange } from '../common/diagnostic.js';
import { DEFAULT_LANG, type Lang, type Term } from '../common/lang.js';
import { quoted, visible } from '../dsl/messages.js';

export type MsgArgs = Record<string, string | number | Term | undefined>;
/** Arguments after `Term`s were resolved to the chosen language. */
type Args = Record<string, string | number | undefined>;

interface Entry {
  severity: Severity;
  message: (a: Args) => string;
  hint?: (a: Args) => string | undefined;
}

/** Same codes as `Entry`, without the severity (which does not depend on the language). */
interface Text {
  message: (a: Args) => string;
  hint?: (a: Args) => string | undefined;
}

const didYouMeanZh = (a: Args): string | undefined => (a.suggestion ? `您是否想写 “${a.suggestion}”？` : undefined);
const didYouMeanEn = (a: Args): string | undefined => (a.suggestion ? `did you mean “${a.suggestion}”?` : undefined);

/** Chinese: the reference wording (and the severities of every code). */
export const MESSAGES = {
  CMP200: { severity: 'error', message: (a) => `无法读取导入的文件 “${a.path}”`, hint: () => '检查 import 路径：它相对于当前文件所在的目录。' },
  CMP201: { severity: 'error', message: (a) => `文件之间循环导入：${a.cycle}`, hint: () => '去掉其中一个 import；公共部分放进单独的文件。' },
  CMP202: { severity: 'error', message: (a) => `未知的名称 “${a.name}”`, hint: didYouMeanZh },
  CMP203: { severity: 'error', message: (a) => `名称 “${a.name}” 重复定义（${a.what}），第一次定义在第 ${a.line} 行`, hint: () => '每个名称在同一层级只能定义一次。' },
  CMP204: { severity: 'error', message: (a) => `继承的框架 “${a.name}” 不存在`, hint: (a) => didYouMeanZh(a) ?? '先用 import 导入定义该框架的文件。' },
  CMP205: { severity: 'error', message: (a) => `框架之间循环继承：${a.cycle}` },
  CMP206: { severity: 'error', message: (a) => `“${a.name}” 已在上级框架 “${a.parent}” 中定义`, hint: () => '若要替换它，写 override indicator …；若要删除，写 remove …。' },
  CMP207: { severity: 'error', message: (a) => `override 的对象 “${a.name}” 在上级框架中不存在`, hint: (a) => didYouMeanZh(a) ?? '新增指标不需要写 override。' },
  CMP208: { severity: 'error', message: (a) => `remove 的对象 “${a.name}” 不存在`, hint: didYouMeanZh },
  CMP209: { severity: 'error', message: (a) => `“${a.name}” 指向多个节点：${a.candidates}`, hint: () => '写出完整路径，例如 维度.指标。' },
  CMP210: { severity: 'error', message: (a) => `let 定义相互引用，形成循环：${a.cycle}` },
  CMP211: { severity: 'error', message: (a) => `指标之间相互引用得分或数值，形成循环：${a.cycle}` },
  CMP212: { severity: 'error', message: (a) => `不能把 ${a.left} 与 ${a.right} 相${a.op}`, hint: () => '两边的单位必须相同；元/元 是比率，可以与 % 运算。' },
  CMP213: { severity: 'error', message: (a) => `不能比较 ${a.left} 与 ${a.right}`, hint: () => '比较的两边单位必须一致，例如都用 % 或都用 元。' },
  CMP214: { severity: 'error', message: (a) => `此处需要${a.expected}，但得到的是${a.actual}` },
  CMP215: { severity: 'error', message: (a) => (a.arity ? `函数 ${a.name} 需要 ${a.arity} 个参数，写了 ${a.count} 个` : `未知的函数 “${a.name}”`), hint: didYouMeanZh },
  CMP216: { severity: 'error', message: (a) => `“${a.name}” 不能用在${a.where}`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },
  CMP217: { severity: 'warning', message: (a) => `${a.what} “${a.name}” 定义了但从未使用`, hint: () => '删除它，或在公式中使用它。' },
  CMP218: { severity: 'error', message: (a) => `“${a.name}” 不是等级；已定义的等级：${a.grades}`, hint: didYouMeanZh },
  CMP219: { severity: 'error', message: (a) => `${a.what} 只能用在继承其他框架（extends）的框架中` },
  CMP220: { severity: 'error', message: (a) => `框架 “${a.name}” 重复定义，第一次定义在 ${a.where}` },
  CMP221: { severity: 'error', message: (a) => `数据路径 “${a.path}” 中的 [] 只能用在 sum、avg、count 等汇总函数内` },
  CMP222: { severity: 'error', message: () => `grade 只能与等级名称比较，例如 grade == 优` },
  CMP225: { severity: 'error', message: (a) => `“${a.name}” 只能用在 rules 规则集中`, hint: () => '上年结果（previous / 上年）和整改情况（rectification / 整改情况）由调用方在评分之后提供，只能用于规则条件、规则集的 param/let 和处理金额；指标得分只取决于本年数据。' },
  CMP224: { severity: 'error', message: (a) => `入口文件中没有框架 “${a.name}”；可选：${a.known}` },
  CMP223: { severity: 'error', message: (a) => `设置 ${a.name} 的值 ${a.value} 无效`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },

  CMP226: { severity: 'error', message: (a) => `“${a.name}” 经由其他定义（let）层层引用，相互嵌套的运算超过了 ${a.limit} 层`, hint: () => '缩短相互引用的 let 链：把中间结果定义为指标，或合并几步计算。' },
  CMP227: { severity: 'error', message: (a) => `经由 “${a.name}” 的继承链超过了 ${a.limit} 层`, hint: () => '框架通常继承一个共性框架，后者可能再继承一个；继承链只需几层。' },
  CMP230: { severity: 'error', message: (a) => `编译结果（IR）格式不正确：${a.where} ${a.problem}`, hint: () => '请用 jixiao compile 重新生成。' },
  CMP231: { severity: 'error', message: (a) => `编译结果（IR）版本为 ${a.found}，本程序只能读取版本 ${a.expected}`, hint: () => '请用当前版本的 jixiao compile 重新生成。' },
  CMP232: { severity: 'error', message: (a) => `编译结果（IR）的内容与其 hash 不符（记录的是 ${a.found}，实际为 ${a.actual}）`, hint: () => '文件在编译后被修改过；请重新编译，不要手工编辑 IR。' },
  CMP233: { severity: 'error', message: (a) => `数据路径 “${a.path}” 没有用 input 声明，而已声明的输入 “${a.suggestion}” 与它只差几个字`, hint: (a) => `若是笔误，改为 ${a.suggestion}；若确实是另一个字段，请声明它：input ${a.path} …` },
  CMP234: { severity: 'error', message: (a) => `${a.type} 类型的输入没有数值，不能声明取值范围`, hint: () => '取值范围只用于 number、count、money、percent 类型的输入；文本请用 of 列出可用的值。' },
  CMP235: { severity: 'error', message: (a) => a.what === 'unit' ? `取值范围的端点以 ${a.unit} 为单位，与 ${a.type} 类型的输入不符` : '取值范围的端点必须是常数（数字或参数），不能读取数据', hint: (a) => a.what === 'unit' ? (a.want ? `${a.type} 输入的范围请用 ${a.want} 书写，例如 ${a.type === 'money' ? '>= 0、[0, 1亿]' : '[0%, 100%]'}。` : '请写不带金额或百分号单位的数字，例如 >= 0。') : '例如 [0%, 100%]、>= 0，或已声明的参数。' },
  CMP236: { severity: 'error', message: (a) => `取值范围 ${a.low} 到 ${a.high} 中没有任何值`, hint: () => '下限写在前面，且不得大于上限；方括号包含端点，圆括号不包含。' },

  CMP298: { severity: 'error', message: (a) => `编译器内部错误：检查 “${a.check}” 中途出错（${a.error}），它的检查结果不完整`, hint: () => '这是 jixiao 的缺陷，不是文件写错了；其他检查的结果仍然有效。请把这个文件和本条信息报告给维护者。' },
  CMP299: { severity: 'error', message: (a) => `编译器内部错误：${a.error}`, hint: () => '这是 jixiao 的缺陷，不是文件写错了。请把这个文件和本条信息报告给维护者。' },

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

  REC501: { severity: 'error', message: (a) => `规则集 “${a.block}” 适用的框架 “${a.name}” 不存在`, hint: didYouMeanZh },
  REC502: { severity: 'error', message: (a) => `规则中的名称 “${a.name}” 未定义`, hint: didYouMeanZh },
  REC503: { severity: 'error', message: (a) => `“${a.name}” 不是等级；已定义的等级：${a.grades}`, hint: didYouMeanZh },
  REC504: { severity: 'error', message: (a) => a.verb ? `${a.verb} 的预算线 “${a.name}” 没有 line 声明` : `预算线 “${a.name}” 没有 line 声明，无法按百分比调整`, hint: (a) => a.verb ? `加上 line ${a.name} base data.… "说明"，声明这条预算线。` : `加上 line ${a.name} base data.… "说明"，写明百分比的基数。` },
  REC505: { severity: 'error', message: () => `使用了 unspent（结余资金），但没有定义它`, hint: () => '加上 let unspent = data.budget.adjusted - data.spent。' },
  REC506: { severity: 'error', message: (a) => `规则 “${a.name}” 重复，第一次定义在第 ${a.line} 行` },
  REC507: { severity: 'error', message: (a) => `combine 的预算线 “${a.name}” 没有 line 声明`, hint: didYouMeanZh },
  REC508: { severity: 'error', message: (a) => `预警等级 “${a.name}” 无效：只能是 green、yellow 或 red` },
  REC509: { severity: 'error', message: (a) => `${a.what} 需要${a.expected}` },
  REC510: { severity: 'error', message: (a) => `规则 “${a.name}” 的条件不是“是/否”判断` },
  REC521: { severity: 'error', message: (a) => `规则不能把整条记录 ${a.name} 当作一个值来比较或计算`, hint: () => '写出要比较的字段，例如 data.budget.adjusted > 0。' },
  REC522: { severity: 'error', message: (a) => `${a.name} 是${a.shape}，不能与数值或文字比较，也不能参与计算`, hint: (a) => (a.field ? `写出其中的字段，例如 ${a.field}。` : '用 count(…)、sum(…) 等汇总函数得到一个数，再比较。') },
  REC523: { severity: 'error', message: (a) => `数字 ${a.text} 超出规则能精确比较的范围`, hint: () => '规则中的数字按双精度数比较：有效数字不超过 15 位（且绝对值不超过 1e308）总是精确的。' },
  REC524: { severity: 'error', message: (a) => `规则 “${a.name}” 的优先级 ${a.priority} 超出范围 ${a.min}–${a.max}`, hint: (a) => `优先级是 ${a.min} 到 ${a.max} 之间的整数，数值大的先执行。` },
  REC544: { severity: 'error', message: (a) => `${a.verb} 的百分比 ${a.amount} 没有基数：既没有写预算线，也没有定义 unspent`, hint: (a) => `写明预算线，例如 ${a.verb} transfer_payment ${a.amount}（并声明 line transfer_payment base data.… "说明"），或定义 let unspent = data.budget.adjusted - data.spent。` },
  REC545: { severity: 'error', message: (a) => a.cap ? `combine ${a.target}：上限（cap）只适用于预算线上的金额，不适用于 ${a.kind}` : `combine ${a.target}：合并方式 ${a.mode} 不适用于 ${a.kind}`, hint: (a) => `${a.kind} 可用的合并方式：${a.allowed}。` },
} satisfies Record<string, Entry>;

export type Code = keyof typeof MESSAGES;

/** English: one entry per code of `MESSAGES`. */
export const MESSAGES_EN: Record<Code, Text> = {
  CMP200: { message: (a) => `cannot read the imported file “${a.path}”`, hint: () => 'Check the import path: it is relative to the folder of the current file.' },
  CMP201: { message: (a) => `files import each other in a cycle: ${a.cycle}`, hint: () => 'Remove one of the imports; put the shared part in a separate file.' },
  CMP202: { message: (a) => `unknown name “${a.name}”`, hint: didYouMeanEn },
  CMP203: { message: (a) => `the name “${a.name}” is defined twice (${a.what}); first defined on line ${a.line}`, hint: () => 'Each name may be defined only once at the same level.' },
  CMP204: { message: (a) => `the framework “${a.name}” being extended does not exist`, hint: (a) => didYouMeanEn(a) ?? 'Import the file that defines that framework first.' },
  CMP205: { message: (a) => `frameworks extend each other in a cycle: ${a.cycle}` },
  CMP206: { message: (a) => `“${a.name}” is already defined in the parent framework “${a.parent}”`, hint: () => 'To replace it write override indicator …; to delete it write remove ….' },
  CMP207: { message: (a) => `“${a.name}” is overridden but does not exist in the parent framework`, hint: (a) => didYouMeanEn(a) ?? 'A new indicator does not need override.' },
  CMP208: { message: (a) => `“${a.name}” is removed but does not exist`, hint: didYouMeanEn },
  CMP209: { message: (a) => `“${a.name}” refers to several nodes: ${a.candidates}`, hint: () => 'Write the full path, e.g. dimension.indicator.' },
  CMP210: { message: (a) => `let definitions refer to each other in a cycle: ${a.cycle}` },
  CMP211: { message: (a) => `indicators refer to each other's score or value in a cycle: ${a.cycle}` },
  CMP212: { message: (a) => `cannot ${a.op} ${a.left} and ${a.right}`, hint: () => 'Both sides need the same unit; 元/元 is a ratio and works with %.' },
  CMP213: { message: (a) => `cannot compare ${a.left} with ${a.right}`, hint: () => 'Both sides of a comparison need the same unit, e.g. both % or both 元.' },
  CMP214: { message: (a) => `${a.expected} is needed here, but this is ${a.actual}` },
  CMP215: { message: (a) => (a.arity ? `function ${a.name} takes ${a.arity} argument(s), ${a.count} given` : `unknown function “${a.name}”`), hint: didYouMeanEn },
  CMP216: { message: (a) => `“${a.name}” cannot be used in ${a.where}`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },
  CMP217: { message: (a) => `${a.what} “${a.name}” is defined but never used`, hint: () => 'Delete it, or use it in a formula.' },
  CMP218: { message: (a) => `“${a.name}” is not a grade; grades defined: ${a.grades}`, hint: didYouMeanEn },
  CMP219: { message: (a) => `${a.what} can only be used in a framework that extends another (extends)` },
  CMP220: { message: (a) => `the framework “${a.name}” is defined twice; first defined at ${a.where}` },
  CMP221: { message: (a) => `[] in the data path “${a.path}” can only be used inside sum, avg, count and other aggregate functions` },
  CMP222: { message: () => 'grade can only be compared with a grade label, e.g. grade == 优' },
  CMP225: { message: (a) => `“${a.name}” can only be used in rules blocks`, hint: () => 'Last year\'s result (previous / 上年) and the rectification status (rectification / 整改情况) are supplied by the caller after scoring: use them in rule conditions, params/lets of a rules block and action amounts; scores depend on this year\'s data only.' },
  CMP224: { message: (a) => `no framework “${a.name}” in the entry files; available: ${a.known}` },
  CMP223: { message: (a) => `the value ${a.value} of setting ${a.name} is not valid`, hint: (a) => (a.why === undefined ? undefined : String(a.why)) },

  CMP226: { message: (a) => `“${a.name}” builds on other lets more than ${a.limit} operations deep`, hint: () => 'Shorten the chain of lets that read one another: make intermediate results indicators, or merge steps.' },
  CMP227: { message: (a) => `the chain of frameworks through “${a.name}” is more than ${a.limit} long`, hint: () => 'A framework usually extends a common one, which may extend another; a chain needs only a few levels.' },
  CMP230: { message: (a) => `the compiled result (IR) is malformed: ${a.where} ${a.problem}`, hint: () => 'Generate it again with jixiao compile.' },
  CMP231: { message: (a) => `the compiled result (IR) has version ${a.found}; this program reads only version ${a.expected}`, hint: () => 'Generate it again with the current jixiao compile.' },
  CMP232: { message: (a) => `the compiled result (IR) does not match its hash (recorded ${a.found}, actual ${a.actual})`, hint: () => 'The file was changed after compiling; compile again instead of editing the IR by hand.' },
  CMP233: { message: (a) => `data path “${a.path}” is not declared with input, and it differs by a few letters from the declared input “${a.suggestion}”`, hint: (a) => `If it is a typo, write ${a.suggestion}; if it really is another field, declare it: input ${a.path} …` },
  CMP234: { message: (a) => `an input of type ${a.type} holds no numbers, so it cannot declare a range`, hint: () => 'Ranges are for inputs of type number, count, money and percent; for text, list the values with of.' },
  CMP235: { message: (a) => a.what === 'unit' ? `an end of the range is written in ${a.unit}, which does not fit an input of type ${a.type}` : 'the ends of a range must be constants (numbers or params), not data', hint: (a) => a.what === 'unit' ? (a.want ? `Write the range of a ${a.type} input in ${a.want}, e.g. ${a.type === 'money' ? '>= 0 or [0, 1亿]' : '[0%, 100%]'}.` : 'Write numbers without a money or percent unit, e.g. >= 0.') : 'For example [0%, 100%], >= 0, or a declared param.' },
  CMP236: { message: (a) => `the range from ${a.low} to ${a.high} holds no value`, hint: () => 'Write the lower end first, not above the upper end; a square bracket includes its end, a round one excludes it.' },

  CMP298: { message: (a) => `internal compiler error: the check “${a.check}” failed part-way (${a.error}), so its findings are incomplete`, hint: () => 'This is a defect in jixiao, not a mistake in the file; the findings of the other checks still hold. Please report this file and this message to the maintainers.' },
  CMP299: { message: (a) => `internal compiler error: ${a.error}`, hint: () => 'This is a defect in jixiao, not a mistake in the file. Please report this file and this message to the maintainers.' },

  CMP301: { message: (a) => `the weights under “${a.name}” add up to ${a.sum}, but its weight is ${a.weight}`, hint: (a) => `${a.diff} point(s) apart; adjust the weights below so they add up to ${a.weight}.` },
  CMP302: { message: (a) => `the top-level weights of framework “${a.name}” add up to ${a.sum}, but the scale is ${a.weight}`, hint: (a) => `${a.diff} point(s) apart; the top-level dimensions (or indicators) must add up to the scale ${a.weight}.` },
  CMP303: { message: (a) => `indicator “${a.name}” has no weight`, hint: () => 'Write indicator <name> weight 5 { … }.' },
  CMP304: { message: (a) => `the weight ${a.weight} of “${a.name}” is not a positive number`, hint: () => 'A weight is a positive number of points, e.g. weight 5.' },
  CMP305: { message: (a) => `requirement ${a.names} ${a.op} ${a.value} is not met: the actual value is ${a.sum}`, hint: () => 'Department and fiscal evaluations require the weights of 产出 + 效益 to be at least 60.' },
  CMP307: { message: (a) => `grade cut-offs must strictly decrease: ${a.min} of “${a.label}” is not below ${a.prev} of the grade before` },
  CMP308: { message: (a) => `grade “${a.name}” is given twice` },
  CMP309: { message: (a) => `no otherwise grade: scores below ${a.lowest} get no grade`, hint: () => 'Add “差 otherwise”, or say in the description how low scores are handled.' },
  CMP310: { message: (a) => a.what === 'order' ? 'the otherwise grade must come last' : `the cut-off ${a.min} of grade “${a.label}” exceeds the scale ${a.scale}` },
  CMP311: { message: (a) => `band ${a.a} overlaps band ${a.b}: values in ${a.overlap} are scored by the band written first`, hint: () => 'Bands match in the order written; check whether the ends are open or closed.' },
  CMP312: { message: (a) => `the bands leave a gap: values in ${a.gap} fall in no band`, hint: () => 'Add a band for this range, or add else.' },
  CMP313: { message: (a) => `band ${a.band} can never match: the bands before it already cover it` },
  CMP314: { message: (a) => `no else: values in ${a.gap} fall in no band`, hint: () => 'Add else: 0 to say what the remaining cases score.' },
  CMP315: { message: (a) => `the award ${a.award} is outside 0%–100%`, hint: () => 'A percentage is a share of the weight, at most 100%.' },
  CMP316: { message: (a) => `${a.points} point(s) exceed the weight of ${a.weight} point(s) of this indicator` },
  CMP317: { message: (a) => a.max ? `at most ${a.max} point(s) are deducted, more than the weight of ${a.weight}` : `deductions have no limit (${a.per} point(s) each) and may exceed the weight of ${a.weight}; the score never goes below 0`, hint: () => 'Say the most that can be deducted with max.' },
  CMP318: { message: (a) => `scoring method ${a.method} needs a target`, hint: () => 'For example target >= 100%.' },
  CMP319: { message: (a) => `yesno scoring needs a yes/no value, but value is ${a.actual}`, hint: () => 'For example value = data.done == true.' },
  CMP320: { message: (a) => `scoring method ${a.method} needs ${a.what}` },
  CMP322: { message: (a) => `indicator “${a.name}” has no scoring method`, hint: () => 'Write score proportional, score bands { … } or another method.' },
  CMP323: { message: (a) => `scoring method ${a.method} needs a value`, hint: () => 'For example value = data.spent / data.budget.adjusted.' },
  CMP324: { message: (a) => `dimension “${a.name}” has no indicators; its ${a.weight} point(s) can never be earned` },
  CMP325: { message: (a) => `the cap after a veto, ${a.value}, exceeds the scale ${a.scale}` },
  CMP326: { message: (a) => `points of a linear line must increase along x: ${a.x} is not greater than the point before, ${a.prev}` },
  CMP327: { message: (a) => `the lower end ${a.low} of tier “${a.label}” is above its upper end ${a.high}` },

  REC501: { message: (a) => `the framework “${a.name}” of rules block “${a.block}” does not exist`, hint: didYouMeanEn },
  REC502: { message: (a) => `the name “${a.name}” in a rule is not defined`, hint: didYouMeanEn },
  REC503: { message: (a) => `“${a.name}” is not a grade; grades defined: ${a.grades}`, hint: didYouMeanEn },
  REC504: { message: (a) => a.verb ? `budget line “${a.name}” of ${a.verb} has no line declaration` : `budget line “${a.name}” has no line declaration, so it cannot be adjusted by a percentage`, hint: (a) => a.verb ? `Add line ${a.name} base data.… "description" to declare the line.` : `Add line ${a.name} base data.… "description" to say what the percentage is of.` },
  REC505: { message: () => 'unspent (the unspent funds) is used but not defined', hint: () => 'Add let unspent = data.budget.adjusted - data.spent.' },
  REC506: { message: (a) => `rule “${a.name}” is given twice; first defined on line ${a.line}` },
  REC507: { message: (a) => `budget line “${a.name}” of combine has no line declaration`, hint: didYouMeanEn },
  REC508: { message: (a) => `warning level “${a.name}” is not valid: use green, yellow or red` },
  REC509: { message: (a) => `${a.what} needs ${a.expected}` },
  REC510: { message: (a) => `the condition of rule “${a.name}” is not a yes/no test` },
  REC521: { message: (a) => `a rule cannot compare or compute with the whole record ${a.name}`, hint: () => 'Name the field to compare, e.g. data.budget.adjusted > 0.' },
  REC522: { message: (a) => `${a.name} is ${a.shape}; it cannot be compared with a number or text, nor used in arithmetic`, hint: (a) => (a.field ? `Name one of its fields, e.g. ${a.field}.` : 'Turn it into a number with count(…), sum(…) or another aggregate, then compare.') },
  REC523: { message: (a) => `the number ${a.text} is outside the range rules compare exactly`, hint: () => 'Numbers in rules are compared as doubles: up to 15 significant digits (and at most 1e308 in size) are always exact.' },
  REC524: { message: (a) => `the priority ${a.priority} of rule “${a.name}” is outside ${a.min}–${a.max}`, hint: (a) => `A priority is a whole number from ${a.min} to ${a.max}; higher runs first.` },
  REC544: { message: (a) => `the percentage ${a.amount} of ${a.verb} has no base: no budget line is named and unspent is not defined`, hint: (a) => `Name a budget line, e.g. ${a.verb} transfer_payment ${a.amount} (with line transfer_payment base data.… "description"), or define let unspent = data.budget.adjusted - data.spent.` },
  REC545: { message: (a) => a.cap ? `combine ${a.target}: a cap applies only to money on a budget line, not to ${a.kind}` : `combine ${a.target}: mode ${a.mode} makes no sense for ${a.kind}`, hint: (a) => `Modes for ${a.kind}: ${a.allowed}.` },
};

/** The templates of each language, for callers that list or check them. */
export const COMPILE_CATALOGUES: Record<Lang, Record<Code, Text>> = { zh: MESSAGES, en: MESSAGES_EN };

/**
 * Arguments in the chosen language. Text taken from the file is shown safely: control characters
 * as U+XXXX, and a name or suggestion of more than ~80 characters with its middle elided, so a
 * hostile name cannot make every message that quotes it as long as itself.
 */
function resolve(args: MsgArgs, lang: Lang): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(args)) {
    const x = typeof v === 'object' ? v[lang] : v;
    out[k] = typeof x !== 'string' ? x : k === 'name' || k === 'suggestion' ? quoted(x) : visible(x);
  }
  return out;
}

export function makeDiagnostic(code: Code, file: string, range: SourceRange, args: MsgArgs = {}, lang: Lang = DEFAULT_LANG): Diagnostic {
  const entry: Text = COMPILE_CATALOGUES[lang][code];
  const a = resolve(args, lang);
  const d: Diagnostic = { code, severity: MESSAGES[code].severity, message: entry.message(a), file, range };
  const hint = entry.hint?.(a);
  if (hint) d.hint = hint;
  return d;
}

/** The callback every check reports through. */
export type Accept = (code: Code, file: string, range: SourceRange, args?: MsgArgs) => void;
