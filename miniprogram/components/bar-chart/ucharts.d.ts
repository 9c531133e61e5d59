/** The part of uCharts (npm `@qiun/ucharts`, packed into miniprogram_npm) the bar chart uses. */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'column';
    context: unknown;
    width: number;
    height: number;
    pixelRatio: number;
    categories: string[];
    series: { name: string; data: number[] }[];
    [option: string]: unknown;
  }
  export default class UCharts {
    constructor(options: UChartsOptions);
  }
}
