/**
 * The text outcome of `sleeves rerun`: identical or not, which inputs changed (data files by
 * name, with their recorded and current sha256; the engine version), and the first figures
 * that differ with their recorded and new values.
 */
import type { RerunOutcome } from '../run/rerunReport.js';

export function renderRerun(file: string, outcome: RerunOutcome, maxDifferences = 20): string {
  const out: string[] = [];
  const dir = outcome.dataDirectory;
  out.push(`rerun of ${file}`);
  out.push(
    dir.used === dir.recorded
      ? `data: ${dir.recorded} (the recorded path, resolved against the current directory: ${dir.resolved})`
      : `data: ${dir.used} (given with --data, instead of the recorded ${dir.recorded}; resolved: ${dir.resolved})`,
  );
  if (outcome.engineVersion.recorded !== outcome.engineVersion.current) {
    out.push(`engine version changed: recorded ${outcome.engineVersion.recorded}, now ${outcome.engineVersion.current}`);
  }
  for (const f of outcome.changedFiles) {
    if (!f.recorded) out.push(`data file ${f.file} (${f.ticker}) is new: not in the recorded run`);
    else if (!f.current) out.push(`data file ${f.file} (${f.ticker}) was not read this time`);
    else if (f.recorded.sha256 !== f.current.sha256) out.push(`data file ${f.file} (${f.ticker}) changed: sha256 ${f.recorded.sha256.slice(0, 16)}… recorded, now ${f.current.sha256.slice(0, 16)}…`);
    else out.push(`data file ${f.file} (${f.ticker}) changed: rows/span ${f.recorded.rows} ${f.recorded.start}→${f.recorded.end} recorded, now ${f.current.rows} ${f.current.start}→${f.current.end}`);
  }
  if (outcome.identical) {
    out.push(`identical: all ${outcome.compared} values are bit for bit the same`);
  } else {
    out.push(`NOT identical: ${outcome.differences.length} of ${outcome.compared} values differ${outcome.changedFiles.length === 0 ? ' (no data file changed: the engine or the strategy semantics did)' : ''}`);
    for (const d of outcome.differences.slice(0, maxDifferences)) out.push(`  ${d.path}: ${show(d.before)} → ${show(d.after)}`);
    if (outcome.differences.length > maxDifferences) out.push(`  … ${outcome.differences.length - maxDifferences} more (use --json for all)`);
  }
  return `${out.join('\n')}\n`;
}

function show(x: unknown): string {
  if (x === undefined) return '(absent)';
  const s = JSON.stringify(x);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
