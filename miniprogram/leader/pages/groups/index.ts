import Toast from '@vant/weapp/toast/toast';
import type { Group } from '../../../typings/index';
import { brigades, fieldErrors, messageOf } from '../../../services/index';
import { loadRecord, recordPage } from '../../../utils/record';

interface GroupView {
  groupId: string;
  name: string;
  members: string;
  count: number;
}

interface Candidate {
  volunteerId: string;
  name: string;
  cardNo: string;
}

const toGroupView = (g: Group): GroupView => ({
  groupId: g.groupId,
  name: g.name,
  members: g.members.map((m) => m.name).join('、'),
  count: g.members.length,
});

/** 小组: the brigade's groups, and a new group of 2+ active members. */
Page({
  ...recordPage,

  data: {
    brigadeId: '',
    groups: [] as GroupView[],
    loading: false,
    error: '',
    showForm: false,
    candidates: [] as Candidate[],
    candidatesLoading: false,
    name: '',
    picked: [] as string[],
    errors: { name: '', volunteerIds: '' },
    saving: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ brigadeId: query.brigadeId ?? '' });
  },

  onBrigade(event: { detail: { brigadeId: string } }) {
    this.setData({ brigadeId: event.detail.brigadeId, candidates: [] });
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => brigades.groups({ brigadeId: this.data.brigadeId }, { toast: false }),
      ({ items }) => ({ groups: items.map(toGroupView) }),
    );
  },

  async onNew() {
    this.setData({ showForm: true, name: '', picked: [], errors: { name: '', volunteerIds: '' } });
    if (this.data.candidates.length) return;
    this.setData({ candidatesLoading: true });
    try {
      const page = await brigades.members({ brigadeId: this.data.brigadeId, status: 'active', pageSize: 50 });
      this.setData({
        candidatesLoading: false,
        candidates: page.items.map((m) => ({ volunteerId: m.volunteerId, name: m.name, cardNo: m.cardNo })),
      });
    } catch {
      this.setData({ candidatesLoading: false });
    }
  },

  onCloseForm() {
    this.setData({ showForm: false });
  },

  onName(event: { detail: string }) {
    this.setData({ name: event.detail, 'errors.name': '' });
  },

  onPick(event: { detail: string[] }) {
    this.setData({ picked: event.detail, 'errors.volunteerIds': '' });
  },

  async onSave() {
    if (this.data.saving) return;
    const name = this.data.name.trim();
    const errors = {
      name: name ? '' : '请填写小组名称',
      volunteerIds: this.data.picked.length >= 2 ? '' : '请至少选择 2 名组员',
    };
    if (errors.name || errors.volunteerIds) {
      this.setData({ errors });
      return;
    }
    this.setData({ saving: true });
    try {
      const group = await brigades.saveGroup(
        { brigadeId: this.data.brigadeId, name, volunteerIds: this.data.picked },
        { toast: false },
      );
      this.setData({ saving: false, showForm: false, groups: [toGroupView(group), ...this.data.groups] });
      Toast({ type: 'success', message: '小组已建立' });
    } catch (error) {
      const fields = fieldErrors(error);
      this.setData({
        saving: false,
        errors: { name: fields.name ?? '', volunteerIds: fields.volunteerIds ?? '' },
      });
      Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试') });
    }
  },
});
