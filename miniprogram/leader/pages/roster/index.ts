// 报名名单 — placeholder; the feature issue fills it.
Page({});
