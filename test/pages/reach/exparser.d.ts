// The part of the simulator's component engine the walk uses: creating and dispatching an event.
declare module 'miniprogram-exparser' {
  interface ExparserEvent {
    readonly type: string;
  }
  const exparser: {
    Event: {
      create(
        name: string,
        detail: object,
        options: { bubbles: boolean; composed: boolean; capturePhase: boolean },
      ): ExparserEvent;
      dispatchEvent(target: object, event: ExparserEvent): void;
    };
  };
  export default exparser;
}
