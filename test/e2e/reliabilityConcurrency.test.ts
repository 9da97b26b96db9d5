/**
 * Concurrency family: runs of one strategy into one --out at the same time never share or
 * overwrite a run folder (the issue: 2 of 6 concurrent runs lost their results); each folder
 * is complete. The exclusive claim is also hammered by processes writing under one fixed id.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';

function runAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent writers', () => {
  it('6 concurrent runs of one strategy into one --out: 6 complete run folders, each with its own report', async () => {
    const out = tempDir();
    const cli = path.join(repoRoot, 'bin/sleeves.js');
    const strategy = path.join(repoRoot, 'strategies/sixty-forty.yaml');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, k) => runAsync([cli, 'run', strategy, '--out', out, '--no-html', '--quiet', '--cost-bps', String(k)])),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const parent = path.join(out, 'sixty-forty');
    const folders = readdirSync(parent);
    expect(folders.filter((f) => f.startsWith('.'))).toEqual([]); // no temp left
    expect(folders).toHaveLength(6);
    // Each run kept its own settings: the six cost levels 0..5 bps each appear once.
    const costs = folders.map((f) => JSON.parse(readFileSync(path.join(parent, f, 'report.json'), 'utf8')).costs.bps as number).sort();
    expect(costs).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('4 processes × 15 folders claiming one id at once: 60 distinct, complete folders id, id-2, …, id-60', async () => {
    const dir = tempDir();
    const script =
      `import { writeFolderAtomic } from './dist/src/core/writeFolderAtomic.js';\n` +
      `for (let k = 0; k < 15; k++) writeFolderAtomic(${JSON.stringify(dir)}, 'id', { 'a.txt': 'x'.repeat(65536), 'b.txt': String(process.pid) });\n`;
    const results = await Promise.all(Array.from({ length: 4 }, () => runAsync(['--input-type=module', '-e', script])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const folders = readdirSync(dir).sort();
    const expected = ['id', ...Array.from({ length: 59 }, (_, k) => `id-${k + 2}`)].sort();
    expect(folders).toEqual(expected);
    for (const f of folders) {
      expect(statSync(path.join(dir, f, 'a.txt')).size).toBe(65536);
      expect(readFileSync(path.join(dir, f, 'b.txt'), 'utf8')).toMatch(/^\d+$/);
    }
  });
});
