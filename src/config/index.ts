export * from './config.js';
export * from './pipeline.js';
