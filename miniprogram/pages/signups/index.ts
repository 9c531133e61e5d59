// 我的报名 — placeholder; the feature issue fills it.
Page({});
