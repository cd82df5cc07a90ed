// Shared by the soak pages (page.html, edit.html); loaded first, before anything else runs.
// Leak probe, installed before anything else runs: counts what is still pending or attached
// (intervals, timeouts, animation frames, observers observing, listeners on window, document
// and media queries). Counts only, so the probe itself keeps nothing alive.
(() => {
  const live = { intervals: 0, timeouts: 0, animationFrames: 0, observers: 0, listeners: 0 };
  const wrapTimer = (set, clear, kind, once) => {
    const ids = new Set();
    const setFn = window[set];
    const clearFn = window[clear];
    window[set] = function (fn, ...rest) {
      const id = setFn.call(window, typeof fn === 'function' && once ? (...args) => { if (ids.delete(id)) live[kind]--; fn(...args); } : fn, ...rest);
      ids.add(id);
      live[kind]++;
      return id;
    };
    window[clear] = function (id) {
      if (ids.delete(id)) live[kind]--;
      return clearFn.call(window, id);
    };
  };
  wrapTimer('setInterval', 'clearInterval', 'intervals', false);
  wrapTimer('setTimeout', 'clearTimeout', 'timeouts', true);
  wrapTimer('requestAnimationFrame', 'cancelAnimationFrame', 'animationFrames', true);

  // An observer counts while it observes at least one target.
  for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) {
    const proto = window[name].prototype;
    const targets = new WeakMap();
    const { observe, unobserve, disconnect } = proto;
    proto.observe = function (target, ...rest) {
      const set = targets.get(this) ?? new Set();
      if (set.size === 0) live.observers++;
      set.add(target);
      targets.set(this, set);
      return observe.call(this, target, ...rest);
    };
    if (unobserve) proto.unobserve = function (target) {
      const set = targets.get(this);
      if (set?.delete(target) && set.size === 0) live.observers--;
      return unobserve.call(this, target);
    };
    proto.disconnect = function () {
      const set = targets.get(this);
      if (set?.size) live.observers--;
      set?.clear();
      return disconnect.call(this);
    };
  }

  // Listeners on long-lived targets: an element's own listeners go with it, these do not.
  const watched = (target) => target === window || target === document || target instanceof MediaQueryList;
  const added = new WeakMap();
  const key = (type, options) => `${type}:${typeof options === 'boolean' ? options : !!options?.capture}`;
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched(this) && listener && !(typeof options === 'object' && (options.once || options.signal))) {
      const byKey = added.get(this) ?? new Map();
      added.set(this, byKey);
      const set = byKey.get(key(type, options)) ?? new Set();
      byKey.set(key(type, options), set);
      if (!set.has(listener)) live.listeners++;
      set.add(listener);
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (added.get(this)?.get(key(type, options))?.delete(listener)) live.listeners--;
    return removeEventListener.call(this, type, listener, options);
  };
  window.leakProbe = () => ({ ...live });
})();
