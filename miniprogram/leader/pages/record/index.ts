// 服务情况录入 — placeholder; the feature issue fills it.
Page({});
