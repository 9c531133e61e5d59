// 成员管理 — placeholder; the feature issue fills it.
Page({});
