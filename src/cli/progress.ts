/**
 * Progress of a long batch on stderr: a redrawn bar on a terminal; elsewhere (logs, CI) a plain
 * line every `every` records — counted, not timed, so the same input logs the same lines. Totals are often unknown
 * (streams), so it shows the count and the rate, and a bar only when the total is known.
 */
import type { CliIO } from './io.js';

export interface Progress {
  tick(count?: number): void;
  done(): void;
}

export function createProgress(io: CliIO, label: string, total?: number, every = 10_000, now: () => number = Date.now): Progress {
  const tty = io.stderr.isTTY === true && !io.env.CI;
  const started = now();
  let count = 0;
  let lastDraw = 0;
  let drawn = false;
  const line = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = Math.round(count / seconds);
    if (total && total > 0) {
      const share = Math.min(count / total, 1);
      const filled = Math.round(share * 24);
      return `${label} [${'█'.repeat(filled)}${'░'.repeat(24 - filled)}] ${count}/${total} ${Math.round(share * 100)}% · ${rate}/s`;
    }
    return `${label} ${count} · ${rate}/s`;
  };
  return {
    tick(n = 1) {
      count += n;
      const t = now();
      if (tty && t - lastDraw >= 100) {
        io.stderr.write(`\r\x1b[2K${line()}`);
        lastDraw = t;
        drawn = true;
      } else if (!tty && count % every === 0) {
        io.stderr.write(`${label} ${count}${total ? `/${total}` : ''}\n`);
      }
    },
    done() {
      if (tty && drawn) io.stderr.write(`\r\x1b[2K${line()}\n`);
    },
  };
}
