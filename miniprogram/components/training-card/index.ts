/**
 * <training-card training="{{ overview.training }}" towns members>: the 培训与资格 figures of the hq dashboard, the
 * coordinator workbench and a brigade's figures — trainings and training hours of the period, and the shares of
 * volunteers trained and qualified now; with `towns`, one line per town; `members` says the shares are of a
 * brigade's active members.
 */
import type { TrainingFigures } from '../../typings/index';
import { toTrainingCard } from './view';

const isTraining = (t: Partial<TrainingFigures>): t is TrainingFigures =>
  typeof t.trainings === 'number' && typeof t.volunteers === 'number';

Component({
  properties: {
    training: { type: Object, value: {} },
    towns: { type: Boolean, value: false },
    members: { type: Boolean, value: false },
  },
  data: {
    view: { figures: [], towns: [] } as ReturnType<typeof toTrainingCard>,
  },
  observers: {
    training(training: Partial<TrainingFigures>) {
      if (!isTraining(training)) return;
      this.setData({ view: toTrainingCard(training) });
    },
  },
});
