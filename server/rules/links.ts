/** Links the app hands out for others to open (a charity project's page on its fundraising platform). */

/** An https address with a host and no credentials in it; anything else is refused. */
export function isHttpsUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}
