/** What the 培训与资格 card shows for the training figures of an overview or a brigade's figures. */
import type { TrainingFigures } from '../../typings/index';
import { hoursOf } from '../../utils/format';
import { percentText } from '../../utils/stats-view';

export interface TrainingFigureView {
  id: string;
  label: string;
  value: string;
  /** `3 / 5 人` under a share. */
  note: string;
}

export interface TrainingCardView {
  figures: TrainingFigureView[];
  towns: { town: string; meta: string }[];
}

type Figures = TrainingFigures & { byTown?: (TrainingFigures & { town: string })[] };

export function toTrainingCard(t: Figures): TrainingCardView {
  return {
    figures: [
      { id: 'trainings', label: '培训场次', value: String(t.trainings), note: '' },
      { id: 'training-hours', label: '培训时长（小时）', value: hoursOf(t.trainingMinutes), note: '' },
      {
        id: 'trained',
        label: '受训义工占比',
        value: percentText(t.trainedShare),
        note: `${t.trainedVolunteers} / ${t.volunteers} 人`,
      },
      {
        id: 'qualified',
        label: '持证义工占比',
        value: percentText(t.qualifiedShare),
        note: `${t.qualifiedVolunteers} / ${t.volunteers} 人`,
      },
    ],
    towns: (t.byTown ?? []).map((r) => ({
      town: r.town,
      meta: `培训 ${r.trainings} 场 · 受训 ${percentText(r.trainedShare)} · 持证 ${percentText(r.qualifiedShare)}`,
    })),
  };
}
