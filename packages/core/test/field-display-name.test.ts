/** Display names: templates expanded per series, and their order with overrides (as in Grafana). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayName, formatLabels, seriesField, type Panel } from '@promkit/core';

const labels = { __name__: 'http_requests_total', job: 'api', instance: 'host:9090' };
const source = { seriesName: 'api 9090', labels, variables: { env: 'prod', dc: { value: ['a', 'b'], text: ['Alpha', 'Beta'] } } };

describe('displayName', () => {
  it('is the series name without a template', () => {
    expect(displayName(undefined, source)).toBe('api 9090');
    expect(displayName('', source)).toBe('api 9090');
  });

  it('expands ${__series.name}, ${__field.name}, ${__field.labels} and ${__field.labels.X}', () => {
    expect(displayName('${__series.name} / ${__field.name}', source)).toBe('api 9090 / Value');
    expect(displayName('${__field.labels.job}@${__field.labels.instance}', source)).toBe('api@host:9090');
    expect(displayName('{${__field.labels}}', source)).toBe('{__name__="http_requests_total", instance="host:9090", job="api"}');
  });

  it('expands dashboard variables as text ($var, ${var}, ${var:format}, [[var]])', () => {
    expect(displayName('$env ${env} [[env]] ${dc} ${dc:csv}', source)).toBe('prod prod prod Alpha + Beta a,b');
  });

  it('leaves what names nothing as written: unknown macros, missing labels, unknown variables', () => {
    expect(displayName('${__field.labels.pod} ${__field.displayName} ${__series.id} $nope ${__nope}', source)).toBe(
      '${__field.labels.pod} ${__field.displayName} ${__series.id} $nope ${__nope}',
    );
  });

  it('expands ${__from} and other builtins as variables when the dashboard has them', () => {
    expect(displayName('from ${__from} at ${__interval}', { ...source, variables: { __from: '1000', __interval: '15s' } })).toBe('from 1000 at 15s');
  });

  it('never expands a label value or a variable value again (one pass)', () => {
    const tricky = { seriesName: '$env', labels: { job: '$env ${__series.name}', x: '<b>' }, variables: { env: '${__field.labels.x}' } };
    expect(displayName('${__field.labels.job}|$env|${__series.name}|${__field.labels.x}', tricky)).toBe('$env ${__series.name}|${__field.labels.x}|$env|<b>');
  });

  it('formatLabels writes every label sorted by name, values quoted and escaped', () => {
    expect(formatLabels({ b: '2', a: 'say "hi"\\' })).toBe('a="say \\"hi\\"\\\\", b="2"');
    expect(formatLabels({})).toBe('');
  });

  it('a template without $ or [[ is itself (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((t) => t !== '' && !t.includes('$') && !t.includes('[[')),
        fc.dictionary(fc.string(), fc.string()),
        (template, labels) => {
          expect(displayName(template, { seriesName: 'x', labels })).toBe(template);
        },
      ),
    );
  });

  it('${__field.labels.X} is the label value, whatever it holds (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]*$/), fc.string(), (name, value) => {
        expect(displayName(`<\${__field.labels.${name}}>`, { seriesName: 'x', labels: { [name]: value } })).toBe(`<${value}>`);
      }),
    );
  });
});

describe('seriesField', () => {
  type FieldConfig = Panel['fieldConfig'];
  const identity = { seriesName: 'api 9090', refId: 'A', labels };

  it('names the series by the defaults displayName, then matches byName overrides on that name (Grafana order)', () => {
    const fieldConfig: FieldConfig = {
      defaults: { displayName: '${__field.labels.job} requests' },
      overrides: [
        // Matches the display name, not the legend name.
        { matcher: { id: 'byName', options: 'api requests' }, properties: [{ id: 'unit', value: 'reqps' }] },
        { matcher: { id: 'byName', options: 'api 9090' }, properties: [{ id: 'unit', value: 'wrong' }] },
      ],
    };
    expect(seriesField({ fieldConfig }, identity)).toEqual({ name: 'api requests', field: { displayName: '${__field.labels.job} requests', unit: 'reqps' } });
  });

  it("an override's displayName names the series last; later overrides still match the earlier name", () => {
    const fieldConfig: FieldConfig = {
      defaults: {},
      overrides: [
        { matcher: { id: 'byFrameRefID', options: 'A' }, properties: [{ id: 'displayName', value: '${__series.name} on ${__field.labels.instance}' }] },
        { matcher: { id: 'byName', options: 'api 9090' }, properties: [{ id: 'decimals', value: 1 }] },
        { matcher: { id: 'byName', options: 'api 9090 on host:9090' }, properties: [{ id: 'decimals', value: 5 }] },
      ],
    };
    const { name, field } = seriesField({ fieldConfig }, identity);
    expect(name).toBe('api 9090 on host:9090');
    expect(field.decimals).toBe(1);
  });

  it('keeps the legend name without any displayName, and ignores a displayName that is not text', () => {
    expect(seriesField({ fieldConfig: { defaults: {}, overrides: [] } }, identity).name).toBe('api 9090');
    const odd: FieldConfig = { defaults: {}, overrides: [{ matcher: { id: 'byFrameRefID', options: 'A' }, properties: [{ id: 'displayName', value: 42 }] }] };
    expect(seriesField({ fieldConfig: odd }, identity).name).toBe('api 9090');
  });

  it('expands variables in the display name', () => {
    const fieldConfig: FieldConfig = { defaults: { displayName: '$env: ${__series.name}' }, overrides: [] };
    expect(seriesField({ fieldConfig }, { ...identity, variables: { env: 'prod' } }).name).toBe('prod: api 9090');
  });
});
