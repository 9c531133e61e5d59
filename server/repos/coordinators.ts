/** Data access for the `coordinators` collection: who hq appointed to coordinate a town (镇区工作组 / 社工). */
import { _, db, rows } from '../cloud';
import { TOWNS, type Town } from '../../typings/data';

export interface CoordinatorDoc {
  /** `<town>:<volunteerId>`: one appointment per person and town. */
  _id: string;
  town: Town;
  volunteerId: string;
  name: string;
  cardNo: string;
  appointedAt: number;
}

const coordinators = () => db.collection('coordinators');

export const coordinatorId = (town: string, volunteerId: string) => `${town}:${volunteerId}`;

/** The towns a volunteer coordinates, in the fixed town order (a person coordinates a handful at most). */
export async function townsOf(volunteerId: string): Promise<Town[]> {
  const docs = await rows<CoordinatorDoc>(coordinators().where({ volunteerId }).limit(50));
  return TOWNS.filter((town) => docs.some((doc) => doc.town === town));
}

/** A town's coordinators, earliest appointed first. */
export function ofTown(town: Town): Promise<CoordinatorDoc[]> {
  return rows<CoordinatorDoc>(coordinators().where({ town }).orderBy('appointedAt', 'asc').limit(50));
}

/** The coordinators of these towns (every town when absent): a town has ten at most, so one read holds them. */
export function ofTowns(towns?: Town[]): Promise<CoordinatorDoc[]> {
  const query = towns ? coordinators().where({ town: _.in(towns) }) : coordinators();
  return rows<CoordinatorDoc>(query.orderBy('appointedAt', 'asc').limit(1000));
}

export async function insert(doc: CoordinatorDoc): Promise<void> {
  await coordinators().add({ data: doc });
}

export async function remove(town: Town, volunteerId: string): Promise<void> {
  await coordinators().doc(coordinatorId(town, volunteerId)).remove();
}

/** Every appointment of a volunteer (erasure). */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await coordinators().where({ volunteerId }).remove();
}
