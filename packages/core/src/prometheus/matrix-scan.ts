/**
 * A matrix answer read straight from the response bytes into frames: one pass over the UTF-8 of
 * `"values":[[t,"v"],…]`, writing Float64Arrays, without the million small arrays and strings
 * JSON.parse would build, and without making the bytes a string first (that decode alone was a
 * quarter of the time in Chromium). Label sets and the rest of the envelope are decoded and go
 * through JSON.parse and the schemas. Anything this reader does not expect (native histograms,
 * another key order, odd spacing) makes it step aside, and the caller takes the general path.
 */
import { parseSampleValue } from './sample-value.js';
import type { Frame } from './decode.js';

const MATRIX = bytesOf('"resultType":"matrix"');
const RESULT = bytesOf('"result":[');
const VALUES = bytesOf('"values":[');
const METRIC = bytesOf('"metric":');
/** How far into the answer `"resultType":"matrix","result":[` may start (Prometheus writes it first). */
const HEAD_LENGTH = 1024;
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
/** Columns of a series whose length nothing foretells start this long and double. */
const FIRST_CAPACITY = 64;

const utf8 = new TextDecoder();

/** Exact powers of ten a double holds (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A matrix answer's frames, and the envelope text with `result` emptied (for the usual checks). */
export interface ScannedMatrix {
  envelope: string;
  frames: Frame[];
}

/** How to read: the points per series the query asked for, when known, sizes the columns once. */
export interface ScanOptions {
  expectedPoints?: number;
}

/**
 * The frames of a matrix answer, and the envelope text with `result` emptied (for the usual
 * checks); undefined when the text is not a matrix this reader handles.
 */
export function scanMatrix(bytes: Uint8Array, options: ScanOptions = {}): ScannedMatrix | undefined {
  const scan = scanning(bytes, options.expectedPoints ?? 0);
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
export async function scanMatrixSliced(bytes: Uint8Array, options: ScanOptions & { sliceMs?: number; signal?: AbortSignal } = {}): Promise<ScannedMatrix | undefined> {
  const sliceMs = options.sliceMs ?? 16;
  const scan = scanning(bytes, options.expectedPoints ?? 0);
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

/**
 * The reader itself, pausing (`yield`) after each series. Columns are sized for `expected`
 * points, else for the previous series' length (a range query's series mostly share one).
 */
function* scanning(bytes: Uint8Array, expected: number): Generator<void, ScannedMatrix | undefined> {
  const typeAt = indexOf(bytes, MATRIX, 0, HEAD_LENGTH);
  if (typeAt < 0) return undefined;
  const start = indexOf(bytes, RESULT, typeAt, HEAD_LENGTH);
  if (start < 0) return undefined;
  const frames: Frame[] = [];
  const answer: Reading = { bytes };
  let i = start + RESULT.length;
  if (bytes[i] !== CLOSE_BRACKET) {
    for (;;) {
      if (bytes[i] !== OPEN_BRACE || !startsWith(bytes, METRIC, i + 1)) return undefined;
      const labelsStart = i + 1 + METRIC.length;
      const labelsEnd = objectEnd(bytes, labelsStart);
      if (labelsEnd < 0) return undefined;
      const labels = JSON.parse(utf8.decode(bytes.subarray(labelsStart, labelsEnd))) as Record<string, string>;
      i = labelsEnd;
      if (bytes[i] !== COMMA || !startsWith(bytes, VALUES, i + 1)) return undefined;
      const column = readSamples(answer, i + 1 + VALUES.length, expected || frames.at(-1)?.values.length || FIRST_CAPACITY);
      if (!column) return undefined;
      i = column.end;
      if (bytes[i] !== CLOSE_BRACE) return undefined;
      frames.push({ labels, timestamps: column.timestamps, values: column.values });
      yield;
      i += 1;
      const next = bytes[i];
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA) return undefined;
      i += 1;
    }
  }
  return { envelope: utf8.decode(bytes.subarray(0, start + RESULT.length)) + utf8.decode(bytes.subarray(i)), frames };
}

/**
 * One answer being read: its bytes; once a value needs Number(), the same bytes one character
 * each; and the columns a series that came out shorter than they are left to the next series.
 */
interface Reading {
  bytes: Uint8Array;
  chars?: string;
  spare?: Columns;
}

interface Columns {
  timestamps: Float64Array;
  values: Float64Array;
}

/** One character per byte (windows-1252), so a byte offset is a character offset. */
const oneCharPerByte = new TextDecoder('latin1');

/**
 * Bytes `from`–`to` as text, one character each: right for the ASCII of a number (other bytes
 * make characters no number has, so they stay refused). The whole answer is decoded once, on
 * the first such value; a slice of it then costs next to nothing, where building each value's
 * string or a decoder call per value took longer than the whole answer's decode.
 */
function charsOf(answer: Reading, from: number, to: number): string {
  answer.chars ??= oneCharPerByte.decode(answer.bytes);
  return answer.chars.slice(from, to);
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function startsWith(bytes: Uint8Array, part: Uint8Array, at: number): boolean {
  for (let k = 0; k < part.length; k++) if (bytes[at + k] !== part[k]) return false;
  return true;
}

/** Where `part` first starts at or after `from`, if before `before`; else -1. */
function indexOf(bytes: Uint8Array, part: Uint8Array, from: number, before: number): number {
  for (let i = bytes.indexOf(part[0]!, from); i >= 0 && i < before; i = bytes.indexOf(part[0]!, i + 1)) {
    if (startsWith(bytes, part, i)) return i;
  }
  return -1;
}

/** Index just after the JSON object starting at `from` (strings and escapes respected), or -1. */
function objectEnd(bytes: Uint8Array, from: number): number {
  if (bytes[from] !== OPEN_BRACE) return -1;
  let depth = 0;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      for (i++; i < bytes.length; i++) {
        const s = bytes[i];
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * `[t,"v"],…]` from `from` (just inside the outer bracket) into columns; `end` is after its `]`.
 * The columns are the spare ones, else new ones for `capacity` samples, doubled if more come.
 * A series that fills them exactly keeps them; a shorter one gets a copy of its samples and
 * leaves them spare, so many short series (pods that came and went) cost their own length
 * each, not the range's. A read past the end gives undefined (hence the `!`s), which every test
 * below refuses, so the reader steps aside.
 */
function readSamples(answer: Reading, from: number, capacity: number): { timestamps: Float64Array; values: Float64Array; end: number } | undefined {
  const bytes = answer.bytes;
  let i = from;
  if (bytes[i] === CLOSE_BRACKET) return { timestamps: new Float64Array(0), values: new Float64Array(0), end: i + 1 };
  let { timestamps, values } = answer.spare ?? { timestamps: new Float64Array(capacity), values: new Float64Array(capacity) };
  answer.spare = undefined;
  capacity = values.length;
  let n = 0;
  for (;;) {
    if (bytes[i] !== OPEN_BRACKET) return undefined;
    i += 1;
    // Time: seconds with up to three decimals, as Prometheus writes it, into whole milliseconds.
    let whole = 0;
    let digits = 0;
    let c = bytes[i]!;
    while (c >= ZERO && c <= NINE) {
      whole = whole * 10 + (c - ZERO);
      digits++;
      c = bytes[++i]!;
    }
    let millis = whole * 1000;
    if (c === DOT) {
      let scale = 100;
      c = bytes[++i]!;
      while (c >= ZERO && c <= NINE) {
        if (scale < 1) return undefined;
        millis += (c - ZERO) * scale;
        scale /= 10;
        c = bytes[++i]!;
      }
    }
    if (digits === 0 || digits > 12 || c !== COMMA || bytes[i + 1] !== QUOTE) return undefined;
    i += 2;
    const valueStart = i;
    let value = readValue(bytes, i);
    i = valueEnd;
    const plain = bytes[i] === QUOTE && bytes[i + 1] === CLOSE_BRACKET;
    if (plain && valueShape === LONG_DECIMAL) {
      // A plain decimal with more digits than one division rounds exactly: Number() reads it.
      value = Number(charsOf(answer, valueStart, i));
    } else if (!plain || valueShape !== SHORT_DECIMAL) {
      // Not a plain decimal (exponent, NaN, ±Inf): read the string whole.
      const close = bytes.indexOf(QUOTE, valueStart);
      if (close < 0 || bytes[close + 1] !== CLOSE_BRACKET) return undefined;
      const parsed = parseSampleValue(charsOf(answer, valueStart, close));
      if (parsed === undefined) return undefined;
      value = parsed;
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
    values[n] = value;
    n++;
    i += 2;
    const next = bytes[i];
    if (next === CLOSE_BRACKET) {
      if (n === capacity) return { timestamps, values, end: i + 1 };
      answer.spare = { timestamps, values };
      return { timestamps: timestamps.slice(0, n), values: values.slice(0, n), end: i + 1 };
    }
    if (next !== COMMA) return undefined;
    i += 1;
  }
}

const SHORT_DECIMAL = 0;
const LONG_DECIMAL = 1;
const NOT_DECIMAL = 2;
/** Where the last readValue stopped, and what it found there (kept here, not in a per-sample object). */
let valueEnd = 0;
let valueShape = SHORT_DECIMAL;

/**
 * A plain decimal (`-12.5`) read exactly as Number() would: with at most 15 significant digits
 * and 22 decimals, mantissa ÷ 10^k is one correctly rounded division (SHORT_DECIMAL). A longer
 * one is a LONG_DECIMAL, anything else NOT_DECIMAL; for those the caller reads the text.
 */
function readValue(bytes: Uint8Array, from: number): number {
  let i = from;
  let negative = false;
  if (bytes[i] === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let decimals = 0;
  let digits = 0;
  let c = bytes[i]!;
  while (c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    if (mantissa !== 0) significant++;
    digits++;
    c = bytes[++i]!;
  }
  if (c === DOT) {
    c = bytes[++i]!;
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      if (mantissa !== 0) significant++;
      decimals++;
      digits++;
      c = bytes[++i]!;
    }
  }
  valueEnd = i;
  if (digits === 0) {
    valueShape = NOT_DECIMAL;
    return Number.NaN;
  }
  if (significant > 15 || decimals > 22) {
    valueShape = LONG_DECIMAL;
    return Number.NaN;
  }
  valueShape = SHORT_DECIMAL;
  const magnitude = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return negative ? -magnitude : magnitude;
}
