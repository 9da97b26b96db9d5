/**
 * One chart on a page: a <figure class="chart" data-chart=ID> holding a title, the inline SVG
 * and a caption. `title` and `caption` are plain text (escaped here); `svg` is Plot's markup.
 */
import { escapeHtml } from './escapeHtml.js';

export function chartFigure(id: string, title: string, caption: string, svg: string): string {
  return (
    `<figure class="chart" data-figure="${escapeHtml(id)}" data-chart="${escapeHtml(id)}">` +
    `<h3>${escapeHtml(title)}</h3>` +
    `<div class="plot">${svg}</div>` +
    (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
    `</figure>`
  );
}

/** A placeholder where a chart cannot be drawn (e.g. no daily series): says why. */
export function missingChart(id: string, title: string, why: string): string {
  return `<figure class="chart missing" data-chart-missing="${escapeHtml(id)}"><h3>${escapeHtml(title)}</h3><p class="note">${escapeHtml(why)}</p></figure>`;
}

/** The caption sentence for a downsampled daily chart (empty when every row is drawn). */
export function downsampleNote(drawn: number, total: number): string {
  return drawn < total ? ` Drawn from ${drawn} of ${total} daily points (downsampled for the chart; tables use every day).` : '';
}

/** ISO date → a UTC Date for Plot's time scales. */
export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export const CHART_WIDTH = 960;
