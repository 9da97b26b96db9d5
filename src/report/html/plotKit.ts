/**
 * Observable Plot and a server-side DOM (linkedom), loaded lazily with `await import()` so
 * that commands which draw nothing (and `sleeves --help`) do not pay for them. Charts are
 * rendered in Node: `Plot.plot({ document, ... }).outerHTML` is inline SVG with no scripts.
 */
type PlotModule = typeof import('@observablehq/plot');
type PlotDocument = NonNullable<NonNullable<Parameters<PlotModule['plot']>[0]>['document']>;

export interface PlotKit {
  Plot: PlotModule;
  document: PlotDocument;
}

let cached: Promise<PlotKit> | null = null;

export function loadPlotKit(): Promise<PlotKit> {
  cached ??= (async () => {
    const [Plot, { parseHTML }] = await Promise.all([import('@observablehq/plot'), import('linkedom')]);
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    return { Plot, document: document as unknown as PlotDocument };
  })();
  return cached;
}

/** The markup of a rendered plot (an <svg>, or a <figure> when it has a legend). */
export function plotHtml(kit: PlotKit, options: Parameters<PlotKit['Plot']['plot']>[0]): string {
  return kit.Plot.plot({ ...options, document: kit.document }).outerHTML;
}
