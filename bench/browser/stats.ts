/** A figure over several runs: the median, with the spread (min–max) and the number of runs. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  n: number;
  values: number[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function figure(values: readonly number[]): Figure {
  const finite = values.filter(Number.isFinite);
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    n: finite.length,
    values: [...values],
  };
}

/** `1,234 [1,100–1,400]`: the median and its spread, rounded to `digits`. */
export function show(f: Figure, unit = '', digits = 0): string {
  const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
  const u = unit ? ` ${unit}` : '';
  if (f.n === 0) return 'n/a';
  if (f.n === 1 || f.min === f.max) return `${fmt(f.median)}${u}`;
  return `${fmt(f.median)}${u} [${fmt(f.min)}–${fmt(f.max)}]`;
}
