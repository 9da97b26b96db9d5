/**
 * Runs the built CLI's main() in this process (dist/, built by `npm test` before vitest), with
 * stdout and stderr captured: the same code path as `node bin/sleeves.js ARGS`, without a Node
 * start per call, for suites that run many commands (the parity suite).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, type CliResult } from './cli.js';

type Main = (argv: readonly string[]) => Promise<number>;
let mainFn: Main | null = null;

export async function sleevesInProcess(args: string[]): Promise<CliResult> {
  mainFn ??= ((await import(pathToFileURL(path.join(repoRoot, 'dist/src/cli/main.js')).href)) as { main: Main }).main;
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await mainFn(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = exitCode;
  }
}
