// 荣誉表彰 — placeholder; the feature issue fills it.
Page({});
