/**
 * A worker's chunk crosses to the coordinating thread as one UTF-8 buffer of NDJSON lines; each
 * result is handed on as a view into it and the CLI writes adjacent views as one. Checked here:
 * the views give back every line byte for byte (multi-byte text included), the decoded text
 * equals the serialized one, and only views that continue each other are joined.
 */
import { describe, expect, it } from 'vitest';
import { AdjacentLines } from '../../src/cli/adjacent-lines.js';
import { chunkReply, chunkResults, SerializedLine, type ResultSummary } from '../../src/pipeline/parallel-protocol.js';

const summary = (id: string): ResultSummary => ({ id, status: 'ok', total: 1, grade: '优', errors: [], recommendations: [] });
const jsons = ['{"id":"甲","grade":"优"}', '{"id":"b","reason":"评价为良，按实际需要安排预算"}', '{"id":"c😀"}'];

describe('chunk lines', () => {
  it('gives back every line of a chunk, text and bytes', () => {
    const reply = chunkReply(
      7,
      jsons,
      jsons.map((_, i) => summary(String(i))),
    );
    expect(reply.lines.byteOffset).toBe(0);
    expect(reply.lines.byteLength).toBe(reply.lines.buffer.byteLength);
    const results = chunkResults(reply);
    expect(results.map((r) => r.json)).toEqual(jsons);
    expect(results.map((r) => Buffer.from(r.line).toString('utf8'))).toEqual(jsons.map((j) => j + '\n'));
    expect(results.map((r) => r.summary.id)).toEqual(['0', '1', '2']);
  });

  it('encodes as Buffer.from does: long chunks past the reused buffer, astral and lone surrogates', () => {
    const long = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `项目${i}`, note: '评价'.repeat(900 + i), face: '😀', lone: '\ud800x' }));
    const reply = chunkReply(
      1,
      long,
      long.map((_, i) => summary(String(i))),
    );
    expect(Buffer.from(reply.lines).equals(Buffer.from(long.map((j) => j + '\n').join(''), 'utf8'))).toBe(true);
    expect(chunkResults(reply).map((r) => r.json)).toEqual(long.map((j) => Buffer.from(j, 'utf8').toString('utf8')));
    // a later, smaller chunk is not handed bytes left over from the long one
    const small = chunkReply(2, ['{"id":"甲"}'], [summary('s')]);
    expect(Buffer.from(small.lines).toString('utf8')).toBe('{"id":"甲"}\n');
    expect(small.lines.buffer.byteLength).toBe(small.lines.byteLength);
  });

  it('has no results for an empty chunk', () => {
    expect(chunkResults(chunkReply(0, [], []))).toEqual([]);
  });

  it('writes a text result as its line with a newline', () => {
    expect(Buffer.from(SerializedLine.ofText('{"a":"中"}', summary('x')).line).toString('utf8')).toBe('{"a":"中"}\n');
    const first = SerializedLine.ofText('{"a":"一二三四五"}', summary('y')).line;
    const second = SerializedLine.ofText('{"b":1}', summary('z')).line;
    // each line owns its bytes: encoding the next one does not overwrite the first
    expect(Buffer.from(first).toString('utf8')).toBe('{"a":"一二三四五"}\n');
    expect(Buffer.from(second).toString('utf8')).toBe('{"b":1}\n');
  });
});

describe('adjacent lines', () => {
  it('joins the views of one chunk into one write and starts again at the next chunk', () => {
    const first = chunkResults(
      chunkReply(
        0,
        jsons,
        jsons.map((_, i) => summary(String(i))),
      ),
    );
    const second = chunkResults(chunkReply(1, ['{"id":"d"}'], [summary('d')]));
    const lines = new AdjacentLines();
    const written: string[] = [];
    for (const r of [...first, ...second]) {
      const out = lines.add(r.line);
      if (out) written.push(Buffer.from(out).toString('utf8'));
    }
    const rest = lines.take();
    if (rest) written.push(Buffer.from(rest).toString('utf8'));
    expect(written).toEqual([jsons.map((j) => j + '\n').join(''), '{"id":"d"}\n']);
    expect(lines.take()).toBeUndefined();
  });

  it('never joins views of one buffer that have a gap between them', () => {
    const bytes = Buffer.from('aaa\nbbb\nccc\n');
    const lines = new AdjacentLines();
    expect(lines.add(bytes.subarray(0, 4))).toBeUndefined();
    expect(Buffer.from(lines.add(bytes.subarray(8, 12))!).toString()).toBe('aaa\n');
    expect(Buffer.from(lines.take()!).toString()).toBe('ccc\n');
  });
});
