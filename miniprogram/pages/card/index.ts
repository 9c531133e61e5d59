// 义工证 — placeholder; the feature issue fills it.
Page({});
