/**
 * Recognises the failure to load one of the optional packages (ECharts for report charts,
 * ExcelJS for workbooks, fastify for the service). An embedder who installs with
 * `--omit=optional` has none of them; the command that needs one then says which package to
 * install instead of printing a stack trace.
 */
export const OPTIONAL_PACKAGES = ['exceljs', 'fastify'] as const;

export function missingOptionalPackage(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return OPTIONAL_PACKAGES.find((name) => error.message.includes(`'${name}'`) || error.message.includes(`'${name}/`));
}
