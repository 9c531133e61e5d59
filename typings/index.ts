/** The contract shared by the mini program and the cloud functions. */
export * from './api/index';
export * from './data';
export * from './display';
export type * from './entities';
export * from './errors';
