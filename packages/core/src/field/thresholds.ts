/** Thresholds: which step a value falls in, and so its colour. */
import type { Thresholds } from '../dashboard/schema.js';

/** One step of a thresholds list: from `value` up (the base step's value is null). */
export type ThresholdStep = Thresholds['steps'][number];

/**
 * The step a value falls in: the step with the highest value at or below it, else the base
 * step (the first). In `percentage` mode the value is first placed between `min` and `max`
 * (0–100). Steps need not be sorted; of equal values the later wins. NaN falls in no step.
 */
export function activeStep(value: number, thresholds: Thresholds | undefined, min = 0, max = 100): ThresholdStep | undefined {
  if (!thresholds || Number.isNaN(value)) return undefined;
  const level = thresholds.mode === 'percentage' ? ((value - min) / (max - min || 1)) * 100 : value;
  let active = thresholds.steps[0];
  for (const step of thresholds.steps) {
    if (step.value === null || level < step.value) continue;
    if (active === undefined || active.value === null || step.value >= active.value) active = step;
  }
  return active;
}

/** The colour of the step a value falls in (see activeStep), as written in the dashboard. */
export function thresholdColor(value: number, thresholds: Thresholds | undefined, min = 0, max = 100): string | undefined {
  return activeStep(value, thresholds, min, max)?.color;
}
