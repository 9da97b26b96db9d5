import { describe, expect, it } from 'vitest';
import { locateTicker } from '../../../src/strategy/locateTicker.js';

const text = [
  'version: 1', //                                  line 1
  'name: x',
  'sleeves:',
  '  ai:',
  '    assets: [NVDA, MSFTX]', //                   line 5: MSFTX at column 20
  '  shared:',
  '    assets: { GLD: 0.5, "0700.HK": 1 }', //      line 7: "0700.HK" at column 25 (its opening quote)
  'benchmark: SPYY', //                             line 8: column 12
].join('\n');

describe('locateTicker', () => {
  it('points at a list item, a map key and the benchmark', () => {
    const loaded = { file: 's.yaml', text };
    expect(locateTicker(loaded, 'MSFTX')).toBe('s.yaml:5:20');
    expect(locateTicker(loaded, '0700.HK')).toBe('s.yaml:7:25');
    expect(locateTicker(loaded, 'SPYY')).toBe('s.yaml:8:12');
    expect(locateTicker(loaded, 'QQQ')).toBeUndefined();
  });
});
