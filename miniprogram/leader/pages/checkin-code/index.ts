// 签到码 — placeholder; the feature issue fills it.
Page({});
