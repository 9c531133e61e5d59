/** needs: mine nearby offerHelp — TEMPORARY placeholders on the needs-base branch; the owner replaces this file. */
import { pending } from './pending';

export const mine = pending<'mine'>();
export const nearby = pending<'nearby'>();
export const offerHelp = pending<'offerHelp'>();
