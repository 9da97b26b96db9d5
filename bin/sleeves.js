#!/usr/bin/env node
// Entry point: runs the compiled CLI (built by `npm ci` / `npm run build` into dist/): the
// bundle in dist/cli/ (scripts/bundle-cli.js; a few files load much faster than the ~290 modules
// of dist/src/) when it is at least as new as tsc's output, else dist/src/ itself (after a plain
// `tsc`, or an install without the bundler). --debug maps stack traces back through the source map.
// A closed pipe (`sleeves ... | head`) ends the program quietly.
import { statSync } from 'node:fs';

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const bundled = new URL('../dist/cli/main.js', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const bundleTime = mtime(bundled);
const compiledTime = mtime(compiled);
const useBundle = bundleTime !== undefined && (compiledTime === undefined || bundleTime >= compiledTime);
const { main } = await import(useBundle ? bundled : compiled);
process.exitCode = await main(process.argv.slice(2));
