// 发布招募 — placeholder; the feature issue fills it.
Page({});
