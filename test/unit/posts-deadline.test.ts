// Sign-up closes at the deadline's exact millisecond (exclusive), as withdrawal does at the start.
import { signupOpen } from '../../server/rules/posts';

const DEADLINE = Date.UTC(2026, 10, 28, 1, 0);

describe('signupOpen', () => {
  it('is open one millisecond before the deadline', () => {
    expect(signupOpen(DEADLINE - 1, DEADLINE)).toBe(true);
  });

  it('is closed at the deadline millisecond and after it', () => {
    expect(signupOpen(DEADLINE, DEADLINE)).toBe(false);
    expect(signupOpen(DEADLINE + 1, DEADLINE)).toBe(false);
  });
});
