/**
 * Message catalogues and number formatting: both languages carry the same keys and placeholders,
 * the language follows LANG/LC_ALL, money prints exactly from decimal strings in 元 and 万元,
 * scores print to the declared precision half-up, and user text is escaped.
 */
import { describe, expect, it } from 'vitest';
import { detectLang, REPORT_MESSAGES, t, type MessageKey } from '../../src/report/i18n/index.js';
import { escapeHtml, escapeMarkdown, formatMoney, formatPercent, formatScore, formatValue, formatWan } from '../../src/report/format.js';
import { Decimal } from 'decimal.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('catalogues', () => {
  it('have both languages and the same placeholders in each entry', () => {
    for (const [key, entry] of Object.entries(REPORT_MESSAGES)) {
      expect(entry.zh.trim() !== '' && entry.en.trim() !== '', key).toBe(true);
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.zh));
    }
  });

  it('carry the public-disclosure section titles', () => {
    expect(['section/basic', 'section/work', 'section/conclusion', 'section/indicators', 'section/problems', 'section/recommendations'].map((k) => t('zh', k as MessageKey)))
      .toEqual(['基本情况', '绩效评价工作开展情况', '综合评价情况及评价结论', '绩效评价指标分析', '主要经验及做法、存在的问题及原因分析', '有关建议']);
  });

  it('fill parameters and leave unknown ones visible', () => {
    expect(t('zh', 'conclusion/score', { total: '92.50', scale: 100, grade: '优' })).toBe('综合得分 92.50 分（满分 100 分），评价等级为“优”。');
    expect(t('en', 'doc/project/title', {})).toBe('Performance evaluation report: {name}');
  });
});

describe('detectLang', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; zh* is Chinese', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'zh_TW' })).toBe('zh');
    expect(detectLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_MESSAGES: 'zh_CN', LANG: 'en_US' })).toBe('zh');
    expect(detectLang({})).toBe('en');
  });
});

describe('money', () => {
  it('prints 万元 to two decimals beside the exact 元 to the cent', () => {
    expect(formatMoney('zh', '160000000.00')).toBe('16,000.00 万元（160,000,000.00 元）');
    expect(formatMoney('zh', '-300000')).toBe('-30.00 万元（-300,000.00 元）');
    expect(formatMoney('zh', '12345.67')).toBe('1.23 万元（12,345.67 元）');
    expect(formatMoney('zh', '11802348')).toBe('1,180.23 万元（11,802,348.00 元）');
    expect(formatMoney('zh', '9999.99')).toBe('9,999.99 元');
    expect(formatMoney('en', '1200000.50')).toBe('1,200,000.50 yuan (120.00 万元)');
  });

  it('keeps every digit beyond binary floating point, rounding 万元 half-up', () => {
    // 2^53 + 1 yuan and a cent: a JS number could not hold this.
    expect(formatMoney('zh', '9007199254740993.01')).toBe('900,719,925,474.10 万元（9,007,199,254,740,993.01 元）');
    expect(formatWan(new Decimal('11802348'))).toBe('1,180.23');
    expect(formatWan(new Decimal('11802350'))).toBe('1,180.24');
    expect(formatWan(new Decimal('0.01'))).toBe('0.00');
  });
});

describe('scores and values', () => {
  it('round half-up to the declared precision', () => {
    expect(formatScore(92.5, 2)).toBe('92.50');
    expect(formatScore(2.345, 2)).toBe('2.35');
    expect(formatScore(89.95, 1)).toBe('90.0');
    expect(formatScore(0.5, 0)).toBe('1');
    expect(formatScore(null, 2)).toBe('—');
  });

  it('show percentages, units and yes/no', () => {
    expect(formatPercent(0.9512)).toBe('95.12%');
    expect(formatValue('zh', 0.95, '%')).toBe('95%');
    expect(formatValue('zh', 5400, 'm²')).toBe('5,400 平方米');
    expect(formatValue('en', 30, 'days')).toBe('30 days');
    expect(formatValue('zh', 108, 'days')).toBe('108 天');
    expect(formatValue('zh', true, null)).toBe('是');
    expect(formatValue('zh', '部分达成', null)).toBe('部分达成');
    expect(formatValue('zh', '1200000', '元')).toBe('120.00 万元（1,200,000.00 元）');
  });
});

describe('escaping', () => {
  it('escapes HTML', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'q\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('keeps Markdown markup, table pipes and HTML out of user text', () => {
    expect(escapeMarkdown('a|b *c* <img src=x> [l](u)')).toBe('a\\|b \\*c\\* \\<img src=x\\> \\[l\\](u)');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list\nnext')).toBe('1\\. not a list next');
    expect(escapeMarkdown('- not an item')).toBe('\\- not an item');
    expect(escapeMarkdown('&copy; stays text')).toBe('&amp;copy; stays text');
  });
});
