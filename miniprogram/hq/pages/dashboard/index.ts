// 总队数据 — placeholder; the feature issue fills it.
Page({});
