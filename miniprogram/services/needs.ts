import { service } from './client';

/** No action yet: the contract routes none until the needs domain is built. */
export const needs = service('needs', {});
