import { describe, expect, it } from 'vitest';
import { isSafeUrl, safeUrl } from '@promkit/core';

describe('safeUrl', () => {
  it.each([
    ['https://prometheus.io/docs/', 'https://prometheus.io/docs/'],
    ['http://grafana.example.com/d/abc?var-x=1#panel', 'http://grafana.example.com/d/abc?var-x=1#panel'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['mailto:oncall@example.com', 'mailto:oncall@example.com'],
    ['/targets', '/targets'],
    ['targets?state=down', 'targets?state=down'],
    ['../runbooks/cpu.md', '../runbooks/cpu.md'],
    ['#section', '#section'],
    ['?from=now-1h', '?from=now-1h'],
    ['//cdn.example.com/x', '//cdn.example.com/x'],
    ['', ''],
    ['./javascript:alert(1)', './javascript:alert(1)'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['https://exa\tmple.com/', 'https://example.com/'],
  ])('accepts %j as %j', (value, expected) => {
    expect(safeUrl(value)).toBe(expected);
    expect(isSafeUrl(value)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u001f javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'j\ta\nv\ra\tscript:alert(1)',
    'javascript\t:alert(1)',
    'javascript:alert(1)\u0000',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'blob:https://example.com/550e8400-e29b-41d4-a716-446655440000',
    'file:///etc/passwd',
    'ftp://example.com/',
    'tel:+1555',
    'about:blank',
    'http://[::1',
    'https://exa mple.com:99999/',
  ])('refuses %j', (value) => {
    expect(safeUrl(value)).toBeUndefined();
    expect(isSafeUrl(value)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isSafeUrl(undefined)).toBe(false);
    expect(isSafeUrl(42)).toBe(false);
  });
});
