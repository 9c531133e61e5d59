import { service } from './client';

export const reminders = service('reminders', { subscribe: true, templates: true });
