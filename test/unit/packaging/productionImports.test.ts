/**
 * The CLI runs with the production dependencies alone (the Dockerfile's runtime stage installs
 * them with `npm ci --omit=dev`): every package that src/ imports, statically or lazily, is in
 * package.json's "dependencies" or is built into Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Bare specifiers of `from '...'` and `import('...')` (not type-only imports, erased by tsc). */
function importedPackages(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+'([^']+)'|^\s*export\s+[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('/')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('production imports', () => {
  it('src/ imports only dependencies and Node built-ins', () => {
    const files = (readdirSync(path.join(repoRoot, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const builtins = new Set(builtinModules);
    const used = new Map<string, string>();
    for (const f of files) for (const p of importedPackages(readFileSync(path.join(repoRoot, 'src', f), 'utf8'))) used.set(p, f);
    const bad = [...used].filter(([p]) => !p.startsWith('node:') && !builtins.has(p) && !(p in pkg.dependencies));
    expect(bad).toEqual([]);
    // The check sees the imports it must: commander (the CLI) and yaml (strategy files).
    expect([...used.keys()]).toEqual(expect.arrayContaining(['commander', 'yaml', 'node:fs']));
  });

  it('flags a devDependency import', () => {
    expect(importedPackages("import fc from 'fast-check';\nimport type { X } from 'vitest';\nconst t = await import('typescript');")).toEqual(['fast-check', 'typescript']);
  });

  it('the Dockerfile compiles with dev dependencies and runs with production ones', () => {
    const docker = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    expect(docker.match(/^FROM node:20-slim/gm)).toHaveLength(2);
    expect(docker).toMatch(/^RUN npm ci --omit=dev --ignore-scripts/m);
    expect(docker).toMatch(/^COPY --from=build \/app\/dist\/src \.\/dist\/src$/m);
    // The CLI bundle (scripts/bundle-cli.js) that bin/sleeves.js runs when present.
    expect(docker).toMatch(/^COPY --from=build \/app\/dist\/cli \.\/dist\/cli$/m);
    expect(docker).toMatch(/^ENTRYPOINT \["sleeves"\]$/m);
  });
});
