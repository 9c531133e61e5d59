/** Cloud function `needs`: parse → authorize → route. No action is routed yet: the contract's `NeedsApi` is empty until the needs domain is built. */
import { defineFunction } from '../../server/handler';

export const main = defineFunction('needs', { actions: {} });
