// 新建大队 — placeholder; the feature issue fills it.
Page({});
