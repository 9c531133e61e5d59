/**
 * <star-badge level="{{ 3 }}" size="18" light />: a star level (星级) as five stars and its name (三星义工), or
 * 暂未定级 (no stars: five pale ones read as five stars) below one star. `light` draws it on a coloured background.
 */
const NAMES = ['暂未定级', '一星义工', '二星义工', '三星义工', '四星义工', '五星义工'];

Component({
  properties: {
    level: { type: Number, value: 0 },
    size: { type: Number, value: 18 },
    light: { type: Boolean, value: false },
  },
  data: {
    label: NAMES[0],
  },
  observers: {
    level(level: number) {
      const at = Math.max(0, Math.min(NAMES.length - 1, Math.floor(level || 0)));
      this.setData({ label: NAMES[at] });
    },
  },
});
