export * from './contexts/index.js';
export * from './did/index.js';
export * from './encoding/index.js';
export * from './error/index.js';
export * from './resource/index.js';
