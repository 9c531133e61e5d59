/** needs: saveSurvey surveys survey dismissSurvey — TEMPORARY placeholders on the needs-base branch; the owner replaces this file. */
import { pending } from './pending';

export const saveSurvey = pending<'saveSurvey'>();
export const surveys = pending<'surveys'>();
export const survey = pending<'survey'>();
export const dismissSurvey = pending<'dismissSurvey'>();
