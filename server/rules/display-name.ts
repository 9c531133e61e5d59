/**
 * A recipient's display name (SPEC "Recipients"): the surname and how one calls them, never the full name.
 * The coordinator's honorific (伯/婆/叔/姨/小朋友) wins; without it a child (困境儿童/特殊儿童) is 小朋友, an elder
 * (孤寡/独居/困难老人, 三无人员, 五保户) 长者, anyone else the household (陈家).
 */
import type { Honorific, RecipientCategory } from '../../typings/data';

/** Two-character surnames, so 欧阳淑英 shows as 欧阳婆, not 欧婆. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '司徒',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '令狐',
  '夏侯',
  '端木',
  '西门',
  '南宫',
  '百里',
  '呼延',
  '轩辕',
  '钟离',
  '闾丘',
  '澹台',
  '万俟',
  '申屠',
  '独孤',
  '太史',
  '司空',
]);

const CHILD: RecipientCategory[] = ['困境儿童', '特殊儿童'];
const ELDER: RecipientCategory[] = ['孤寡老人', '独居老人', '困难老人', '三无人员', '五保户'];

export function surnameOf(name: string): string {
  const trimmed = name.trim();
  const two = trimmed.slice(0, 2);
  return COMPOUND_SURNAMES.has(two) && trimmed.length > 2 ? two : trimmed.slice(0, 1);
}

export function displayNameOf(input: { name: string; categories: RecipientCategory[]; honorific?: Honorific }): string {
  const surname = surnameOf(input.name);
  if (input.honorific) return surname + input.honorific;
  if (input.categories.some((c) => CHILD.includes(c))) return `${surname}小朋友`;
  if (input.categories.some((c) => ELDER.includes(c))) return `${surname}长者`;
  return `${surname}家`;
}
