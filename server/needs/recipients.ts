/** needs: saveRecipient recipients recipient closeRecipient — TEMPORARY placeholders on the needs-base branch; the owner replaces this file. */
import { pending } from './pending';

export const saveRecipient = pending<'saveRecipient'>();
export const recipients = pending<'recipients'>();
export const recipient = pending<'recipient'>();
export const closeRecipient = pending<'closeRecipient'>();
