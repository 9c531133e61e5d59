import type { Brigade, OverviewResponse, Town } from '../../../typings/index';
import { hoursOf } from '../../../typings/display';

/** One figure of the town, as the workbench shows it. */
export interface FigureView {
  label: string;
  value: string;
}

/** One of the town's brigades. */
export interface BrigadeRow {
  brigadeId: string;
  name: string;
  meta: string;
}

/** The town to show: the one asked for when the caller coordinates it, else their first. */
export function pickTown(towns: Town[], asked: string | undefined): Town | undefined {
  return towns.find((t) => t === asked) ?? towns[0];
}

/** The town's figures, all time: people, brigades, sessions, hours and people served. */
export function toFigures(o: OverviewResponse): FigureView[] {
  return [
    { label: '注册义工', value: String(o.volunteers) },
    { label: '义工大队', value: String(o.brigades) },
    { label: '服务场次', value: String(o.sessions) },
    { label: '服务时长（小时）', value: hoursOf(o.minutes) },
    { label: '服务人次', value: String(o.peopleServed) },
    { label: '近90天活跃义工', value: String(o.activeVolunteers) },
  ];
}

export function toBrigadeRow(b: Brigade): BrigadeRow {
  const leaders = b.leaders.map((l) => l.name).join('、');
  return { brigadeId: b.brigadeId, name: b.name, meta: `${b.memberCount} 名队员 · 负责人 ${leaders || '未任命'}` };
}
