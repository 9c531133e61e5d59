/** `wxacode.getUnlimited`: a real PNG QR code of the page and scene (a stand-in for the round mini program code). */
import QRCode from 'qrcode';

export type OpenApiReply = { json: Record<string, unknown> } | { buffer: Buffer; contentType: string };

export async function getUnlimited(req: Record<string, unknown>): Promise<OpenApiReply> {
  const scene = req.scene;
  if (typeof scene !== 'string' || !scene || scene.length > 32) {
    return { json: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' } };
  }
  const page = req.page === undefined ? '' : String(req.page);
  if (page.startsWith('/')) return { json: { errcode: 41030, errmsg: 'invalid page' } };
  const width = Math.min(Math.max(Number(req.width) || 430, 280), 1280);
  const text = `${page || 'pages/index/index'}?scene=${encodeURIComponent(scene)}`;
  const buffer = await QRCode.toBuffer(text, { type: 'png', width, margin: 2 });
  return { buffer, contentType: 'image/png' };
}
