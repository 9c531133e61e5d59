import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, resources, volunteers } from '../../../services/index';
import { FUNDRAISING_PLATFORMS, TOWNS, type FundraisingPlatform, type Town } from '../../../typings/data';
import type { CharityProject } from '../../../typings/resources';
import { loadRecord, recordPage } from '../../../utils/record';
import { MONEY_NOTE, toProjectView, type ProjectView } from '../../giving-view';

type TextField = 'title' | 'summary' | 'organisation' | 'fundraisingQualification' | 'url';
const TEXT_FIELDS: TextField[] = ['title', 'summary', 'organisation', 'fundraisingQualification', 'url'];
const LABELS: Record<TextField, string> = {
  title: '项目名称',
  summary: '项目简介',
  organisation: '发起机构',
  fundraisingQualification: '公开募捐资格',
  url: '项目链接',
};

interface Form extends Record<TextField, string> {
  platform: string;
  town: string;
  ended: boolean;
}

const emptyForm = (): Form => ({
  title: '',
  summary: '',
  organisation: '',
  fundraisingQualification: '',
  url: '',
  platform: '',
  town: '',
  ended: false,
});
const noErrors = (): Record<TextField | 'platform', string> => ({
  title: '',
  summary: '',
  organisation: '',
  fundraisingQualification: '',
  url: '',
  platform: '',
});

const formOf = (p: CharityProject): Form => ({
  title: p.title,
  summary: p.summary,
  organisation: p.organisation,
  fundraisingQualification: p.fundraisingQualification,
  url: p.url,
  platform: p.platform,
  town: p.town ?? '',
  ended: p.status === 'ended',
});

/**
 * 公益项目: the organisation, its public-fundraising qualification and the designated platform, and 复制项目链接
 * (money is given on the platform, never here). hq edits it here, or adds one with `edit=1`.
 */
Page({
  ...recordPage,

  data: {
    moneyNote: MONEY_NOTE,
    projectId: '',
    loading: false,
    error: '',
    project: null as ProjectView | null,
    hq: false,
    editing: false,
    form: emptyForm(),
    errors: noErrors(),
    towns: ['全市', ...TOWNS] as string[],
    platforms: [...FUNDRAISING_PLATFORMS] as string[],
    picker: '' as '' | 'town' | 'platform',
    saving: false,
  },

  stored: null as CharityProject | null,

  onLoad(query: Record<string, string | undefined>) {
    const projectId = query.projectId ?? '';
    this.setData({ projectId, editing: !projectId && query.edit === '1' });
    if (!projectId) wx.setNavigationBarTitle({ title: '新增公益项目' });
    void volunteers
      .me({}, { toast: false })
      .then((me) => this.setData({ hq: me.roles.includes('hq') }))
      .catch(() => undefined);
    if (projectId) void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => resources.project({ projectId: this.data.projectId }, { toast: false }),
      (project) => {
        this.stored = project;
        return { project: toProjectView(project) };
      },
    );
  },

  onCopy() {
    const url = this.data.project?.url;
    if (!url) return;
    wx.setClipboardData({
      data: url,
      success: () => wx.showModal({ title: '链接已复制', content: `${MONEY_NOTE}。`, showCancel: false }),
    });
  },

  onEdit() {
    if (!this.stored) return;
    this.setData({ editing: true, form: formOf(this.stored), errors: noErrors() });
  },

  onInput(event: { detail: string; currentTarget: { dataset: { field: TextField } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  onEnded(event: { detail: boolean }) {
    this.setData({ 'form.ended': event.detail });
  },

  onOpenTown() {
    this.setData({ picker: 'town' });
  },
  onOpenPlatform() {
    this.setData({ picker: 'platform' });
  },
  onClosePicker() {
    this.setData({ picker: '' });
  },
  onPicked(event: { detail: { value: string } }) {
    const value = event.detail.value;
    if (this.data.picker === 'town') this.setData({ 'form.town': value === '全市' ? '' : value, picker: '' });
    else this.setData({ 'form.platform': value, 'errors.platform': '', picker: '' });
  },

  async onSave() {
    if (this.data.saving) return;
    const form = this.data.form;
    const errors = noErrors();
    for (const f of TEXT_FIELDS) errors[f] = form[f].trim() ? '' : `请填写${LABELS[f]}`;
    errors.platform = form.platform ? '' : '请选择募捐平台';
    if (!errors.url && !/^https:\/\//.test(form.url.trim())) errors.url = '项目链接须以 https:// 开头';
    if (Object.values(errors).some(Boolean)) {
      this.setData({ errors });
      return;
    }
    this.setData({ saving: true, errors: noErrors() });
    try {
      const saved = await resources.saveProject(
        {
          ...(this.data.projectId ? { projectId: this.data.projectId } : {}),
          title: form.title.trim(),
          summary: form.summary.trim(),
          organisation: form.organisation.trim(),
          fundraisingQualification: form.fundraisingQualification.trim(),
          platform: form.platform as FundraisingPlatform,
          url: form.url.trim(),
          ...(form.town ? { town: form.town as Town } : {}),
          status: form.ended ? 'ended' : 'active',
        },
        { toast: false },
      );
      this.stored = saved;
      this.setData({ saving: false, editing: false, projectId: saved.projectId, project: toProjectView(saved) });
      wx.setNavigationBarTitle({ title: '公益项目' });
      Toast({ type: 'success', message: '已保存' });
    } catch (error) {
      this.setData({ saving: false, errors: { ...noErrors(), ...fieldErrors(error) } });
      Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试') });
    }
  },
});
