// Jest environment for page tests: jsdom (miniprogram-simulate renders into it) plus the Node built-ins that
// the in-process local cloud needs (esbuild checks `Buffer.from('') instanceof Uint8Array`; the cloud is
// reached with fetch). jsdom's own realm would otherwise shadow them.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'Uint8Array',
  'ArrayBuffer',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'ReadableStream',
  'AbortController',
  'AbortSignal',
  'structuredClone',
  'setImmediate',
  'clearImmediate',
  'MessageChannel',
];

class PageEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const key of NODE_GLOBALS) {
      if (key in globalThis) this.global[key] = globalThis[key];
    }
  }
}

module.exports = PageEnvironment;
