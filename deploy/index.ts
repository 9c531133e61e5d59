/** The deploy module as scripts/deploy*.mjs load it (bundled by esbuild into .build/deploy/index.cjs). */
export { deployFiles } from './generate';
export { runDeploy } from './cli';
