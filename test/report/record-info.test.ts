/**
 * What the reports read from a data record besides its scores: the review amounts under
 * `budget.requested` / `budget.approved` (the ex-ante records' shape), and the name of a
 * department's or town's own record standing for the department / town — by an explicit
 * `entity` field or by the record's shape — while a project's name stays the project's.
 */
import { describe, expect, it } from 'vitest';
import { entityOf, infoFromRecord } from '../../src/report/input.js';
import { summarize, summaryInput } from '../../src/report/summary.js';
import { renderSummaryHtml, renderSummaryMarkdown } from '../../src/report/summary-report.js';
import { batch, educationIr } from './fixtures.js';

describe('infoFromRecord', () => {
  it('reads the review amounts of ex-ante records under budget', () => {
    expect(infoFromRecord({ id: 'P1', budget: { requested: 4169000, approved: '3900000.50' } })).toMatchObject({ requested: '4169000', approved: '3900000.5' });
  });

  it("takes a department record's name as its department, and a town record's as its town", () => {
    const dept = { id: 'D-001', name: '市教育局', staff: { actual: 1 }, three_public: { current: 2 }, budget: { adjusted: 1 } };
    const town = { id: 'T-01', name: '城东街道', revenue: { general: 1 }, debt: { balance: 1 }, transfer: { base: 1 } };
    expect(entityOf(dept)).toBe('department');
    expect(infoFromRecord(dept)).toMatchObject({ name: '市教育局', department: '市教育局' });
    expect(entityOf(town)).toBe('town');
    expect(infoFromRecord(town)).toMatchObject({ name: '城东街道', town: '城东街道' });
    expect(infoFromRecord(town).department).toBeUndefined();
  });

  it("keeps a project's name the project's, even with one department-like field", () => {
    const project = { id: 'P1', name: '校舍改造', department: '市教育局', staff: { actual: 3 }, three_public: {} };
    expect(entityOf(project)).toBe('project');
    expect(infoFromRecord(project)).toMatchObject({ name: '校舍改造', department: '市教育局' });
    expect(entityOf({ id: 'P2', name: 'x', staff: {} })).toBe('project');
  });

  it('follows an explicit entity field over the shape', () => {
    expect(infoFromRecord({ name: '市财政局', entity: 'department' })).toMatchObject({ department: '市财政局' });
    expect(infoFromRecord({ name: '青山镇', entity: '乡镇' })).toMatchObject({ town: '青山镇' });
    expect(entityOf({ name: 'x', entity: 'project', revenue: {}, debt: {} })).toBe('project');
  });
});

describe('summaryInput keeps what the summary needs', () => {
  it('gives the same summary numbers and documents as the whole results', () => {
    const ir = educationIr();
    const items = batch(ir);
    const slim = items.map(summaryInput);
    expect(summarize(slim, [ir])).toEqual(summarize(items, [ir]));
    expect(renderSummaryMarkdown(slim, [ir], 'zh')).toBe(renderSummaryMarkdown(items, [ir], 'zh'));
    expect(renderSummaryHtml(slim, [ir], 'en')).toBe(renderSummaryHtml(items, [ir], 'en'));
    expect(slim.every((s) => s.result.indicators.length === 0 && s.result.trace.steps.length === 0)).toBe(true);
  });
});
