/** uCharts (npm `@qiun/ucharts`, packed into miniprogram_npm): its options are typed in ./options.ts. */
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown>);
  }
}
