/**
 * Datasource credentials at rest: AES-256-GCM through WebCrypto, a fresh IV per secret, and the
 * datasource id as additional data, so a sealed secret copied to another row does not open.
 * The key (32 bytes, base64) comes from the service's `secretKey` option or PROMKIT_SECRET_KEY.
 */

/** Seals and opens secrets for one key. */
export interface SecretBox {
  seal(plain: string, boundTo: string): Promise<string>;
  open(sealed: string, boundTo: string): Promise<string>;
}

const PREFIX = 'aes-gcm-v1';

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The key's bytes, or an error that says how to make one. */
function keyBytes(key: string): Uint8Array {
  let bytes: Uint8Array | undefined;
  try {
    bytes = fromBase64(key.trim());
  } catch {
    bytes = undefined;
  }
  if (!bytes || bytes.length !== 32) {
    throw new Error('The secret key must be 32 random bytes in base64 (e.g. the output of `openssl rand -base64 32`), given as secretKey or PROMKIT_SECRET_KEY.');
  }
  return bytes;
}

/** A SecretBox for `key` (base64 of 32 bytes); a key of another size throws here, at once. */
export function secretBox(key: string): SecretBox {
  const bytes = keyBytes(key);
  let imported: Promise<CryptoKey> | undefined;
  const aesKey = () => (imported ??= crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']));
  const encoder = new TextEncoder();
  return {
    async seal(plain, boundTo) {
      const aes = await aesKey();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(boundTo) }, aes, encoder.encode(plain)));
      return `${PREFIX}:${toBase64(iv)}:${toBase64(sealed)}`;
    },
    async open(sealed, boundTo) {
      const aes = await aesKey();
      const [prefix, iv, data] = sealed.split(':');
      if (prefix !== PREFIX || !iv || !data) throw new Error('A stored secret is not in a form this promkit reads.');
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) as BufferSource, additionalData: encoder.encode(boundTo) }, aes, fromBase64(data) as BufferSource);
        return new TextDecoder().decode(plain);
      } catch {
        throw new Error('A stored secret does not open with this key: was the secret key changed?');
      }
    },
  };
}
