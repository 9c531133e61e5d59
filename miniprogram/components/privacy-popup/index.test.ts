// The privacy popup: opens when WeChat asks for consent, answers through the listener's resolve.
import { answer, installPrivacyHandler, type PrivacyResolveOption } from '../../utils/privacy';
import { renderComponent, settle, tap, textOf, waitForText } from '../../../test/helpers/page';

type Listener = (resolve: (option: PrivacyResolveOption) => void, info: { referrer: string }) => void;

describe('privacy-popup', () => {
  let listener: Listener | undefined;

  beforeAll(() => {
    (wx as unknown as { onNeedPrivacyAuthorization: (l: Listener) => void }).onNeedPrivacyAuthorization = (l) => {
      listener = l;
    };
    installPrivacyHandler();
  });

  afterEach(() => answer(false)); // nothing left waiting for the next case

  async function askConsent(): Promise<{ answers: PrivacyResolveOption[]; popup: ReturnType<typeof renderComponent> }> {
    const popup = renderComponent('components/privacy-popup/index');
    await settle();
    expect(popup.instance.data.show).toBe(false);
    const answers: PrivacyResolveOption[] = [];
    listener!((option) => answers.push(option), { referrer: 'button.getPhoneNumber' });
    await settle();
    return { answers, popup };
  }

  it('registers a listener at app start and shows the notice when consent is needed', async () => {
    expect(listener).toBeInstanceOf(Function);
    const { answers, popup } = await askConsent();
    expect(popup.instance.data.show).toBe(true);
    await waitForText(popup, '《博爱义工隐私保护指引》');
    expect(textOf(popup)).toContain('同意并继续');
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    popup.detach();
  });

  it('agree: resolves with the agree button id after its agreeprivacyauthorization event', async () => {
    const { answers, popup } = await askConsent();
    const agree = popup.querySelector('.privacy__agree')!;
    const nativeButton = agree.querySelector('.van-button')!;
    // WeChat checks that the button whose id is passed to resolve() was tapped: the native button carries it.
    expect((nativeButton as unknown as { _exparserNode: { id: string } })._exparserNode.id).toBe('agree-privacy-btn');
    nativeButton.dispatchEvent('agreeprivacyauthorization');
    await settle();
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'agree-privacy-btn' });
    expect(popup.instance.data.show).toBe(false);
    popup.detach();
  });

  it('disagree: resolves with disagree and closes', async () => {
    const { answers, popup } = await askConsent();
    await tap(popup, '.privacy__disagree');
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
    expect(popup.instance.data.show).toBe(false);
    popup.detach();
  });
});
