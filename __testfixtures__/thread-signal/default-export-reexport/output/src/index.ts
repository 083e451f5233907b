export { default as download } from './download.js';
export * from './download.js';
