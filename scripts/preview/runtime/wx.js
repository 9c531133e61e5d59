/* global fetch, FormData */
// The `wx` object for the preview webview: enough of the API for pages to run, with network calls forwarded
// to the local cloud (the Node side routes http://cloud.preview/* to it) and everything else recorded.
const WINDOW = { width: 375, height: 812, statusBarHeight: 44, pixelRatio: 2 };

function complete(options, result, ok = true) {
  const opts = options || {};
  Promise.resolve().then(() => {
    if (ok && opts.success) opts.success(result);
    if (!ok && opts.fail) opts.fail(result);
    if (opts.complete) opts.complete(result);
  });
  return ok ? Promise.resolve(result) : Promise.reject(result);
}

function createWx(env) {
  const storage = new Map(Object.entries(env.storage || {}));
  const log = (kind, detail) => env.record(kind, detail);
  const systemInfo = {
    brand: 'iPhone', model: 'iPhone X', pixelRatio: WINDOW.pixelRatio, screenWidth: WINDOW.width,
    screenHeight: WINDOW.height, windowWidth: WINDOW.width, windowHeight: env.windowHeight,
    statusBarHeight: WINDOW.statusBarHeight, language: 'zh_CN', version: '8.0.50', system: 'iOS 17.0',
    platform: 'ios', fontSizeSetting: 16, SDKVersion: '3.6.0', environment: '', theme: 'light',
    safeArea: { left: 0, right: WINDOW.width, top: 44, bottom: 778, width: WINDOW.width, height: 734 },
  };

  function request(options) {
    const method = (options.method || 'GET').toUpperCase();
    const headers = Object.assign({}, options.header || {});
    const init = { method, headers };
    if (method !== 'GET' && options.data !== undefined) {
      init.body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
    }
    log('request', { url: options.url, method });
    const task = fetch(options.url, init).then(
      async (res) => {
        const text = await res.text();
        let data = text;
        try {
          data = JSON.parse(text);
        } catch {
          // keep text
        }
        const header = {};
        res.headers.forEach((v, k) => (header[k] = v));
        return complete(options, { statusCode: res.status, data, header, errMsg: 'request:ok' });
      },
      (err) => complete(options, { errMsg: `request:fail ${err && err.message}` }, false),
    );
    task.catch(() => {});
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  }

  /** A multipart form as wx.uploadFile sends it; the file's bytes come from its temp path (served by the host). */
  async function postFile(url, filePath, name, formData, header) {
    const form = new FormData();
    for (const [k, v] of Object.entries(formData || {})) form.append(k, v);
    form.append(name, await (await fetch(filePath)).blob(), filePath.split('/').pop());
    const res = await fetch(url, { method: 'POST', headers: header || {}, body: form });
    return { statusCode: res.status, data: await res.text() };
  }

  function uploadFile(options) {
    log('uploadFile', options.url);
    postFile(options.url, options.filePath, options.name, options.formData, options.header).then(
      (res) => complete(options, Object.assign(res, { errMsg: 'uploadFile:ok' })),
      (err) => complete(options, { errMsg: `uploadFile:fail ${err && err.message}` }, false),
    ).catch(() => {});
    return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
  }

  const noop = (name) => (options) => {
    log(name, options && typeof options === 'object' ? Object.keys(options) : options);
    return complete(options, { errMsg: `${name}:ok` });
  };

  const wx = {
    request,
    cloud: {
      init() {},
      callFunction(options) {
        return new Promise((resolve, reject) => {
          request({
            url: `${env.cloudUrl}/v1/functions/${options.name}`,
            method: 'POST',
            header: { 'content-type': 'application/json', 'x-wx-openid': env.openid },
            data: options.data || {},
            success: (res) => {
              const out = { result: res.data, errMsg: 'cloud.callFunction:ok' };
              if (options.success) options.success(out);
              resolve(out);
            },
            fail: (err) => {
              if (options.fail) options.fail(err);
              reject(err);
            },
          });
        });
      },
      uploadFile(options) {
        log('cloud.uploadFile', options.cloudPath);
        return postFile(`${env.cloudUrl}/v1/storage/upload`, options.filePath, 'file', { cloudPath: options.cloudPath }, {
          'x-wx-openid': env.openid,
        }).then(
          (res) => {
            const fileID = res.statusCode === 200 ? JSON.parse(res.data).fileID : undefined;
            if (!fileID) return complete(options, { errCode: -1, errMsg: 'cloud.uploadFile:fail' }, false);
            return complete(options, { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
          },
          (err) => complete(options, { errCode: -1, errMsg: `cloud.uploadFile:fail ${err && err.message}` }, false),
        );
      },
      getTempFileURL: (o) => complete(o, { fileList: [] }),
      database() {
        throw new Error('wx.cloud.database is not available in previews');
      },
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: (o) => complete(o, { data: storage.get(o.key) }, storage.has(o.key)),
    setStorage: (o) => (storage.set(o.key, o.data), complete(o, {})),
    removeStorage: (o) => (storage.delete(o.key), complete(o, {})),
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (o) => complete(o, systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemSetting: () => ({ deviceOrientation: 'portrait' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wxpreview', envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 50, bottom: 82, left: 281, right: 368 }),
    getLaunchOptionsSync: () => ({ path: env.route, query: env.query, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: env.route, query: env.query, scene: 1001 }),
    canIUse: () => true,
    nextTick: (fn) => Promise.resolve().then(fn),
    showToast: (o) => (env.toast(o && o.title, o && o.icon), complete(o, {})),
    hideToast: (o) => (env.toast(''), complete(o, {})),
    showLoading: (o) => (env.toast(o && o.title, 'loading'), complete(o, {})),
    hideLoading: (o) => (env.toast(''), complete(o, {})),
    showModal: (o) => (log('showModal', o && o.title), complete(o, { confirm: !!env.modalConfirm, cancel: !env.modalConfirm })),
    showActionSheet: (o) => complete(o, { errMsg: 'showActionSheet:fail cancel' }, false),
    navigateTo: (o) => (log('navigateTo', o && o.url), complete(o, {})),
    redirectTo: (o) => (log('redirectTo', o && o.url), complete(o, {})),
    reLaunch: (o) => (log('reLaunch', o && o.url), complete(o, {})),
    switchTab: (o) => (log('switchTab', o && o.url), complete(o, {})),
    navigateBack: (o) => (log('navigateBack', o && o.delta), complete(o, {})),
    setNavigationBarTitle: (o) => (env.setTitle(o.title), complete(o, {})),
    setNavigationBarColor: (o) => complete(o, {}),
    showNavigationBarLoading: noop('showNavigationBarLoading'),
    hideNavigationBarLoading: noop('hideNavigationBarLoading'),
    stopPullDownRefresh: noop('stopPullDownRefresh'),
    startPullDownRefresh: noop('startPullDownRefresh'),
    pageScrollTo: (o) => {
      log('pageScrollTo', o && (o.selector || o.scrollTop));
      if (env.scrollTo) env.scrollTo(o || {});
      return complete(o, { errMsg: 'pageScrollTo:ok' });
    },
    setClipboardData: noop('setClipboardData'),
    makePhoneCall: noop('makePhoneCall'),
    previewImage: (o) => (log('previewImage', o && o.current), complete(o, {})),
    // The same small PNG every time (served at /__tmp/ by the host), so previews of an upload are repeatable.
    chooseMedia: (o) =>
      complete(o, {
        type: 'image',
        tempFiles: [{ tempFilePath: '/__tmp/certificate.png', size: 154, fileType: 'image' }],
      }),
    uploadFile,
    chooseImage: (o) => complete(o, { errMsg: 'chooseImage:fail cancel' }, false),
    chooseLocation: (o) => complete(o, { errMsg: 'chooseLocation:fail cancel' }, false),
    getLocation: (o) => complete(o, { latitude: 22.517, longitude: 113.392, accuracy: 30 }),
    openLocation: noop('openLocation'),
    scanCode: (o) => complete(o, { errMsg: 'scanCode:fail cancel' }, false),
    login: (o) => complete(o, { code: 'preview-code' }),
    getSetting: (o) => complete(o, { authSetting: {} }),
    authorize: (o) => complete(o, {}),
    openSetting: (o) => complete(o, { authSetting: {} }),
    requestSubscribeMessage: (o) => complete(o, {}),
    getPrivacySetting: (o) => complete(o, { needAuthorization: false, privacyContractName: '' }),
    onNeedPrivacyAuthorization() {},
    requirePrivacyAuthorize: (o) => complete(o, {}),
    openPrivacyContract: noop('openPrivacyContract'),
    showShareMenu: noop('showShareMenu'),
    hideShareMenu: noop('hideShareMenu'),
    vibrateShort: noop('vibrateShort'),
    saveImageToPhotosAlbum: noop('saveImageToPhotosAlbum'),
    // A canvas 2d node is a browser canvas here: its PNG as a data URL stands for the temp file.
    canvasToTempFilePath: (o) =>
      o && o.canvas && o.canvas.toDataURL
        ? complete(o, { tempFilePath: o.canvas.toDataURL('image/png'), errMsg: 'canvasToTempFilePath:ok' })
        : complete(o, { errMsg: 'canvasToTempFilePath:fail' }, false),
    showShareImageMenu: (o) => (log('showShareImageMenu', o && typeof o.path), complete(o, {})),
    // No file system: writes fail (callers fall back to what they had, e.g. a data URL).
    getFileSystemManager: () => ({
      writeFile: (o) => void complete(o, { errMsg: 'writeFile:fail not supported in previews' }, false).catch(() => {}),
    }),
    createCanvasContext: () => new Proxy({}, { get: () => () => {} }),
    createSelectorQuery: () => env.createSelectorQuery(),
    createIntersectionObserver: (component, options) => component.createIntersectionObserver(options),
    createAnimation: () => {
      const steps = [];
      const anim = new Proxy(
        {},
        {
          get: (_t, key) => {
            if (key === 'export') return () => ({ actions: steps.splice(0) });
            if (key === 'step') return () => anim;
            return () => anim;
          },
        },
      );
      return anim;
    },
    onAppShow() {},
    offAppShow() {},
    onAppHide() {},
    offAppHide() {},
    onError() {},
    onNetworkStatusChange() {},
    getNetworkType: (o) => complete(o, { networkType: 'wifi' }),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    reportAnalytics() {},
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };
  return new Proxy(wx, {
    get(target, key) {
      if (key in target) return target[key];
      if (typeof key !== 'string' || key === 'then') return undefined;
      return noop(key);
    },
  });
}

module.exports = { createWx };
