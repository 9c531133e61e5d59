// 招募详情 — placeholder; the feature issue fills it.
Page({});
