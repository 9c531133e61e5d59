/** A component event as page handlers read it: Vant's `detail` and the tapped element's `data-*`. */
export type ValueEvent<D, S = Record<string, never>> = { detail: D; currentTarget: { dataset: S } };
