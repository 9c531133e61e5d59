import { service } from './client';

export const stats = service('stats', { overview: true, brigade: true, export: true, reconcile: true });
