import { service } from './client';

export const volunteers = service('volunteers', {
  register: true,
  me: true,
  update: true,
  card: true,
  verifyCard: true,
  resolveScene: true,
  exportMine: true,
  deleteMine: true,
  addQualification: true,
  reviewQualification: true,
  qualifications: true,
  qualificationQueue: true,
});
