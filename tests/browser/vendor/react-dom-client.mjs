// react-dom/client as an ES module for browser tests, sharing the React copy above.
import ReactDOMClient from 'react-dom/client';

export default ReactDOMClient;
export const { createRoot, hydrateRoot } = ReactDOMClient;
