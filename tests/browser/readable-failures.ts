/**
 * A failing assertion about a DOM node fails the test instead of hanging the run: web-test-runner
 * sends a failure's actual and expected values from the page to the runner, and an element that a
 * Lit component holds never makes that trip (the run waits until it is killed). Loaded before the
 * tests (web-test-runner.config.mjs), it turns such values into their markup, cut short.
 */
import * as chai from 'chai';

const MARKUP_CHARS = 300;

function sendable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sendable);
  if (value instanceof Element) return value.outerHTML.length > MARKUP_CHARS ? `${value.outerHTML.slice(0, MARKUP_CHARS)}…` : value.outerHTML;
  if (value instanceof Node) return `[${value.nodeName}]`;
  return value;
}

chai.use((c) => {
  const assert = c.Assertion.prototype.assert;
  c.Assertion.prototype.assert = function (this: unknown, ...args: Parameters<typeof assert>) {
    try {
      return assert.apply(this, args);
    } catch (error) {
      if (error instanceof c.AssertionError) {
        const failure = error as { actual?: unknown; expected?: unknown };
        failure.actual = sendable(failure.actual);
        failure.expected = sendable(failure.expected);
      }
      throw error;
    }
  };
});
