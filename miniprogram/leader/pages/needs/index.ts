// 服务对象与需求 — placeholder until the needs domain is built.
Page({});
