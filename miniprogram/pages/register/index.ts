// 登记注册 — placeholder; the feature issue fills it.
Page({});
