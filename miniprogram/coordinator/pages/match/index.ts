import Toast from '@vant/weapp/toast/toast';
import { brigades, messageOf, needs } from '../../../services/index';
import type { ValueEvent } from '../../../utils/events';
import { confirmDialog, serviceWhen } from '../../../utils/needs-view';
import { toRow, type CandidateRow } from './view';

/** 匹配义工: the service's ranked candidates with reasons, who was filtered out, and offers to people or a group. */
Page({
  data: {
    planId: '',
    serviceId: '',
    loading: true,
    error: '',
    service: { title: '', when: '', counts: '' },
    items: [] as CandidateRow[],
    excluded: [] as { reason: string; count: number }[],
    excludedTotal: 0,
    showExcluded: false,
    groups: [] as { groupId: string; name: string; size: number }[],
    selected: {} as Record<string, boolean>,
    selectedCount: 0,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ planId: query.planId ?? '', serviceId: query.serviceId ?? '' });
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  async load() {
    const { planId, serviceId } = this.data;
    this.setData({ loading: !this.data.items.length, error: '' });
    try {
      const [plan, match] = await Promise.all([
        needs.plan({ planId }, { toast: false }),
        needs.match({ planId, serviceId }, { toast: false }),
      ]);
      const service = plan.services.find((s) => s.serviceId === serviceId);
      const groups = (await brigades.groups({ brigadeId: plan.brigadeId }, { toast: false })).items;
      this.setData({
        loading: false,
        service: service
          ? {
              title: `${plan.recipient.displayName} · ${service.category}`,
              when: serviceWhen(service),
              counts: `已结对 ${service.acceptedCount}/${service.people}，待回复 ${service.offeredCount}`,
            }
          : { title: plan.recipient.displayName, when: '', counts: '' },
        items: match.items.map(toRow),
        excluded: match.excluded,
        excludedTotal: match.excluded.reduce((sum, e) => sum + e.count, 0),
        groups: groups.map((g) => ({ groupId: g.groupId, name: g.name, size: g.members.length })),
        selected: {},
        selectedCount: 0,
      });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onToggleExcluded() {
    this.setData({ showExcluded: !this.data.showExcluded });
  },

  onPick(event: ValueEvent<unknown, { id: string }>) {
    const id = event.currentTarget.dataset.id;
    if (!this.data.items.find((c) => c.volunteerId === id)?.selectable) return;
    const selected = { ...this.data.selected, [id]: !this.data.selected[id] };
    this.setData({ selected, selectedCount: Object.values(selected).filter(Boolean).length });
  },

  async offer(request: { volunteerIds?: string[]; groupId?: string }, question: string) {
    if (!(await confirmDialog('发出结对邀请', question, '发出邀请'))) return;
    const { planId, serviceId } = this.data;
    this.setData({ busy: true });
    try {
      const { assignments } = await needs.assign({ planId, serviceId, ...request });
      const offered = assignments.filter((a) => a.status === 'offered').length;
      const accepted = assignments.filter((a) => a.status === 'accepted').length;
      const message = [offered ? `已邀请 ${offered} 人` : '', accepted ? `${accepted} 人已结对` : '']
        .filter(Boolean)
        .join('，');
      Toast({ type: 'success', message: message || '已处理', duration: 2000 });
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },

  async onInvite() {
    const ids = Object.keys(this.data.selected).filter((id) => this.data.selected[id]);
    if (!ids.length) return void Toast({ message: '请先勾选义工', duration: 2000 });
    const question = `将向 ${ids.length} 位义工发出结对邀请，他们有 48 小时回复；未回复的会自动邀请下一位。`;
    await this.offer({ volunteerIds: ids }, question);
  },

  async onInviteGroup(event: ValueEvent<unknown, { id: string }>) {
    const group = this.data.groups.find((g) => g.groupId === event.currentTarget.dataset.id);
    if (!group) return;
    await this.offer({ groupId: group.groupId }, `将向「${group.name}」的 ${group.size} 位组员发出结对邀请。`);
  },
});
