/**
 * The CLI bundle (scripts/bundle-cli.js, docs/architecture.md "The CLI bundle"): bin/sleeves.js
 * runs dist/cli/main.js only when it is at least as new as tsc's dist/src/cli/main.js; a run and
 * a sweep on two threads then load no module of dist/src/ (the threads load the bundled
 * parallelWorker.js and sweepTask.js), and print what the unbundled dist/src/ prints.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const bundle = path.join(repoRoot, 'dist/cli/main.js');
const compiled = path.join(repoRoot, 'dist/src/cli/main.js');
const built = existsSync(bundle) && existsSync(compiled) && statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;

describe('bin/sleeves.js picks the bundle or dist/src', () => {
  /** A copy of the bin beside stub mains that print which one ran; `age` in seconds before now (null: absent). */
  function pick(bundleAge: number | null, compiledAge: number | null): string {
    const dir = tempDir();
    const now = Math.floor(Date.now() / 1000); // one clock reading, so that equal ages are equal times
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(repoRoot, 'bin/sleeves.js'), path.join(dir, 'bin/sleeves.js'));
    const stub = (file: string, name: string, age: number | null): void => {
      if (age === null) return;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `export async function main() { process.stdout.write(${JSON.stringify(name)}); return 0; }\n`);
      const t = now - age;
      utimesSync(file, t, t);
    };
    stub(path.join(dir, 'dist/cli/main.js'), 'bundle', bundleAge);
    stub(path.join(dir, 'dist/src/cli/main.js'), 'compiled', compiledAge);
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/sleeves.js')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout;
  }

  it('the bundle when it is as new as tsc output or newer, or alone; dist/src after a later tsc, or alone', () => {
    expect(pick(10, 20)).toBe('bundle');
    expect(pick(10, 10)).toBe('bundle');
    expect(pick(20, 10)).toBe('compiled'); // tsc ran after the bundle was made: never a stale bundle
    expect(pick(null, 10)).toBe('compiled');
    expect(pick(10, null)).toBe('bundle');
  });
});

describe.skipIf(!built)('the built bundle', () => {
  /** Runs the bin with a module-load hook; returns the result and every module URL loaded (all threads). */
  function withModuleLog(args: string[]): { code: number | null; stdout: string; stderr: string; urls: string[] } {
    const dir = tempDir();
    const log = path.join(dir, 'modules.log');
    const hook = path.join(dir, 'hook.mjs');
    // The hook runs on the loader's thread; it appends each loaded URL to the log.
    const hooks = `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`;
    writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n`);
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, path.join(repoRoot, 'bin/sleeves.js'), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, urls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
  }

  /** The same command through dist/src/cli/main.js, unbundled. */
  function unbundled(args: string[]): { code: number | null; stdout: string } {
    // A file, not --eval: worker threads inherit the process's flags, and --input-type would fail them.
    const runner = path.join(tempDir(), 'unbundled.mjs');
    writeFileSync(runner, `const { main } = await import(${JSON.stringify(pathToFileURL(compiled).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const r = spawnSync(process.execPath, [runner, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout };
  }

  it('run: no module from dist/src, the same report JSON as dist/src', () => {
    const out = tempDir();
    const args = ['run', 'strategies/seed-barbell.yaml', '--out', out, '--json', '--no-html', '--no-catalog'];
    const r = withModuleLog(args);
    expect(r.code, r.stderr).toBe(0);
    const ours = r.urls.filter((u) => u.startsWith(pathToFileURL(repoRoot).href) && !u.includes('/node_modules/'));
    expect(ours.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(ours.filter((u) => u.includes('/dist/src/'))).toEqual([]);
    const plain = unbundled(args);
    expect(plain.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('sweep on 2 threads: the threads load the bundled worker and task, no dist/src module; same variants as dist/src', () => {
    const out = tempDir();
    const args = ['sweep', 'strategies/seed-barbell.yaml', '--grid', 'costs.bps=0,5,10', '--workers', '2', '--out', out, '--json', '--no-catalog'];
    const r = withModuleLog(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.urls.filter((u) => u.includes('/dist/src/'))).toEqual([]);
    // Main thread plus two workers: the thread script and the task are loaded once per thread.
    expect(r.urls.filter((u) => u.endsWith('/dist/cli/parallelWorker.js')).length).toBe(2);
    expect(r.urls.filter((u) => u.endsWith('/dist/cli/sweepTask.js')).length).toBe(2);
    const plain = unbundled(args);
    expect(plain.code).toBe(0);
    const figures = (text: string) => {
      const { folder: _f, peakRssMb: _p, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return rest;
    };
    expect(figures(r.stdout)).toEqual(figures(plain.stdout));
  });

  it('--debug: a stack trace names the dist/src files (through the source map)', () => {
    const r = sleeves(['run', 'strategies/seed-barbell.yaml', '--data', path.join(tempDir(), 'missing'), '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at loadPanel \(.*dist\/src\/data\/loadPanel\.js:\d+:\d+\)/);
  });
});
