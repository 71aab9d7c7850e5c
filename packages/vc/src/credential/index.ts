export * from './build/index.js';
export * from './model/index.js';
export * from './validate-achievement-credential-schema.js';
