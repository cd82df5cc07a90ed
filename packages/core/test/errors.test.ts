import { describe, expect, it } from 'vitest';
import { HttpError, NotReadyError, PromkitError, QueryParseError, isPromkitError, parseDuration, formatDuration } from '@promkit/core';

describe('isPromkitError', () => {
  it('matches by class name and parent names', () => {
    const error = new NotReadyError('not ready', 503, '');
    expect(isPromkitError(error)).toBe(true);
    expect(isPromkitError(error, 'NotReadyError')).toBe(true);
    expect(isPromkitError(error, 'HttpError')).toBe(true);
    expect(isPromkitError(error, 'NetworkError')).toBe(false);
    expect(new HttpError('x', 500, '')).toBeInstanceOf(PromkitError);
  });

  it('recognises an error from another copy of the library by its name alone', () => {
    const foreign = Object.assign(new Error('parse'), { name: 'QueryParseError' });
    expect(isPromkitError(foreign, 'PrometheusApiError')).toBe(true);
    expect(isPromkitError(Object.assign(new Error('x'), { name: 'TypeError' }))).toBe(false);
    expect(isPromkitError('QueryParseError')).toBe(false);
    expect(isPromkitError(null)).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    const error = new QueryParseError('outer', 400, { errorType: 'bad_data', error: 'e', warnings: [], infos: [] }, { cause });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('QueryParseError');
  });
});

describe('durations', () => {
  it.each([
    ['15s', 15],
    ['1m30s', 90],
    ['1h', 3600],
    ['2d', 172800],
    ['1w', 604800],
    ['1y', 31536000],
    ['500ms', 0.5],
    ['1h0m5s', 3605],
  ])('%s is %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
    expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });

  it.each(['', '5', '1.5m', 'm', '5 m', '1s1h'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats the shortest form', () => {
    expect(formatDuration(90)).toBe('1m30s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(0.25)).toBe('250ms');
  });
});
