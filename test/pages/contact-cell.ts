/** The contact cell of a page (招募详情, 大队详情) once it shows: its text and its 拨打 button, if any. */
import { waitFor, type RenderedPage } from '../helpers/page';

export async function contactCellOf(page: RenderedPage, id: string) {
  // The cell's markup as rendered (nested components included), reduced to its text.
  const text = () => (page.querySelector(id)?.dom?.innerHTML ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
  await waitFor(page, () => /联系人|\*\*\*\*/.test(text()), { what: id });
  return { text: text(), call: page.querySelector(id)!.querySelector('#contact-call') };
}
