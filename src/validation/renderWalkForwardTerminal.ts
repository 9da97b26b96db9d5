/** The terminal summary of a walk-forward test: one line per fold, then the stitched figures. */
import pc from 'picocolors';
import { num, pct, textTable } from '../report/format.js';
import type { WalkForwardReport } from './walkForwardReport.js';

export function renderWalkForwardTerminal(report: WalkForwardReport, options: { folder: string; color: boolean }): string {
  const c = pc.createColors(options.color);
  const m = report.outOfSample.metrics;
  const d = report.degradation;
  const rows = [
    ['fold', 'test window', 'chosen', 'Sharpe in', 'Sharpe out', 'CAGR out'],
    ...report.folds.map((f) => [
      String(f.fold),
      `${f.test.from} → ${f.test.to}`,
      Object.entries(f.chosen).map(([k, v]) => `${k.split('.').pop()}=${v}`).join(' '),
      num(f.inSample.sharpe),
      num(f.outOfSample.sharpe),
      pct(f.outOfSample.cagr),
    ]),
  ];
  const lines = [
    c.bold(`Walk-forward · ${report.strategy.name}`) + `  (${report.variants} variants, train ${report.windows.train}${report.windows.anchored ? ' anchored' : ''}, test ${report.windows.test}, by ${report.windows.rankBy})`,
    ...(report.data.synthetic ? [c.yellow(`SYNTHETIC DATA: ${report.data.directory}`)] : []),
    '',
    textTable(rows),
    '',
    `Out of sample ${report.outOfSample.period.start} → ${report.outOfSample.period.end}: total return ${pct(m['totalReturn'])}, CAGR ${pct(m['cagr'])}, Sharpe ${num(m['sharpe'])}, max drawdown ${pct(m['maxDrawdown'])}`,
    `Mean Sharpe in sample ${num(d.sharpe.inSample)} → out of sample ${num(d.sharpe.outOfSample)}; walk-forward efficiency (CAGR out / in) ${num(d.efficiency)}`,
    ...report.warnings.slice(0, 5).map((w) => c.yellow(`warning: ${w}`)),
    ...(report.warnings.length > 5 ? [c.yellow(`… and ${report.warnings.length - 5} more warnings in report.json`)] : []),
    `Folder: ${options.folder}`,
  ];
  return `${lines.join('\n')}\n`;
}
