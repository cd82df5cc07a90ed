/** Registers every promkit element under its `prom-` tag (safe to import more than once). */
import './components/panel/panel.js';
