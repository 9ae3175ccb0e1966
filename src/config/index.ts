export * from './config.js';
export * from './pipeline.js';
export * from './parse-yaml.js';
