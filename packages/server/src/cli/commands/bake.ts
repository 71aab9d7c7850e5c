import { bakePng, bakeSvg, CLR_SVG_NAMESPACE, OB_SVG_NAMESPACE, parseIJson, unbake } from '@microcred/vc';
import { readBytes, UsageError, writeOutput } from '../cli-io.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

function readCredentialText(path: string): { text: string; isClr: boolean } {
  const text = new TextDecoder().decode(readBytes(path)).trim();
  if (text.startsWith('{')) {
    let document: unknown;
    try {
      document = parseIJson(text);
    } catch (cause) {
      throw new UsageError(`${path} is not valid JSON: ${(cause as Error).message}`);
    }
    const type = (document as { type?: unknown }).type;
    const types = Array.isArray(type) ? type : [type];
    return { text, isClr: types.includes('ClrCredential') };
  }
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) return { text, isClr: false };
  throw new UsageError(`${path} is neither a JSON credential nor a compact JWS`);
}

/** `microcred bake`: embeds a credential (JSON or JWT) in a PNG or SVG, as OB 3.0 §Baking specifies. */
export function bakeImage(
  options: { credential: string; image: string; out: string },
  stdout: (text: string) => void,
): void {
  const { text, isClr } = readCredentialText(options.credential);
  const image = readBytes(options.image);
  const isPng = PNG_SIGNATURE.every((byte, index) => image[index] === byte);
  if (isPng) {
    writeOutput(
      options.out,
      bakePng({ image, credential: text, keyword: isClr ? 'clrcredential' : 'openbadgecredential' }),
    );
  } else {
    const svg = new TextDecoder().decode(image);
    if (!/<svg[\s>]/.test(svg)) throw new UsageError(`${options.image} is neither a PNG nor an SVG`);
    writeOutput(
      options.out,
      bakeSvg({ svg, credential: text, namespace: isClr ? CLR_SVG_NAMESPACE : OB_SVG_NAMESPACE }),
    );
  }
  stdout(`baked ${options.credential} into ${options.out}\n`);
}

/** `microcred unbake`: prints the credential baked into a PNG or SVG (pretty JSON, or the JWS). */
export function unbakeImage(path: string, stdout: (text: string) => void): void {
  const { text } = unbake(readBytes(path));
  // Strict, so a credential with a decoy duplicate member is reported, not shown with the decoy dropped.
  stdout(text.startsWith('{') ? `${JSON.stringify(parseIJson(text), null, 2)}\n` : `${text}\n`);
}
