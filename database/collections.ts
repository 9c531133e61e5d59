/**
 * Every collection of the CloudBase document database, with its indexes and security rule.
 * One file, read by the local cloud (which creates the collections and enforces unique indexes) and by the deploy
 * plan (deploy/plan.ts: `npm run deploy` creates what is missing in CloudBase). A query on a field that no index here
 * covers is a bug.
 */

export type IndexKey = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  keys: Record<string, IndexKey>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  description: string;
  indexes: IndexSpec[];
}

/** Every collection denies client reads and writes: all access goes through cloud functions. */
export const SECURITY_RULE = { read: false, write: false } as const;

const idx = (name: string, keys: Record<string, IndexKey>, unique = false): IndexSpec =>
  unique ? { name, keys, unique } : { name, keys };

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'volunteers',
    description: 'Registered volunteers (one per openid); mobile numbers encrypted. _id is the volunteerId.',
    indexes: [
      idx('openid_unique', { openid: 1 }, true),
      idx('cardNo_unique', { cardNo: 1 }, true),
      idx('town', { town: 1 }),
      idx('registeredAt', { registeredAt: 1 }),
      idx('lastServedAt', { lastServedAt: -1 }),
      idx('town_lastServedAt', { town: 1, lastServedAt: -1 }),
      idx('town_specialties_lastServedAt', { town: 1, specialties: 1, lastServedAt: -1 }),
    ],
  },
  {
    name: 'counters',
    description: 'Atomic counters by _id, e.g. `card-2026` for card numbers.',
    indexes: [],
  },
  {
    name: 'staff',
    description: 'hq appointed in the database (besides HQ_OPENIDS), by openid.',
    indexes: [idx('openid_unique', { openid: 1 }, true)],
  },
  {
    name: 'towns',
    description: 'Towns/districts (镇区), seeded from typings/data.ts; data, not code.',
    indexes: [idx('name_unique', { name: 1 }, true)],
  },
  {
    name: 'brigades',
    description: 'Volunteer brigades (大队) with their leaders.',
    indexes: [
      idx('town_createdAt', { town: 1, createdAt: -1 }),
      idx('leaderIds', { leaderIds: 1 }),
      idx('name_unique', { name: 1 }, true),
      idx('createdAt', { createdAt: 1 }),
    ],
  },
  {
    name: 'memberships',
    description: 'One document per (brigade, volunteer).',
    indexes: [
      idx('brigade_volunteer_unique', { brigadeId: 1, volunteerId: 1 }, true),
      idx('volunteer', { volunteerId: 1, status: 1 }),
      idx('brigade_status_joinedAt', { brigadeId: 1, status: 1, joinedAt: -1 }),
      // The members list's filters (two array fields cannot share one compound index).
      idx('brigade_specialties_joinedAt', { brigadeId: 1, specialties: 1, joinedAt: -1 }),
      idx('brigade_availability_joinedAt', { brigadeId: 1, availability: 1, joinedAt: -1 }),
      idx('brigade_town_community_joinedAt', { brigadeId: 1, town: 1, community: 1, joinedAt: -1 }),
      // The statistics' recount of 招募来源: joins by the time they were made.
      idx('joinedAt', { joinedAt: 1 }),
    ],
  },
  {
    name: 'invites',
    description: 'Brigade invite codes (revocable, optional expiry).',
    indexes: [idx('code_unique', { code: 1 }, true), idx('brigade', { brigadeId: 1, revoked: 1 })],
  },
  {
    name: 'groups',
    description: 'Groups (小组) of 2+ active members of a brigade.',
    indexes: [idx('brigade', { brigadeId: 1, updatedAt: -1 }), idx('member', { memberIds: 1 })],
  },
  {
    name: 'posts',
    description: 'Recruitment posts (招募) with confirmed/waitlist counters.',
    indexes: [
      idx('status_visibility_startAt', { status: 1, visibility: 1, startAt: 1 }),
      idx('town_status_visibility_startAt', { town: 1, status: 1, visibility: 1, startAt: 1 }),
      idx('category_status_visibility_startAt', { category: 1, status: 1, visibility: 1, startAt: 1 }),
      idx('brigade_startAt', { brigadeId: 1, startAt: 1 }),
      idx('plan_startAt', { planId: 1, startAt: 1 }),
      idx('service_startAt', { serviceId: 1, startAt: 1 }),
      idx('location', { location: '2dsphere' }),
    ],
  },
  {
    name: 'signups',
    description: 'One document per (post, volunteer): confirmed, waitlisted, withdrawn or cancelled.',
    indexes: [
      idx('post_volunteer_unique', { postId: 1, volunteerId: 1 }, true),
      idx('post_status_seq', { postId: 1, status: 1, seq: 1 }),
      idx('volunteer_status_startAt', { volunteerId: 1, status: 1, startAt: 1 }),
      // The statistics' recount of 招募来源: sign-ups by the time they were made.
      idx('signedUpAt', { signedUpAt: 1 }),
    ],
  },
  {
    name: 'service_records',
    description: 'One service record per (post, volunteer).',
    indexes: [
      idx('post_volunteer_unique', { postId: 1, volunteerId: 1 }, true),
      idx('volunteer_serviceDate', { volunteerId: 1, serviceDate: -1 }),
      idx('volunteer_status_serviceDate', { volunteerId: 1, status: 1, serviceDate: -1 }),
      // 我的培训: a volunteer's attended trainings, newest first.
      idx('volunteer_kind_status_serviceDate', { volunteerId: 1, kind: 1, status: 1, serviceDate: -1 }),
      idx('serviceDate', { serviceDate: 1 }),
    ],
  },
  {
    name: 'accounts',
    description:
      'Time-bank accounts (`volunteer:<id>` or brigade issuing account `brigade:<id>`) with cached balances; _id only.',
    indexes: [],
  },
  {
    name: 'ledger',
    description:
      'Append-only ledger entries; each movement is a pair summing to zero. _id is `<idempotencyKey>:<side>`.',
    indexes: [
      idx('account_at', { accountId: 1, at: -1 }),
      idx('movement', { movementId: 1 }),
      idx('idempotency_side_unique', { idempotencyKey: 1, side: 1 }, true),
    ],
  },
  {
    name: 'honours',
    description: 'Honours awarded by hq (优秀义工 yearly, 功勋义工).',
    indexes: [
      idx('volunteer', { volunteerId: 1, awardedAt: -1 }),
      idx('year', { honour: 1, year: 1 }),
      idx('honour_year_awardedAt', { honour: 1, year: 1, awardedAt: -1 }),
      idx('awardedAt', { awardedAt: -1 }),
    ],
  },
  {
    name: 'star_changes',
    description: 'Star level changes, each with its date.',
    indexes: [idx('volunteer_at', { volunteerId: 1, at: -1 })],
  },
  {
    name: 'subscriptions',
    description:
      'One-time subscribe-message grants, one per (subject, template): _id is `<subject>|<templateId>`, the subject a sign-up or a membership.',
    indexes: [
      idx('subject_template_unique', { subject: 1, templateId: 1 }, true),
      idx('volunteer', { volunteerId: 1 }),
    ],
  },
  {
    name: 'outbox',
    description: 'Outgoing messages, unique per (sign-up or event, template); claimed atomically before sending.',
    indexes: [
      idx('key_unique', { key: 1 }, true),
      idx('status_dueAt', { status: 1, dueAt: 1 }),
      idx('claimId', { claimId: 1, status: 1 }),
      idx('post_kind_status', { postId: 1, kind: 1, status: 1 }),
      idx('grant', { grantId: 1 }),
    ],
  },
  {
    name: 'stats',
    description:
      'Statistics: one counter document per Shanghai month (`month:YYYY-MM`: total, byTown, byBrigade, byCategory), updated with _.inc; people served per post (`post:<postId>`); the reconciliation cursor.',
    indexes: [idx('kind_period', { kind: 1, period: 1 })],
  },
  {
    name: 'coordinators',
    description: 'Coordinators (镇区工作组 / 社工) appointed by hq to a town; _id is `<town>:<volunteerId>`.',
    indexes: [idx('town', { town: 1 }), idx('volunteer', { volunteerId: 1 })],
  },
  {
    name: 'recipients',
    description:
      'Service recipients (服务对象) of a town, with recorded consent; name, address, phone, guardian and notes encrypted.',
    indexes: [
      idx('town_status_updatedAt', { town: 1, status: 1, updatedAt: -1 }),
      idx('brigade_status', { brigadeId: 1, status: 1 }),
      idx('survey', { surveyId: 1 }),
      idx('town_status_brigade_updatedAt', { town: 1, status: 1, brigadeId: 1, updatedAt: -1 }),
      idx('town_status_categories_updatedAt', { town: 1, status: 1, categories: 1, updatedAt: -1 }),
    ],
  },
  {
    name: 'redemptions',
    description:
      'Time-bank redemptions (兑换服务): minutes held for a need; a family member name encrypted. _id derives from the volunteer and the requestId.',
    indexes: [
      idx('volunteer_createdAt', { volunteerId: 1, createdAt: -1 }),
      idx('volunteer_status', { volunteerId: 1, status: 1 }),
    ],
  },
  {
    name: 'surveys',
    description:
      'Household needs surveys (需求调查); household contact data encrypted; _id derives from the surveyor and the draft requestId.',
    indexes: [
      idx('town_status_surveyedAt', { town: 1, status: 1, surveyedAt: -1 }),
      idx('surveyor_surveyedAt', { surveyorId: 1, surveyedAt: -1 }),
      idx('surveyor_status_surveyedAt', { surveyorId: 1, status: 1, surveyedAt: -1 }),
    ],
  },
  {
    name: 'plans',
    description: 'Service plans (个人 / 家庭服务计划) with their services, per recipient and responsible brigade.',
    indexes: [
      idx('town_status_updatedAt', { town: 1, status: 1, updatedAt: -1 }),
      idx('brigade_status_updatedAt', { brigadeId: 1, status: 1, updatedAt: -1 }),
      idx('recipient_updatedAt', { recipientId: 1, updatedAt: -1 }),
      idx('status_reviewAt', { status: 1, reviewAt: 1 }),
      idx('town_status_reviewAt', { town: 1, status: 1, reviewAt: 1 }),
      idx('brigade_status_reviewAt', { brigadeId: 1, status: 1, reviewAt: 1 }),
    ],
  },
  {
    name: 'assignments',
    description:
      'A volunteer on a plan service (结对); _id is `<planId>:<serviceId>:<volunteerId>`, so one per pair; offers expire.',
    indexes: [
      idx('plan_service', { planId: 1, serviceId: 1 }),
      idx('plan_status', { planId: 1, status: 1 }),
      idx('volunteer_status', { volunteerId: 1, status: 1 }),
      idx('volunteer_status_updatedAt', { volunteerId: 1, status: 1, updatedAt: -1 }),
      idx('volunteer_plan', { volunteerId: 1, planId: 1 }),
      idx('status_expiresAt', { status: 1, expiresAt: 1 }),
      idx('recipient_status', { recipientId: 1, status: 1 }),
    ],
  },
  {
    name: 'visit_notes',
    description: 'Visit notes (探访记录) of a plan, newest first.',
    indexes: [idx('plan_at', { planId: 1, at: -1 })],
  },
  {
    name: 'donors',
    description:
      'Donors (爱心企业): one per openid and per 统一社会信用代码, reviewed by hq; the contact mobile encrypted.',
    indexes: [
      idx('openid_unique', { openid: 1 }, true),
      idx('creditCode_unique', { creditCode: 1 }, true),
      idx('status_registeredAt', { status: 1, registeredAt: -1 }),
      idx('status_publicThanks_fulfilled', { status: 1, publicThanks: 1, fulfilled: -1 }),
    ],
  },
  {
    name: 'pledges',
    description:
      'Goods pledges (物资捐赠); _id is `pl_<hash of openid and requestId>`, so a repeated request adds nothing.',
    indexes: [
      idx('openid_createdAt', { openid: 1, createdAt: -1 }),
      idx('town_createdAt', { town: 1, createdAt: -1 }),
      idx('town_status_createdAt', { town: 1, status: 1, createdAt: -1 }),
    ],
  },
  {
    name: 'projects',
    description: 'Charity projects (公益项目) hq lists: a link to a designated fundraising platform, never money.',
    indexes: [
      idx('status_updatedAt', { status: 1, updatedAt: -1 }),
      idx('status_town_updatedAt', { status: 1, town: 1, updatedAt: -1 }),
    ],
  },
  {
    name: 'proofs',
    description:
      'Service proofs (服务证明) issued: a snapshot with its number; _id is `<volunteerId>:<facts hash>`, so the same facts give the same proof.',
    indexes: [idx('proofNo_unique', { proofNo: 1 }, true), idx('volunteer', { volunteerId: 1 })],
  },
  {
    name: 'checkin_attempts',
    description:
      'Wrong check-in/check-out codes per (post, volunteer) and 10-minute window; _id is `<postId>:<volunteerId>:<windowStart>`.',
    indexes: [idx('post_volunteer_window_unique', { postId: 1, volunteerId: 1, windowStart: 1 }, true)],
  },
  {
    name: 'scenes',
    description:
      'Short scene ids of mini program codes (_id, 10 characters base62) and the token they stand for; one per (kind, subject).',
    indexes: [idx('kind_subject_unique', { kind: 1, subject: 1 }, true)],
  },
  {
    name: 'qualifications',
    description:
      'Professional qualifications (专业技术资格) with the fileID of their certificate photo; verified ones are copied onto the volunteer.',
    indexes: [
      idx('volunteerId_submittedAt', { volunteerId: 1, submittedAt: -1 }),
      idx('status_submittedAt', { status: 1, submittedAt: 1 }),
      idx('status_town_submittedAt', { status: 1, town: 1, submittedAt: 1 }),
      idx('status_brigadeIds_submittedAt', { status: 1, brigadeIds: 1, submittedAt: 1 }),
      idx('status_expiresAt', { status: 1, expiresAt: 1 }),
    ],
  },
  {
    name: 'files',
    description:
      'Uploaded files the functions accepted (_id from the fileID): owner, purpose, size, type and the media check (traceId, status).',
    indexes: [idx('traceId', { traceId: 1 }), idx('ref', { purpose: 1, ref: 1 })],
  },
  {
    name: 'wishes',
    description:
      'Wishes (微心愿) posted for a recipient (displayName, town and community only); claimed by one person or donor by a conditional update; photos as fileIDs.',
    indexes: [
      idx('status_publishedAt', { status: 1, publishedAt: -1 }),
      idx('town_status_publishedAt', { town: 1, status: 1, publishedAt: -1 }),
      idx('status_expiresAt', { status: 1, expiresAt: 1 }),
      idx('town_status_expiresAt', { town: 1, status: 1, expiresAt: 1 }),
      idx('status_fulfilBy', { status: 1, fulfilBy: 1 }),
      idx('status_updatedAt', { status: 1, updatedAt: -1 }),
      idx('town_status_updatedAt', { town: 1, status: 1, updatedAt: -1 }),
      idx('postedById_status_updatedAt', { postedById: 1, status: 1, updatedAt: -1 }),
      idx('claimerOpenid_status', { claimerOpenid: 1, status: 1 }),
      idx('claimerOpenid_updatedAt', { claimerOpenid: 1, updatedAt: -1 }),
      idx('claimerOpenid_claimedAt', { claimerOpenid: 1, claimedAt: -1 }),
    ],
  },
  {
    name: 'board',
    description:
      'The public board (公益榜): one counter document per town (_id = the town): asked, claimed, fulfilled, pledged, handed, moved with _.inc.',
    indexes: [],
  },
];
