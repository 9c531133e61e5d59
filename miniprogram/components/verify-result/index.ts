/**
 * <verify-result result="{{ view }}" />: what verifying a card or a proof returned — a green (or, for a superseded
 * proof, red) banner, the holder's name as the action returns it, the figures and honours.
 */
Component({
  properties: {
    result: { type: Object, value: {} },
  },
});
