/**
 * Fixed lists and settings of SPEC "Fixed lists and settings", as data both sides import.
 * Towns are data, not code: divisions get merged and renamed, so the database copy (seeded from here) is
 * what the functions validate against once it exists.
 */

/** The 24 towns/districts (镇区) of Zhongshan as the bureau's report counts them. */
export const TOWNS = [
  '石岐区',
  '东区',
  '西区',
  '南区',
  '五桂山',
  '火炬开发区',
  '小榄镇',
  '黄圃镇',
  '民众镇',
  '东凤镇',
  '东升镇',
  '古镇镇',
  '沙溪镇',
  '坦洲镇',
  '港口镇',
  '三角镇',
  '横栏镇',
  '南头镇',
  '阜沙镇',
  '南朗镇',
  '三乡镇',
  '板芙镇',
  '大涌镇',
  '神湾镇',
] as const;

/** The 7 pilot units of 博爱行动, seeded as the first brigades. */
export const PILOT_UNITS = [
  { name: '市儿童福利院', town: '东区' },
  { name: '暖阳居家养老服务中心', town: '石岐区' },
  { name: '西区', town: '西区' },
  { name: '南区良都社区', town: '南区' },
  { name: '沙溪龙山社区', town: '沙溪镇' },
  { name: '东区夏洋社区', town: '东区' },
  { name: '六和嘉园', town: '石岐区' },
] as const;

/** Service categories (服务类别). */
export const SERVICE_CATEGORIES = [
  '探访慰问',
  '家电维修',
  '义诊',
  '心理辅导',
  '义剪',
  '课业辅导',
  '兴趣课堂',
  '文体活动',
  '家居清洁',
  '陪同就医',
  '助餐',
  '义卖',
  '需求调查',
  '培训',
  '其他',
] as const;

/** Volunteer specialties (专长); a volunteer may have none. */
export const SPECIALTIES = [
  '医疗',
  '护理',
  '心理',
  '家电维修',
  '理发',
  '教育辅导',
  '外语',
  '电脑',
  '文艺',
  '体育',
  '法律',
  '社工',
  '销售策划',
  '驾驶',
  '其他',
] as const;

/** Recipient categories (服务对象类别). 特殊儿童: 脑瘫、自闭症、学习困难. */
export const RECIPIENT_CATEGORIES = [
  '孤寡老人',
  '独居老人',
  '困难老人',
  '三无人员',
  '五保户',
  '残疾人',
  '单亲特困家庭',
  '困境儿童',
  '特殊儿童',
  '低保家庭',
  '其他',
] as const;

/**
 * How a recipient is called when their name is hidden: surname + 伯/婆 (older man/woman), 叔/姨 (middle-aged
 * man/woman) or 小朋友 (a child); the coordinator picks it.
 */
export const HONORIFICS = ['伯', '婆', '叔', '姨', '小朋友'] as const;

/** Professional qualification types (专业技术资格). */
export const QUALIFICATION_TYPES = [
  '执业医师',
  '执业护士',
  '社会工作者',
  '心理咨询师',
  '教师资格',
  '律师',
  '电工证',
  '美发师',
  '急救员',
  '其他',
] as const;

/** Uploaded images (certificates, photos): JPEG or PNG, at most this many bytes. */
export const UPLOAD_LIMITS = { maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png'] } as const;

/** How often a planned service recurs. */
export const FREQUENCIES = ['once', 'weekly', 'biweekly', 'monthly'] as const;
export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  once: '一次',
  weekly: '每周',
  biweekly: '每两周',
  monthly: '每月',
};

/** How urgent a surveyed need is. */
export const URGENCIES = ['normal', 'soon', 'urgent'] as const;
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = {
  normal: '一般',
  soon: '较急',
  urgent: '紧急',
};

/** The current version of the notice a recipient (or their guardian) consents to. */
export const RECIPIENT_NOTICE_VERSION = '2026-01';

/** Time slots of the weekly availability grid. */
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;
export const SLOT_LABELS: Record<(typeof SLOTS)[number], string> = {
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
};
export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

export const HONOURS = ['outstanding', 'meritorious'] as const;
export const HONOUR_LABELS: Record<(typeof HONOURS)[number], string> = {
  outstanding: '优秀义工',
  meritorious: '功勋义工',
};

/** The current version of the privacy notice a registrant consents to. */
export const PRIVACY_NOTICE_VERSION = '2026-01';

/** Card numbers: ZSBA-YYYY-NNNNNN. */
export const CARD_NO_PATTERN = /^ZSBA-\d{4}-\d{6}$/;

/** A weekly series (posts.create `repeatWeeks`) runs this many weeks. */
export const SERIES_WEEKS = { min: 2, max: 26 } as const;

/**
 * The online fundraising platforms the Ministry of Civil Affairs designated (慈善组织互联网公开募捐信息平台: the
 * batches of 2016, 2018 and 2021, by their current names). A charity project links only to one of these; the list is
 * data, kept here as the ministry updates it.
 */
export const FUNDRAISING_PLATFORMS = [
  '腾讯公益',
  '支付宝公益',
  '淘宝公益',
  '新浪微公益',
  '京东公益',
  '百度公益',
  '公益宝',
  '新华公益',
  '轻松公益',
  '联劝网',
  '广益联募',
  '美团公益',
  '滴滴公益',
  '水滴公益',
  '苏宁公益',
  '帮帮公益',
  '易宝公益',
  '字节跳动公益',
  '小米公益',
  '亲青公益',
  '哔哩哔哩公益',
  '平安公益',
  '360公益',
  '中国移动公益',
  '芒果公益',
  '慈链公益',
  '携程公益',
] as const;

/** Goods pledges (物资捐赠): the condition of the goods and the limits of a pledge. */
export const GOODS_CONDITIONS = ['new', 'good', 'used'] as const;
export const GOODS_CONDITION_LABELS: Record<(typeof GOODS_CONDITIONS)[number], string> = {
  new: '全新',
  good: '九成新',
  used: '旧物可用',
};
export const PLEDGE_LIMITS = { quantityMax: 10000, pickupDaysMax: 30 } as const;

/** Paging limits of every list action. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 50;

export type Town = (typeof TOWNS)[number];
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export type Specialty = (typeof SPECIALTIES)[number];
export type RecipientCategory = (typeof RECIPIENT_CATEGORIES)[number];
export type Honorific = (typeof HONORIFICS)[number];
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type Slot = (typeof SLOTS)[number];
export type Honour = (typeof HONOURS)[number];
export type FundraisingPlatform = (typeof FUNDRAISING_PLATFORMS)[number];
