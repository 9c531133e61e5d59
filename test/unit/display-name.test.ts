// A recipient's display name: surname + how one calls them, never the full name.
import { displayNameOf, surnameOf } from '../../server/rules/display-name';

describe('displayNameOf', () => {
  it('uses the honorific the coordinator picked', () => {
    expect(displayNameOf({ name: '陈桂英', categories: ['独居老人'], honorific: '婆' })).toBe('陈婆');
    expect(displayNameOf({ name: '黄志明', categories: ['残疾人'], honorific: '叔' })).toBe('黄叔');
  });

  it('calls a child 小朋友 when no honorific is picked', () => {
    expect(displayNameOf({ name: '李明轩', categories: ['特殊儿童'] })).toBe('李小朋友');
    expect(displayNameOf({ name: '李明轩', categories: ['低保家庭', '困境儿童'] })).toBe('李小朋友');
  });

  it('calls an elder 长者 and anyone else by the household', () => {
    expect(displayNameOf({ name: '何润开', categories: ['五保户'] })).toBe('何长者');
    expect(displayNameOf({ name: '何润开', categories: ['单亲特困家庭'] })).toBe('何家');
  });

  it('keeps a two-character surname whole and never shows the given name', () => {
    expect(displayNameOf({ name: '欧阳淑英', categories: ['孤寡老人'], honorific: '婆' })).toBe('欧阳婆');
    expect(surnameOf('欧阳')).toBe('欧');
    expect(displayNameOf({ name: '陈桂英', categories: ['其他'], honorific: '姨' })).not.toContain('桂英');
  });
});
