// 邀请加入 — placeholder; the feature issue fills it.
Page({});
