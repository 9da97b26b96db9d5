/**
 * One progress line: `[#######.............] 120/400  30%  elapsed 0:12  ETA 0:28`.
 * ETA = elapsed · (total − done) / done (unknown before the first result). Pure.
 */
export function formatProgress(done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total > 0 ? done / total : 1;
  const filled = Math.round(share * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const eta = done > 0 ? clock((elapsedMs * (total - done)) / done) : '?';
  return `${bar} ${done}/${total}  ${Math.floor(share * 100)}%  elapsed ${clock(elapsedMs)}  ETA ${eta}`;
}

/** Milliseconds as m:ss, or h:mm:ss from one hour. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
