/**
 * The bench registry. A section is a named async function that measures one stage and prints
 * its figures; `npm run bench` (test/bench/run.ts) runs the engine section and then every
 * section another stage registers. To add one, export `benchSection: BenchSection` from a file
 * `test/bench/<stage>-bench.ts`; run.ts imports those files and registers what they export.
 */

export interface BenchOptions {
  /** Records for the main run (default 100,000). */
  records: number;
  /** Records for slow reference paths such as json-rules-engine (default 10,000). */
  referenceRecords: number;
}

export interface BenchSection {
  name: string;
  run(options: BenchOptions): Promise<void>;
}

const sections: BenchSection[] = [];

export function registerBenchSection(section: BenchSection): void {
  if (!sections.some((s) => s.name === section.name)) sections.push(section);
}

export function benchSections(): readonly BenchSection[] {
  return sections;
}
