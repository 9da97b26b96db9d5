import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { parseIsoDate } from '../../../src/core/dates.js';
import { fetchPrices } from '../../../src/data/fetchPrices.js';
import { fetchStooq, stooqSymbol } from '../../../src/data/providers/stooq.js';
import { fetchYahoo } from '../../../src/data/providers/yahoo.js';

// A local server replaying canned responses; nothing here contacts a real host.
let server: Server;
let base: string;
const hits = new Map<string, number>();
let stooqNvda = 'Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11.5,200\n';

const day = (iso: string): number => parseIsoDate(iso);
// US bars are stamped at the 09:30 New York open = 14:30 UTC in January (gmtoffset −18000 s).
const usStamp = (iso: string): number => day(iso) * 86_400 + 14.5 * 3600;
// Hong Kong bars at 09:30 local = 01:30 UTC (gmtoffset +28800 s): still the same calendar day.
const hkStamp = (iso: string): number => day(iso) * 86_400 + 1.5 * 3600;

function chart(stamps: number[], closes: (number | null)[], gmtoffset: number, adj?: number[]): string {
  return JSON.stringify({
    chart: {
      result: [
        {
          meta: { currency: 'USD', symbol: 'X', gmtoffset, timezone: 'EST' },
          timestamp: stamps,
          indicators: {
            quote: [{ open: closes, high: closes, low: closes, close: closes, volume: closes.map(() => 1000) }],
            ...(adj ? { adjclose: [{ adjclose: adj }] } : {}),
          },
        },
      ],
      error: null,
    },
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.pathname.startsWith('/q/d/l/') ? `stooq:${url.searchParams.get('s')}` : url.pathname;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const send = (status: number, body: string, type = 'text/plain'): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (key) {
      case 'stooq:nvda.us':
        return send(200, stooqNvda);
      case 'stooq:empty.us':
        return send(200, 'No data');
      case 'stooq:html.us':
        return send(200, '<html><body>Service unavailable</body></html>');
      case 'stooq:down.us':
        return send(503, 'busy');
      case 'stooq:flaky.us':
        return (hits.get(key) ?? 0) === 1 ? send(500, 'oops') : send(200, 'Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n');
      case 'stooq:gone.us':
        return send(404, 'not found');
      case 'stooq:slow.us':
        return; // never answers
      case '/v8/finance/chart/NVDA':
        return send(200, chart([usStamp('2024-01-02'), usStamp('2024-01-03'), usStamp('2024-01-04')], [48.1, null, 47.5], -18000, [48.0, 0, 47.4]), 'application/json');
      case '/v8/finance/chart/0700.HK':
        return send(200, chart([hkStamp('2024-01-02'), hkStamp('2024-01-03')], [300, 301], 28800), 'application/json');
      case '/v8/finance/chart/EMPTY':
        return send(200, JSON.stringify({ chart: { result: [{ meta: { gmtoffset: 0 }, indicators: { quote: [{}] } }], error: null } }), 'application/json');
      case '/v8/finance/chart/BROKEN':
        return send(200, '{"chart": {"result": [', 'application/json');
      case '/v8/finance/chart/NOPE':
        return send(404, JSON.stringify({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }), 'application/json');
      default:
        return send(404, 'no route');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const fast = () => ({ baseUrl: base, backoffMs: 1, retries: 2, timeoutMs: 2000 });
const req = (ticker: string) => ({ ticker, from: day('2024-01-01'), to: day('2024-01-31') });

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('stooq provider', () => {
  it('maps tickers to Stooq symbols', () => {
    expect(['NVDA', '0700.HK', '^GSPC', '^HSI', 'GC=F', 'USDCNY'].map(stooqSymbol)).toEqual(['nvda.us', '700.hk', '^spx', '^hsi', 'gc.f', 'usdcny']);
    expect(() => stooqSymbol('600760.SS')).toThrow(/not on Stooq/);
  });

  it('parses the CSV into bars', async () => {
    const bars = await fetchStooq(req('NVDA'), fast());
    expect(bars.map((b) => [b.date, b.open, b.high, b.low, b.close, b.adjClose])).toEqual([
      [day('2024-01-02'), 10, 11, 9, 10.5, 10.5],
      [day('2024-01-03'), 10.5, 12, 10, 11.5, 11.5],
    ]);
  });

  it('retries a 5xx and succeeds on the second attempt', async () => {
    const bars = await fetchStooq(req('FLAKY'), fast());
    expect(bars).toHaveLength(1);
    expect(hits.get('stooq:flaky.us')).toBe(2);
  });

  it('explains an empty history, a malformed body, a 404, a server that stays down and a timeout', async () => {
    expect(await messageOf(fetchStooq(req('EMPTY'), fast()))).toBe('stooq: EMPTY: no prices between 2024-01-01 and 2024-01-31, expected at least one day (unknown ticker or empty range?)');
    expect(await messageOf(fetchStooq(req('HTML'), fast()))).toMatch(/^stooq: HTML: malformed response \(response:1: unknown column/);
    expect(await messageOf(fetchStooq(req('GONE'), fast()))).toMatch(/^stooq: GONE: HTTP 404/);
    expect(await messageOf(fetchStooq(req('DOWN'), fast()))).toMatch(/^stooq: DOWN: cannot download from 127\.0\.0\.1:\d+ after 3 attempts \(HTTP 503.*offline\?/);
    expect(hits.get('stooq:down.us')).toBe(3);
    expect(await messageOf(fetchStooq(req('SLOW'), { ...fast(), retries: 0, timeoutMs: 150 }))).toMatch(/after 1 attempts \(no answer within 0\.15 s\)/);
  });

  it('says the machine may be offline when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const msg = await messageOf(fetchStooq(req('NVDA'), { baseUrl: `http://127.0.0.1:${port}`, retries: 1, backoffMs: 1 }));
    expect(msg).toMatch(/cannot download from 127\.0\.0\.1:\d+ after 2 attempts \(network error ECONNREFUSED\).*offline\? `sleeves data sample` works without one/);
  });
});

describe('yahoo provider (yahoo-finance2 chart, routed to the local server)', () => {
  it('reads bars on exchange-local dates, skips null bars and uses adjclose', async () => {
    const bars = await fetchYahoo(req('NVDA'), fast());
    expect(bars.map((b) => [b.date, b.close, b.adjClose, b.volume])).toEqual([
      [day('2024-01-02'), 48.1, 48.0, 1000],
      [day('2024-01-04'), 47.5, 47.4, 1000],
    ]);
    const hk = await fetchYahoo(req('0700.HK'), fast());
    expect(hk.map((b) => b.date)).toEqual([day('2024-01-02'), day('2024-01-03')]);
    expect(hk[0]?.adjClose).toBe(300); // no adjclose block: close
  });

  it('explains an empty history, a malformed body and an unknown ticker', async () => {
    expect(await messageOf(fetchYahoo(req('EMPTY'), fast()))).toBe('yahoo: EMPTY: no prices between 2024-01-01 and 2024-01-31, expected at least one day');
    expect(await messageOf(fetchYahoo(req('BROKEN'), fast()))).toMatch(/^yahoo: BROKEN: .*expected the price history/);
    expect(await messageOf(fetchYahoo(req('NOPE'), fast()))).toMatch(/^yahoo: NOPE: .*(No data found|Not Found).*expected the price history/);
  });
});

describe('fetchPrices', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sleeves-fetch-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new uniform file, then extends it and reports conflicting rows without overwriting', async () => {
    const common = { tickers: ['NVDA'], provider: 'stooq' as const, dir, providerOptions: fast(), today: day('2024-01-31') };
    const first = await fetchPrices(common);
    expect(first[0]).toMatchObject({ ticker: 'NVDA', rows: 2, added: 2, conflicts: [], start: '2024-01-02', end: '2024-01-03' });
    const file = path.join(dir, 'NVDA.csv');
    expect(readFileSync(file, 'utf8')).toBe('date,open,high,low,close,adj_close,volume\n2024-01-02,10,11,9,10.5,10.5,\n2024-01-03,10.5,12,10,11.5,11.5,\n');

    // The provider now revises 2024-01-03 and adds 2024-01-04.
    stooqNvda = 'Date,Open,High,Low,Close,Volume\n2024-01-03,10.5,12,10,11.6,200\n2024-01-04,11,12,11,12,300\n';
    const second = await fetchPrices(common);
    expect(second[0]).toMatchObject({ rows: 3, added: 1, start: '2024-01-02', end: '2024-01-04' });
    expect(second[0]?.conflicts).toEqual(['NVDA.csv 2024-01-03: close 11.5 in the file, 11.6 downloaded; adj_close 11.5 in the file, 11.6 downloaded']);
    expect(readFileSync(file, 'utf8')).toBe(
      'date,open,high,low,close,adj_close,volume\n2024-01-02,10,11,9,10.5,10.5,\n2024-01-03,10.5,12,10,11.5,11.5,\n2024-01-04,11,12,11,12,12,\n',
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to rewrite a file in another format, and leaves it untouched', async () => {
    const file = path.join(dir, 'GONE.csv');
    writeFileSync(file, 'date,close\n2024-01-02,1\n');
    const msg = await messageOf(fetchPrices({ tickers: ['GONE'], provider: 'stooq', dir, providerOptions: fast(), from: day('2024-01-01'), to: day('2024-01-31') }));
    expect(msg).toMatch(/GONE: HTTP 404/); // the download fails first; nothing is written
    expect(readFileSync(file, 'utf8')).toBe('date,close\n2024-01-02,1\n');
    const plain = path.join(dir, 'FLAKY.csv');
    writeFileSync(plain, 'date,close\n2024-01-02,1\n');
    const msg2 = await messageOf(fetchPrices({ tickers: ['FLAKY'], provider: 'stooq', dir, providerOptions: fast(), from: day('2024-01-01'), to: day('2024-01-31') }));
    expect(msg2).toMatch(/^FLAKY\.csv:1: fetch writes the uniform format .* this file is plain/);
    expect(existsSync(plain)).toBe(true);
    expect(readFileSync(plain, 'utf8')).toBe('date,close\n2024-01-02,1\n');
  });
});
