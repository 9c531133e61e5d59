/**
 * Getting the exported CSV out of WeChat. `wx.openDocument` does not open CSV (only doc/xls/ppt/pdf formats), so
 * the file is written to the user data folder and sent to a chat with `wx.shareFileMessage` (for instance to
 * 文件传输助手, then opened with Excel on a computer — the BOM makes it read the Chinese as UTF-8). Copying the
 * text is offered as well, for pasting into a document or where sharing files is not available.
 */

/** Writes the CSV (BOM included) to the user data folder; resolves its path. */
export function writeCsvFile(fileName: string, csv: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const folder = wx.env?.USER_DATA_PATH;
    if (!folder || typeof wx.getFileSystemManager !== 'function') {
      reject(new Error('无法保存文件'));
      return;
    }
    const filePath = `${folder}/${fileName.replace(/[\\/]/g, '_')}`;
    wx.getFileSystemManager().writeFile({
      filePath,
      data: csv,
      encoding: 'utf8',
      success: () => resolve(filePath),
      fail: (error) => reject(new Error(error.errMsg || '无法保存文件')),
    });
  });
}

/** Sends the file to a WeChat chat the user picks. Must run in a tap handler. */
export function shareCsvFile(filePath: string, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (typeof wx.shareFileMessage !== 'function') {
      reject(new Error('当前微信版本不支持发送文件，请复制内容'));
      return;
    }
    wx.shareFileMessage({
      filePath,
      fileName,
      success: () => resolve(),
      fail: (error) => reject(new Error(/cancel/.test(error.errMsg) ? '' : '发送失败，请复制内容')),
    });
  });
}

/** Copies the table as text (without the BOM, which only matters to Excel opening a file). */
export function copyCsv(csv: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.setClipboardData({
      data: csv.replace(/^\uFEFF/, ''),
      success: () => resolve(),
      fail: () => reject(new Error('复制失败')),
    });
  });
}
