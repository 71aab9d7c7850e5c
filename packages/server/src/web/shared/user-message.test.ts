import { ErrorCode, MicrocredError } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { translator } from '../../i18n/translate.js';
import { correctableMessage, userMessage } from './user-message.js';

const en = translator('en');
const fr = translator('fr');

function zodErrorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('the value was expected to fail');
  return parsed.error;
}

const profile = z.strictObject({
  handle: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

describe('a refusal shown on a page', () => {
  it('leads with a sentence for its code in the page’s language, then keeps the domain’s own words', () => {
    const conflict = new ServerError(
      ServerErrorCode.CONFLICT,
      'the last owner of an issuer cannot be removed',
    );
    expect(userMessage(conflict, en)).toBe(
      'This cannot be done as things stand: the last owner of an issuer cannot be removed',
    );
    expect(userMessage(conflict, fr)).toBe(
      'Ce n’est pas possible en l’état : the last owner of an issuer cannot be removed',
    );
  });

  it('has a French sentence for each code family a page shows', () => {
    const cases: [ServerErrorCode, string, string][] = [
      [
        ServerErrorCode.VALIDATION_ERROR,
        'What was entered is not accepted',
        'La valeur saisie n’est pas acceptée',
      ],
      [ServerErrorCode.CONFLICT, 'This cannot be done as things stand', 'Ce n’est pas possible en l’état'],
      [
        ServerErrorCode.RATE_LIMITED,
        'Too many attempts, wait a moment before trying again',
        'Trop de tentatives, patientez un moment avant de réessayer',
      ],
      [
        ServerErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'This kind of file is not accepted here',
        'Ce type de fichier n’est pas accepté ici',
      ],
      [ServerErrorCode.PAYLOAD_TOO_LARGE, 'This is over the size limit', 'La taille permise est dépassée'],
      [ServerErrorCode.FORBIDDEN, 'Your role does not allow this', 'Votre rôle ne le permet pas'],
      [ServerErrorCode.PARSING_ERROR, 'This could not be read', 'Ce contenu n’a pas pu être lu'],
      [ServerErrorCode.REVOKED, 'This credential is revoked', 'Cette certification est révoquée'],
      [
        ServerErrorCode.RESOURCE_UNAVAILABLE,
        'Something the check needs could not be reached',
        'Une ressource nécessaire à la vérification n’a pas pu être obtenue',
      ],
    ];
    for (const [code, english, french] of cases) {
      expect(userMessage(new ServerError(code, 'why'), en), code).toBe(`${english}: why`);
      expect(userMessage(new ServerError(code, 'why'), fr), code).toBe(`${french} : why`);
    }
  });

  it('translates the credential library’s own errors by their code', () => {
    const unbound = new MicrocredError(ErrorCode.UNBOUND_KEY, 'the key is not the issuer’s');
    expect(userMessage(unbound, fr)).toBe(
      'Rien ne montre que la clé de signature appartient à l’émetteur : the key is not the issuer’s',
    );
    expect(userMessage(unbound, en)).toBe(
      'Nothing shows that the signing key belongs to the issuer: the key is not the issuer’s',
    );
  });

  it('says only the sentence for its code when the domain gave no detail', () => {
    const bare = new ServerError(ServerErrorCode.CONFLICT, '');
    expect(userMessage(bare, en)).toBe('This cannot be done as things stand.');
    expect(userMessage(bare, fr)).toBe('Ce n’est pas possible en l’état.');
  });

  it('names every field of invalid input, each with its path', () => {
    const invalid = zodErrorOf(profile, { handle: 'Not OK', url: 'ftp://example.org', extra: 1 });
    expect(userMessage(invalid, en)).toBe(
      'What was entered is not accepted: handle: lowercase letters, digits and hyphens; ' +
        'url: must be an http(s) URL; extra: is not a known field',
    );
    expect(userMessage(invalid, fr)).toBe(
      'La valeur saisie n’est pas acceptée : handle : lowercase letters, digits and hyphens ; ' +
        'url : must be an http(s) URL ; extra : is not a known field',
    );
  });

  it('keeps the field reasons a domain error lists beyond the first one its message restates', () => {
    const skills = new ServerError(ServerErrorCode.VALIDATION_ERROR, 'A is not a skill of the framework', {
      details: {
        errors: [
          { path: 'skills.0.url', in: 'body', message: 'A is not a skill of the framework' },
          { path: 'skills.2.url', in: 'body', message: 'B is not a skill of the framework' },
        ],
      },
    });
    expect(userMessage(skills, en)).toBe(
      'What was entered is not accepted: A is not a skill of the framework; ' +
        'skills.2.url: B is not a skill of the framework',
    );
    expect(userMessage(skills, fr)).toBe(
      'La valeur saisie n’est pas acceptée : A is not a skill of the framework ; ' +
        'skills.2.url : B is not a skill of the framework',
    );
  });

  it('is null for a fault, for something not there, and for anything that is not a domain error', () => {
    for (const t of [en, fr]) {
      expect(userMessage(new ServerError(ServerErrorCode.INTERNAL, 'the database is down'), t)).toBeNull();
      expect(userMessage(new ServerError(ServerErrorCode.NOT_FOUND, 'no such credential'), t)).toBeNull();
      expect(userMessage(new TypeError('undefined is not a function'), t)).toBeNull();
    }
  });
});

describe('a refusal a form shows beside its values', () => {
  it('leaves a role that may not act and a missing session to the error pages', () => {
    for (const t of [en, fr]) {
      expect(correctableMessage(new ServerError(ServerErrorCode.FORBIDDEN, 'viewers may not'), t)).toBeNull();
      expect(correctableMessage(new ServerError(ServerErrorCode.UNAUTHORIZED, 'sign in'), t)).toBeNull();
    }
  });

  it('is otherwise the same refusal, in the page’s language', () => {
    const invalid = zodErrorOf(profile, { handle: 'ok', url: 'ftp://example.org' });
    expect(correctableMessage(invalid, fr)).toBe(
      'La valeur saisie n’est pas acceptée : url : must be an http(s) URL',
    );
    expect(correctableMessage(invalid, en)).toBe(
      'What was entered is not accepted: url: must be an http(s) URL',
    );
  });
});
