/** Environment variable with the address of the moto server the rehearsal runs against. */
export const MOTO_URL_VARIABLE = 'MOTO_URL';

export const MOTO_INSTRUCTIONS = [
  'The rehearsal runs against a moto server (an independent AWS emulator) on this machine. Start one, then pass its address:',
  '  pip install "moto[server]" && moto_server -p 5055        (or: docker run -p 127.0.0.1:5055:5000 motoserver/moto)',
  '  MOTO_URL=http://127.0.0.1:5055 npm run rehearse',
].join('\n');

export class MotoUnavailable extends Error {}

/** The emulator's address: an http URL on loopback, so nothing real can be reached by mistake. */
export function motoUrl(env: NodeJS.ProcessEnv = process.env): URL {
  const raw = env[MOTO_URL_VARIABLE];
  if (!raw) throw new MotoUnavailable(`${MOTO_URL_VARIABLE} is not set.\n${MOTO_INSTRUCTIONS}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MotoUnavailable(`${MOTO_URL_VARIABLE}=${raw} is not a URL; expected something like http://127.0.0.1:5055`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new MotoUnavailable(`${MOTO_URL_VARIABLE}=${raw} must be an http:// address on loopback (127.0.0.1), never a real endpoint`);
  }
  return url;
}

/** Checks that moto answers, then clears everything it holds so the rehearsal starts from nothing. */
export async function resetMoto(url: URL): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL('/moto-api/reset', url), { method: 'POST', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new MotoUnavailable(`no moto server answers at ${url.origin} (${(error as Error).message}).\n${MOTO_INSTRUCTIONS}`);
  }
  if (!response.ok) throw new MotoUnavailable(`${url.origin} answered ${response.status} to POST /moto-api/reset; is it a moto server?\n${MOTO_INSTRUCTIONS}`);
}
