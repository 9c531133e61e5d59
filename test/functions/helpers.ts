/** Shared fixtures of the function tests: a registration request, identities, envelope helpers. */
import type { RegisterRequest } from '../../typings/api/volunteers';
import type { Envelope, ErrorEnvelope } from '../../typings/errors';
import { PRIVACY_NOTICE_VERSION } from '../../typings/data';
import type { CallReply, TestCloud } from '../helpers/local-cloud';

export const HQ = 'demo-hq';

export function registration(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    name: '陈小明',
    mobile: '13800138000',
    town: '石岐区',
    community: '悦来社区',
    specialties: ['医疗'],
    intentions: ['义诊'],
    serviceAreas: ['石岐区'],
    availability: [{ weekday: 6, slot: 'morning' }],
    birthYear: 1990,
    privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    ...overrides,
  };
}

/** Calls a function and returns the parsed envelope with the metrics. */
export async function call<T>(
  cloud: TestCloud,
  name: string,
  action: string,
  params: object,
  openid: string,
): Promise<CallReply<Envelope<T>>> {
  return cloud.request<Envelope<T>>(name, { action, ...params }, openid);
}

/** The data of a successful call; fails the test with the error otherwise. */
export async function ok<T>(
  cloud: TestCloud,
  name: string,
  action: string,
  params: object,
  openid: string,
): Promise<T> {
  const reply = await call<T>(cloud, name, action, params, openid);
  if (!reply.body.ok) throw new Error(`${name}.${action} failed: ${reply.body.code} ${reply.body.message}`);
  return reply.body.data;
}

/** The error envelope of a failing call; fails the test if it succeeded. */
export async function fails(
  cloud: TestCloud,
  name: string,
  action: string,
  params: object,
  openid: string,
): Promise<ErrorEnvelope> {
  const reply = await call(cloud, name, action, params, openid);
  if (reply.body.ok) throw new Error(`${name}.${action} unexpectedly succeeded`);
  return reply.body;
}
