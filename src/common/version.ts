/**
 * The version the command line prints: read from the package's own package.json, so a release
 * changes it in one place; the CLI and the service (its OpenAPI info.version) both print it.
 * The file sits two folders up from src/common and dist/common alike.
 */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
