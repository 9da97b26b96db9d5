#!/usr/bin/env node
// Entry point: runs the compiled CLI (built by `npm ci` / `npm run build` into dist/).
// A closed pipe (`sleeves ... | head`) ends the program quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
