/**
 * Compile diagnostics in Chinese and English with severity and hint, in the one catalogue shape
 * of src/common/catalogue.ts (rendered by `makeDiagnostic` in messages.ts, which picks variants).
 * CMP2xx: names, imports, inheritance, types and units, settings, the compiled IR read back,
 * and the compiler's own failures (CMP298 a check failed part-way, CMP299 any other compiler
 * bug). Variants: `CMP202.number` / `CMP202.nothingNear` when no near name exists (a number slot, or any other place), `CMP204.suggestion` / `CMP207.suggestion` when a near name exists,
 * `CMP215.arity` a known function with the wrong number of arguments.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_NAMES = defineCatalogue('compile-names', {
  CMP200: {
    severity: 'error',
    zh: '无法读取导入的文件 “{path}”',
    en: 'cannot read the imported file “{path}”',
    hint: { zh: '检查 import 路径：它相对于当前文件所在的目录。', en: 'Check the import path: it is relative to the folder of the current file.' },
  },
  CMP201: {
    severity: 'error',
    zh: '文件之间循环导入：{cycle}',
    en: 'files import each other in a cycle: {cycle}',
    hint: { zh: '去掉其中一个 import；公共部分放进单独的文件。', en: 'Remove one of the imports; put the shared part in a separate file.' },
  },
  CMP202: {
    severity: 'error',
    zh: '未知的名称 “{name}”',
    en: 'unknown name “{name}”',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  'CMP202.number': {
    zh: '未知的名称 “{name}”',
    en: 'unknown name “{name}”',
    hint: {
      zh: '这里要写一个数字（如 10），或一个值为常数的参数名（先声明：param 名称 = 10）。',
      en: 'Write a number here (such as 10), or the name of a param with a constant value (declare it first: param name = 10).',
    },
  },
  'CMP202.nothingNear': {
    zh: '未知的名称 “{name}”',
    en: 'unknown name “{name}”',
    hint: {
      zh: '名称须先声明再使用：本框架的 param、let、input、指标或维度。请检查拼写。',
      en: 'A name must be declared before it is used: a param, let, input, indicator or dimension of this framework. Check the spelling.',
    },
  },
  CMP203: {
    severity: 'error',
    zh: '名称 “{name}” 重复定义（{what}），第一次定义在第 {line} 行',
    en: 'the name “{name}” is defined twice ({what}); first defined on line {line}',
    hint: { zh: '每个名称在同一层级只能定义一次。', en: 'Each name may be defined only once at the same level.' },
  },
  CMP204: {
    severity: 'error',
    zh: '继承的框架 “{name}” 不存在',
    en: 'the framework “{name}” being extended does not exist',
    hint: { zh: '先用 import 导入定义该框架的文件。', en: 'Import the file that defines that framework first.' },
  },
  'CMP204.suggestion': {
    zh: '继承的框架 “{name}” 不存在',
    en: 'the framework “{name}” being extended does not exist',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  CMP205: { severity: 'error', zh: '框架之间循环继承：{cycle}', en: 'frameworks extend each other in a cycle: {cycle}' },
  CMP206: {
    severity: 'error',
    zh: '“{name}” 已在上级框架 “{parent}” 中定义',
    en: '“{name}” is already defined in the parent framework “{parent}”',
    hint: { zh: '若要替换它，写 override indicator …；若要删除，写 remove …。', en: 'To replace it write override indicator …; to delete it write remove ….' },
  },
  CMP207: {
    severity: 'error',
    zh: 'override 的对象 “{name}” 在上级框架中不存在',
    en: '“{name}” is overridden but does not exist in the parent framework',
    hint: { zh: '新增指标不需要写 override。', en: 'A new indicator does not need override.' },
  },
  'CMP207.suggestion': {
    zh: 'override 的对象 “{name}” 在上级框架中不存在',
    en: '“{name}” is overridden but does not exist in the parent framework',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  CMP208: {
    severity: 'error',
    zh: 'remove 的对象 “{name}” 不存在',
    en: '“{name}” is removed but does not exist',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  CMP209: {
    severity: 'error',
    zh: '“{name}” 指向多个节点：{candidates}',
    en: '“{name}” refers to several nodes: {candidates}',
    hint: { zh: '写出完整路径，例如 维度.指标。', en: 'Write the full path, e.g. dimension.indicator.' },
  },
  CMP210: { severity: 'error', zh: 'let 定义相互引用，形成循环：{cycle}', en: 'let definitions refer to each other in a cycle: {cycle}' },
  CMP211: { severity: 'error', zh: '指标之间相互引用得分或数值，形成循环：{cycle}', en: "indicators refer to each other's score or value in a cycle: {cycle}" },
  CMP212: {
    severity: 'error',
    zh: '不能把 {left} 与 {right} 相{op}',
    en: 'cannot {op} {left} and {right}',
    hint: { zh: '两边的单位必须相同；元/元 是比率，可以与 % 运算。', en: 'Both sides need the same unit; 元/元 is a ratio and works with %.' },
  },
  CMP213: {
    severity: 'error',
    zh: '不能比较 {left} 与 {right}',
    en: 'cannot compare {left} with {right}',
    hint: { zh: '比较的两边单位必须一致，例如都用 % 或都用 元。', en: 'Both sides of a comparison need the same unit, e.g. both % or both 元.' },
  },
  CMP214: { severity: 'error', zh: '此处需要{expected}，但得到的是{actual}', en: '{expected} is needed here, but this is {actual}' },
  CMP215: {
    severity: 'error',
    zh: '未知的函数 “{name}”',
    en: 'unknown function “{name}”',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  'CMP215.arity': {
    zh: '函数 {name} 需要 {arity} 个参数，写了 {count} 个',
    en: 'function {name} takes {arity} argument(s), {count} given',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  CMP216: { severity: 'error', zh: '“{name}” 不能用在{where}', en: '“{name}” cannot be used in {where}', hint: { zh: '{why}', en: '{why}' } },
  CMP217: {
    severity: 'warning',
    zh: '{what} “{name}” 定义了但从未使用',
    en: '{what} “{name}” is defined but never used',
    hint: { zh: '删除它，或在公式中使用它。', en: 'Delete it, or use it in a formula.' },
  },
  CMP218: {
    severity: 'error',
    zh: '“{name}” 不是等级；已定义的等级：{grades}',
    en: '“{name}” is not a grade; grades defined: {grades}',
    hint: { zh: '您是否想写 “{suggestion}”？', en: 'did you mean “{suggestion}”?' },
  },
  CMP219: {
    severity: 'error',
    zh: '{what} 只能用在继承其他框架（extends）的框架中',
    en: '{what} can only be used in a framework that extends another (extends)',
  },
  CMP220: { severity: 'error', zh: '框架 “{name}” 重复定义，第一次定义在 {where}', en: 'the framework “{name}” is defined twice; first defined at {where}' },
  CMP221: {
    severity: 'error',
    zh: '数据路径 “{path}” 中的 [] 只能用在 sum、avg、count 等汇总函数内',
    en: '[] in the data path “{path}” can only be used inside sum, avg, count and other aggregate functions',
  },
  CMP222: { severity: 'error', zh: 'grade 只能与等级名称比较，例如 grade == 优', en: 'grade can only be compared with a grade label, e.g. grade == 优' },
  CMP225: {
    severity: 'error',
    zh: '“{name}” 只能用在 rules 规则集中',
    en: '“{name}” can only be used in rules blocks',
    hint: {
      zh: '上年结果（previous / 上年）和整改情况（rectification / 整改情况）由调用方在评分之后提供，只能用于规则条件、规则集的 param/let 和处理金额；指标得分只取决于本年数据。',
      en: "Last year's result (previous / 上年) and the rectification status (rectification / 整改情况) are supplied by the caller after scoring: use them in rule conditions, params/lets of a rules block and action amounts; scores depend on this year's data only.",
    },
  },
  CMP224: { severity: 'error', zh: '入口文件中没有框架 “{name}”；可选：{known}', en: 'no framework “{name}” in the entry files; available: {known}' },
  CMP223: {
    severity: 'error',
    zh: '设置 {name} 的值 {value} 无效',
    en: 'the value {value} of setting {name} is not valid',
    hint: { zh: '{why}', en: '{why}' },
  },
  CMP226: {
    severity: 'error',
    zh: '“{name}” 经由其他定义（let）层层引用，相互嵌套的运算超过了 {limit} 层',
    en: '“{name}” builds on other lets more than {limit} operations deep',
    hint: {
      zh: '缩短相互引用的 let 链：把中间结果定义为指标，或合并几步计算。',
      en: 'Shorten the chain of lets that read one another: make intermediate results indicators, or merge steps.',
    },
  },
  CMP227: {
    severity: 'error',
    zh: '经由 “{name}” 的继承链超过了 {limit} 层',
    en: 'the chain of frameworks through “{name}” is more than {limit} long',
    hint: {
      zh: '框架通常继承一个共性框架，后者可能再继承一个；继承链只需几层。',
      en: 'A framework usually extends a common one, which may extend another; a chain needs only a few levels.',
    },
  },
  CMP230: {
    severity: 'error',
    zh: '编译结果（IR）格式不正确：{where} {problem}',
    en: 'the compiled result (IR) is malformed: {where} {problem}',
    hint: { zh: '请用 jixiao compile 重新生成。', en: 'Generate it again with jixiao compile.' },
  },
  CMP231: {
    severity: 'error',
    zh: '编译结果（IR）版本为 {found}，本程序只能读取版本 {expected}',
    en: 'the compiled result (IR) has version {found}; this program reads only version {expected}',
    hint: { zh: '请用当前版本的 jixiao compile 重新生成。', en: 'Generate it again with the current jixiao compile.' },
  },
  CMP232: {
    severity: 'error',
    zh: '编译结果（IR）的内容与其 hash 不符（记录的是 {found}，实际为 {actual}）',
    en: 'the compiled result (IR) does not match its hash (recorded {found}, actual {actual})',
    hint: {
      zh: '文件在编译后被修改过；请重新编译，不要手工编辑 IR。',
      en: 'The file was changed after compiling; compile again instead of editing the IR by hand.',
    },
  },
  CMP233: {
    severity: 'error',
    zh: '数据路径 “{path}” 没有用 input 声明，而已声明的输入 “{suggestion}” 与它只差几个字',
    en: 'data path “{path}” is not declared with input, and it differs by a few letters from the declared input “{suggestion}”',
    hint: {
      zh: '若是笔误，改为 {suggestion}；若确实是另一个字段，请声明它：input {path} …',
      en: 'If it is a typo, write {suggestion}; if it really is another field, declare it: input {path} …',
    },
  },
  CMP234: {
    severity: 'error',
    zh: '{type} 类型的输入没有数值，不能声明取值范围',
    en: 'an input of type {type} holds no numbers, so it cannot declare a range',
    hint: {
      zh: '取值范围只用于 number、count、money、percent 类型的输入；文本请用 of 列出可用的值。',
      en: 'Ranges are for inputs of type number, count, money and percent; for text, list the values with of.',
    },
  },
  CMP235: {
    severity: 'error',
    zh: '取值范围的端点必须是常数（数字或参数），不能读取数据',
    en: 'the ends of a range must be constants (numbers or params), not data',
    hint: { zh: '例如 [0%, 100%]、>= 0，或已声明的参数。', en: 'For example [0%, 100%], >= 0, or a declared param.' },
  },
  'CMP235.unit': {
    zh: '取值范围的端点以 {unit} 为单位，与 {type} 类型的输入不符',
    en: 'an end of the range is written in {unit}, which does not fit an input of type {type}',
    hint: { zh: '{type} 输入的范围请用 {want} 书写，例如 {example}。', en: 'Write the range of a {type} input in {want}, e.g. {example}.' },
  },
  'CMP235.plain': {
    zh: '取值范围的端点以 {unit} 为单位，与 {type} 类型的输入不符',
    en: 'an end of the range is written in {unit}, which does not fit an input of type {type}',
    hint: { zh: '请写不带金额或百分号单位的数字，例如 >= 0。', en: 'Write numbers without a money or percent unit, e.g. >= 0.' },
  },
  CMP236: {
    severity: 'error',
    zh: '取值范围 {low} 到 {high} 中没有任何值',
    en: 'the range from {low} to {high} holds no value',
    hint: {
      zh: '下限写在前面，且不得大于上限；方括号包含端点，圆括号不包含。',
      en: 'Write the lower end first, not above the upper end; a square bracket includes its end, a round one excludes it.',
    },
  },
  CMP298: {
    severity: 'error',
    zh: '编译器内部错误：检查 “{check}” 中途出错（{error}），它的检查结果不完整',
    en: 'internal compiler error: the check “{check}” failed part-way ({error}), so its findings are incomplete',
    hint: {
      zh: '这是 jixiao 的缺陷，不是文件写错了；其他检查的结果仍然有效。请把这个文件和本条信息报告给维护者。',
      en: 'This is a defect in jixiao, not a mistake in the file; the findings of the other checks still hold. Please report this file and this message to the maintainers.',
    },
  },
  CMP299: {
    severity: 'error',
    zh: '编译器内部错误：{error}',
    en: 'internal compiler error: {error}',
    hint: {
      zh: '这是 jixiao 的缺陷，不是文件写错了。请把这个文件和本条信息报告给维护者。',
      en: 'This is a defect in jixiao, not a mistake in the file. Please report this file and this message to the maintainers.',
    },
  },
});
