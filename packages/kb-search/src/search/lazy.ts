// What the element loads on the first focus or key, in one chunk: fuse.js and the engine built on it
// (neither is needed to show the box, the topics or an article).
export { default as Fuse } from 'fuse.js';
export { buildSearchEngine } from './engine.ts';
