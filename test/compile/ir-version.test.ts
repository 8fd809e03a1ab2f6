/**
 * The IR is a published contract (CHANGELOG.md, "Version policy"): any change to its JSON
 * Schema must come with a new IR_VERSION, so an engine never loads an IR it does not understand
 * under a version it claims to. The schema's fingerprint is recorded per version in
 * ir-schema-fingerprint.json; change the schema and this test tells you to bump the version,
 * bump the version and it tells you to record the new fingerprint and a CHANGELOG entry.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/hash.js';
import { IR_VERSION } from '../../src/compile/ir.js';
import { RULE_SET_IR_SCHEMA } from '../../src/compile/ir-schema.js';

const recorded = JSON.parse(readFileSync(new URL('./ir-schema-fingerprint.json', import.meta.url), 'utf8')) as { irVersion: number; schemaSha256: string };
const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');

describe('IR version', () => {
  const fingerprint = createHash('sha256').update(canonicalJson(RULE_SET_IR_SCHEMA)).digest('hex');

  it('changes whenever the IR schema changes', () => {
    if (IR_VERSION === recorded.irVersion) {
      expect(fingerprint, `the IR schema changed but IR_VERSION is still ${IR_VERSION}: bump IR_VERSION in src/compile/ir.ts`).toBe(recorded.schemaSha256);
    } else {
      expect.fail(
        `IR_VERSION is ${IR_VERSION} but the recorded fingerprint is for ${recorded.irVersion}: record {"irVersion": ${IR_VERSION}, "schemaSha256": "${fingerprint}"} in test/compile/ir-schema-fingerprint.json`,
      );
    }
  });

  it('is named in the CHANGELOG', () => {
    expect(changelog).toContain(`IR_VERSION ${IR_VERSION}`);
  });
});
