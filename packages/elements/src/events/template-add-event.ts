import type { PanelInput } from '@promkit/core';
import type { VariableInput } from '@promkit/core/edit';

/**
 * Fired by `<prom-template-gallery>` when a template's Add (or "Add all") is pressed:
 * `detail.panels` are the panels with the parameters filled in (one, or the whole family laid
 * out), `detail.variables` the dashboard variables their queries use, `detail.label` what the
 * change is called ("Add 6 panels from Prometheus health"). The dashboard editor adds them with
 * `addTemplatePanels` as one change.
 */
export class PromTemplateAddEvent extends Event {
  static readonly type = 'prom-template-add';
  constructor(readonly detail: { family: string; label: string; panels: PanelInput[]; variables: VariableInput[] }) {
    super(PromTemplateAddEvent.type, { bubbles: true, composed: true });
  }
}
