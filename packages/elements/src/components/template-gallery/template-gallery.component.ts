import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { variablesIn, type Dashboard, type PanelInput, type PrometheusClient, type VariableValues } from '@promkit/core';
import type { VariableInput } from '@promkit/core/edit';
import { SAVED_PANELS_FAMILY, TEMPLATE_FAMILIES, resolveParams, savedPanelsFamily, type TemplateFamily } from '@promkit/core/templates';
import { PromElement } from '../../internal/prom-element.js';
import { PANEL_TYPE_LABELS } from '../../internal/panel-type-labels.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { editorFormStyles } from '../../theme/editor-form.js';
import { PromTemplateAddEvent } from '../../events/template-add-event.js';
import type { PanelLibraryClient, SavedPanel } from '../../stores/dashboard-store.js';
import { templateGalleryStyles } from './template-gallery.styles.js';
import '../panel/panel.js';

/** What the gallery shows of the chosen family: drawn again only when the family, its parameters or the dashboard change. */
interface View {
  family: TemplateFamily;
  /** The problem of each parameter whose text is not usable, by name. */
  problems: Readonly<Record<string, string>>;
  /** The panels with the last usable parameters (the cards' previews), and the variables they use. */
  panels: PanelInput[];
  section: PanelInput[];
  variables: VariableInput[];
  /** The variables the dashboard does not have yet, as the previews fill them in. */
  missing: VariableInput[];
  scoped: VariableValues;
}

/**
 * Ready-made panels for common targets (`@promkit/core/templates`: node_exporter hosts, an HTTP
 * service, Prometheus itself) with live previews, for the builder's "From template".
 *
 * @tagname prom-template-gallery
 * @summary Choose a family, fill in its parameters (each checked, its problem beside it; nothing
 * can be added while one is not usable), and see each of its panels drawn by a small live
 * `<prom-panel>`; Add one, or all of them as a dashboard section, with the variables they use.
 * Inside a `<prom-dashboard>` the previews query with its datasources, variables and time range;
 * alone they use `url` or `client` and `range`. With a `library` (a store's saved panels) they
 * are one more family, each with Delete (asked once more).
 * @fires prom-template-add - Add or "Add all" was pressed. `detail.panels` are the panels, `detail.variables` the variables they use, `detail.label` names the change.
 * @csspart base - The gallery.
 * @csspart families - The family choice.
 * @csspart form - The parameters.
 * @csspart card - A panel's card.
 * @csspart add-all - The "Add all" button.
 * @cssprop --prom-font-family - Font of text and controls.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Descriptions and hints.
 * @cssprop --prom-color-background - Background of the cards and inputs.
 * @cssprop --prom-color-surface - Behind the cards; the chosen family.
 * @cssprop --prom-color-border - Borders of cards and inputs.
 * @cssprop --prom-color-focus - Focus ring, the chosen family and the Add buttons.
 * @cssprop --prom-color-red - Problems with a parameter.
 * @cssprop --prom-template-preview-height - Height of a card's preview (default 180px).
 */
export class PromTemplateGallery extends PromElement {
  static override styles = [themeTokens, formControlStyles, editorFormStyles, templateGalleryStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    families: { attribute: false },
    dashboard: { attribute: false },
    url: { type: String },
    client: { attribute: false },
    range: { type: String },
    theme: { type: String, reflect: true },
    family: { type: String },
    library: { attribute: false },
    _values: { state: true },
    _saved: { state: true },
    _confirming: { state: true },
  };

  /** The families offered (default every one of `@promkit/core/templates`). */
  declare families: readonly TemplateFamily[];
  /** The dashboard the panels go into: its variables fill in the previews, and those it lacks are added. */
  declare dashboard: Dashboard | undefined;
  /** Prometheus for the previews outside a dashboard. */
  declare url: string | undefined;
  /** A client for the previews outside a dashboard, instead of `url`. */
  declare client: PrometheusClient | undefined;
  /** The previews' time range outside a dashboard, as `<prom-panel range>` takes it. Default `now-1h`. */
  declare range: string;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** The id of the family shown (default the first). */
  declare family: string | undefined;
  /** A store's library of saved panels (`store.library`), offered as the last family. */
  declare library: PanelLibraryClient | undefined;
  /** @internal The parameters as typed, by family id. */
  declare _values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** @internal The library's panels, or why they could not be listed; undefined while they load. */
  declare _saved: readonly SavedPanel[] | Error | undefined;
  /** @internal The saved panel whose Delete waits for its confirmation. */
  declare _confirming: string | undefined;

  #view: View | undefined;
  /** The last usable parameters of each family: the previews keep them while a field is being fixed. */
  readonly #usable = new Map<string, Record<string, string>>();

  constructor() {
    super();
    this.families = TEMPLATE_FAMILIES;
    this.range = 'now-1h';
    this._values = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('library')) void this.#loadSaved();
    if (this.#view && !['families', 'family', 'dashboard', '_values', '_saved'].some((k) => (changed as Map<PropertyKey, unknown>).has(k))) return;
    const offered = this.#offered();
    const family = offered.find((f) => f.id === this.family) ?? offered[0];
    this.#view = family && this.#viewOf(family);
  }

  /** The families shown: `families`, then the library's saved panels when there is a library. */
  #offered(): readonly TemplateFamily[] {
    if (!this.library) return this.families;
    const saved = this._saved;
    const family =
      saved === undefined
        ? savedPanelsFamily([], 'Loading the saved panels…')
        : saved instanceof Error
          ? savedPanelsFamily([], `The saved panels could not be listed: ${saved.message}`)
          : saved.length === 0
            ? savedPanelsFamily([], 'None yet: in edit mode, a panel’s menu has Save to library.')
            : savedPanelsFamily(saved);
    return [...this.families, family];
  }

  /** Lists the library's panels again. */
  async #loadSaved(): Promise<void> {
    const library = this.library;
    this._saved = undefined;
    if (!library) return;
    try {
      const saved = await library.list();
      if (this.library === library) this._saved = saved;
    } catch (error) {
      if (this.library === library) this._saved = error as Error;
    }
  }

  /** Deletes a saved panel from the library, then lists them again. */
  async #deleteSaved(uid: string): Promise<void> {
    this._confirming = undefined;
    try {
      await this.library?.remove(uid);
    } catch (error) {
      this._saved = error as Error;
      return;
    }
    await this.#loadSaved();
  }

  #viewOf(family: TemplateFamily): View {
    const typed = this._values[family.id] ?? {};
    const problems: Record<string, string> = {};
    for (const [name, value] of Object.entries(typed)) {
      try {
        resolveParams(family, { [name]: value });
      } catch (error) {
        // resolveParams names each parameter: "…: job: must be …."; beside the field, only what follows the name.
        const message = (error as Error).message;
        const at = message.indexOf(`${name}: `);
        problems[name] = at < 0 ? message : message.slice(at + name.length + 2).replace(/\.$/, '');
      }
    }
    if (Object.keys(problems).length === 0) this.#usable.set(family.id, { ...typed });
    const params = this.#usable.get(family.id) ?? {};
    const panels = family.panels.map((t) => t.panel(params));
    const section = family.dashboard(params).panels as PanelInput[];
    const variables = family.variables(params).filter(usedBy(panels));
    const have = new Set(this.dashboard?.variables.map((v) => v.name));
    const missing = variables.filter((v) => !have.has(v.name));
    const scoped = Object.fromEntries(missing.map((v) => [v.name, (v as { allValue?: string }).allValue ?? '.*']));
    return { family, problems, panels, section, variables, missing, scoped };
  }

  override render(): TemplateResult {
    const view = this.#view;
    if (!view) return html`<div part="base" class="empty">No templates.</div>`;
    const { family, problems, panels } = view;
    const blocked = Object.keys(problems).length > 0;
    const values = this._values[family.id] ?? {};
    return html`<div part="base">
      <fieldset part="families" class="families">
        <legend>Template</legend>
        ${this.#offered().map(
          (f) => html`<label class=${f.id === family.id ? 'family chosen' : 'family'}>
            <input type="radio" name="family" .value=${f.id} .checked=${f.id === family.id} @change=${() => (this.family = f.id)} />
            <span><strong>${f.title}</strong><span class="hint">${f.description}</span></span>
          </label>`,
        )}
      </fieldset>
      <div part="form" class="form">
        ${family.parameters.map((p) => {
          const id = `param-${p.name}`;
          const problem = problems[p.name];
          return html`<div class="field">
            <label for=${id}>${p.label}</label>
            <input id=${id} type="text" spellcheck="false" .value=${values[p.name] ?? p.default} placeholder=${p.kind === 'matchers' ? 'env="prod"' : nothing}
              aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${`${id}-hint ${id}-problem`}
              @input=${(e: Event) => this.#type(family, p.name, (e.target as HTMLInputElement).value)} />
            <p id=${`${id}-hint`} class="hint">${p.description}</p>
            <p id=${`${id}-problem`} class="problem">${problem ?? ''}</p>
          </div>`;
        })}
      </div>
      ${family.id === SAVED_PANELS_FAMILY && this._saved instanceof Error
        ? html`<p class="problem" role="alert">${family.description} <button class="retry" @click=${() => void this.#loadSaved()}>Retry</button></p>`
        : nothing}
      <div class="actions" ?hidden=${panels.length === 0}>
        <button part="add-all" class="add-all primary" ?disabled=${blocked} @click=${() => this.#add(view, view.section, `Add ${panels.length} panels from ${family.title}`)}>
          ${panels.length === 1 ? 'Add it as a dashboard section' : `Add all ${panels.length} panels as a dashboard section`}
        </button>
        <span class=${blocked ? 'problem' : 'hint'} role="status">${blocked
          ? `Nothing can be added until ${family.parameters.filter((p) => problems[p.name]).map((p) => p.label).join(', ')} ${Object.keys(problems).length > 1 ? 'are' : 'is'} fixed.`
          : view.missing.length
            ? `Adds the variable${view.missing.length > 1 ? 's' : ''} ${view.missing.map((v) => `$${v.name}`).join(', ')} too.`
            : ''}</span>
      </div>
      <ul class="cards" aria-label=${`${family.title} panels`}>
        ${panels.map((panel, i) => {
          const t = family.panels[i]!;
          return html`<li part="card" class="card">
            <div class="card-head">
              <h3 id=${`card-${i}`}>${t.title}</h3>
              <span class="hint">${PANEL_TYPE_LABELS[t.type]}</span>
              <button class="add" aria-describedby=${`card-${i}`} ?disabled=${blocked} @click=${() => this.#add(view, [panel], `Add ${t.title} from ${family.title}`)}>Add</button>
              ${family.id === SAVED_PANELS_FAMILY ? this.#renderDelete(t.id, t.title) : nothing}
            </div>
            <p class="hint">${t.description}</p>
            <prom-panel class="preview" inert .spec=${panel} .scopedVars=${view.scoped} url=${this.url ?? nothing} .client=${this.client} range=${this.range} theme=${this.theme ?? nothing}></prom-panel>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  /** A saved panel's Delete, asked once more. */
  #renderDelete(uid: string, title: string): TemplateResult {
    return this._confirming === uid
      ? html`<span class="ask" role="group" aria-label=${`Delete ${title}?`}
          ><button class="danger" @click=${() => void this.#deleteSaved(uid)}>Delete</button><button @click=${() => (this._confirming = undefined)}>Keep</button></span
        >`
      : html`<button class="delete" aria-label=${`Delete ${title} from the saved panels`} @click=${() => (this._confirming = uid)}>Delete</button>`;
  }

  #type(family: TemplateFamily, name: string, value: string): void {
    this._values = { ...this._values, [family.id]: { ...this._values[family.id], [name]: value } };
  }

  #add(view: View, panels: PanelInput[], label: string): void {
    if (Object.keys(view.problems).length > 0) return;
    this.dispatchEvent(new PromTemplateAddEvent({ family: view.family.id, label, panels, variables: view.variables.filter(usedBy(panels)) }));
  }
}

/** Whether a variable is used by the panels' queries. */
function usedBy(panels: readonly PanelInput[]): (v: VariableInput) => boolean {
  const used = new Set(panels.flatMap((p) => (p.targets ?? []).flatMap((t) => variablesIn(t.expr))));
  return (v) => used.has(v.name);
}
