/** Hosts Doorman may open in the creator's browser: Fansly itself and the gateway's docs. */
export const EXTERNAL_HOST_ALLOWLIST = ['fansly.com', 'apifansly.com'] as const;

/** https only, on an allowlisted host or its subdomain, with no credentials in the URL. */
export function isAllowedExternalUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOST_ALLOWLIST.some(
    (allowed) => host === allowed || host.endsWith(`.${allowed}`),
  );
}
