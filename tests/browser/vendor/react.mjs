// React as an ES module for browser tests (React ships CommonJS only); bundled by esbuild at test start.
import React from 'react';

export default React;
export const {
  Children, Component, Fragment, Profiler, PureComponent, StrictMode, Suspense, act, cloneElement, createContext,
  createElement, createRef, forwardRef, isValidElement, lazy, memo, startTransition, use, useActionState, useCallback,
  useContext, useDebugValue, useDeferredValue, useEffect, useId, useImperativeHandle, useInsertionEffect,
  useLayoutEffect, useMemo, useOptimistic, useReducer, useRef, useState, useSyncExternalStore, useTransition, version,
} = React;
