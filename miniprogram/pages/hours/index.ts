// 服务时长 — placeholder; the feature issue fills it.
Page({});
