// 统一社会信用代码 (GB 32100-2015): real codes pass, a changed character or a wrong check character does not.
import {
  checkCharacter,
  creditCodeProblem,
  isCreditCode,
  maskCreditCode,
  normaliseCreditCode,
} from '../../server/rules/credit-code';

// Published codes of well-known companies (from their public business licences).
const REAL = ['9144030071526726XG', '91330100799655058B', '91110000802100433B', '91440300708461136T'];

describe('the check character', () => {
  it.each(REAL)('accepts the published code %s', (code) => {
    expect(checkCharacter(code.slice(0, 17))).toBe(code[17]);
    expect(isCreditCode(code)).toBe(true);
  });

  it('refuses a code whose check character is wrong', () => {
    expect(creditCodeProblem('9144030071526726XA')).toBe('check');
    expect(creditCodeProblem('911100001000013146')).toBe('check');
  });

  it('refuses a code with one character changed or two swapped', () => {
    expect(creditCodeProblem('9144030071526727XG')).toBe('check');
    expect(creditCodeProblem('9144030017526726XG')).toBe('check');
  });

  it('a check value of 0 is the character 0, not 31', () => {
    expect(checkCharacter('91442000000000022')).toBe('0');
    expect(isCreditCode('914420000000000220')).toBe(true);
    expect(creditCodeProblem('91442000000000022Y')).toBe('check');
  });
});

describe('the format', () => {
  it('needs 18 characters', () => {
    expect(creditCodeProblem('9144030071526726X')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
  });

  it('refuses the letters the standard leaves out (I, O, Z, S, V)', () => {
    expect(creditCodeProblem('91440300O1526726XG')).toBe('characters');
    expect(creditCodeProblem('9144030071526726SG')).toBe('characters');
  });

  it('needs a registration authority and a six-digit division', () => {
    expect(creditCodeProblem('0144030071526726XG')).toBe('structure');
    expect(creditCodeProblem('9144A30071526726XG')).toBe('structure');
  });

  it('takes what people type: lower case, spaces and dashes', () => {
    expect(normaliseCreditCode(' 91440300-7152 6726xg ')).toBe('9144030071526726XG');
  });

  it('masks the organisation code for others', () => {
    expect(maskCreditCode('9144030071526726XG')).toBe('91440300********XG');
  });
});
