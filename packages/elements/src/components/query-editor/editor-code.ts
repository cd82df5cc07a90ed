/**
 * What the query editor needs of CodeMirror 6, codemirror-promql and the PromQL grammar (about
 * 110 KB gzip): one module, loaded when a query editor first shows, so edit mode opens without it.
 */
export { EditorView } from '@codemirror/view';
export { Compartment } from '@codemirror/state';
export { startCompletion } from '@codemirror/autocomplete';
export { promqlLanguage, promqlLint, queryEditorState } from './codemirror-setup.js';
export { completionClient } from './completion-client.js';
export { formatTemplate } from './format.js';
