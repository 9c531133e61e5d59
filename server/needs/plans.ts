/** needs: savePlan plans plan reviewPlan addNote — TEMPORARY placeholders on the needs-base branch; the owner replaces this file. */
import { pending } from './pending';

export const savePlan = pending<'savePlan'>();
export const plans = pending<'plans'>();
export const plan = pending<'plan'>();
export const reviewPlan = pending<'reviewPlan'>();
export const addNote = pending<'addNote'>();
