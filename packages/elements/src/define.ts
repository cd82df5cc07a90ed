/** Registers every promkit element under its `prom-` tag (safe to import more than once). */
import './components/panel/panel.js';
import './components/time-range/time-range.js';
import './components/refresh-picker/refresh-picker.js';
import './components/variable/variable.js';
import './components/dashboard/dashboard.js';
import './components/rules/rules.js';
