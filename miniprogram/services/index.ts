/** The typed client, one module per cloud function. */
export { brigades } from './brigades';
export { CallError, call, isNetworkFailure, type CallOptions } from './client';
export { needs } from './needs';
export { posts } from './posts';
export { reminders } from './reminders';
export { resources } from './resources';
export { stars } from './stars';
export { stats } from './stats';
export { timebank } from './timebank';
export { volunteers } from './volunteers';
export { fieldErrors, messageOf } from './errors';
