import { FrugalError } from '../../errors/frugal-error.ts';
import type { UpstreamProvider } from '../../providers/upstream-provider.ts';
import type { Gateway } from '../gateway.ts';

/** Sent to an emulator when the operator configured no key: the emulator wants one, never a real one. */
const EMULATOR_KEY = 'frugal-emulator-key';

/**
 * The key for an upstream call: the client's own key when the provider allows client keys
 * (bring your own key), else the operator's, read from its environment variable at call
 * time so a rotated key applies without a restart.
 */
export function upstreamKey(gateway: Gateway, provider: UpstreamProvider, clientKey: string | undefined): string {
  const { config } = provider;
  if (config.allowClientKeys && clientKey !== undefined) return clientKey;
  const configured = config.apiKeyEnv === undefined ? undefined : gateway.env[config.apiKeyEnv];
  if (configured !== undefined && configured !== '') return configured;
  if (gateway.emulated) return EMULATOR_KEY;
  const where = config.apiKeyEnv === undefined ? `set providers.${config.name}.apiKeyEnv` : `set ${config.apiKeyEnv}`;
  const byok = config.allowClientKeys ? ' or send your own key' : '';
  throw new FrugalError('FRUGAL_PROVIDER_KEY_MISSING', `The gateway has no API key for provider "${config.name}": ${where}${byok}.`, {
    errorClass: 'provider_key_missing',
    kind: 'authentication',
  });
}
