/** Input schemas of the volunteers actions. */
import { SERVICE_CATEGORIES, SLOTS, SPECIALTIES, TOWNS } from '../../typings/data';
import { coordinate } from '../needs/fields';
import { int, listOf, mobile, oneOf, optionalText, personName, z } from '../schema';

const availability = z.object({ weekday: int('星期', 0, 6), slot: oneOf('时段', SLOTS) });

const guardian = z.object(
  {
    name: personName('监护人姓名', 20),
    mobile: mobile('监护人手机号'),
    consent: z.boolean({ error: '请确认监护人已同意' }),
  },
  { error: '监护人信息格式不正确' },
);

export const profileFields = {
  name: personName('姓名', 20),
  mobile: mobile(),
  town: oneOf('所在镇区', TOWNS),
  community: optionalText('所在社区', 30),
  specialties: listOf('专长', oneOf('专长', SPECIALTIES), SPECIALTIES.length),
  intentions: z.optional(listOf('服务意向', oneOf('服务意向', SERVICE_CATEGORIES), SERVICE_CATEGORIES.length)),
  serviceAreas: z.optional(listOf('服务区域', oneOf('服务区域', TOWNS), TOWNS.length)),
  availability: z.optional(listOf('可服务时间', availability, 21)),
  birthYear: int('出生年份', 1900, 2100),
  lat: coordinate('纬度', 90),
  lng: coordinate('经度', 180),
  guardian: z.optional(guardian),
};

export const registerInput = z.object({
  ...profileFields,
  privacyConsentVersion: z.string({ error: '请阅读并同意隐私保护指引' }),
});

export const updateInput = z.partial(
  z.object({ ...profileFields, clearHome: z.boolean({ error: '清除位置格式不正确' }) }),
);
