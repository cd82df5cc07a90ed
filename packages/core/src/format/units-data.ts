/** Unit table: data sizes and rates (IEC and SI), computation, hash rates and throughput counts. */
import { binaryPrefix, countUnit, siPrefix, type UnitEntry } from './unit-format.js';

/** Grafana's Data category: IEC (1024) and SI (1000) bits and bytes, from the base unit to peta. */
export const DATA_UNITS = {
  bytes: { label: 'Bytes (IEC: KiB, MiB, GiB)', category: 'Data', format: binaryPrefix('B') },
  decbytes: { label: 'Bytes (SI: kB, MB, GB)', category: 'Data', format: siPrefix('B') },
  bits: { label: 'Bits (IEC: Kib, Mib, Gib)', category: 'Data', format: binaryPrefix('b') },
  decbits: { label: 'Bits (SI: kb, Mb, Gb)', category: 'Data', format: siPrefix('b') },
  kbytes: { label: 'Kibibytes (KiB)', category: 'Data', format: binaryPrefix('B', 1) },
  deckbytes: { label: 'Kilobytes (kB)', category: 'Data', format: siPrefix('B', 1) },
  mbytes: { label: 'Mebibytes (MiB)', category: 'Data', format: binaryPrefix('B', 2) },
  decmbytes: { label: 'Megabytes (MB)', category: 'Data', format: siPrefix('B', 2) },
  gbytes: { label: 'Gibibytes (GiB)', category: 'Data', format: binaryPrefix('B', 3) },
  decgbytes: { label: 'Gigabytes (GB)', category: 'Data', format: siPrefix('B', 3) },
  tbytes: { label: 'Tebibytes (TiB)', category: 'Data', format: binaryPrefix('B', 4) },
  dectbytes: { label: 'Terabytes (TB)', category: 'Data', format: siPrefix('B', 4) },
  pbytes: { label: 'Pebibytes (PiB)', category: 'Data', format: binaryPrefix('B', 5) },
  decpbytes: { label: 'Petabytes (PB)', category: 'Data', format: siPrefix('B', 5) },
} satisfies Record<string, UnitEntry>;

/** Grafana's Data rate category. */
export const DATA_RATE_UNITS = {
  pps: { label: 'Packets/second (p/s)', category: 'Data rate', format: siPrefix('p/s') },
  binBps: { label: 'Bytes/second (IEC: KiB/s)', category: 'Data rate', format: binaryPrefix('B/s') },
  Bps: { label: 'Bytes/second (SI: kB/s)', category: 'Data rate', format: siPrefix('B/s') },
  binbps: { label: 'Bits/second (IEC: Kib/s)', category: 'Data rate', format: binaryPrefix('b/s') },
  bps: { label: 'Bits/second (SI: kb/s)', category: 'Data rate', format: siPrefix('b/s') },
  KiBs: { label: 'Kibibytes/second (KiB/s)', category: 'Data rate', format: binaryPrefix('B/s', 1) },
  Kibits: { label: 'Kibibits/second (Kib/s)', category: 'Data rate', format: binaryPrefix('b/s', 1) },
  KBs: { label: 'Kilobytes/second (kB/s)', category: 'Data rate', format: siPrefix('B/s', 1) },
  Kbits: { label: 'Kilobits/second (kb/s)', category: 'Data rate', format: siPrefix('b/s', 1) },
  MiBs: { label: 'Mebibytes/second (MiB/s)', category: 'Data rate', format: binaryPrefix('B/s', 2) },
  Mibits: { label: 'Mebibits/second (Mib/s)', category: 'Data rate', format: binaryPrefix('b/s', 2) },
  MBs: { label: 'Megabytes/second (MB/s)', category: 'Data rate', format: siPrefix('B/s', 2) },
  Mbits: { label: 'Megabits/second (Mb/s)', category: 'Data rate', format: siPrefix('b/s', 2) },
  GiBs: { label: 'Gibibytes/second (GiB/s)', category: 'Data rate', format: binaryPrefix('B/s', 3) },
  Gibits: { label: 'Gibibits/second (Gib/s)', category: 'Data rate', format: binaryPrefix('b/s', 3) },
  GBs: { label: 'Gigabytes/second (GB/s)', category: 'Data rate', format: siPrefix('B/s', 3) },
  Gbits: { label: 'Gigabits/second (Gb/s)', category: 'Data rate', format: siPrefix('b/s', 3) },
  TiBs: { label: 'Tebibytes/second (TiB/s)', category: 'Data rate', format: binaryPrefix('B/s', 4) },
  Tibits: { label: 'Tebibits/second (Tib/s)', category: 'Data rate', format: binaryPrefix('b/s', 4) },
  TBs: { label: 'Terabytes/second (TB/s)', category: 'Data rate', format: siPrefix('B/s', 4) },
  Tbits: { label: 'Terabits/second (Tb/s)', category: 'Data rate', format: siPrefix('b/s', 4) },
  PiBs: { label: 'Pebibytes/second (PiB/s)', category: 'Data rate', format: binaryPrefix('B/s', 5) },
  Pibits: { label: 'Pebibits/second (Pib/s)', category: 'Data rate', format: binaryPrefix('b/s', 5) },
  PBs: { label: 'Petabytes/second (PB/s)', category: 'Data rate', format: siPrefix('B/s', 5) },
  Pbits: { label: 'Petabits/second (Pb/s)', category: 'Data rate', format: siPrefix('b/s', 5) },
} satisfies Record<string, UnitEntry>;

/** Grafana's Computation and Hash rate categories. */
export const COMPUTE_UNITS = {
  flops: { label: 'FLOP/s', category: 'Computation', format: siPrefix('FLOPS') },
  mflops: { label: 'MFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 2) },
  gflops: { label: 'GFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 3) },
  tflops: { label: 'TFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 4) },
  pflops: { label: 'PFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 5) },
  eflops: { label: 'EFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 6) },
  zflops: { label: 'ZFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 7) },
  yflops: { label: 'YFLOP/s', category: 'Computation', format: siPrefix('FLOPS', 8) },
  Hs: { label: 'Hashes/second (H/s)', category: 'Hash rate', format: siPrefix('H/s') },
  KHs: { label: 'Kilohashes/second (kH/s)', category: 'Hash rate', format: siPrefix('H/s', 1) },
  MHs: { label: 'Megahashes/second (MH/s)', category: 'Hash rate', format: siPrefix('H/s', 2) },
  GHs: { label: 'Gigahashes/second (GH/s)', category: 'Hash rate', format: siPrefix('H/s', 3) },
  THs: { label: 'Terahashes/second (TH/s)', category: 'Hash rate', format: siPrefix('H/s', 4) },
  PHs: { label: 'Petahashes/second (PH/s)', category: 'Hash rate', format: siPrefix('H/s', 5) },
  EHs: { label: 'Exahashes/second (EH/s)', category: 'Hash rate', format: siPrefix('H/s', 6) },
} satisfies Record<string, UnitEntry>;

/** Grafana's Throughput category: counts per second and per minute with K, M, B, T. */
export const THROUGHPUT_UNITS = {
  cps: { label: 'Counts/second (c/s)', category: 'Throughput', format: countUnit('c/s') },
  ops: { label: 'Operations/second (ops/s)', category: 'Throughput', format: countUnit('ops/s') },
  reqps: { label: 'Requests/second (req/s)', category: 'Throughput', format: countUnit('req/s') },
  rps: { label: 'Reads/second (rd/s)', category: 'Throughput', format: countUnit('rd/s') },
  wps: { label: 'Writes/second (wr/s)', category: 'Throughput', format: countUnit('wr/s') },
  iops: { label: 'I/O operations/second (io/s)', category: 'Throughput', format: countUnit('io/s') },
  eps: { label: 'Events/second (evt/s)', category: 'Throughput', format: countUnit('evt/s') },
  mps: { label: 'Messages/second (msg/s)', category: 'Throughput', format: countUnit('msg/s') },
  recps: { label: 'Records/second (rec/s)', category: 'Throughput', format: countUnit('rec/s') },
  rowsps: { label: 'Rows/second (rows/s)', category: 'Throughput', format: countUnit('rows/s') },
  cpm: { label: 'Counts/minute (c/m)', category: 'Throughput', format: countUnit('c/m') },
  opm: { label: 'Operations/minute (ops/m)', category: 'Throughput', format: countUnit('ops/m') },
  reqpm: { label: 'Requests/minute (req/m)', category: 'Throughput', format: countUnit('req/m') },
  rpm: { label: 'Reads/minute (rd/m)', category: 'Throughput', format: countUnit('rd/m') },
  wpm: { label: 'Writes/minute (wr/m)', category: 'Throughput', format: countUnit('wr/m') },
  epm: { label: 'Events/minute (evts/m)', category: 'Throughput', format: countUnit('evts/m') },
  mpm: { label: 'Messages/minute (msgs/m)', category: 'Throughput', format: countUnit('msgs/m') },
  recpm: { label: 'Records/minute (rec/m)', category: 'Throughput', format: countUnit('rec/m') },
  rowspm: { label: 'Rows/minute (rows/m)', category: 'Throughput', format: countUnit('rows/m') },
} satisfies Record<string, UnitEntry>;
