// 小组管理 — placeholder; the feature issue fills it.
Page({});
