import { service } from './client';

export const stars = service('stars', { get: true, recompute: true, award: true, honours: true });
