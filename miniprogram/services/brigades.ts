import { service } from './client';

export const brigades = service('brigades', {
  create: true,
  update: true,
  list: true,
  get: true,
  invite: true,
  join: true,
  apply: true,
  members: true,
  review: true,
  setLeader: true,
  setCoordinator: true,
  coordinators: true,
  leave: true,
  groups: true,
  saveGroup: true,
  poster: true,
});
