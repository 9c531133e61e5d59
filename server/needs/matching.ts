/** needs: match assign respond — TEMPORARY placeholders on the needs-base branch; the owner replaces this file. */
import { pending } from './pending';

export const match = pending<'match'>();
export const assign = pending<'assign'>();
export const respond = pending<'respond'>();
