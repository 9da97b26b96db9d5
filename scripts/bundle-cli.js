#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/src, the output of tsc) into dist/cli/: a few ES module files
 * instead of ~290 separate modules, so that a run's start does not spend ~200 ms in Node's ES
 * module loader resolving, reading and linking them one by one. Dynamic `import()`s stay
 * dynamic (each becomes its own chunk), so commands and report parts still load only when used.
 *
 * Entries: the CLI, and every module a worker thread or an in-process task loads by URL
 * (the sweep's thread script and its task, the robust and CSCV tasks). Those entries sit in
 * dist/cli/ itself, beside the CLI, so that a module that locates one with
 * `new URL('./sweepTask.js', import.meta.url)` finds it there: in such a module, import.meta.url
 * is rewritten to a URL in dist/cli/. In every other module it is rewritten to the module's own
 * compiled file in dist/src/, so that files found beside a module (the WebAssembly kernels,
 * createRequire, the project root) are found as before. A source map maps the bundle back to
 * dist/src/ (bin/sleeves.js turns source maps on with --debug).
 *
 * bin/sleeves.js runs the bundle only when it is not older than dist/src/cli/main.js (tsc
 * rewrites every output), so a plain `tsc` after a change never leaves a stale bundle running.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'dist', 'src');
const outDir = path.join(root, 'dist', 'cli');

/** Bundle entries, by their file name in dist/cli/. */
const ENTRIES = {
  main: 'cli/main.js',
  parallelWorker: 'sweep/parallelWorker.js',
  sweepTask: 'sweep/sweepTask.js',
  robustTask: 'robust/robustTask.js',
  cscvTask: 'validation/cscvTask.js',
};
/** Packages left to Node's loader: native addons, packages that load their own files, the network client. */
const EXTERNAL = ['better-sqlite3', 'highs', 'yahoo-finance2'];

/**
 * The modules a `run` imports once its action starts (prepareRun, backtestToReport, the folder
 * writer, the catalog and the summary, and what they import): one chunk, so that a run loads a
 * few files instead of ~60 small ones, less what `--help` already loads (main and every
 * command's registration), which stays out of it so that `--help` does not read the engine.
 */
const RUN_PATH = ['run/prepareRun.js', 'run/backtestToReport.js', 'report/writeRunFolder.js', 'catalog/entriesFor.js', 'catalog/runCatalog.js', 'report/renderTerminal.js'];

const entryNames = Object.keys(ENTRIES);
const locatesEntry = new RegExp(`new URL\\(['"]\\./(${entryNames.join('|')})\\.js['"]`);

async function main() {
  if (!existsSync(path.join(srcDir, ENTRIES.main))) throw new Error('dist/src/cli/main.js is missing: run tsc first');
  rmSync(outDir, { recursive: true, force: true });
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    process.stderr.write('bundle-cli: rolldown is not installed (a production install); bin/sleeves.js runs dist/src unbundled\n');
    return;
  }
  /** Modules whose import.meta.url now points into dist/cli/ (they locate an entry). */
  const locating = [];
  let runGroup = new Set();
  const bundle = await rolldown({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(srcDir, file)])),
    platform: 'node',
    // Entries keep their exports; a chunk may add more (what the run group below needs).
    preserveEntrySignatures: 'allow-extension',
    external: (id) => id.startsWith('node:') || EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`)),
    logLevel: 'warn',
    plugins: [
      {
        name: 'sleeves-run-group',
        buildEnd() {
          const at = (file) => path.join(srcDir, file);
          /** Static import closure of `roots`, added to `into`. */
          const closure = (roots, into = new Set()) => {
            const stack = [...roots];
            while (stack.length > 0) {
              const id = stack.pop();
              if (into.has(id)) continue;
              const info = this.getModuleInfo(id);
              if (!info || info.isExternal) continue;
              into.add(id);
              stack.push(...info.importedIds);
            }
            return into;
          };
          const registration = this.getModuleInfo(at('cli/registerCommands.js'));
          if (!registration) throw new Error('bundle-cli: cli/registerCommands.js is not in the bundle');
          const startup = closure([at(ENTRIES.main), ...registration.dynamicallyImportedIds]);
          runGroup = new Set([...closure(RUN_PATH.map(at))].filter((id) => !startup.has(id)));
          for (const file of RUN_PATH) if (!runGroup.has(at(file))) throw new Error(`bundle-cli: ${file} is not on the run path`);
        },
      },
      {
        name: 'sleeves-module-url',
        transform(code, id) {
          if (!id.startsWith(srcDir + path.sep) || !code.includes('import.meta.url')) return null;
          const rel = path.relative(srcDir, id).split(path.sep).join('/');
          // A module located by URL that is not an entry would be missing from dist/cli/.
          for (const m of code.matchAll(/new URL\(['"]\.\/([\w.-]+)\.js['"]/g)) {
            if (!entryNames.includes(m[1])) throw new Error(`bundle-cli: ${rel} locates ./${m[1]}.js by URL; add it to ENTRIES`);
          }
          // Both are one-line expressions, so the source map's lines stay right.
          let url;
          if (locatesEntry.test(code)) {
            url = `new URL(${JSON.stringify(`./${path.posix.basename(rel)}`)}, import.meta.url).href`;
            locating.push(rel);
          } else {
            url = `new URL(${JSON.stringify(`../src/${rel}`)}, import.meta.url).href`;
          }
          return { code: code.replaceAll('import.meta.url', url), map: null };
        },
      },
    ],
  });
  await bundle.write({
    dir: outDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
    // Only the listed modules: not the startup modules they import (rolldown would take them too).
    codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'run', test: (id) => runGroup.has(id) }] },
  });
  await bundle.close();
  // Every chunk is written flat into dist/cli/, so "../src/" above points at dist/src/.
  for (const name of entryNames) if (!existsSync(path.join(outDir, `${name}.js`))) throw new Error(`bundle-cli: ${name}.js was not written`);
  const located = new Set(locating.flatMap((rel) => [...readFileSync(path.join(srcDir, rel), 'utf8').matchAll(new RegExp(locatesEntry, 'g'))].map((m) => m[1])));
  for (const name of entryNames.filter((n) => n !== 'main')) {
    if (!located.has(name)) throw new Error(`bundle-cli: no bundled module locates ${name}.js with new URL('./${name}.js', import.meta.url); update ENTRIES`);
  }
}

main().catch((error) => {
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
