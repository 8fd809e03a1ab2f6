/** Decimal strings for the number property tests: n × 10^-scale written out in plain notation. */
export const scaled = (n: bigint, scale: number): string => {
  const neg = n < 0n;
  let s = (neg ? -n : n).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return (neg ? '-' : '') + s;
};
