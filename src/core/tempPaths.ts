/**
 * Temporary files and folders being written, removed when the process is interrupted
 * (SIGINT, SIGTERM, SIGHUP). While a temp path is tracked, handlers are installed; when the
 * handler is the only one for the signal, it removes the temp paths and re-raises the signal so
 * the process ends as it would have (exit status 128 + signal). A command with its own handler
 * (the sweep's graceful interrupt) keeps it: the temp paths are removed and it carries on.
 * A synchronous writer cannot be interrupted half-way while a handler is installed: Node runs
 * the handler after the synchronous code, by which time the temp path has been renamed, and
 * the process then ends by the signal.
 * SIGKILL cannot be caught: it may leave a hidden temp name (never a final name) behind.
 */
import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

const live = new Set<string>();
/** How long the handlers outlive the last temp path (a signal queued during a write is handled). */
const LINGER_MS = 100;
const handlers = new Map<Signal, () => void>();

function removeAll(): void {
  for (const p of live) rmSync(p, { recursive: true, force: true });
  live.clear();
}

function install(): void {
  for (const signal of SIGNALS) {
    const handler = (): void => {
      removeAll();
      const alone = process.listenerCount(signal) === 1;
      uninstall();
      if (alone) process.kill(process.pid, signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function uninstall(): void {
  for (const [signal, handler] of handlers) process.off(signal, handler);
  handlers.clear();
}

/**
 * Tracks a temp path until the returned release() is called (after its rename or removal).
 * The handlers stay installed for LINGER_MS more (an unref'd timer), so that a signal that
 * arrived during a synchronous write is still handled (the process then ends by it, with the
 * complete file or folder in place) instead of being lost.
 */
export function trackTemp(file: string): () => void {
  if (handlers.size === 0) install();
  live.add(file);
  return () => {
    live.delete(file);
    if (live.size === 0) setTimeout(() => live.size === 0 && uninstall(), LINGER_MS).unref();
  };
}

/** The temp paths being tracked (for tests). */
export function trackedTemps(): string[] {
  return [...live];
}
