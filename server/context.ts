/**
 * The request context: who is calling (from getWXContext only — never from the event), with lazily
 * loaded, memoised facts about them, the request id, the logger and the settings.
 */
import type { Role } from '../typings/entities';
import { cloud } from './cloud';
import { denied, unauthenticated } from './errors';
import type { Logger } from './log';
import { findByOpenid, type VolunteerDoc } from './repos/volunteers';
import { isAppointedHq } from './repos/staff';
import { townsOf } from './repos/coordinators';
import type { Town } from '../typings/data';
import { readSettings, type Settings } from './settings';

export class RequestContext {
  readonly openid: string;
  readonly settings: Settings;
  private volunteerLoad?: Promise<VolunteerDoc | undefined>;
  private hqLoad?: Promise<boolean>;
  private townsLoad?: Promise<Town[]>;

  constructor(
    readonly requestId: string,
    readonly log: Logger,
    openid = cloud.getWXContext().OPENID ?? '',
  ) {
    this.openid = openid;
    this.settings = readSettings();
  }

  /** The caller's volunteer profile, if registered (one database request, at most once). */
  volunteer(): Promise<VolunteerDoc | undefined> {
    this.volunteerLoad ??= this.openid ? findByOpenid(this.openid) : Promise.resolve(undefined);
    return this.volunteerLoad;
  }

  /**
   * Seeds the memo with the caller's volunteer when a request read it together with other facts (one request
   * for both), so nothing reads it again; a volunteer read earlier in the request stays.
   */
  knowVolunteer(volunteer: VolunteerDoc | undefined): void {
    this.volunteerLoad ??= Promise.resolve(volunteer);
  }

  async requireVolunteer(): Promise<VolunteerDoc> {
    const volunteer = await this.volunteer();
    if (!volunteer) throw unauthenticated();
    return volunteer;
  }

  /** hq: listed in HQ_OPENIDS, or appointed in the database. */
  isHq(): Promise<boolean> {
    if (!this.openid) return Promise.resolve(false);
    if (this.settings.hqOpenids.includes(this.openid)) return Promise.resolve(true);
    this.hqLoad ??= isAppointedHq(this.openid);
    return this.hqLoad;
  }

  /** The towns the caller coordinates (authoritative: the `coordinators` collection; one request, at most once). */
  coordinatorTowns(): Promise<Town[]> {
    this.townsLoad ??= this.volunteer().then((volunteer) => (volunteer ? townsOf(volunteer._id) : []));
    return this.townsLoad;
  }

  async requireHq(): Promise<void> {
    if (!(await this.isHq())) throw denied('仅总队工作人员可以进行此操作');
  }

  /**
   * Roles held (not typed in): hq, volunteer once registered, leader of any brigade, else visitor. To show them,
   * `appointedHq` may come from the volunteer's role copy (no read of staff); authorization uses `isHq`.
   */
  async roles(leads: boolean, appointedHq?: boolean): Promise<Role[]> {
    const volunteer = await this.volunteer();
    const hq = this.settings.hqOpenids.includes(this.openid) || (appointedHq ?? (await this.isHq()));
    const roles: Role[] = [];
    if (!volunteer) roles.push('visitor');
    else roles.push('volunteer');
    if (volunteer && leads) roles.push('leader');
    if (hq) roles.push('hq');
    return roles;
  }
}
