/**
 * The CodeMirror 6 pieces of `<prom-query-editor>`: PromQL from codemirror-promql (its own lezer
 * linter off: it flags `[$__rate_interval]`), completion through a CompletionClient, lint by
 * core's `lintPromQL` (after variables are replaced, positions in the typed text), colours from
 * the element's `--_syntax-*` tokens, and the keys: Shift+Enter or Ctrl/⌘+Enter runs, Escape
 * leaves completion, Tab is left to move focus (no keyboard trap).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec, RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap, placeholder as placeholderText, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { lintPromQL, placeholdersIn } from '@promkit/core/edit';
import type { CompletionClient } from './completion-client.js';

/** Colours by token kind; each `--_syntax-*` is the element's private copy of a `--prom-syntax-*` token. */
const promqlHighlight = HighlightStyle.define([
  { tag: tags.comment, color: 'var(--_syntax-comment)', fontStyle: 'italic' },
  { tag: tags.labelName, color: 'var(--_syntax-label)' },
  { tag: tags.string, color: 'var(--_syntax-string)' },
  { tag: tags.number, color: 'var(--_syntax-number)' },
  { tag: tags.variableName, color: 'var(--_syntax-metric)' },
  { tag: tags.function(tags.variableName), color: 'var(--_syntax-function)' },
  { tag: [tags.operatorKeyword, tags.modifier], color: 'var(--_syntax-keyword)', fontWeight: '600' },
  { tag: [tags.operator, tags.logicOperator, tags.arithmeticOperator], color: 'var(--_syntax-operator)' },
  { tag: tags.invalid, color: 'var(--_color-red)' },
]);

/** The placeholders of `doc` as interpolation reads them, marked as variables. */
function variableMarks(doc: string): DecorationSet {
  const marks = new RangeSetBuilder<Decoration>();
  for (const use of placeholdersIn(doc)) marks.add(use.index, use.index + use.placeholder.length, variableMark);
  return marks.finish();
}
const variableMark = Decoration.mark({ class: 'cm-promkit-variable' });

/**
 * `$job`, `${job:csv}` and `[[job]]` in the variable colour: PromQL's grammar reads their `$` or
 * `[[` as an error token, which the highlighter would paint as invalid (lint knows better).
 */
const variableHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = variableMarks(view.state.doc.toString());
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = variableMarks(update.state.doc.toString());
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** The editor's frame, gutter-less, in the element's tokens. */
const editorTheme = EditorView.theme({
  '&': { color: 'var(--_color-text)', backgroundColor: 'var(--_color-background)', fontSize: 'var(--_code-font-size)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'var(--_code-font-family)', padding: '6px 0', caretColor: 'var(--_color-text)' },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--_color-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--qe-selection)' },
  '.cm-placeholder': { color: 'var(--_color-text-muted)' },
  // Over the highlighter's colour of the tokens inside (the invalid `$` among them).
  '.cm-promkit-variable, .cm-promkit-variable span': { color: 'var(--_syntax-variable) !important' },
  '.cm-matchingBracket': { backgroundColor: 'var(--qe-match)', outline: 'none' },
  // Two classes: CodeMirror's base theme sets .cm-tooltip's colours with the same specificity.
  '.cm-tooltip.cm-tooltip-autocomplete, .cm-tooltip.cm-tooltip-lint, .cm-tooltip.cm-tooltip-hover': {
    color: 'var(--_color-text)',
    backgroundColor: 'var(--_color-tooltip)',
    border: '1px solid var(--_color-border)',
    borderRadius: '6px',
    boxShadow: '0 6px 20px rgb(0 0 0 / 0.25)',
    fontFamily: 'var(--_font-family)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--_code-font-family)', maxHeight: '16em' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--_color-focus)', color: 'var(--qe-on-focus)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.7', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-completionInfo': { padding: '6px 8px', maxWidth: '28em', fontFamily: 'var(--_font-family)' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
  '.cm-diagnostic': { fontFamily: 'var(--_font-family)', padding: '4px 8px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--_color-red)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--_color-yellow)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--_color-red)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--_color-yellow)', textUnderlineOffset: '3px' },
});

export interface QueryEditorSetup {
  doc: string;
  /** The accessible name of the text box. */
  label: string;
  placeholder: string;
  /** Names of the dashboard's variables, so `$job` is not flagged unknown. */
  variables: readonly string[];
  /** Completion source; none means keywords and functions only. */
  completion: CompletionClient | undefined;
  onChange: (value: string) => void;
  onRun: () => void;
  onProblems: (problems: readonly Diagnostic[]) => void;
}

/** The parts a host swaps while the editor lives (a new client, new variables). */
export interface QueryEditorCompartments {
  language: Compartment;
  lint: Compartment;
}

/** codemirror-promql with completion from `client` and its own linter off. */
export function promqlLanguage(client: CompletionClient | undefined): Extension {
  const promql = new PromQLExtension().activateLinter(false);
  if (client) promql.setComplete({ remote: client, maxMetricsMetadata: 10_000 });
  return promql.asExtension();
}

/** Core's lint after interpolation, as CodeMirror diagnostics (offsets are already the typed text's). */
export function promqlLint(variables: readonly string[], onProblems: (problems: readonly Diagnostic[]) => void): Extension {
  return linter(
    (view) => {
      const text = view.state.doc.toString();
      const problems: Diagnostic[] =
        text.trim() === ''
          ? []
          : lintPromQL(text, { variables }).map((p) => ({ from: p.from, to: Math.max(p.to, p.from), severity: p.severity, message: p.message }));
      onProblems(problems);
      return problems;
    },
    { delay: 250 },
  );
}

/** A new editor state with every extension. */
export function queryEditorState(setup: QueryEditorSetup, compartments: QueryEditorCompartments): EditorState {
  const run = () => {
    setup.onRun();
    return true;
  };
  return EditorState.create({
    doc: setup.doc,
    extensions: [
      compartments.language.of(promqlLanguage(setup.completion)),
      compartments.lint.of(promqlLint(setup.variables, setup.onProblems)),
      history(),
      closeBrackets(),
      bracketMatching(),
      autocompletion({ icons: false, activateOnTypingDelay: 80 }),
      syntaxHighlighting(promqlHighlight),
      variableHighlight,
      editorTheme,
      placeholderText(setup.placeholder),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': setup.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
      Prec.highest(keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }])),
      keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) setup.onChange(update.state.doc.toString());
      }),
    ],
  });
}
