/** Cloud function `volunteers`: parse → authorize → route. Rules and data access live in server/. */
import { defineFunction } from '../../server/handler';
// Message push lands here: the service photos' media hook must be registered in this function.
import '../../server/posts/photo-media';
import { card, verifyCard } from '../../server/volunteers/card';
import { me } from '../../server/volunteers/me';
import { deleteMine, exportMine } from '../../server/volunteers/privacy';
import { addQualification } from '../../server/volunteers/qualifications/add';
import { expireQualifications } from '../../server/volunteers/qualifications/expiry';
import { qualificationQueue, qualifications } from '../../server/volunteers/qualifications/read';
import { reviewQualification } from '../../server/volunteers/qualifications/review';
import { register } from '../../server/volunteers/register';
import { resolveScene } from '../../server/volunteers/scene';
import { update } from '../../server/volunteers/update';

export const main = defineFunction('volunteers', {
  actions: {
    register,
    me,
    update,
    card,
    verifyCard,
    resolveScene,
    exportMine,
    deleteMine,
    addQualification,
    reviewQualification,
    qualifications,
    qualificationQueue,
  },
  // The daily timer: qualifications past their expiry become `expired`.
  timer: (ctx) => expireQualifications(ctx),
});
