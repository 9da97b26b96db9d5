import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/report/html/escapeHtml.js';

describe('escapeHtml', () => {
  it('replaces the five special characters with entities', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });
  it('escapes an existing entity again (text is text) and leaves other characters alone', () => {
    expect(escapeHtml('&amp; → ü 1%')).toBe('&amp;amp; → ü 1%');
    expect(escapeHtml('')).toBe('');
  });
});
