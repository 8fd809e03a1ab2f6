/**
 * Compile diagnostics of ordinal scales, lookup tables and aggregation methods (issue 15), in the
 * one catalogue shape of src/common/catalogue.ts. CMP26x are names and types (a label that is not
 * on the scale, two scales compared, an aggregation its children cannot take); CMP36x the shape of
 * a scale or table (a label twice, a row twice, a combination no row covers). Codes are a range
 * of their own so that work on other constructs of the same issue never collides with them.
 */
import { defineCatalogue } from '../common/catalogue.js';

export const COMPILE_SCALES = defineCatalogue('compile-scales', {
  CMP260: {
    severity: 'error',
    zh: '“{name}” 不在量表 {scale} 中；量表的等级（由高到低）：{labels}',
    en: '“{name}” is not on the scale {scale}; its labels, highest first: {labels}',
    hint: { zh: '您是否想写 “{suggestion}”？带 + 或 * 的等级请加引号，如 "B+"。', en: 'did you mean “{suggestion}”? Quote a label with + or *, e.g. "B+".' },
  },
  CMP261: {
    severity: 'error',
    zh: '量表 {left} 的值不能与量表 {right} 的值比较',
    en: 'a value on the scale {left} cannot be compared with a value on the scale {right}',
    hint: { zh: '两边须使用同一量表；需要换算时请用查找表（table）。', en: 'Both sides must be on the same scale; to convert, use a lookup table.' },
  },
  CMP262: {
    severity: 'error',
    zh: '{what} “{name}” 按 {method} 汇总，但其下级 “{child}” 的值不是量表上的等级',
    en: '{what} “{name}” aggregates by {method}, but the value of “{child}” below it is not on an ordinal scale',
    hint: {
      zh: '下级指标的值须来自量表类型的输入，例如 input data.x PEFA 与 value = data.x。',
      en: 'The values below must come from an input typed by a scale, e.g. input data.x PEFA and value = data.x.',
    },
  },
  CMP263: {
    severity: 'error',
    zh: '维度 “{name}” 的下级使用了不同的量表（{scales}）',
    en: 'the children of dimension “{name}” are on different scales ({scales})',
    hint: { zh: '一个维度只能汇总同一量表上的等级。', en: 'A dimension aggregates labels of one scale only.' },
  },
  CMP264: {
    severity: 'error',
    zh: '本文件没有名为 “{name}” 的查找表',
    en: 'this file declares no lookup table “{name}”',
    hint: {
      zh: '在文件顶层写 table {name} { … }；您是否想写 “{suggestion}”？',
      en: 'Declare table {name} { … } at the top of the file; did you mean “{suggestion}”?',
    },
  },
  CMP265: {
    severity: 'error',
    zh: '查找表 {table} 没有 {count} 个键的行（各行的键数：{arities}）',
    en: 'the lookup table {table} has no row of {count} key(s) (its rows have {arities})',
    hint: { zh: '写成 lookup({table}, 键1, 键2, …)，键的个数与表中的行相同。', en: 'Write lookup({table}, key1, key2, …) with as many keys as its rows have.' },
  },
  CMP360: {
    severity: 'error',
    zh: '量表 {scale} 中等级 “{name}” 出现了两次',
    en: 'the label “{name}” appears twice on the scale {scale}',
    hint: { zh: '每个等级只写一次，由高到低排列。', en: 'Write each label once, highest first.' },
  },
  CMP361: {
    severity: 'error',
    zh: '查找表 {table} 中键 {key} 出现了两次',
    en: 'the key {key} appears twice in the lookup table {table}',
    hint: {
      zh: '每个键只能有一行；unordered 表中键的顺序不计。',
      en: 'Each key may have one row only; in an unordered table the order of the keys does not count.',
    },
  },
  CMP362: {
    severity: 'warning',
    zh: '查找表 {table} 没有覆盖 {key}，且没有 else 行',
    en: 'the lookup table {table} has no row for {key} and no else row',
    hint: { zh: '补上这一行，或加 else: … 作为默认值。', en: 'Add that row, or an else: … row as the default.' },
  },
  CMP363: {
    severity: 'error',
    zh: '查找表 {table} 的行键数不一致（{arities}）',
    en: 'the rows of the lookup table {table} have different numbers of keys ({arities})',
    hint: {
      zh: '有序表的每一行键数相同；PEFA M2 这类按维度数分段的换算表请写成 unordered。',
      en: 'Rows of an ordered table have the same number of keys; a conversion table by number of dimensions (PEFA M2) is unordered.',
    },
  },
});
