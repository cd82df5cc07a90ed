/**
 * Alert list panels, in HTML: each alert rule with its state in words and colour (firing red,
 * pending amber), how long it has been so, how many instances, its summary, and with
 * `showInstances` each instance's labels. In `stat` view, how many rules there are, coloured by
 * the most important state. Every text from the server is set as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration, type AlertInstance, type AlertRuleRow, type Panel } from '@promkit/core';

const STATE_WORDS = { firing: 'Firing', pending: 'Pending' } as const;

export function renderAlertList(spec: Panel, rows: readonly AlertRuleRow[], now: number): TemplateResult {
  if (spec.options.viewMode === 'stat') return renderAlertCount(rows);
  if (rows.length === 0) return html`<div part="chart"><div class="message">No alerts ${stateWords(spec)}.</div></div>`;
  const showInstances = spec.options.showInstances === true;
  return html`<ul class="alerts" part="alerts">
    ${rows.map(
      (row) => html`<li class="alert ${row.state}">
        <div class="alert-head">
          <span class="alert-state">${STATE_WORDS[row.state]}</span>
          <span class="alert-name">${row.name}</span>
          ${row.since !== undefined ? html`<span class="alert-since">for ${elapsed(now - row.since)}</span>` : nothing}
          <span class="alert-count">${row.instances.length === 1 ? '1 instance' : `${row.instances.length} instances`}</span>
        </div>
        ${summaryOf(row.instances[0]!) ? html`<p class="alert-summary">${summaryOf(row.instances[0]!)}</p>` : nothing}
        ${showInstances ? html`<ul class="alert-instances">${row.instances.map((i) => instance(i, now))}</ul>` : nothing}
      </li>`,
    )}
  </ul>`;
}

function instance(i: AlertInstance, now: number): TemplateResult {
  const labels = Object.entries(i.labels).filter(([name]) => name !== 'alertname');
  return html`<li class="alert-instance ${i.state}">
    <span class="alert-state">${STATE_WORDS[i.state]}</span>
    ${labels.map(([name, value]) => html`<span class="alert-label">${name}=${value}</span>`)}
    ${i.activeAt !== undefined ? html`<span class="alert-since">for ${elapsed(now - i.activeAt)}</span>` : nothing}
  </li>`;
}

function renderAlertCount(rows: readonly AlertRuleRow[]): TemplateResult {
  const state = rows.some((r) => r.state === 'firing') ? 'firing' : rows.length > 0 ? 'pending' : 'none';
  const what = rows.length === 1 ? 'alert rule active' : 'alert rules active';
  return html`<div class="alert-stat ${state}" role="status"><span class="alert-stat-value">${rows.length}</span><span class="alert-stat-label">${what}</span></div>`;
}

/** What the empty list says it looked for: "No alerts firing or pending." */
function stateWords(spec: Panel): string {
  const filter = spec.options.stateFilter;
  const states = (['firing', 'pending'] as const).filter((s) => filter?.[s] !== false);
  return states.length === 0 ? 'shown (every state is filtered out)' : states.join(' or ');
}

function summaryOf(i: AlertInstance): string | undefined {
  return i.annotations['summary'] ?? i.annotations['description'];
}

/** How long, to the second under an hour, to the minute under a day, else to the hour: "3m12s", "2h5m", "3d4h". */
export function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const unit = seconds >= 86_400 ? 3_600 : seconds >= 3_600 ? 60 : 1;
  return formatDuration(Math.floor(seconds / unit) * unit);
}
