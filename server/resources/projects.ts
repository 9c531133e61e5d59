/**
 * resources: saveProject projects project — charity projects (公益项目). Money never moves in the app: hq lists a
 * project with the organisation, its public-fundraising qualification (公开募捐资格) and the page of the project on
 * a platform the Ministry of Civil Affairs designated (FUNDRAISING_PLATFORMS); the mini program copies that link.
 */
import type { ResourcesApi } from '../../typings/api/resources';
import { FUNDRAISING_PLATFORMS, TOWNS } from '../../typings/data';
import { invalid, notFound } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import * as repo from '../repos/projects';
import { isHttpsUrl } from '../rules/links';
import { id, oneOf, page, text, z } from '../schema';
import { checkText } from '../security';

type Res<A extends keyof ResourcesApi> = ResourcesApi[A]['res'];
type Req<A extends keyof ResourcesApi> = ResourcesApi[A]['req'];

const STATUSES = ['active', 'ended'] as const;

export const saveProject: Action<Req<'saveProject'>, Res<'saveProject'>> = {
  access: 'hq',
  input: z.object({
    projectId: z.optional(id('项目')),
    title: text('项目名称', 30),
    summary: text('项目简介', 300),
    organisation: text('发起机构', 50),
    fundraisingQualification: text('公开募捐资格', 100),
    platform: oneOf('募捐平台（须为民政部指定的互联网公开募捐信息平台）', FUNDRAISING_PLATFORMS),
    url: text('项目链接', 500),
    town: z.optional(oneOf('镇区', TOWNS)),
    status: z.optional(oneOf('状态', STATUSES)),
  }),
  async run(input, ctx) {
    if (!isHttpsUrl(input.url)) {
      throw invalid('项目链接须为 https:// 开头的完整网址', { url: '请填写以 https:// 开头的项目链接' });
    }
    const existing = input.projectId ? await repo.findById(input.projectId) : undefined;
    if (input.projectId && !existing) throw notFound('没有找到该公益项目');
    await checkText(ctx, { title: input.title, summary: input.summary, organisation: input.organisation });
    const now = Date.now();
    const doc: repo.ProjectDoc = {
      _id: existing?._id ?? repo.newProjectId(),
      title: input.title,
      summary: input.summary,
      organisation: input.organisation,
      fundraisingQualification: input.fundraisingQualification,
      platform: input.platform,
      url: input.url,
      ...(input.town ? { town: input.town } : {}),
      status: input.status ?? existing?.status ?? 'active',
      updatedAt: now,
      createdBy: existing?.createdBy ?? ctx.openid,
      createdAt: existing?.createdAt ?? now,
    };
    await repo.save(doc);
    ctx.log.info('project-saved', { projectId: doc._id, status: doc.status });
    return repo.toProject(doc);
  },
};

export const projects: Action<Req<'projects'>, Res<'projects'>> = {
  access: 'anyone',
  input: z.object({ town: z.optional(oneOf('镇区', TOWNS)), status: z.optional(oneOf('状态', STATUSES)), ...page }),
  async run(input) {
    const size = pageSizeOf(input.pageSize);
    const docs = await repo.page({ status: input.status ?? 'active', town: input.town }, size, input.cursor);
    const cut = pageOf(docs, size, 'updatedAt');
    return { ...cut, items: cut.items.map(repo.toProject) };
  },
};

export const project: Action<Req<'project'>, Res<'project'>> = {
  access: 'anyone',
  input: z.object({ projectId: id('项目') }),
  async run(input) {
    const doc = await repo.findById(input.projectId);
    if (!doc) throw notFound('没有找到该公益项目');
    return repo.toProject(doc);
  },
};
