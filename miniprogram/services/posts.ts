import { service } from './client';

export const posts = service('posts', {
  create: true,
  update: true,
  cancel: true,
  list: true,
  get: true,
  signup: true,
  poster: true,
  addPhotos: true,
  withdraw: true,
  mine: true,
  ofBrigade: true,
  roster: true,
  checkinCode: true,
  checkin: true,
  checkout: true,
});
