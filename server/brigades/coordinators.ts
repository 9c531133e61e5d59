/**
 * brigades.setCoordinator — hq appoints (or removes) the coordinators of a town (镇区工作组 / 社工), keeping the
 * role copy on the volunteer's document; brigades.coordinators — who coordinates which town.
 */
import type {
  Coordinator,
  CoordinatorsRequest,
  TownCoordinators,
  SetCoordinatorRequest,
} from '../../typings/api/brigades';
import { TOWNS } from '../../typings/data';
import { isDuplicateKey } from '../cloud';
import { denied, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import * as coordinators from '../repos/coordinators';
import { findByCardNo, setTownRole } from '../repos/volunteers';
import { bool, oneOf, text, z } from '../schema';

/** A town has a handful of social workers; more is a typing mistake. */
export const MAX_COORDINATORS_PER_TOWN = 10;

const toCoordinator = (doc: coordinators.CoordinatorDoc): Coordinator => ({
  volunteerId: doc.volunteerId,
  name: doc.name,
  cardNo: doc.cardNo,
});

export const setCoordinator: Action<SetCoordinatorRequest, TownCoordinators> = {
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
      await setTownRole(volunteer._id, input.town, false);
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
    await setTownRole(volunteer._id, input.town, true);
    ctx.log.info('coordinator-appointed', { town: input.town, volunteerId: volunteer._id });
    return { town: input.town, coordinators: [...current, doc].map(toCoordinator) };
  },
};

/** hq: every town with coordinators (or `town`); a coordinator: their own towns. Towns in the fixed order. */
export const list: Action<CoordinatorsRequest, { items: TownCoordinators[] }> = {
  access: 'anyone',
  input: z.object({ town: z.optional(oneOf('镇区', TOWNS)) }),
  async run(input, ctx) {
    const [hq, mine] = await Promise.all([ctx.isHq(), ctx.coordinatorTowns()]);
    if (!hq && (mine.length === 0 || (input.town && !mine.includes(input.town)))) {
      throw denied('仅总队或该镇区的社工（协调员）可以查看');
    }
    const towns = input.town ? [input.town] : hq ? undefined : mine;
    const docs = await coordinators.ofTowns(towns);
    const shown = TOWNS.filter((town) => (towns ? towns.includes(town) : docs.some((d) => d.town === town)));
    return {
      items: shown.map((town) => ({
        town,
        coordinators: docs.filter((d) => d.town === town).map(toCoordinator),
      })),
    };
  },
};
