/**
 * `npm run bench [-- --records N --reference N --only name]`: runs the engine section, then
 * every section another stage exports as `benchSection` from `test/bench/<stage>-bench.ts`.
 * Prints figures only; timings are never asserted anywhere. Sections: engine, cli, language,
 * loop, recommend, service. Environment: BENCH_LARGE=1 adds the 1,000,000-record CLI batch,
 * BENCH_CLI_RECORDS=n runs the CLI batch at n records only, BENCH_SERVICE_SECONDS bounds each
 * service load run (default 5). `npm run bench` compiles src/ and test/bench/ with tsc into
 * .bench/ and runs the JavaScript, as users run the built package: tsx would add its
 * keep-names wrappers to every closure the engine creates (about 10% of its time).
 */
import { readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchSection as engineSection } from './engine-bench.js';
import { benchSections, registerBenchSection, type BenchOptions, type BenchSection } from './sections.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const options: BenchOptions = { records: Number(arg('records') ?? 100_000), referenceRecords: Number(arg('reference') ?? 10_000) };
  registerBenchSection(engineSection);
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here); // .ts from the sources, .js compiled into .bench/
  for (const file of readdirSync(dirname(here)).sort()) {
    if (!file.endsWith(`-bench${ext}`) || file === `engine-bench${ext}`) continue;
    const mod = (await import(pathToFileURL(join(dirname(here), file)).href)) as { benchSection?: BenchSection };
    if (mod.benchSection) registerBenchSection(mod.benchSection);
  }
  const only = arg('only');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  for (const s of benchSections()) {
    if (only && s.name !== only) continue;
    console.log(`\n== ${s.name} ==`);
    await s.run(options);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
