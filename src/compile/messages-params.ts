/**
 * Compile diagnostics of params, shared band tables, partial overrides and units (CMP25x), in
 * Chinese and English with severity and hint, in the one catalogue shape of
 * src/common/catalogue.ts. Kept apart from messages-names.ts so the language's families of
 * constructs each own a short list: a number written by a param's name (CMP250 not a constant,
 * CMP251 wrong unit); band tables and rating scales used by name (CMP252 unknown, CMP253 the
 * other kind, CMP254 unused); `modify` of a dimension (CMP255); `vetoed(…)` of an unknown veto (CMP256) or outside rules (CMP257). Messages are for policy staff and quote the name and its value.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_PARAMS = defineCatalogue('compile-params', {
  CMP250: {
    severity: 'error',
    zh: '“{name}” 是{what}，这里只能写数字或值为常数的参数',
    en: '“{name}” is {what}; only a number or a param with a constant value may stand here',
    hint: {
      zh: '写成 param {name} = 90 这样的常数参数，或直接写数字。等级分数线、上限、要求和整改期限在评价之前就必须确定。',
      en: 'Declare it as a constant, like param {name} = 90, or write the number. Grade cut-offs, caps, requires and deadlines must be known before any record is scored.',
    },
  },
  CMP251: {
    severity: 'error',
    zh: '参数 “{name}” 的值 {value} 是{found}，这里需要{expected}',
    en: 'the param “{name}” holds {value}, {found}; {expected} is needed here',
    hint: {
      zh: '分数线、上限和权重要求写分数（不带单位），整改期限写天数（90 或 90天）。',
      en: 'Cut-offs, caps and weight requires are points (no unit); a deadline is days (90 or 90 days).',
    },
  },
  CMP252: {
    severity: 'error',
    zh: '没有名为 “{name}” 的共用{method}表',
    en: 'there is no shared {method} table named “{name}”',
    hint: {
      zh: '您是否想写 “{suggestion}”？共用的表在框架中声明：bands 名称 { … } 或 rating 名称 { … }。',
      en: 'did you mean “{suggestion}”? Shared tables are declared in the framework: bands name { … } or rating name { … }.',
    },
  },
  CMP253: {
    severity: 'error',
    zh: '“{name}” 是 {declared} 表，不能用于 {method} 评分',
    en: '“{name}” is a {declared} table; it cannot be used to score by {method}',
    hint: {
      zh: '区间表（bands）按数值分档，定性分级表（rating）按等级标签给分：用与表相同的方法。',
      en: 'A bands table scores numbers by range, a rating table scores level labels: use the method the table was declared for.',
    },
  },
  CMP254: {
    severity: 'warning',
    zh: '共用的表 “{name}” 已声明但没有指标使用',
    en: 'the shared table “{name}” is declared but no indicator uses it',
    hint: {
      zh: '删除它，或在指标中写 score bands {name} / score rating … by {name}。',
      en: 'Delete it, or score an indicator with score bands {name} / score rating … by {name}.',
    },
  },
  CMP255: {
    severity: 'error',
    zh: 'modify 只能修改继承的指标，“{name}” 是维度',
    en: 'modify changes an inherited indicator; “{name}” is a dimension',
    hint: {
      zh: '修改维度的权重请写 dimension {name} weight 40 { }；要整体替换请用 override。',
      en: 'To change a dimension’s weight write dimension {name} weight 40 { }; to replace it whole use override.',
    },
  },
  CMP256: {
    severity: 'error',
    zh: '没有名为 “{name}” 的一票否决（已有：{known}）',
    en: 'there is no veto named “{name}” (vetoes: {known})',
    hint: { zh: '您是否想写 “{suggestion}”？写法：vetoed("否决名称")。', en: 'did you mean “{suggestion}”? Write vetoed("veto name").' },
  },
  CMP257: {
    severity: 'error',
    zh: 'vetoed(…) 只能用在规则集中',
    en: 'vetoed(…) can only be used in a rules block',
    hint: {
      zh: '一票否决在计分之后才判定，指标、定义和否决条件不能依赖它；在规则中写 when vetoed("否决名称")。',
      en: 'Vetoes are decided after scoring, so no indicator, let or veto can depend on one; use when vetoed("veto name") in a rule.',
    },
  },
});
