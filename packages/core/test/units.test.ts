/**
 * Every Grafana unit id, formatted as Grafana formats it. Expected texts come from Grafana's own
 * value-format tests (valueFormats, symbolFormatters, arithmeticFormatters, dateTimeFormatters in
 * packages/grafana-data/src/valueFormats) where they cover a unit, and otherwise from its rules:
 * three significant digits zero-padded without decimals, SI and IEC prefixes both ways from the
 * unit's own, K/M/B/T glued to the number for counts and money, plural long time units.
 */
import { describe, expect, it } from 'vitest';
import { UNITS, axisTickInterval, formatTickText, formatValue, formatValueText, isKnownUnit } from '@promkit/core';

/** The ids of Grafana's unit picker (categories.ts), category by category. */
const GRAFANA_IDS: Record<string, string[]> = {
  Misc: ['none', 'string', 'short', 'sishort', 'percent', 'percentunit', 'humidity', 'dB', 'candela', 'hex0x', 'hex', 'sci', 'locale', 'pixel'],
  Acceleration: ['accMS2', 'accFS2', 'accG'],
  Angle: ['degree', 'radian', 'grad', 'arcmin', 'arcsec'],
  Area: ['areaM2', 'areaF2', 'areaMI2', 'acres', 'hectares'],
  Computation: ['flops', 'mflops', 'gflops', 'tflops', 'pflops', 'eflops', 'zflops', 'yflops'],
  Concentration: ['ppm', 'conppb', 'conngm3', 'conngNm3', 'conμgm3', 'conμgNm3', 'conmgm3', 'conmgNm3', 'congm3', 'congNm3', 'conmgdL', 'conmmolL'],
  Currency: [
    'currencyUSD', 'currencyGBP', 'currencyEUR', 'currencyJPY', 'currencyRUB', 'currencyUAH', 'currencyBRL', 'currencyDKK', 'currencyISK', 'currencyNOK',
    'currencySEK', 'currencyCZK', 'currencyCHF', 'currencyPLN', 'currencyBTC', 'currencymBTC', 'currencyμBTC', 'currencyZAR', 'currencyINR', 'currencyKRW',
    'currencyIDR', 'currencyPHP', 'currencyVND', 'currencyTRY', 'currencyMYR', 'currencyXPF', 'currencyBGN', 'currencyPYG', 'currencyUYU', 'currencyILS',
  ],
  Data: ['bytes', 'decbytes', 'bits', 'decbits', 'kbytes', 'deckbytes', 'mbytes', 'decmbytes', 'gbytes', 'decgbytes', 'tbytes', 'dectbytes', 'pbytes', 'decpbytes'],
  'Data rate': [
    'pps', 'binBps', 'Bps', 'binbps', 'bps', 'KiBs', 'Kibits', 'KBs', 'Kbits', 'MiBs', 'Mibits', 'MBs', 'Mbits', 'GiBs', 'Gibits', 'GBs', 'Gbits',
    'TiBs', 'Tibits', 'TBs', 'Tbits', 'PiBs', 'Pibits', 'PBs', 'Pbits',
  ],
  'Date & time': ['dateTimeAsIso', 'dateTimeAsIsoNoDateIfToday', 'dateTimeAsUS', 'dateTimeAsUSNoDateIfToday', 'dateTimeAsLocal', 'dateTimeAsLocalNoDateIfToday', 'dateTimeAsSystem', 'dateTimeFromNow'],
  Energy: [
    'watt', 'kwatt', 'megwatt', 'gwatt', 'mwatt', 'Wm2', 'voltamp', 'kvoltamp', 'voltampreact', 'kvoltampreact', 'watth', 'watthperkg', 'kwatth', 'kwattm',
    'mwatth', 'amph', 'kamph', 'mamph', 'joule', 'ev', 'amp', 'kamp', 'mamp', 'volt', 'kvolt', 'mvolt', 'dBm', 'mohm', 'ohm', 'kohm', 'Mohm', 'farad',
    'µfarad', 'nfarad', 'pfarad', 'ffarad', 'henry', 'mhenry', 'µhenry', 'lumens',
  ],
  Flow: ['flowgpm', 'flowcms', 'flowcfs', 'flowcfm', 'litreh', 'flowlpm', 'flowmlpm', 'lux'],
  Force: ['forceNm', 'forcekNm', 'forceN', 'forcekN'],
  'Hash rate': ['Hs', 'KHs', 'MHs', 'GHs', 'THs', 'PHs', 'EHs'],
  Mass: ['massmg', 'massg', 'masslb', 'masskg', 'masst'],
  Length: ['lengthmm', 'lengthin', 'lengthft', 'lengthm', 'lengthkm', 'lengthmi'],
  Pressure: ['pressurembar', 'pressurebar', 'pressurekbar', 'pressurepa', 'pressurehpa', 'pressurekpa', 'pressurehg', 'pressurepsi'],
  Radiation: ['radbq', 'radci', 'radgy', 'radrad', 'radsv', 'radmsv', 'radusv', 'radrem', 'radexpckg', 'radr', 'radsvh', 'radmsvh', 'radusvh'],
  'Rotational speed': ['rotrpm', 'rothz', 'rotkhz', 'rotmhz', 'rotghz', 'rotrads', 'rotdegs'],
  Temperature: ['celsius', 'fahrenheit', 'kelvin'],
  Time: ['hertz', 'ns', 'µs', 'ms', 's', 'm', 'h', 'd', 'dtdurationms', 'dtdurations', 'dthms', 'dtdhms', 'timeticks', 'clockms', 'clocks'],
  Throughput: ['cps', 'ops', 'reqps', 'rps', 'wps', 'iops', 'eps', 'mps', 'recps', 'rowsps', 'cpm', 'opm', 'reqpm', 'rpm', 'wpm', 'epm', 'mpm', 'recpm', 'rowspm'],
  Velocity: ['velocityms', 'velocitykmh', 'velocitymph', 'velocityknot'],
  Volume: ['mlitre', 'litre', 'm3', 'Nm3', 'dm3', 'gallons'],
  Boolean: ['bool', 'bool_yes_no', 'bool_on_off'],
};

describe('the unit list', () => {
  it('has every Grafana unit id, each once, in its Grafana category and order', () => {
    const byCategory: Record<string, string[]> = {};
    for (const u of UNITS) (byCategory[u.category] ??= []).push(u.id);
    expect(byCategory).toEqual(GRAFANA_IDS);
    expect(new Set(UNITS.map((u) => u.id)).size).toBe(UNITS.length);
    expect(UNITS.length).toBe(272);
    for (const u of UNITS) expect(u.label, u.id).not.toBe('');
  });

  it('knows every listed id, the aliases and the custom forms; not other strings', () => {
    for (const u of UNITS) expect(isKnownUnit(u.id), u.id).toBe(true);
    for (const id of ['us', 'μs', 'farenheit', 'suffix:req', 'prefix:~', 'si:mV', 'count:xpm', 'currency:@', 'currency:financial:$', 'time:YYYY', 'bool:up/down']) {
      expect(isKnownUnit(id), id).toBe(true);
    }
    for (const id of ['widgets', 'foo:bar', ':x', 'constructor', '__proto__', 'toString']) expect(isKnownUnit(id), id).toBe(false);
  });
});

type Case = [value: number, unit: string, decimals: number | undefined, text: string];

const NOW = Date.UTC(2024, 4, 1, 20, 0, 0);
const check = (cases: Case[]) =>
  it.each(cases)('%d in %s (decimals %s) is %j', (value, unit, decimals, text) => {
    expect(formatValueText(value, unit, decimals, { now: NOW, locale: 'en-US' })).toBe(text);
  });

describe('Misc', () => {
  check([
    [1532.82, 'none', undefined, '1533'],
    [1.5, 'none', undefined, '1.50'],
    [100.5, 'none', undefined, '101'],
    [100.4, 'none', 2, '100.40'],
    [186.123, 'none', -2, '186'],
    [0.1 + 0.2, 'string', undefined, '0.30000000000000004'],
    // short: K, Mil, Bil… and nothing below one; past Sept the number grows.
    [1_500_000, 'short', undefined, '1.50 Mil'],
    [9_876_543, 'short', 2, '9.88 Mil'],
    [2.5e12, 'short', undefined, '2.50 Tri'],
    [999, 'short', undefined, '999'],
    [0.005, 'short', undefined, '0.00500'],
    [1e30, 'short', undefined, '1000000 Sept'],
    [-1500, 'short', undefined, '-1.50 K'],
    // SI short: k, M, G up and m, µ, n down.
    [1500, 'sishort', undefined, '1.50 k'],
    [0.005, 'sishort', undefined, '5 m'],
    [12, 'sishort', undefined, '12'],
    [42.123, 'percent', 1, '42.1%'],
    [0.4567, 'percentunit', undefined, '45.7%'],
    [45, 'humidity', undefined, '45 %H'],
    [3, 'dB', undefined, '3 dB'],
    [1500, 'candela', undefined, '1.50 kcd'],
    [100, 'hex', 0, '64'],
    [-100, 'hex', 0, '-64'],
    [50.52, 'hex', 1, '32.8'],
    [-50.333, 'hex', 2, '-32.547AE147AE14'],
    [7999, 'hex0x', 0, '0x1F3F'],
    [-584, 'hex0x', 0, '-0x248'],
    [74.443, 'hex0x', 3, '0x4A.716872B020C4'],
    [-65.458, 'hex0x', 1, '-0x41.8'],
    [1234, 'sci', undefined, '1.234e+3'],
    [1234.5678, 'sci', 2, '1.23e+3'],
    [1234567.891, 'locale', undefined, '1,234,567.891'],
    [1234567.891, 'locale', 1, '1,234,567.9'],
    [12, 'pixel', undefined, '12 px'],
  ]);
});

describe('small fixed-suffix families', () => {
  check([
    [9.81, 'accMS2', undefined, '9.81 m/sec²'],
    [32, 'accFS2', undefined, '32 f/sec²'],
    [1.2, 'accG', undefined, '1.20 g'],
    [90, 'degree', undefined, '90 °'],
    [3.14159, 'radian', 2, '3.14 rad'],
    [100, 'grad', undefined, '100 grad'],
    [30, 'arcmin', undefined, '30 arcmin'],
    [15, 'arcsec', undefined, '15 arcsec'],
    [12, 'areaM2', undefined, '12 m²'],
    [12, 'areaF2', undefined, '12 ft²'],
    [12, 'areaMI2', undefined, '12 mi²'],
    [12, 'acres', undefined, '12 ac'],
    [12, 'hectares', undefined, '12 ha'],
    [415, 'ppm', undefined, '415 ppm'],
    [3, 'conppb', undefined, '3 ppb'],
    [3, 'conngm3', undefined, '3 ng/m³'],
    [3, 'conngNm3', undefined, '3 ng/Nm³'],
    [3, 'conμgm3', undefined, '3 μg/m³'],
    [3, 'conμgNm3', undefined, '3 μg/Nm³'],
    [3, 'conmgm3', undefined, '3 mg/m³'],
    [3, 'conmgNm3', undefined, '3 mg/Nm³'],
    [3, 'congm3', undefined, '3 g/m³'],
    [3, 'congNm3', undefined, '3 g/Nm³'],
    [95, 'conmgdL', undefined, '95 mg/dL'],
    [5.4, 'conmmolL', undefined, '5.40 mmol/L'],
  ]);
});

describe('Currency', () => {
  check([
    [1532.82, 'currencyUSD', 2, '$1.53K'],
    [1532.82, 'currencyKRW', 2, '₩1.53K'],
    [0, 'currencyUSD', undefined, '$0'],
    [999, 'currencyGBP', undefined, '£999'],
    [1e6, 'currencyEUR', undefined, '€1M'],
    [1e9, 'currencyJPY', undefined, '¥1B'],
    [1e12, 'currencyRUB', undefined, '₽1T'],
    [1e15, 'currencyUAH', undefined, '₴1000T'],
    [-1e12, 'currencyBRL', undefined, '-R$1T'],
    [-999, 'currencyCHF', undefined, '-CHF999'],
    // Kroner, dong and lira put the symbol after the scale letter.
    [1000, 'currencyDKK', undefined, '1Kkr'],
    [999, 'currencySEK', undefined, '999kr'],
    [-1000, 'currencyNOK', undefined, '-1Kkr'],
    [2500, 'currencyISK', undefined, '2.50Kkr'],
    [25_000, 'currencyVND', undefined, '25Kđ'],
    [12.5, 'currencyTRY', undefined, '12.5₺'],
    [12, 'currencyCZK', undefined, 'czk12'],
    [12, 'currencyPLN', undefined, 'PLN12'],
    [0.5, 'currencyBTC', undefined, '฿0.500'],
    [12, 'currencymBTC', undefined, 'mBTC12'],
    [12, 'currencyμBTC', undefined, 'μBTC12'],
    [12, 'currencyZAR', undefined, 'R12'],
    [12, 'currencyINR', undefined, '₹12'],
    [12, 'currencyIDR', undefined, 'Rp12'],
    [12, 'currencyPHP', undefined, 'PHP12'],
    [12, 'currencyMYR', undefined, 'RM12'],
    [12, 'currencyXPF', undefined, 'XPF12'],
    [12, 'currencyBGN', undefined, 'BGN12'],
    [12, 'currencyPYG', undefined, '₲12'],
    [12, 'currencyUYU', undefined, 'UYU12'],
    [12, 'currencyILS', undefined, '₪12'],
  ]);

  it('puts the symbol in the prefix part, for styling', () => {
    expect(formatValue(-1532.82, 'currencyUSD', 2)).toEqual({ prefix: '-$', text: '1.53', suffix: 'K' });
    expect(formatValue(-999, 'currencyDKK')).toEqual({ prefix: '-', text: '999', suffix: 'kr' });
  });
});

describe('Data and data rate: IEC 1024 and SI 1000, from the unit the value is in', () => {
  check([
    [1536, 'bytes', undefined, '1.50 KiB'],
    [10_000_000, 'kbytes', 3, '9.537 GiB'],
    [10_000_000, 'deckbytes', 3, '10.000 GB'],
    [1500, 'decbytes', undefined, '1.50 kB'],
    [2048, 'bits', undefined, '2 Kib'],
    [1500, 'decbits', undefined, '1.50 kb'],
    [0.5, 'kbytes', undefined, '512 B'],
    [2048, 'mbytes', undefined, '2 GiB'],
    [1500, 'decmbytes', undefined, '1.50 GB'],
    [1, 'gbytes', undefined, '1 GiB'],
    [1500, 'decgbytes', undefined, '1.50 TB'],
    [2048, 'tbytes', undefined, '2 PiB'],
    [1, 'dectbytes', undefined, '1 TB'],
    [1024, 'pbytes', undefined, '1 EiB'],
    [1, 'decpbytes', undefined, '1 PB'],
    [1024 ** 9, 'bytes', undefined, '1024 YiB'],
    [0.5, 'bytes', undefined, '0.500 B'],
    [1200, 'pps', undefined, '1.20 kp/s'],
    [1536, 'binBps', undefined, '1.50 KiB/s'],
    [999, 'Bps', undefined, '999 B/s'],
    [2048, 'binbps', undefined, '2 Kib/s'],
    [12_500_000, 'bps', undefined, '12.5 Mb/s'],
    [1024, 'KiBs', undefined, '1 MiB/s'],
    [1024, 'Kibits', undefined, '1 Mib/s'],
    [1000, 'KBs', undefined, '1 MB/s'],
    [1000, 'Kbits', undefined, '1 Mb/s'],
    [1, 'MiBs', undefined, '1 MiB/s'],
    [1, 'Mibits', undefined, '1 Mib/s'],
    [1, 'MBs', undefined, '1 MB/s'],
    [1, 'Mbits', undefined, '1 Mb/s'],
    [1, 'GiBs', undefined, '1 GiB/s'],
    [1, 'Gibits', undefined, '1 Gib/s'],
    [1, 'GBs', undefined, '1 GB/s'],
    [0.5, 'Gbits', undefined, '500 Mb/s'],
    [1, 'TiBs', undefined, '1 TiB/s'],
    [1, 'Tibits', undefined, '1 Tib/s'],
    [1, 'TBs', undefined, '1 TB/s'],
    [1, 'Tbits', undefined, '1 Tb/s'],
    [1, 'PiBs', undefined, '1 PiB/s'],
    [1, 'Pibits', undefined, '1 Pib/s'],
    [1, 'PBs', undefined, '1 PB/s'],
    [1, 'Pbits', undefined, '1 Pb/s'],
  ]);
});

describe('Computation and hash rate', () => {
  check([
    [1.5e9, 'flops', undefined, '1.50 GFLOPS'],
    [1500, 'mflops', undefined, '1.50 GFLOPS'],
    [1, 'gflops', undefined, '1 GFLOPS'],
    [1, 'tflops', undefined, '1 TFLOPS'],
    [1, 'pflops', undefined, '1 PFLOPS'],
    [1, 'eflops', undefined, '1 EFLOPS'],
    [1, 'zflops', undefined, '1 ZFLOPS'],
    [1000, 'yflops', undefined, '1000 YFLOPS'],
    [1500, 'Hs', undefined, '1.50 kH/s'],
    [1, 'KHs', undefined, '1 kH/s'],
    [1, 'MHs', undefined, '1 MH/s'],
    [1, 'GHs', undefined, '1 GH/s'],
    [1, 'THs', undefined, '1 TH/s'],
    [1, 'PHs', undefined, '1 PH/s'],
    [1, 'EHs', undefined, '1 EH/s'],
  ]);
});

describe('Energy: SI prefixes both ways from the unit given', () => {
  check([
    [0.25, 'watt', undefined, '250 mW'],
    [3500, 'watt', undefined, '3.50 kW'],
    [0, 'watt', undefined, '0 W'],
    [999, 'volt', undefined, '999 V'],
    [1000, 'volt', undefined, '1 kV'],
    [-1000, 'volt', undefined, '-1 kV'],
    [1e15, 'volt', undefined, '1 PV'],
    [1e-18, 'watt', undefined, '0.00100 fW'],
    [1, 'kwatt', undefined, '1 kW'],
    [1000, 'megwatt', 3, '1.000 GW'],
    [1, 'gwatt', undefined, '1 GW'],
    [0.5, 'mwatt', undefined, '500 µW'],
    [1500, 'Wm2', undefined, '1.50 kW/m²'],
    [1, 'voltamp', undefined, '1 VA'],
    [1, 'kvoltamp', undefined, '1 kVA'],
    [1, 'voltampreact', undefined, '1 VAr'],
    [1, 'kvoltampreact', undefined, '1 kVAr'],
    [1500, 'watth', undefined, '1.50 kWh'],
    [1, 'watthperkg', undefined, '1 Wh/kg'],
    [1, 'kwatth', undefined, '1 kWh'],
    [1, 'kwattm', undefined, '1 kW-Min'],
    [1, 'mwatth', undefined, '1 MWh'],
    [1, 'amph', undefined, '1 Ah'],
    [1, 'kamph', undefined, '1 kAh'],
    [1, 'mamph', undefined, '1 mAh'],
    [1, 'joule', undefined, '1 J'],
    [1, 'ev', undefined, '1 eV'],
    [0.5, 'amp', undefined, '500 mA'],
    [1, 'kamp', undefined, '1 kA'],
    [1, 'mamp', undefined, '1 mA'],
    [0.5, 'volt', undefined, '500 mV'],
    [1, 'kvolt', undefined, '1 kV'],
    [1, 'mvolt', undefined, '1 mV'],
    [1, 'dBm', undefined, '1 dBm'],
    [1, 'mohm', undefined, '1 mΩ'],
    [1, 'ohm', undefined, '1 Ω'],
    [1000, 'kohm', 3, '1.000 MΩ'],
    [1000, 'Mohm', 3, '1.000 GΩ'],
    [1000, 'farad', 3, '1.000 kF'],
    [1000, 'µfarad', 3, '1.000 mF'],
    [1000, 'nfarad', 3, '1.000 µF'],
    [1000, 'pfarad', 3, '1.000 nF'],
    [1000, 'ffarad', 3, '1.000 pF'],
    [1000, 'henry', 3, '1.000 kH'],
    [1000, 'mhenry', 3, '1.000 H'],
    [1000, 'µhenry', 3, '1.000 mH'],
    [800, 'lumens', undefined, '800 Lm'],
  ]);
});

describe('Flow, force, mass, length', () => {
  check([
    [5, 'flowgpm', undefined, '5 gpm'],
    [5, 'flowcms', undefined, '5 cms'],
    [5, 'flowcfs', undefined, '5 cfs'],
    [5, 'flowcfm', undefined, '5 cfm'],
    [5, 'litreh', undefined, '5 L/h'],
    [5, 'flowlpm', undefined, '5 L/min'],
    [5, 'flowmlpm', undefined, '5 mL/min'],
    [300, 'lux', undefined, '300 lux'],
    [1500, 'forceNm', undefined, '1.50 kNm'],
    [1, 'forcekNm', undefined, '1 kNm'],
    [1, 'forceN', undefined, '1 N'],
    [1, 'forcekN', undefined, '1 kN'],
    [1500, 'massmg', undefined, '1.50 g'],
    [0.5, 'massg', undefined, '500 mg'],
    [12, 'masslb', undefined, '12 lb'],
    [1000, 'masskg', undefined, '1 Mg'],
    [3, 'masst', undefined, '3 t'],
    [1500, 'lengthmm', undefined, '1.50 m'],
    [12, 'lengthin', undefined, '12 in'],
    [12, 'lengthft', undefined, '12 ft'],
    [0.5, 'lengthm', undefined, '500 mm'],
    [1.5, 'lengthkm', undefined, '1.50 km'],
    [12, 'lengthmi', undefined, '12 mi'],
  ]);
});

describe('Pressure and radiation', () => {
  check([
    [1013, 'pressurembar', undefined, '1.01 bar'],
    [1, 'pressurebar', undefined, '1 bar'],
    [1, 'pressurekbar', undefined, '1 kbar'],
    [101_325, 'pressurepa', undefined, '101 kPa'],
    [1013, 'pressurehpa', undefined, '1013 hPa'],
    [101, 'pressurekpa', undefined, '101 kPa'],
    [29.9, 'pressurehg', undefined, '29.9 "Hg'],
    // Grafana's psi suffixes have no space before them.
    [2500, 'pressurepsi', undefined, '2.50ksi'],
    [14.7, 'pressurepsi', undefined, '14.7psi'],
    [1500, 'radbq', undefined, '1.50 kBq'],
    [1, 'radci', undefined, '1 Ci'],
    [1, 'radgy', undefined, '1 Gy'],
    [1, 'radrad', undefined, '1 rad'],
    [0.002, 'radsv', undefined, '2 mSv'],
    [1, 'radmsv', undefined, '1 mSv'],
    [1, 'radusv', undefined, '1 µSv'],
    [1, 'radrem', undefined, '1 rem'],
    [1, 'radexpckg', undefined, '1 C/kg'],
    [1, 'radr', undefined, '1 R'],
    [1, 'radsvh', undefined, '1 Sv/h'],
    [1, 'radmsvh', undefined, '1 mSv/h'],
    [1, 'radusvh', undefined, '1 µSv/h'],
  ]);
});

describe('Rotational speed, temperature, velocity, volume', () => {
  check([
    [3000, 'rotrpm', undefined, '3000 rpm'],
    [1500, 'rothz', undefined, '1.50 kHz'],
    [1, 'rotkhz', undefined, '1 kHz'],
    [1, 'rotmhz', undefined, '1 MHz'],
    [1, 'rotghz', undefined, '1 GHz'],
    [6.28, 'rotrads', undefined, '6.28 rad/s'],
    [90, 'rotdegs', undefined, '90 °/s'],
    [21.5, 'celsius', 1, '21.5 °C'],
    [70, 'fahrenheit', undefined, '70 °F'],
    [70, 'farenheit', undefined, '70 °F'],
    [300, 'kelvin', undefined, '300 K'],
    [12, 'velocityms', undefined, '12 m/s'],
    [12, 'velocitykmh', undefined, '12 km/h'],
    [12, 'velocitymph', undefined, '12 mph'],
    [12, 'velocityknot', undefined, '12 kn'],
    [1500, 'mlitre', undefined, '1.50 L'],
    [0.5, 'litre', undefined, '500 mL'],
    [3, 'm3', undefined, '3 m³'],
    [3, 'Nm3', undefined, '3 Nm³'],
    [3, 'dm3', undefined, '3 dm³'],
    [3, 'gallons', undefined, '3 gal'],
  ]);
});

describe('Time: each unit on its own ladder, long units plural above one', () => {
  check([
    [2_400_000_000, 'hertz', undefined, '2.40 GHz'],
    [10, 'ns', undefined, '10 ns'],
    [3000, 'ns', undefined, '3 µs'],
    [4_000_000, 'ns', undefined, '4 ms'],
    [5_000_000_000, 'ns', undefined, '5 s'],
    [480_000_000_000, 'ns', undefined, '8 mins'],
    [32_400_000_000_000, 'ns', undefined, '9 hours'],
    [864_000_000_000_000, 'ns', undefined, '10 days'],
    [250, 'µs', undefined, '250 µs'],
    [250, 'us', undefined, '250 µs'],
    [1500, 'µs', undefined, '1.50 ms'],
    [1e9, 'µs', undefined, '1000 s'],
    [0.0024, 'ms', 4, '0.0024 ms'],
    [0.5, 'ms', undefined, '0.500 ms'],
    [100, 'ms', 0, '100 ms'],
    [1250, 'ms', 2, '1.25 s'],
    [1200, 'ms', 0, '1 s'],
    [10_000_086.123, 'ms', 1, '2.8 hours'],
    [3_600_000, 'ms', undefined, '1 hour'],
    [3 * 86_400_000, 'ms', undefined, '3 days'],
    [2 * 31_536_000_000, 'ms', undefined, '2 years'],
    [0, 's', undefined, '0 s'],
    [5e-7, 's', undefined, '500 ns'],
    [0.0005, 's', undefined, '500 µs'],
    [0.25, 's', undefined, '250 ms'],
    [59, 's', undefined, '59 s'],
    [90, 's', undefined, '1.50 mins'],
    [60, 's', undefined, '1 min'],
    [7200, 's', 0, '2 hours'],
    [3 * 86_400, 's', undefined, '3 days'],
    [2 * 604_800, 's', undefined, '2 weeks'],
    // Past 365 days Grafana divides by the mean year.
    [31_536_000, 's', undefined, '0.999 year'],
    [-90, 's', undefined, '-1.50 mins'],
    [59, 'm', undefined, '59 min'],
    [90, 'm', undefined, '1.50 hours'],
    [2880, 'm', undefined, '2 days'],
    [20_160, 'm', undefined, '2 weeks'],
    [1_051_896, 'm', undefined, '2 years'],
    [12, 'h', undefined, '12 hour'],
    [36, 'h', undefined, '1.50 days'],
    [336, 'h', undefined, '2 weeks'],
    [17_520, 'h', undefined, '2 years'],
    [3, 'd', undefined, '3 day'],
    [14, 'd', undefined, '2 weeks'],
    [730, 'd', undefined, '2 years'],
    [0, 'dtdurationms', 0, '0 milliseconds'],
    [1, 'dtdurationms', 0, '1 millisecond'],
    [-1, 'dtdurationms', 0, '1 millisecond ago'],
    [38_898_367_008, 'dtdurationms', 0, '1 year'],
    [38_898_367_008, 'dtdurationms', 1, '1 year, 2 months'],
    [38_898_367_008, 'dtdurationms', 20, '1 year, 2 months, 3 weeks, 4 days, 5 hours, 6 minutes, 7 seconds, 8 milliseconds'],
    [36_993_906_007, 'dtdurationms', 8, '1 year, 2 months, 0 weeks, 3 days, 4 hours, 5 minutes, 6 seconds, 7 milliseconds'],
    [1, 'dtdurations', 0, '1 second'],
    [93_784, 'dtdurations', undefined, '1 day'],
    [93_784, 'dtdurations', 1, '1 day, 2 hours'],
    [200, 'dtdurations', undefined, '3 minutes'],
    [-200, 'dtdurations', 1, '3 minutes, 20 seconds ago'],
    [0, 'dtdurations', undefined, '0 seconds'],
    [1, 'dthms', undefined, '00:00:01'],
    [-1, 'dthms', undefined, '00:00:01 ago'],
    [0, 'dthms', undefined, '00:00:00'],
    [90_061, 'dthms', undefined, '25:01:01'],
    [86_399, 'dtdhms', undefined, '23:59:59'],
    [86_400, 'dtdhms', undefined, '1 d 00:00:00'],
    [360_000, 'dtdhms', undefined, '4 d 04:00:00'],
    [1_179_811, 'dtdhms', undefined, '13 d 15:43:31'],
    [-1_179_811, 'dtdhms', undefined, '13 d 15:43:31 ago'],
    [116_876_364, 'dtdhms', undefined, '1352 d 17:39:24'],
    [12_345, 'timeticks', undefined, '2.06 mins'],
    [50, 'timeticks', undefined, '500 ms'],
    [999, 'clockms', 0, '999ms'],
    [59_999, 'clockms', undefined, '59s:999ms'],
    [59_999, 'clockms', 0, '59s'],
    [3_599_999, 'clockms', undefined, '59m:59s:999ms'],
    [3_599_999, 'clockms', 0, '59m'],
    [3_599_999, 'clockms', 1, '59m:59s'],
    [7_199_999, 'clockms', undefined, '01h:59m:59s:999ms'],
    [7_199_999, 'clockms', 0, '01h'],
    [7_199_999, 'clockms', 1, '01h:59m'],
    [7_199_999, 'clockms', 2, '01h:59m:59s'],
    [89_999_999, 'clockms', undefined, '24h:59m:59s:999ms'],
    [360_000_000, 'clockms', 0, '100h'],
    [7199.999, 'clocks', undefined, '01h:59m:59s:999ms'],
    [59, 'clocks', 0, '59s'],
  ]);
});

describe('Throughput: K, M, B, T glued to the number, then the rate', () => {
  check([
    [1234, 'reqps', undefined, '1.23K req/s'],
    [12, 'ops', undefined, '12 ops/s'],
    [1_234_567, 'cps', 2, '1.23M c/s'],
    [2.5e9, 'rps', undefined, '2.50B rd/s'],
    [3e12, 'wps', undefined, '3T wr/s'],
    [3e15, 'iops', undefined, '3000T io/s'],
    [0.5, 'eps', undefined, '0.500 evt/s'],
    [1500, 'mps', undefined, '1.50K msg/s'],
    [1, 'recps', undefined, '1 rec/s'],
    [1, 'rowsps', undefined, '1 rows/s'],
    [1, 'cpm', undefined, '1 c/m'],
    [1500, 'opm', undefined, '1.50K ops/m'],
    [1, 'reqpm', undefined, '1 req/m'],
    [1, 'rpm', undefined, '1 rd/m'],
    [1, 'wpm', undefined, '1 wr/m'],
    [1, 'epm', undefined, '1 evts/m'],
    [1, 'mpm', undefined, '1 msgs/m'],
    [1, 'recpm', undefined, '1 rec/m'],
    [1, 'rowspm', undefined, '1 rows/m'],
  ]);
});

describe('Boolean', () => {
  check([
    [1, 'bool', undefined, 'True'],
    [0, 'bool', undefined, 'False'],
    [-3, 'bool_yes_no', undefined, 'Yes'],
    [0, 'bool_yes_no', undefined, 'No'],
    [0.5, 'bool_on_off', undefined, 'On'],
    [0, 'bool_on_off', undefined, 'Off'],
  ]);
});

describe('Date & time: epoch milliseconds in the given timezone, UTC by default', () => {
  const july2 = Date.UTC(2010, 6, 2);
  const may1 = Date.UTC(2024, 4, 1, 13, 45, 7);
  check([
    [july2, 'dateTimeAsIso', undefined, '2010-07-02 00:00:00'],
    [july2, 'dateTimeAsUS', undefined, '07/02/2010 12:00:00 am'],
    [july2, 'dateTimeAsSystem', undefined, '2010-07-02 00:00:00'],
    [july2, 'dateTimeAsIsoNoDateIfToday', undefined, '2010-07-02 00:00:00'],
    [may1, 'dateTimeAsIsoNoDateIfToday', undefined, '13:45:07'],
    [july2, 'dateTimeAsUSNoDateIfToday', undefined, '07/02/2010 12:00:00 am'],
    [may1, 'dateTimeAsUSNoDateIfToday', undefined, '1:45:07 pm'],
    [may1, 'dateTimeAsLocal', undefined, '05/01/2024, 01:45:07 PM'],
    [may1, 'dateTimeAsLocalNoDateIfToday', undefined, '01:45:07 PM'],
    [july2, 'dateTimeAsLocalNoDateIfToday', undefined, '07/02/2010, 12:00:00 AM'],
    [NOW - 7 * 86_400_000, 'dateTimeFromNow', undefined, '7 days ago'],
    [NOW - 2 * 60_000, 'dateTimeFromNow', undefined, '2 minutes ago'],
    [NOW - 10_000, 'dateTimeFromNow', undefined, 'a few seconds ago'],
    [NOW, 'dateTimeFromNow', undefined, 'a few seconds ago'],
    [NOW + 90 * 60_000, 'dateTimeFromNow', undefined, 'in 2 hours'],
    [NOW - 86_400_000, 'dateTimeFromNow', undefined, 'a day ago'],
    [NOW - 45 * 86_400_000, 'dateTimeFromNow', undefined, 'a month ago'],
    [NOW - 3 * 365 * 86_400_000, 'dateTimeFromNow', undefined, '3 years ago'],
    [1e300, 'dateTimeAsIso', undefined, 'Invalid date'],
  ]);

  it('shows dates in the caller timezone (an IANA name, utc, or browser), and decides "today" there', () => {
    const at = (unit: string, timeZone?: string) => formatValueText(Date.UTC(2024, 4, 1, 23, 30), unit, undefined, { timeZone, now: Date.UTC(2024, 4, 1, 12) });
    expect(at('dateTimeAsIso', 'Europe/Berlin')).toBe('2024-05-02 01:30:00');
    expect(at('dateTimeAsIso', 'utc')).toBe('2024-05-01 23:30:00');
    expect(at('dateTimeAsIso')).toBe('2024-05-01 23:30:00');
    // 23:30 UTC is still 1 May in UTC, as now is; in Berlin it is already the 2nd.
    expect(at('dateTimeAsIsoNoDateIfToday')).toBe('23:30:00');
    expect(at('dateTimeAsIsoNoDateIfToday', 'Europe/Berlin')).toBe('2024-05-02 01:30:00');
    expect(at('dateTimeAsIso', 'browser')).toBe(formatValueText(Date.UTC(2024, 4, 1, 23, 30), 'dateTimeAsIso', undefined, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
  });
});

describe("Grafana's custom units", () => {
  const june = Date.UTC(1999, 6, 2);
  check([
    [1532.82, 'a', 0, '1533 a'],
    [1532.82, 'prefix:b', undefined, 'b1533'],
    [1532.82, 'suffix:d', undefined, '1533 d'],
    [1234, 'si:µF', 2, '1.23 mF'],
    [1_234_000_000, 'si:µF', 2, '1.23 kF'],
    [1_234_000_000_000_000, 'si:µF', 2, '1.23 GF'],
    [1234, 'si:μF', 2, '1.23 mF'],
    [0.25, 'si:V', undefined, '250 mV'],
    [1_234_567, 'count:xpm', 2, '1.23M xpm'],
    [1234, 'count:x/min', 2, '1.23K x/min'],
    [1_234_567, 'currency:@', 2, '@1.23M'],
    [1234, 'currency:@', 2, '@1.23K'],
    [1532.82, 'currency:financial:$', undefined, '$1,532.8'],
    [1532.82, 'currency:financial:€:suffix', 2, '1,532.82€'],
    [1532.82, 'currency:financial:', undefined, '1533'],
    [june, 'time:YYYY', undefined, '1999'],
    [Date.UTC(2010, 6, 2), 'time:YYYY.MM', undefined, '2010.07'],
    [Date.UTC(2010, 6, 2, 15, 4, 5), 'time:[at] HH:mm', undefined, 'at 15:04'],
    [1, 'bool:Up/Down', undefined, 'Up'],
    [0, 'bool:Up/Down', undefined, 'Down'],
    [0, 'bool:Up', undefined, '-'],
    [5, 'foo:bar', undefined, '5 foo:bar'],
    [5, '', undefined, '5'],
  ]);

  it('a prefix goes to the prefix part, a suffix to the suffix part', () => {
    expect(formatValue(12, 'prefix:~')).toEqual({ prefix: '~', text: '12', suffix: '' });
    expect(formatValue(12, 'suffix:req')).toEqual({ prefix: '', text: '12', suffix: ' req' });
  });
});

describe('edge values stay short and readable in every unit', () => {
  it('huge and tiny numbers in the digit-by-digit units use exponents, not hundreds of digits', () => {
    expect(formatValueText(1.7976931348623157e308, 'hex')).toBe('1.80e+308');
    expect(formatValueText(-1e300, 'locale')).toBe('-1e+300');
    expect(formatValueText(1e300, 'currency:financial:$')).toBe('$1e+300');
    expect(formatValueText(1.5e-7, 'none')).toBe('1.50e-7');
    expect(formatValueText(1.7976931348623157e308, 'none', 2)).toBe('1.7976931348623157e+308');
    expect(formatValueText(-5e-324, 'hex')).toBe('-4.94e-324');
  });

  it('durations too long for milliseconds in float64 are years (clocks: hours)', () => {
    expect(formatValueText(1.7e308, 'dtdurations')).toBe(`${Math.floor(1.7e308 / 31_536_000)} years`);
    expect(formatValueText(3.6e307, 'clocks')).toBe(`${Math.floor(3.6e307 / 3600)}h`);
  });

  it('every unit writes NaN and infinities as Prometheus does', () => {
    for (const { id } of UNITS) {
      expect(formatValueText(Number.NaN, id)).toBe('NaN');
      expect(formatValueText(Number.POSITIVE_INFINITY, id)).toBe('+Inf');
      expect(formatValueText(Number.NEGATIVE_INFINITY, id)).toBe('-Inf');
    }
  });
});

describe('axisTickInterval', () => {
  const KiB = 1024;
  const MiB = 1024 ** 2;
  const GiB = 1024 ** 3;
  it.each([
    ['bytes', 0, 3 * GiB, 512 * MiB],
    ['bytes', 0, 5 * GiB, GiB],
    ['bytes', 0, 1.2 * GiB, 256 * MiB],
    ['bytes', 0, 1500, 256],
    ['bits', 0, 10 * MiB, 2 * MiB],
    ['binBps', 0, 8 * MiB, 2 * MiB],
    ['kbytes', 0, 2, 0.5],
    ['mbytes', 0, 5000, 1024],
    ['gbytes', 0, 0.01, 2 / KiB],
    ['GiBs', 10, 20, 2],
  ])('%s from %d to %d: %d (powers of 1024 times powers of 2)', (unit, min, max, step) => {
    expect(axisTickInterval(unit, min, max)).toBe(step);
  });

  it.each([
    ['s', 0, 10, 2],
    ['s', 0, 75, 15],
    ['s', 0, 150, 30],
    ['s', 0, 3600, 600],
    ['s', 0, 3 * 3600, 1800],
    ['s', 0, 86_400, 6 * 3600],
    ['s', 0, 2 * 86_400, 12 * 3600],
    ['s', 0, 7 * 86_400, 86_400],
    ['s', 0, 90 * 86_400, 14 * 86_400],
    ['s', 0, 5 * 365 * 86_400, 3.15569e7],
    ['ms', 0, 60_000, 10_000],
    ['ms', 0, 400 * 86_400_000, 90 * 86_400_000],
    ['m', 0, 600, 120],
    ['m', 0, 60, 10],
    ['h', 0, 100, 24],
    ['h', 0, 12, 2],
    ['h', 0, 15, 3],
    ['d', 0, 30, 7],
    ['d', 0, 3000, 730],
    ['ns', 0, 1e12, 3e11],
    ['ns', 0, 1e15, 2 * 86_400e9],
    ['dtdurations', 0, 86_400, 6 * 3600],
    ['dthms', 0, 100_000, 6 * 3600],
    ['clockms', 0, 300_000, 60_000],
    ['timeticks', 0, 30_000, 6000],
  ])('%s from %d to %d: %d (clock steps)', (unit, min, max, step) => {
    expect(axisTickInterval(unit, min, max)).toBe(step);
  });

  it('follows the wanted tick count', () => {
    expect(axisTickInterval('bytes', 0, 4 * GiB, 4)).toBe(GiB);
    expect(axisTickInterval('bytes', 0, 4 * GiB, 8)).toBe(512 * MiB);
    expect(axisTickInterval('s', 0, 3600, 4)).toBe(900);
    expect(axisTickInterval('s', 0, 3600, 12)).toBe(300);
  });

  it("leaves other units, spans below the unit's base and empty or broken ranges to the chart", () => {
    for (const [unit, min, max] of [
      ['short', 0, 100],
      ['decbytes', 0, 1e9],
      ['bps', 0, 1e9],
      ['percent', 0, 100],
      ['µs', 0, 1e6],
      ['widgets', 0, 10],
      ['bytes', 0, 3],
      ['s', 0, 2],
      ['ms', 0, 900],
      ['h', 0, 2],
      ['bytes', 5, 5],
      ['bytes', 10, 0],
      ['s', 0, Number.NaN],
      ['s', 0, Number.POSITIVE_INFINITY],
      ['constructor', 0, 10],
    ] as const) {
      expect(axisTickInterval(unit, min, max), `${unit} ${min}–${max}`).toBeUndefined();
    }
  });

  it('ticks at the interval read as round labels in the unit', () => {
    const labels = (unit: string, max: number) => {
      const step = axisTickInterval(unit, 0, max)!;
      return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => formatValueText(i * step, unit));
    };
    expect(labels('bytes', 3 * GiB)).toEqual(['0 B', '512 MiB', '1 GiB', '1.50 GiB', '2 GiB', '2.50 GiB', '3 GiB']);
    expect(labels('s', 3600)).toEqual(['0 s', '10 mins', '20 mins', '30 mins', '40 mins', '50 mins', '1 hour']);
  });
});

describe('axis tick text', () => {
  it('drops the zeros automatic decimals pad with, as Grafana axes read', () => {
    expect([0.8, 1.5, 2, 0.0025, 0.02].map((v) => formatTickText(v))).toEqual(['0.8', '1.5', '2', '0.0025', '0.02']);
    expect(formatTickText(2500, 'short')).toBe('2.5 K');
    expect(formatTickText(1536, 'bytes')).toBe('1.5 KiB');
    expect(formatTickText(0.8, 'ms')).toBe('0.8 ms');
    expect(formatTickText(80, 'percent')).toBe('80%');
    expect(formatTickText(-0.5)).toBe('-0.5');
  });

  it('keeps fixed decimals, whole numbers and text that is no plain number', () => {
    expect(formatTickText(0.8, 'none', 2)).toBe('0.80');
    expect(formatTickText(100)).toBe('100');
    expect(formatTickText(1, 'bool_on_off')).toBe('On');
    expect(formatTickText(0, 'dateTimeAsIso')).toBe(formatValueText(0, 'dateTimeAsIso'));
  });
});
