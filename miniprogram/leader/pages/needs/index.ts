// 服务对象与需求 — placeholder; the feature issue fills it.
Page({});
