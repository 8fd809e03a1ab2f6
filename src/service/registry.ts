/**
 * The rule-set registry: holds the current immutable snapshot and replaces it with one
 * reference assignment after a background reload completes, so a request that read
 * `registry.snapshot` at its start sees one consistent set of rule sets until it ends, however
 * many reloads happen meanwhile. Reloads never overlap: a change arriving during a reload
 * schedules exactly one more. `watch()` follows the rules directory with `fs.watch`
 * (recursive, debounced) and reloads on change; `close()` stops watching and waits for a
 * reload in progress.
 */
import { watch, type FSWatcher } from 'node:fs';
import { EMPTY_SNAPSHOT, loadSnapshot, type RegistrySnapshot } from './loader.js';
import type { Toolchain } from './toolchain.js';

export interface RegistryOptions {
  dir: string;
  toolchain: Toolchain;
  now?: () => Date;
  /** Quiet period after the last file event before reloading (ms). */
  debounceMs?: number;
  /** Called after every completed reload, e.g. to log what changed. */
  onReload?: (snapshot: RegistrySnapshot, previous: RegistrySnapshot) => void;
  onError?: (err: unknown) => void;
}

export class RuleSetRegistry {
  private current: RegistrySnapshot = EMPTY_SNAPSHOT;
  private running: Promise<RegistrySnapshot> | null = null;
  private again = false;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  readonly dir: string;
  private readonly options: RegistryOptions;

  constructor(options: RegistryOptions) {
    this.options = options;
    this.dir = options.dir;
  }

  /** The snapshot to use for one whole request. */
  get snapshot(): RegistrySnapshot {
    return this.current;
  }

  /**
   * Compiles the directory and swaps the snapshot in. Concurrent callers share the reload in
   * progress plus, at most, one follow-up so a change made during a compile is never missed.
   */
  reload(): Promise<RegistrySnapshot> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runLoop(): Promise<RegistrySnapshot> {
    // Bounded: a steady stream of edits gets at most a handful of back-to-back reloads here,
    // later ones wait for the watcher's next debounce.
    for (let i = 0; i < 5; i++) {
      this.again = false;
      const previous = this.current;
      const next = await loadSnapshot({
        toolchain: this.options.toolchain,
        dir: this.dir,
        previous,
        now: this.options.now ?? (() => new Date()),
      });
      if (this.closed) return previous;
      this.current = next; // the one atomic swap
      this.options.onReload?.(next, previous);
      if (!this.again) break;
    }
    return this.current;
  }

  /** Starts following the directory; returns false when the platform cannot watch it. */
  watch(): boolean {
    if (this.watcher !== null || this.closed) return true;
    const debounce = this.options.debounceMs ?? 150;
    try {
      this.watcher = watch(this.dir, { recursive: true, persistent: false }, () => {
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          this.reload().catch((err: unknown) => this.options.onError?.(err));
        }, debounce);
      });
      this.watcher.on('error', (err) => this.options.onError?.(err));
      return true;
    } catch (err) {
      this.options.onError?.(err);
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    if (this.running !== null) await this.running.catch(() => undefined);
  }
}
