/**
 * The call contract: every cloud function, its actions, and each action's request and response.
 * `Api[F][A]['req']` is what `wx.cloud.callFunction({ name: F, data: { action: A, ...req } })` sends;
 * `Api[F][A]['res']` is the `data` of a successful envelope.
 */
import type { BrigadesApi } from './brigades';
import type { NeedsApi } from './needs';
import type { PostsApi } from './posts';
import type { RemindersApi } from './reminders';
import type { ResourcesApi } from './resources';
import type { StarsApi } from './stars';
import type { StatsApi } from './stats';
import type { TimebankApi } from './timebank';
import type { VolunteersApi } from './volunteers';

export interface Api {
  volunteers: VolunteersApi;
  brigades: BrigadesApi;
  posts: PostsApi;
  timebank: TimebankApi;
  stars: StarsApi;
  reminders: RemindersApi;
  stats: StatsApi;
  needs: NeedsApi;
  resources: ResourcesApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: unknown; res: unknown }
  ? Api[F][A]
  : never;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req'];
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res'];

/** The function names, as data (for the build, cloudbaserc.json and the local cloud). */
export const FUNCTION_NAMES: FunctionName[] = [
  'volunteers',
  'brigades',
  'posts',
  'timebank',
  'stars',
  'reminders',
  'stats',
  'needs',
  'resources',
];

export type * from './brigades';
export type * from './needs';
export type * from './posts';
export type * from './reminders';
export type * from './resources';
export type * from './stars';
export type * from './stats';
export type * from './timebank';
export type * from './volunteers';
