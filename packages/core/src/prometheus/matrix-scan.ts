/**
 * A matrix answer read straight from the response text into frames: one pass over the characters
 * of `"values":[[t,"v"],…]`, writing Float64Arrays, without the million small arrays and strings
 * JSON.parse would build. (Reading the bytes instead of the decoded text was measured slower:
 * V8 walks a one-byte string faster than a Uint8Array.) Label sets and the rest of the envelope
 * go through JSON.parse and the schemas. Anything this reader does not expect (native
 * histograms, another key order, odd spacing) makes it step aside, and the caller takes the
 * general path.
 */
import { parseSampleValue } from './sample-value.js';
import type { Frame } from './decode.js';

const MATRIX = '"resultType":"matrix"';
const RESULT = '"result":[';
const VALUES = '"values":[';
const METRIC = '"metric":';
const QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Exact powers of ten a double holds (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A matrix answer's frames, and the envelope text with `result` emptied (for the usual checks). */
export interface ScannedMatrix {
  envelope: string;
  frames: Frame[];
}

/**
 * The frames of a matrix answer, and the envelope text with `result` emptied (for the usual
 * checks); undefined when the text is not a matrix this reader handles.
 */
export function scanMatrix(text: string): ScannedMatrix | undefined {
  const scan = scanning(text);
  for (;;) {
    const step = scan.next();
    if (step.done) return step.value;
  }
}

/**
 * scanMatrix in slices: after each series, once `sliceMs` have gone by, it gives the page back
 * its main thread (input, paint) before going on, so decoding a large answer never holds it for
 * long; the frames are the same, bit for bit. Stops with the signal's reason when it aborts.
 */
export async function scanMatrixSliced(text: string, options: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<ScannedMatrix | undefined> {
  const sliceMs = options.sliceMs ?? 16;
  const scan = scanning(text);
  let sliceStart = performance.now();
  for (;;) {
    const step = scan.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await yieldToPage();
    options.signal?.throwIfAborted();
    sliceStart = performance.now();
  }
}

/** The page's turn: `scheduler.yield()` where there is one (it keeps this task's priority), else a macrotask. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** The reader itself, pausing (`yield`) after each series. */
function* scanning(text: string): Generator<void, ScannedMatrix | undefined> {
  const typeAt = text.indexOf(MATRIX);
  if (typeAt < 0) return undefined;
  const start = text.indexOf(RESULT, typeAt);
  if (start < 0) return undefined;
  const frames: Frame[] = [];
  let i = start + RESULT.length;
  if (text.charCodeAt(i) !== CLOSE_BRACKET) {
    for (;;) {
      if (text.charCodeAt(i) !== OPEN_BRACE || !text.startsWith(METRIC, i + 1)) return undefined;
      const labelsStart = i + 1 + METRIC.length;
      const labelsEnd = objectEnd(text, labelsStart);
      if (labelsEnd < 0) return undefined;
      const labels = JSON.parse(text.slice(labelsStart, labelsEnd)) as Record<string, string>;
      i = labelsEnd;
      if (text.charCodeAt(i) !== COMMA || !text.startsWith(VALUES, i + 1)) return undefined;
      const column = readSamples(text, i + 1 + VALUES.length);
      if (!column) return undefined;
      i = column.end;
      if (text.charCodeAt(i) !== CLOSE_BRACE) return undefined;
      frames.push({ labels, timestamps: column.timestamps, values: column.values });
      yield;
      i += 1;
      const next = text.charCodeAt(i);
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA) return undefined;
      i += 1;
    }
  }
  return { envelope: text.slice(0, start + RESULT.length) + text.slice(i), frames };
}

/** Index just after the JSON object starting at `from` (strings and escapes respected), or -1. */
function objectEnd(text: string, from: number): number {
  if (text.charCodeAt(from) !== OPEN_BRACE) return -1;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth === 0) return i + 1;
  }
  return -1;
}

/** `[t,"v"],…]` from `from` (just inside the outer bracket) into columns; `end` is after its `]`. */
function readSamples(text: string, from: number): { timestamps: Float64Array; values: Float64Array; end: number } | undefined {
  // Columns start small and double; they are cut to length at the end.
  let capacity = 64;
  let timestamps = new Float64Array(capacity);
  let values = new Float64Array(capacity);
  let n = 0;
  let i = from;
  if (text.charCodeAt(i) === CLOSE_BRACKET) return { timestamps: timestamps.slice(0, 0), values: values.slice(0, 0), end: i + 1 };
  for (;;) {
    if (text.charCodeAt(i) !== OPEN_BRACKET) return undefined;
    i += 1;
    // Time: seconds with up to three decimals, as Prometheus writes it, into whole milliseconds.
    let whole = 0;
    let digits = 0;
    let c = text.charCodeAt(i);
    while (c >= ZERO && c <= NINE) {
      whole = whole * 10 + (c - ZERO);
      digits++;
      c = text.charCodeAt(++i);
    }
    let millis = whole * 1000;
    if (c === DOT) {
      let scale = 100;
      c = text.charCodeAt(++i);
      while (c >= ZERO && c <= NINE) {
        if (scale < 1) return undefined;
        millis += (c - ZERO) * scale;
        scale /= 10;
        c = text.charCodeAt(++i);
      }
    }
    if (digits === 0 || digits > 12 || c !== COMMA || text.charCodeAt(i + 1) !== QUOTE) return undefined;
    i += 2;
    const valueStart = i;
    const value = readValue(text, i);
    i = value.end;
    if (i < 0 || text.charCodeAt(i) !== QUOTE || text.charCodeAt(i + 1) !== CLOSE_BRACKET) {
      // Not the plain decimal the fast reader takes (exponent, NaN, ±Inf, 16+ digits): read the string whole.
      const close = text.indexOf('"', valueStart);
      if (close < 0 || text.charCodeAt(close + 1) !== CLOSE_BRACKET) return undefined;
      const parsed = parseSampleValue(text.slice(valueStart, close));
      if (parsed === undefined) return undefined;
      value.number = parsed;
      i = close;
    }
    if (n === capacity) {
      capacity *= 2;
      const t = new Float64Array(capacity);
      t.set(timestamps);
      timestamps = t;
      const v = new Float64Array(capacity);
      v.set(values);
      values = v;
    }
    timestamps[n] = millis;
    values[n] = value.number;
    n++;
    i += 2;
    const next = text.charCodeAt(i);
    if (next === CLOSE_BRACKET) return { timestamps: timestamps.slice(0, n), values: values.slice(0, n), end: i + 1 };
    if (next !== COMMA) return undefined;
    i += 1;
  }
}

/**
 * A plain decimal (`-12.5`) read exactly as Number() would: with at most 15 significant digits
 * and 22 decimals, mantissa ÷ 10^k is one correctly rounded division. Otherwise `end` is -1, and
 * the caller reads the text as a whole.
 */
function readValue(text: string, from: number): { number: number; end: number } {
  let i = from;
  let negative = false;
  if (text.charCodeAt(i) === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let decimals = 0;
  let digits = 0;
  let c = text.charCodeAt(i);
  while (c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    if (mantissa !== 0) significant++;
    digits++;
    c = text.charCodeAt(++i);
  }
  if (c === DOT) {
    c = text.charCodeAt(++i);
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      if (mantissa !== 0) significant++;
      decimals++;
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0 || significant > 15 || decimals > 22) return { number: Number.NaN, end: -1 };
  const magnitude = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return { number: negative ? -magnitude : magnitude, end: i };
}
