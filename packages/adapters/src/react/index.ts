/**
 * React components for every promkit element (through @lit/react): attributes and properties
 * become props, and each DOM event an `onProm…` prop with its typed event. Install
 * `@promkit/elements`, `@lit/react` and `react` beside `@promkit/adapters`: they are optional peers,
 * so that a server using only `@promkit/adapters/proxy` installs none of them.
 *
 *   <PromPanel url="…" query="up" type="stat" onPromData={(e) => console.log(e.detail.targets)} />
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  PromDashboard as PromDashboardElement,
  PromDashboardShareEvent,
  PromStreamStateEvent,
  PromAnnotationClickEvent,
  PromDataEvent,
  PromErrorEvent,
  PromPanel as PromPanelElement,
  PromPanelViewEvent,
  PromRefreshEvent,
  PromRefreshIntervalChangeEvent,
  PromRefreshPicker as PromRefreshPickerElement,
  PromTimeRange as PromTimeRangeElement,
  PromTimeRangeChangeEvent,
  PromVariable as PromVariableElement,
  PromVariableChangeEvent,
} from '@promkit/elements';
import '@promkit/elements/define.js';

/** Each event as an `onProm…` prop, named from the event class's own `type` (one spelling of each name). */
const onPromData = PromDataEvent.type as EventName<PromDataEvent>;
const onPromError = PromErrorEvent.type as EventName<PromErrorEvent>;
const onPromRefresh = PromRefreshEvent.type as EventName<PromRefreshEvent>;
const onPromTimeRangeChange = PromTimeRangeChangeEvent.type as EventName<PromTimeRangeChangeEvent>;
const onPromVariableChange = PromVariableChangeEvent.type as EventName<PromVariableChangeEvent>;
const onPromRefreshIntervalChange = PromRefreshIntervalChangeEvent.type as EventName<PromRefreshIntervalChangeEvent>;
const onPromPanelView = PromPanelViewEvent.type as EventName<PromPanelViewEvent>;
const onPromDashboardShare = PromDashboardShareEvent.type as EventName<PromDashboardShareEvent>;
const onPromStreamState = PromStreamStateEvent.type as EventName<PromStreamStateEvent>;
const onPromAnnotationClick = PromAnnotationClickEvent.type as EventName<PromAnnotationClickEvent>;

/** `<prom-panel>`: one live chart. */
export const PromPanel = createComponent({
  tagName: 'prom-panel',
  elementClass: PromPanelElement,
  react: React,
  events: { onPromData, onPromError, onPromRefresh, onPromTimeRangeChange, onPromPanelView, onPromAnnotationClick },
});

/** `<prom-dashboard>`: a whole dashboard from JSON. */
export const PromDashboard = createComponent({
  tagName: 'prom-dashboard',
  elementClass: PromDashboardElement,
  react: React,
  events: { onPromData, onPromError, onPromRefresh, onPromTimeRangeChange, onPromVariableChange, onPromRefreshIntervalChange, onPromDashboardShare, onPromStreamState, onPromAnnotationClick },
});

/** `<prom-time-range>`: time range picker. */
export const PromTimeRange = createComponent({
  tagName: 'prom-time-range',
  elementClass: PromTimeRangeElement,
  react: React,
  events: { onPromTimeRangeChange },
});

/** `<prom-refresh-picker>`: refresh now and auto-refresh interval. */
export const PromRefreshPicker = createComponent({
  tagName: 'prom-refresh-picker',
  elementClass: PromRefreshPickerElement,
  react: React,
  events: { onPromRefresh, onPromRefreshIntervalChange },
});

/** `<prom-variable>`: a variable's select. */
export const PromVariable = createComponent({
  tagName: 'prom-variable',
  elementClass: PromVariableElement,
  react: React,
  events: { onPromVariableChange },
});
