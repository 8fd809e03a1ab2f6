/**
 * Test helper: generates a large, valid indicator file (one framework, `dimensions` dimensions
 * each holding indicators that cycle through every scoring method) for the throughput
 * measurement and the scale tests. Deterministic: the same count gives the same text.
 */
const BODIES = [
  'value = data.d{d}.i{i}.spent / data.d{d}.i{i}.budget\n      target >= 100%\n      score bands { >= 95%: 100%; >= 80%: 80%; [60%, 80%): 50%; else: 0 }',
  'score rating data.d{d}.i{i}.level { A: 100%, B: 80%, C: 50%, D: 0% }',
  'value = data.d{d}.i{i}.rate\n      target >= 90% tolerance 1%\n      score proportional',
  'score deduct 2 per data.d{d}.i{i}.violations max 6',
  'value = (data.d{d}.i{i}.now - data.d{d}.i{i}.last) / data.d{d}.i{i}.last\n      score deduct 0.5 per 1% above 0% whole max 5',
  'score tiers data.d{d}.i{i}.tier point data.d{d}.i{i}.point pick mid { 达成: 80%..100%; 部分达成: 50%..80%; 未达成: 0%..50% }',
  'value = data.d{d}.i{i}.quality\n      score linear { 60%: 0%; 100%: 100% }',
  'score checklist { 制度健全: 1 when data.d{d}.i{i}.a == true; 执行有效: 40% when data.d{d}.i{i}.b }',
  'value = if data.d{d}.i{i}.x > 500万 then max(data.d{d}.i{i}.y, 0) else 0\n      score formula min(value / 1.6亿, 1) * 100%',
  'value = data.d{d}.i{i}.ok\n      score yesno\n      applicable when exists(data.d{d}.i{i}.ok)',
];

export function bigIndicatorFile(indicators = 2000, perDimension = 50): string {
  const out: string[] = ['// generated', 'framework 大型框架 "scale test" {', '  scale 100', '  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }'];
  const dims = Math.ceil(indicators / perDimension);
  let n = 0;
  for (let d = 0; d < dims; d++) {
    out.push(`  dimension 维度${d} weight ${(100 / dims).toFixed(2)} {`);
    for (let i = 0; i < perDimension && n < indicators; i++, n++) {
      const body = (BODIES[n % BODIES.length] as string).replaceAll('{d}', String(d)).replaceAll('{i}', String(i));
      out.push(`    indicator 指标${d}_${i} weight 2 {`, `      ${body}`, `      title "第${d}组第${i}项"`, '    }');
    }
    out.push('  }');
  }
  out.push('}', '');
  return out.join('\n');
}
