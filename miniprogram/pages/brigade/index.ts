// 大队详情 — placeholder; the feature issue fills it.
Page({});
