// 大队管理 — placeholder; the feature issue fills it.
Page({});
