/* global document, Node, fetch, sessionStorage, location, window, history, URLSearchParams */
// The local cloud's console: one ES module, no build step. It keeps the local key in sessionStorage and sends it
// as `x-local-key` on every call to the console API (/v1/console/*, local-cloud/console/api.ts).

const KEY = 'local-cloud-key';
const $ = (sel) => document.querySelector(sel);
const state = { identities: { demo: [], recent: [] }, functions: [], data: { collection: '', filter: '', offset: 0 } };

// ---- helpers ----

/** Builds an element: h('td', { class: 'x', onclick }, 'text', child…). Text is always text, never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity))
    if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const showTime = (ms) => (ms === null || ms === undefined ? '—' : timeFormat.format(new Date(ms)));
const json = (v) => JSON.stringify(v, null, 2);

function toast(text, bad = false) {
  const t = $('#toast');
  t.textContent = text;
  t.className = bad ? 'toast bad' : 'toast';
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (t.hidden = true), 4000);
}

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, { method = 'GET', body, raw = false } = {}) {
  const res = await fetch(`/v1/console${path}`, {
    method,
    headers: {
      'x-local-key': sessionStorage.getItem(KEY) ?? '',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (res.status === 401) {
    sessionStorage.removeItem(KEY);
    showLogin('密钥不正确或已失效，请重新输入。');
    throw new ApiError(401, 'UNAUTHORIZED', '需要本地密钥');
  }
  if (!res.ok) {
    const e = await res.json().catch(() => ({}));
    throw new ApiError(res.status, e.code ?? 'ERROR', e.message ?? res.statusText);
  }
  return raw ? res : res.json();
}

/** Runs an action, showing its error as a toast. */
async function attempt(fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return undefined;
    toast(`出错了：${err.message}`, true);
    return undefined;
  }
}

function who(openid) {
  if (!openid) return '（无身份）';
  const demo = state.identities.demo.find((i) => i.openid === openid);
  return demo ? `${demo.label}` : openid;
}

function table(headers, rows, attrs = {}) {
  return h(
    'table',
    attrs,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', {}, x)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

function codeBadge(code) {
  return h('span', { class: code === 'ok' ? 'badge ok' : 'badge bad' }, code === 'ok' ? '成功' : code);
}

function metricsText(m) {
  return `请求 ${m.requests} · 读 ${m.docsRead} · 写 ${m.docsWritten}`;
}

/** What a call wrote: one line per write, each document id a link into the data browser. */
function writesList(writes) {
  if (!writes?.length) return h('p', { class: 'muted' }, '没有写入数据库。');
  const ops = { insert: '新增', update: '修改', remove: '删除' };
  return h(
    'ul',
    { class: 'writes' },
    writes.map((w) =>
      h(
        'li',
        {},
        h('span', { class: 'op' }, ops[w.op] ?? w.op),
        ' ',
        h('b', {}, w.collection),
        ' ',
        w.ids.length
          ? w.ids.map((id) =>
              h('a', { href: '#data', class: 'doc-link', onclick: () => openDoc(w.collection, id) }, id),
            )
          : h('code', {}, w.query ?? ''),
        w.count > 1 ? ` （${w.count} 条）` : '',
        w.inTransaction ? h('span', { class: 'muted' }, ' 事务内') : '',
      ),
    ),
  );
}

function messagesList(ids) {
  if (!ids?.length) return h('p', { class: 'muted' }, '没有发送消息。');
  return h(
    'p',
    {},
    ids.map((id) =>
      h('a', { href: '#outbox', class: 'msg-link', onclick: () => (state.highlight = id) }, `消息 #${id}`),
    ),
  );
}

// ---- login and navigation ----

function showLogin(message = '') {
  $('#app').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = message;
  $('#key').focus();
}

async function enter() {
  const ok = await attempt(async () => {
    [state.identities, state.functions] = await Promise.all([api('/identities'), api('/functions')]);
    return true;
  });
  if (!ok) return;
  $('#login').hidden = true;
  $('#app').hidden = false;
  show(location.hash.slice(1) || 'overview');
}

const PANELS = { overview, data, functions, requests, outbox, timers, clock, storage, backup };

function show(tab) {
  const name = PANELS[tab] ? tab : 'overview';
  for (const a of document.querySelectorAll('.nav a')) a.classList.toggle('active', a.dataset.tab === name);
  for (const s of document.querySelectorAll('.panel')) s.hidden = s.id !== name;
  void attempt(() => PANELS[name]($(`#${name}`)));
}

// ---- panels ----

async function overview(el) {
  const o = await api('/overview');
  el.replaceChildren(
    h('h2', {}, '概览'),
    h(
      'div',
      { class: 'cards' },
      h(
        'div',
        { class: 'card' },
        h('small', {}, '本地时钟（北京时间）'),
        h('b', { id: 'overview-clock' }, showTime(o.clock.now)),
      ),
      h('div', { class: 'card' }, h('small', {}, '数据目录'), h('code', {}, o.dataDir ?? '内存中（不保存）')),
      h('div', { class: 'card' }, h('small', {}, '最近调用'), h('b', {}, o.requests)),
      h('div', { class: 'card' }, h('small', {}, '已发消息'), h('b', {}, o.messages)),
    ),
    h('h3', {}, '集合'),
    table(
      ['集合', '文档数', ''],
      o.collections.map((c) =>
        h(
          'tr',
          { 'data-collection': c.name },
          h('td', {}, c.name),
          h('td', { class: 'num' }, c.count),
          h('td', {}, h('a', { href: '#data', onclick: () => browse(c.name, '') }, '浏览')),
        ),
      ),
      { id: 'overview-collections' },
    ),
    h('h3', {}, '函数'),
    table(
      ['函数', '动作', '超时', '定时器', '下次运行'],
      o.functions.map((f) =>
        h(
          'tr',
          {},
          h('td', {}, f.name),
          h('td', { class: 'wrap' }, f.actions.join('、') || '—'),
          h('td', { class: 'num' }, `${f.timeoutMs / 1000} 秒`),
          h('td', {}, f.timer ? h('code', {}, f.timer.config) : '—'),
          h('td', {}, f.timer ? showTime(f.timer.next) : '—'),
        ),
      ),
    ),
  );
}

function browse(collection, filter) {
  state.data = { collection, filter, offset: 0 };
}

function openDoc(collection, id) {
  state.data = { collection, filter: JSON.stringify({ _id: id }), offset: 0, open: id };
}

/** Renders of the data panel started so far: only the newest may draw (a slow older one must not overwrite it). */
let dataRenders = 0;

async function data(el) {
  const render = (dataRenders += 1);
  const names = (await api('/overview')).collections.map((c) => c.name);
  const d = state.data;
  if (!d.collection) d.collection = names[0] ?? '';
  const select = h(
    'select',
    { id: 'data-collection', 'aria-label': '集合' },
    names.map((n) => h('option', { value: n, selected: n === d.collection }, n)),
  );
  const filter = h('input', {
    id: 'data-filter',
    value: d.filter,
    placeholder: '筛选（SDK 查询语法），如 {"status":"confirmed"} 或 {"hours":{"$gt":2}}',
    'aria-label': '筛选',
  });
  const run = () => {
    state.data = { collection: select.value, filter: filter.value, offset: 0 };
    void attempt(() => data(el));
  };
  select.addEventListener('change', run);
  filter.addEventListener('keydown', (e) => e.key === 'Enter' && run());
  const page = await api(
    `/docs/${encodeURIComponent(d.collection)}?filter=${encodeURIComponent(d.filter)}&offset=${d.offset}&limit=20`,
  );
  if (render !== dataRenders) return;
  const editor = h('div', { id: 'doc-editor-box' });
  const rows = page.list.map((doc) =>
    h(
      'tr',
      { 'data-id': doc._id },
      h('td', {}, h('code', {}, String(doc._id))),
      h('td', { class: 'summary' }, summary(doc)),
      h(
        'td',
        {},
        h(
          'button',
          { type: 'button', class: 'small', onclick: () => edit(el, editor, d.collection, doc) },
          '查看 / 编辑',
        ),
      ),
    ),
  );
  const pager = h(
    'div',
    { class: 'pager' },
    h(
      'button',
      {
        type: 'button',
        disabled: d.offset === 0,
        onclick: () => ((d.offset = Math.max(0, d.offset - 20)), attempt(() => data(el))),
      },
      '上一页',
    ),
    h(
      'span',
      { id: 'data-total' },
      page.total ? `第 ${d.offset + 1}–${d.offset + page.list.length} 条，共 ${page.total} 条` : '没有符合条件的文档',
    ),
    h(
      'button',
      {
        type: 'button',
        disabled: d.offset + 20 >= page.total,
        onclick: () => ((d.offset += 20), attempt(() => data(el))),
      },
      '下一页',
    ),
  );
  el.replaceChildren(
    h('h2', {}, '数据'),
    h(
      'div',
      { class: 'toolbar' },
      select,
      filter,
      h('button', { type: 'button', id: 'data-run', onclick: run }, '查询'),
    ),
    table(['_id', '内容', ''], rows, { id: 'data-table', 'data-collection': d.collection }),
    pager,
    editor,
  );
  const open = d.open && page.list.find((doc) => doc._id === d.open);
  d.open = undefined;
  if (open) edit(el, editor, d.collection, open);
}

function summary(doc) {
  const { _id, ...rest } = doc;
  const text = JSON.stringify(rest);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

function edit(panel, box, collection, doc) {
  const area = h('textarea', { id: 'doc-editor', spellcheck: 'false', rows: 18, 'aria-label': '文档 JSON' });
  area.value = json(doc);
  const id = encodeURIComponent(String(doc._id));
  const save = async () => {
    let value;
    try {
      value = JSON.parse(area.value);
    } catch (e) {
      return toast(`不是有效的 JSON：${e.message}`, true);
    }
    await attempt(async () => {
      await api(`/docs/${encodeURIComponent(collection)}/${id}`, { method: 'PUT', body: value });
      state.data.open = doc._id;
      await data(panel);
      toast('已保存'); // after the panel shows the saved document, not while it is still being redrawn
    });
  };
  const remove = async () => {
    if (!sure.checked) return toast('请先勾选“确认删除”', true);
    await attempt(async () => {
      await api(`/docs/${encodeURIComponent(collection)}/${id}`, { method: 'DELETE' });
      await data(panel);
      toast('已删除');
    });
  };
  const sure = h('input', { type: 'checkbox', id: 'doc-delete-sure' });
  box.replaceChildren(
    h('h3', {}, `${collection} / ${doc._id}`),
    h('p', { class: 'muted' }, '日期写作 {"$date":"…"}；保存会整体替换文档（_id 不变）。'),
    area,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', id: 'doc-save', onclick: save }, '保存'),
      h('label', { class: 'danger' }, sure, ' 确认删除'),
      h('button', { type: 'button', id: 'doc-delete', class: 'danger', onclick: remove }, '删除'),
      h('button', { type: 'button', class: 'link', onclick: () => box.replaceChildren() }, '关闭'),
    ),
  );
}

function identityOptions(selected) {
  const { demo, recent } = state.identities;
  const others = recent.filter((o) => !demo.some((d) => d.openid === o));
  return [
    h('option', { value: '', selected: !selected }, '（无身份）'),
    demo.length
      ? h(
          'optgroup',
          { label: '演示身份' },
          demo.map((i) =>
            h('option', { value: i.openid, selected: i.openid === selected }, `${i.label} · ${i.openid}`),
          ),
        )
      : null,
    others.length
      ? h(
          'optgroup',
          { label: '最近的调用者' },
          others.map((o) => h('option', { value: o, selected: o === selected }, o)),
        )
      : null,
  ];
}

async function functions(el) {
  state.identities = await api('/identities');
  const fns = state.functions;
  const call = (state.call ??= {
    fn: fns.find((f) => f.name === 'volunteers')?.name ?? fns[0]?.name ?? '',
    openid: state.identities.demo.find((i) => i.role === 'volunteer')?.openid ?? '',
  });
  const fnSelect = h(
    'select',
    { id: 'call-fn', 'aria-label': '函数' },
    fns.map((f) => h('option', { value: f.name, selected: f.name === call.fn }, f.name)),
  );
  const actionSelect = h('select', { id: 'call-action', 'aria-label': '动作' });
  const who = h('select', { id: 'call-openid', 'aria-label': '身份' }, identityOptions(call.openid));
  const custom = h('input', {
    id: 'call-openid-custom',
    placeholder: '或输入其他 openid',
    'aria-label': '其他 openid',
  });
  const event = h('textarea', { id: 'call-event', rows: 10, spellcheck: 'false', 'aria-label': '事件 JSON' });
  const out = h('div', { id: 'call-result' });
  const fillActions = () => {
    const fn = fns.find((f) => f.name === fnSelect.value);
    actionSelect.replaceChildren(...(fn?.actions ?? []).map((a) => h('option', { value: a }, a)));
    event.value = json({ action: actionSelect.value });
  };
  fnSelect.addEventListener('change', fillActions);
  actionSelect.addEventListener('change', () => {
    let e = {};
    try {
      e = JSON.parse(event.value);
    } catch {
      /* replaced below */
    }
    event.value = json({ ...e, action: actionSelect.value });
  });
  fillActions();
  const run = async () => {
    let ev;
    try {
      ev = JSON.parse(event.value);
    } catch (e) {
      return toast(`事件不是有效的 JSON：${e.message}`, true);
    }
    const openid = custom.value.trim() || who.value;
    state.call = { fn: fnSelect.value, openid };
    out.replaceChildren(h('p', { class: 'muted' }, '调用中…'));
    const r = await attempt(() =>
      api('/call', { method: 'POST', body: { function: fnSelect.value, event: ev, openid } }),
    );
    if (!r) return out.replaceChildren();
    out.replaceChildren(
      h(
        'div',
        { class: 'result-head' },
        codeBadge(r.code),
        h('span', { id: 'call-metrics' }, metricsText(r.metrics)),
        h('span', {}, `${r.ms} 毫秒`),
        h('code', { class: 'muted' }, r.requestId),
      ),
      h('h4', {}, '写入'),
      writesList(r.writes),
      h('h4', {}, '消息'),
      messagesList(r.messages),
      h('h4', {}, '返回值'),
      h('pre', { class: 'json' }, json(r.result)),
    );
  };
  el.replaceChildren(
    h('h2', {}, '调用函数'),
    h(
      'div',
      { class: 'form' },
      h('label', {}, '函数', fnSelect),
      h('label', {}, '动作', actionSelect),
      h('label', {}, '身份', who, custom),
    ),
    h('label', { class: 'block' }, '事件（JSON，action 之外是参数）', event),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'call-run', onclick: run }, '调用')),
    out,
  );
}

async function requests(el) {
  const f = (state.requestFilter ??= { fn: '', openid: '', result: '' });
  const qs = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
  const list = await api(`/requests?${qs}`);
  const fnSelect = h(
    'select',
    { id: 'log-fn', 'aria-label': '函数' },
    h('option', { value: '' }, '全部函数'),
    state.functions.map((x) => h('option', { value: x.name, selected: x.name === f.fn }, x.name)),
  );
  const who = h(
    'select',
    { id: 'log-openid', 'aria-label': '调用者' },
    h('option', { value: '' }, '全部调用者'),
    [
      ...new Set([...state.identities.demo.map((i) => i.openid), ...state.identities.recent, f.openid].filter(Boolean)),
    ].map((o) => h('option', { value: o, selected: o === f.openid }, who_(o))),
  );
  const result = h(
    'select',
    { id: 'log-result', 'aria-label': '结果' },
    [
      ['', '全部结果'],
      ['ok', '成功'],
      ['error', '失败'],
    ].map(([v, t]) => h('option', { value: v, selected: v === f.result }, t)),
  );
  const apply = () => {
    state.requestFilter = { fn: fnSelect.value, openid: who.value, result: result.value };
    void attempt(() => requests(el));
  };
  for (const s of [fnSelect, who, result]) s.addEventListener('change', apply);
  const detail = h('div', { id: 'log-detail' });
  const rows = list.map((r) =>
    h(
      'tr',
      { class: 'clickable', 'data-request': r.requestId, onclick: () => showRequest(detail, r) },
      h('td', {}, showTime(r.at)),
      h('td', {}, r.fn, r.action ? h('span', { class: 'muted' }, `.${r.action}`) : ''),
      h('td', {}, who_(r.openid)),
      h('td', {}, SOURCES[r.source] ?? r.source),
      h('td', {}, codeBadge(r.result)),
      h('td', { class: 'num' }, `${r.ms} 毫秒`),
      h('td', { class: 'num' }, metricsText(r.metrics)),
      h(
        'td',
        {},
        r.writes.length ? `${r.writes.length} 处` : '—',
        r.messages.length ? ` · ${r.messages.length} 条消息` : '',
      ),
    ),
  );
  el.replaceChildren(
    h('h2', {}, '请求日志'),
    h('div', { class: 'toolbar' }, fnSelect, who, result, h('button', { type: 'button', onclick: apply }, '刷新')),
    list.length
      ? table(['时间', '函数.动作', '调用者', '来源', '结果', '耗时', '数据库', '写入 / 消息'], rows, {
          id: 'log-table',
          'data-filter': qs,
        })
      : h('p', { class: 'muted' }, '还没有调用记录。'),
    detail,
  );
  const wanted = state.openRequest && list.find((r) => r.requestId === state.openRequest);
  state.openRequest = undefined;
  if (wanted) showRequest(detail, wanted);
}

/** Opens the request log at one call (from a message, say). */
function openRequest(sender) {
  state.requestFilter = { fn: sender.fn, openid: '', result: '' };
  state.openRequest = sender.requestId;
}

const SOURCES = {
  http: 'HTTP',
  callFunction: '函数调用',
  timer: '定时器',
  push: '消息推送',
  direct: '直接调用',
  console: '控制台',
};
const who_ = who;

function showRequest(box, r) {
  box.replaceChildren(
    h('h3', {}, `${r.fn}${r.action ? `.${r.action}` : ''} `, codeBadge(r.result)),
    h(
      'p',
      { class: 'muted' },
      `${showTime(r.at)} · ${who(r.openid)} · ${r.ms} 毫秒 · ${metricsText(r.metrics)} · ${r.requestId}`,
    ),
    r.message ? h('p', { class: 'error' }, r.message) : '',
    h('h4', {}, '写入'),
    writesList(r.writes),
    h('h4', {}, '消息'),
    messagesList(r.messages),
    h(
      'div',
      { class: 'two' },
      h('div', {}, h('h4', {}, '事件'), h('pre', { class: 'json' }, json(r.event))),
      h('div', {}, h('h4', {}, '返回值'), h('pre', { class: 'json' }, json(r.reply ?? null))),
    ),
  );
  box.scrollIntoView({ block: 'nearest' });
}

async function outbox(el) {
  const list = await api('/outbox');
  const highlight = state.highlight;
  state.highlight = undefined;
  el.replaceChildren(
    h('h2', {}, '消息'),
    h('p', { class: 'muted' }, '函数发出的订阅消息，按手机上的样子显示（最新在前）。'),
    list.length
      ? h(
          'div',
          { class: 'phones' },
          list.map((m) =>
            h(
              'article',
              { class: m.id === highlight ? 'phone highlight' : 'phone', id: `msg-${m.id}`, 'data-message': m.id },
              h(
                'header',
                {},
                h('span', { class: 'app-name' }, '博爱义工'),
                h('span', { class: 'muted' }, showTime(m.at)),
              ),
              h('h3', {}, m.title),
              h(
                'dl',
                {},
                m.rows.map((row) => [h('dt', {}, row.label), h('dd', {}, row.value)]),
              ),
              m.page ? h('footer', {}, h('span', {}, '进入小程序查看'), h('code', {}, m.page)) : null,
              h(
                'p',
                { class: 'meta' },
                `#${m.id} · 发给 ${who(m.touser)} · 由 ${m.function ?? '—'} 发出 `,
                m.sentBy
                  ? h(
                      'a',
                      { href: '#requests', class: 'sender-link', onclick: () => openRequest(m.sentBy) },
                      '查看这次调用',
                    )
                  : null,
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '还没有发出消息。'),
  );
  if (highlight) $(`#msg-${highlight}`)?.scrollIntoView({ block: 'center' });
}

async function timers(el) {
  const list = await api('/timers');
  const out = h('div', { id: 'timer-result' });
  el.replaceChildren(
    h('h2', {}, '定时器'),
    table(
      ['函数', '触发器', '计划（秒 分 时 日 月 周 年，北京时间）', '下次运行', ''],
      list.map((f) =>
        h(
          'tr',
          { 'data-timer': f.name },
          h('td', {}, f.name),
          h('td', {}, f.timer.name),
          h('td', {}, h('code', {}, f.timer.config)),
          h('td', {}, showTime(f.timer.next)),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                onclick: async () => {
                  out.replaceChildren(h('p', { class: 'muted' }, `${f.name} 运行中…`));
                  const r = await attempt(() => api(`/timers/${encodeURIComponent(f.name)}/fire`, { method: 'POST' }));
                  if (r)
                    out.replaceChildren(
                      h('p', {}, `${f.name}：`, codeBadge(r.code), ` ${metricsText(r.metrics)} · ${r.ms} 毫秒`),
                      h('pre', { class: 'json' }, json(r.result)),
                    );
                },
              },
              '立即触发',
            ),
          ),
        ),
      ),
    ),
    out,
  );
}

async function clock(el) {
  const c = await api('/clock');
  const move = async (body) => {
    const r = await attempt(() => api('/clock', { method: 'POST', body }));
    if (r) {
      toast(`时钟已调到 ${showTime(r.now)}`);
      await attempt(() => clock(el));
    }
  };
  const at = h('input', { id: 'clock-at', type: 'datetime-local', 'aria-label': '设定时间（北京时间）' });
  el.replaceChildren(
    h('h2', {}, '时钟'),
    h('p', { class: 'big', id: 'clock-now' }, showTime(c.now)),
    h('p', { class: 'muted' }, `北京时间；UTC ${c.iso}。函数、定时器和消息都用这个时钟。`),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', id: 'clock-hour', onclick: () => move({ advanceMs: 3600e3 }) }, '前进 1 小时'),
      h('button', { type: 'button', id: 'clock-day', onclick: () => move({ advanceMs: 86400e3 }) }, '前进 1 天'),
      h('button', { type: 'button', onclick: () => move({ advanceMs: 7 * 86400e3 }) }, '前进 7 天'),
    ),
    h(
      'div',
      { class: 'toolbar' },
      at,
      h(
        'button',
        {
          type: 'button',
          id: 'clock-set',
          onclick: () => at.value && move({ now: Date.parse(`${at.value}:00+08:00`) }),
        },
        '设为此时间',
      ),
      h('button', { type: 'button', onclick: () => move({ now: Date.now() }) }, '回到现在'),
    ),
  );
}

async function storage(el) {
  const list = await api('/storage');
  const preview = h('div', { id: 'storage-preview' });
  const view = async (f) => {
    const res = await attempt(() => api(`/storage/file?path=${encodeURIComponent(f.path)}`, { raw: true }));
    if (!res) return;
    const url = URL.createObjectURL(await res.blob());
    preview.replaceChildren(
      h('h3', {}, f.path),
      f.contentType.startsWith('image/')
        ? h('img', { src: url, alt: f.path })
        : h('a', { href: url, download: f.path.split('/').pop() }, '下载'),
    );
  };
  el.replaceChildren(
    h('h2', {}, '存储'),
    list.length
      ? table(
          ['路径', '大小', '类型', '上传者', '时间', ''],
          list.map((f) =>
            h(
              'tr',
              { 'data-path': f.path },
              h('td', { class: 'wrap' }, h('code', {}, f.path)),
              h('td', { class: 'num' }, `${(f.size / 1024).toFixed(1)} KB`),
              h('td', {}, f.contentType),
              h('td', {}, f.openid ? who(f.openid) : '函数'),
              h('td', {}, showTime(f.uploadedAt)),
              h(
                'td',
                {},
                h(
                  'button',
                  { type: 'button', class: 'small', onclick: () => view(f) },
                  f.contentType.startsWith('image/') ? '查看图片' : '下载',
                ),
              ),
            ),
          ),
          { id: 'storage-table' },
        )
      : h('p', { class: 'muted' }, '还没有文件。'),
    preview,
  );
}

async function backup(el) {
  const status = h('p', { id: 'backup-status', class: 'muted' });
  const file = h('input', {
    type: 'file',
    id: 'import-file',
    accept: 'application/json,.json',
    'aria-label': '导入文件',
  });
  const sure = h('input', { type: 'checkbox', id: 'import-sure' });
  const exportAll = async () => {
    const res = await attempt(() => api('/export', { raw: true }));
    if (!res) return;
    const blob = await res.blob();
    const dump = JSON.parse(await blob.text());
    const count = Object.values(dump.collections).reduce((n, docs) => n + docs.length, 0);
    const a = h(
      'a',
      {
        href: URL.createObjectURL(blob),
        download: `local-cloud-${dump.exportedAt.slice(0, 10)}.json`,
        id: 'export-link',
      },
      '保存导出文件',
    );
    status.replaceChildren(`已导出 ${Object.keys(dump.collections).length} 个集合、${count} 个文档。`, a);
    a.click();
  };
  const importAll = async () => {
    if (!file.files?.[0]) return toast('请先选择导出的 JSON 文件', true);
    if (!sure.checked) return toast('请先勾选“确认替换全部数据”', true);
    const r = await attempt(async () => api('/import', { method: 'POST', body: await file.files[0].text() }));
    if (r)
      status.textContent = `已导入 ${Object.keys(r.imported).length} 个集合、${Object.values(r.imported).reduce((a, b) => a + b, 0)} 个文档。`;
  };
  el.replaceChildren(
    h('h2', {}, '导出 / 导入'),
    h('p', {}, '导出整个数据库（所有集合与文档）为一个 JSON 文件；导入会先清空再写入，替换全部数据。'),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'export-run', onclick: exportAll }, '导出')),
    h(
      'div',
      { class: 'toolbar' },
      file,
      h('label', { class: 'danger' }, sure, ' 确认替换全部数据'),
      h('button', { type: 'button', id: 'import-run', class: 'danger', onclick: importAll }, '导入'),
    ),
    status,
  );
}

// ---- start ----

$('#login').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(KEY, $('#key').value.trim());
  void enter();
});
$('#logout').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  showLogin();
});
window.addEventListener('hashchange', () => {
  if (!$('#app').hidden) show(location.hash.slice(1));
});
const fromLink = /(?:^#|&)key=([^&]+)/.exec(location.hash);
if (fromLink) {
  sessionStorage.setItem(KEY, decodeURIComponent(fromLink[1]));
  history.replaceState(null, '', location.pathname);
}
if (sessionStorage.getItem(KEY)) void enter();
else showLogin();
