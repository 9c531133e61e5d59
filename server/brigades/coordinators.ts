/** brigades.setCoordinator — hq appoints (or removes) the coordinators of a town (镇区工作组 / 社工). */
import type { Coordinator, SetCoordinatorRequest } from '../../typings/api/brigades';
import { TOWNS, type Town } from '../../typings/data';
import { isDuplicateKey } from '../cloud';
import { notFound, precondition } from '../errors';
import type { Action } from '../handler';
import * as coordinators from '../repos/coordinators';
import { findByCardNo } from '../repos/volunteers';
import { bool, oneOf, text, z } from '../schema';

/** A town has a handful of social workers; more is a typing mistake. */
export const MAX_COORDINATORS_PER_TOWN = 10;

const toCoordinator = (doc: coordinators.CoordinatorDoc): Coordinator => ({
  volunteerId: doc.volunteerId,
  name: doc.name,
  cardNo: doc.cardNo,
});

export const setCoordinator: Action<SetCoordinatorRequest, { town: Town; coordinators: Coordinator[] }> = {
  access: 'hq',
  input: z.object({
    town: oneOf('镇区', TOWNS),
    cardNo: text('义工证号', 20),
    remove: z.optional(bool('撤销')),
  }),
  async run(input, ctx) {
    const [volunteer, current] = await Promise.all([
      findByCardNo(input.cardNo.toUpperCase()),
      coordinators.ofTown(input.town),
    ]);
    if (!volunteer) throw notFound(`没有找到义工证号为 ${input.cardNo} 的义工`);
    const held = current.some((c) => c.volunteerId === volunteer._id);
    if (input.remove) {
      if (held) await coordinators.remove(input.town, volunteer._id);
      const left = current.filter((c) => c.volunteerId !== volunteer._id);
      return { town: input.town, coordinators: left.map(toCoordinator) };
    }
    if (held) return { town: input.town, coordinators: current.map(toCoordinator) };
    if (current.length >= MAX_COORDINATORS_PER_TOWN) {
      throw precondition(`每个镇区最多设 ${MAX_COORDINATORS_PER_TOWN} 名协调员`);
    }
    const doc: coordinators.CoordinatorDoc = {
      _id: coordinators.coordinatorId(input.town, volunteer._id),
      town: input.town,
      volunteerId: volunteer._id,
      name: volunteer.name,
      cardNo: volunteer.cardNo,
      appointedAt: Date.now(),
    };
    try {
      await coordinators.insert(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    ctx.log.info('coordinator-appointed', { town: input.town, volunteerId: volunteer._id });
    return { town: input.town, coordinators: [...current, doc].map(toCoordinator) };
  },
};
