/** Data access for the `projects` collection: charity projects (公益项目), links to a designated platform. */
import type { Town } from '../../typings/data';
import type { CharityProject } from '../../typings/resources';
import { db, first, rows } from '../cloud';
import { newId } from '../ids';
import { after, where } from '../paging';

export interface ProjectDoc extends Omit<CharityProject, 'projectId'> {
  _id: string;
  createdBy: string;
  createdAt: number;
}

const projects = () => db.collection('projects');

export const newProjectId = () => `pj_${newId()}`;

export const toProject = ({ _id, createdBy: _by, createdAt: _at, ...rest }: ProjectDoc): CharityProject => ({
  projectId: _id,
  ...rest,
});

export function findById(projectId: string): Promise<ProjectDoc | undefined> {
  return first<ProjectDoc>(projects().where({ _id: projectId }));
}

/** Inserts or replaces the whole project. */
export async function save(doc: ProjectDoc): Promise<void> {
  const { _id, ...data } = doc;
  await projects().doc(_id).set({ data });
}

/** One page of projects in a status (of a town when given), most recently updated first. */
export function page(
  filters: { status: CharityProject['status']; town?: Town },
  pageSize: number,
  cursor?: string,
): Promise<ProjectDoc[]> {
  const base: Record<string, unknown> = { status: filters.status };
  if (filters.town) base.town = filters.town;
  return rows<ProjectDoc>(
    projects()
      .where(where(base, after('updatedAt', 'desc', cursor)))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}
