/** The Server-Sent Events parser, a chunk of its own (loaded by the first SSE stream; see stream-connection.ts). */
export { createParser } from 'eventsource-parser';
